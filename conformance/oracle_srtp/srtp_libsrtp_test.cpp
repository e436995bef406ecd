// tern SRTP vs libsrtp, byte for byte: the same master keys, thousands of random RTP and RTCP
// packets (sizes, CSRC lists, header extensions, SSRCs, sequence numbers with reordering, jumps,
// wraps and ROC rollovers), for every profile. tern's protect output must equal libsrtp's, each
// side must unprotect the other's output, and both must reject the same replays.
#include <catch2/catch.hpp>
#include <srtp2/srtp.h>

#include <algorithm>
#include <cstring>
#include <map>
#include <random>
#include <vector>

#include "common/byte_reader.hpp"
#include "srtp/session.hpp"

using namespace tern::srtp;

namespace {

constexpr int kMaxTrailer = SRTP_MAX_TRAILER_LEN + 4;

void init_libsrtp_once() {
  static const bool ok = srtp_init() == srtp_err_status_ok;
  REQUIRE(ok);
}

void set_policy(SrtpProfile profile, srtp_crypto_policy_t& rtp, srtp_crypto_policy_t& rtcp) {
  switch (profile) {
    case SrtpProfile::kAes128CmHmacSha1_80:
      srtp_crypto_policy_set_aes_cm_128_hmac_sha1_80(&rtp);
      srtp_crypto_policy_set_aes_cm_128_hmac_sha1_80(&rtcp);
      break;
    case SrtpProfile::kAes128CmHmacSha1_32:
      srtp_crypto_policy_set_aes_cm_128_hmac_sha1_32(&rtp);
      srtp_crypto_policy_set_aes_cm_128_hmac_sha1_80(&rtcp);  // RFC 5764 §4.1.2: SRTCP keeps 80 bits
      break;
    case SrtpProfile::kAeadAes128Gcm:
      srtp_crypto_policy_set_aes_gcm_128_16_auth(&rtp);
      srtp_crypto_policy_set_aes_gcm_128_16_auth(&rtcp);
      break;
    case SrtpProfile::kAeadAes256Gcm:
      srtp_crypto_policy_set_aes_gcm_256_16_auth(&rtp);
      srtp_crypto_policy_set_aes_gcm_256_16_auth(&rtcp);
      break;
  }
}

// One libsrtp session (one direction).
class Libsrtp {
 public:
  Libsrtp(SrtpProfile profile, const SrtpMasterKey& key, bool outbound, bool encrypt_rtp, bool encrypt_rtcp) {
    init_libsrtp_once();
    key_ = key.key;
    key_.insert(key_.end(), key.salt.begin(), key.salt.end());
    srtp_policy_t policy;
    std::memset(&policy, 0, sizeof(policy));
    set_policy(profile, policy.rtp, policy.rtcp);
    if (!encrypt_rtp) policy.rtp.sec_serv = sec_serv_auth;
    if (!encrypt_rtcp) policy.rtcp.sec_serv = sec_serv_auth;
    policy.ssrc.type = outbound ? ssrc_any_outbound : ssrc_any_inbound;
    policy.key = key_.data();
    policy.window_size = 64;
    policy.allow_repeat_tx = 0;
    policy.next = nullptr;
    REQUIRE(srtp_create(&session_, &policy) == srtp_err_status_ok);
  }
  ~Libsrtp() { srtp_dealloc(session_); }
  Libsrtp(const Libsrtp&) = delete;
  Libsrtp& operator=(const Libsrtp&) = delete;

  // Each returns the status and resizes `packet` to the output length.
  srtp_err_status_t protect_rtp(std::vector<uint8_t>& packet) {
    return run(packet, kMaxTrailer, [&](int* len) { return srtp_protect(session_, packet.data(), len); });
  }
  srtp_err_status_t unprotect_rtp(std::vector<uint8_t>& packet) {
    return run(packet, 0, [&](int* len) { return srtp_unprotect(session_, packet.data(), len); });
  }
  srtp_err_status_t protect_rtcp(std::vector<uint8_t>& packet) {
    return run(packet, kMaxTrailer, [&](int* len) { return srtp_protect_rtcp(session_, packet.data(), len); });
  }
  srtp_err_status_t unprotect_rtcp(std::vector<uint8_t>& packet) {
    return run(packet, 0, [&](int* len) { return srtp_unprotect_rtcp(session_, packet.data(), len); });
  }

 private:
  template <class F>
  static srtp_err_status_t run(std::vector<uint8_t>& packet, int room, F f) {
    int len = static_cast<int>(packet.size());
    packet.resize(packet.size() + static_cast<size_t>(room));
    srtp_err_status_t status = f(&len);
    packet.resize(status == srtp_err_status_ok ? static_cast<size_t>(len) : packet.size() - static_cast<size_t>(room));
    return status;
  }
  srtp_t session_ = nullptr;
  std::vector<uint8_t> key_;
};

// A random RTP packet: random PT/M/P bits, CSRCs, header extension and payload.
std::vector<uint8_t> random_rtp(std::mt19937_64& rng, uint32_t ssrc, uint16_t seq) {
  auto r = [&](uint64_t n) { return static_cast<size_t>(rng() % n); };
  const size_t csrcs = r(4) == 0 ? r(16) : 0;
  const bool ext = r(2) == 0;
  const size_t ext_words = ext ? r(12) : 0;
  std::vector<uint8_t> p(12 + 4 * csrcs);
  p[0] = static_cast<uint8_t>(0x80 | (r(8) == 0 ? 0x20 : 0) | (ext ? 0x10 : 0) | csrcs);
  p[1] = static_cast<uint8_t>(r(256));
  tern::store_be16(p.data() + 2, seq);
  tern::store_be32(p.data() + 4, static_cast<uint32_t>(rng()));
  tern::store_be32(p.data() + 8, ssrc);
  for (size_t i = 0; i < csrcs; ++i) tern::store_be32(p.data() + 12 + 4 * i, static_cast<uint32_t>(rng()));
  if (ext) {
    p.push_back(0xbe);
    p.push_back(0xde);
    p.push_back(static_cast<uint8_t>(ext_words >> 8));
    p.push_back(static_cast<uint8_t>(ext_words));
    for (size_t i = 0; i < 4 * ext_words; ++i) p.push_back(static_cast<uint8_t>(rng()));
  }
  const size_t payload = r(5) == 0 ? r(16) : r(1400);
  for (size_t i = 0; i < payload; ++i) p.push_back(static_cast<uint8_t>(rng()));
  return p;
}

// A random RTCP packet (a header with this SSRC and a random body of any length).
std::vector<uint8_t> random_rtcp(std::mt19937_64& rng, uint32_t ssrc) {
  const size_t body = (rng() % 3 == 0) ? rng() % 12 : rng() % 600;
  std::vector<uint8_t> p(8);
  p[0] = static_cast<uint8_t>(0x80 | (rng() % 32));
  p[1] = static_cast<uint8_t>(200 + rng() % 8);
  tern::store_be16(p.data() + 2, static_cast<uint16_t>((8 + body) / 4));
  tern::store_be32(p.data() + 4, ssrc);
  for (size_t i = 0; i < body; ++i) p.push_back(static_cast<uint8_t>(rng()));
  return p;
}

// Per-SSRC sequence source: mostly +1, sometimes a gap whose skipped numbers arrive later (still
// inside the replay window), sometimes a forward jump of up to 2^15 - 1.
struct SeqSource {
  uint16_t next = 0;
  std::vector<uint16_t> skipped;
  uint16_t pick(std::mt19937_64& rng) {
    // Skipped numbers that fell 40 behind are abandoned (lost), so none leaves the 64-packet window.
    std::erase_if(skipped, [this](uint16_t s) { return static_cast<uint16_t>(next - s) > 40; });
    if (!skipped.empty() && rng() % 4 == 0) {
      const size_t i = static_cast<size_t>(rng() % skipped.size());
      const uint16_t s = skipped[i];
      skipped.erase(skipped.begin() + static_cast<long>(i));
      return s;
    }
    const uint64_t roll = rng() % 100;
    if (roll < 3) {
      next = static_cast<uint16_t>(next + 1000 + rng() % 31000);  // big forward jump
      skipped.clear();
    } else if (roll < 15) {
      const unsigned gap = 1 + static_cast<unsigned>(rng() % 5);
      for (unsigned g = 0; g < gap && skipped.size() < 20; ++g) skipped.push_back(static_cast<uint16_t>(next + g));
      next = static_cast<uint16_t>(next + gap);
    }
    return next++;
  }
};

struct Counts {
  size_t rtp = 0, rtcp = 0, replays = 0, wraps = 0;
};

Counts run_differential(SrtpProfile profile, bool encrypt_rtp, bool encrypt_rtcp, uint64_t seed, size_t packets) {
  std::mt19937_64 rng(seed);
  const SrtpProfileParams& params = profile_params(profile);
  SrtpMasterKey key;
  for (size_t i = 0; i < params.master_key_size; ++i) key.key.push_back(static_cast<uint8_t>(rng()));
  for (size_t i = 0; i < params.master_salt_size; ++i) key.salt.push_back(static_cast<uint8_t>(rng()));

  SrtpConfig config;
  config.profile = profile;
  config.encrypt_rtp = encrypt_rtp;
  config.encrypt_rtcp = encrypt_rtcp;
  config.initial_srtcp_index = 1;  // libsrtp's first SRTCP index is 1 (RFC 3711 §3.4 says 0)
  config.outbound = key;
  auto tern_tx = SrtpSession::create(config);
  config.outbound.reset();
  config.inbound = key;
  auto tern_rx = SrtpSession::create(config);
  REQUIRE(tern_tx.ok());
  REQUIRE(tern_rx.ok());
  Libsrtp lib_tx(profile, key, true, encrypt_rtp, encrypt_rtcp);
  Libsrtp lib_rx(profile, key, false, encrypt_rtp, encrypt_rtcp);

  // Eight SSRCs; half start just below the wrap so the ROC rolls over early.
  std::vector<uint32_t> ssrcs;
  std::map<uint32_t, SeqSource> seqs;
  for (int i = 0; i < 8; ++i) {
    const uint32_t ssrc = static_cast<uint32_t>(rng());
    ssrcs.push_back(ssrc);
    seqs[ssrc].next = static_cast<uint16_t>(i % 2 ? 65535 - rng() % 300 : rng());
  }
  std::map<uint32_t, uint16_t> last_seq;
  std::vector<std::pair<bool, std::vector<uint8_t>>> recent;  // (is RTCP, protected packet), for replays
  Counts counts;
  for (size_t n = 0; n < packets; ++n) {
    const uint32_t ssrc = ssrcs[static_cast<size_t>(rng() % ssrcs.size())];
    const bool is_rtcp = rng() % 8 == 0;
    std::vector<uint8_t> plain;
    if (is_rtcp) {
      plain = random_rtcp(rng, ssrc);
    } else {
      const uint16_t seq = seqs[ssrc].pick(rng);
      if (last_seq.count(ssrc) && seq < last_seq[ssrc] && last_seq[ssrc] - seq > 32768) ++counts.wraps;
      last_seq[ssrc] = seq;
      plain = random_rtp(rng, ssrc, seq);
    }
    INFO("packet " << n << (is_rtcp ? " RTCP" : " RTP") << " size " << plain.size());

    // tern protect vs libsrtp protect: identical bytes.
    std::vector<uint8_t> ours = plain;
    const size_t overhead = is_rtcp ? tern_tx->rtcp_overhead() : tern_tx->rtp_overhead();
    ours.resize(plain.size() + overhead);
    auto protected_size = is_rtcp ? tern_tx->protect_rtcp(ours, plain.size()) : tern_tx->protect_rtp(ours, plain.size());
    REQUIRE(protected_size.ok());
    ours.resize(*protected_size);
    std::vector<uint8_t> theirs = plain;
    REQUIRE((is_rtcp ? lib_tx.protect_rtcp(theirs) : lib_tx.protect_rtp(theirs)) == srtp_err_status_ok);
    REQUIRE(ours == theirs);

    // Each side unprotects the other's output.
    std::vector<uint8_t> at_tern = theirs;
    auto plain_size = is_rtcp ? tern_rx->unprotect_rtcp(at_tern) : tern_rx->unprotect_rtp(at_tern);
    REQUIRE(plain_size.ok());
    at_tern.resize(*plain_size);
    REQUIRE(at_tern == plain);
    std::vector<uint8_t> at_lib = ours;
    REQUIRE((is_rtcp ? lib_rx.unprotect_rtcp(at_lib) : lib_rx.unprotect_rtp(at_lib)) == srtp_err_status_ok);
    REQUIRE(at_lib == plain);
    ++(is_rtcp ? counts.rtcp : counts.rtp);

    // Now and then, replay a recent packet: both receivers refuse it.
    recent.emplace_back(is_rtcp, ours);
    if (recent.size() > 16) recent.erase(recent.begin());
    if (rng() % 50 == 0) {
      const auto& [old_is_rtcp, old] = recent[static_cast<size_t>(rng() % recent.size())];
      std::vector<uint8_t> a = old, b = old;
      auto r = old_is_rtcp ? tern_rx->unprotect_rtcp(a) : tern_rx->unprotect_rtp(a);
      REQUIRE_FALSE(r.ok());
      CHECK((r.error().is(SrtpErrc::kReplayed) || r.error().is(SrtpErrc::kTooOld)));
      const srtp_err_status_t s = old_is_rtcp ? lib_rx.unprotect_rtcp(b) : lib_rx.unprotect_rtp(b);
      CHECK((s == srtp_err_status_replay_fail || s == srtp_err_status_replay_old));
      ++counts.replays;
    }
  }
  return counts;
}

}  // namespace

TEST_CASE("oracle: tern SRTP == libsrtp for every profile (encrypted)", "[srtp][oracle]") {
  for (SrtpProfile profile : kAllSrtpProfiles) {
    INFO(profile_params(profile).name);
    const Counts c = run_differential(profile, true, true, 0x5eed0000 + static_cast<uint64_t>(profile), 4000);
    CHECK(c.rtp > 3000);
    CHECK(c.rtcp > 300);
    CHECK(c.replays > 20);
    CHECK(c.wraps >= 8);  // every SSRC rolled its ROC over at least once
  }
}

TEST_CASE("oracle: SRTCP with E = 0 and SRTP authentication only", "[srtp][oracle]") {
  for (SrtpProfile profile : kAllSrtpProfiles) {
    INFO(profile_params(profile).name);
    // libsrtp's AEAD transform always encrypts SRTP, so RTP stays encrypted there.
    const bool encrypt_rtp = profile_params(profile).aead;
    const Counts c = run_differential(profile, encrypt_rtp, false, 0xe0e0 + static_cast<uint64_t>(profile), 1500);
    CHECK(c.rtp > 1000);
    CHECK(c.rtcp > 100);
  }
}

TEST_CASE("oracle: libsrtp rejects what tern rejects (tampered packets)", "[srtp][oracle]") {
  for (SrtpProfile profile : kAllSrtpProfiles) {
    INFO(profile_params(profile).name);
    std::mt19937_64 rng(0x7a3e + static_cast<uint64_t>(profile));
    const SrtpProfileParams& params = profile_params(profile);
    SrtpMasterKey key;
    for (size_t i = 0; i < params.master_key_size; ++i) key.key.push_back(static_cast<uint8_t>(rng()));
    for (size_t i = 0; i < params.master_salt_size; ++i) key.salt.push_back(static_cast<uint8_t>(rng()));
    Libsrtp lib_tx(profile, key, true, true, true);
    SrtpConfig config;
    config.profile = profile;
    config.inbound = key;
    auto rx = SrtpSession::create(config);
    REQUIRE(rx.ok());
    for (uint16_t seq = 1; seq < 200; ++seq) {
      auto packet = random_rtp(rng, 0x1234, seq);
      REQUIRE(lib_tx.protect_rtp(packet) == srtp_err_status_ok);
      // Flip one random bit anywhere after the fixed header's first byte: never accepted.
      auto bad = packet;
      const size_t at = 1 + static_cast<size_t>(rng() % (bad.size() - 1));
      bad[at] ^= static_cast<uint8_t>(1u << (rng() % 8));
      auto r = rx->unprotect_rtp(bad);
      CHECK_FALSE(r.ok());
      // The genuine packet still passes afterwards (a forgery must not touch the replay state).
      auto good = rx->unprotect_rtp(packet);
      CHECK(good.ok());
    }
  }
}

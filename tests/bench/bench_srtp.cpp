// SRTP protect/unprotect of 1200-byte RTP packets, packets per second: tern vs libsrtp measured
// in the same run, for SRTP_AES128_CM_HMAC_SHA1_80 and SRTP_AEAD_AES_128_GCM. Both sides do the
// same work per packet: copy the packet into a scratch buffer, then transform it in place.
//
// Unprotect replays a ring of packets protected with consecutive sequence numbers; the receiving
// session (tern's and libsrtp's alike) is re-created whenever the ring wraps, so the replay check
// passes (that cost is amortised over kRing packets).
#include <srtp2/srtp.h>

#include <cstdio>
#include <cstring>
#include <memory>
#include <vector>

#include "bench_util.hpp"
#include "common/byte_reader.hpp"
#include "crypto/hmac.hpp"
#include "crypto/hmac_sha1.hpp"
#include "srtp/session.hpp"

using namespace tern;
using namespace tern::srtp;

namespace {

constexpr size_t kPacketSize = 1200;  // RTP header (12) + payload
constexpr size_t kRing = 1024;
constexpr uint32_t kSsrc = 0x1234abcd;

std::vector<uint8_t> make_rtp(uint16_t seq) {
  std::vector<uint8_t> p(kPacketSize);
  p[0] = 0x80;
  p[1] = 96;
  store_be16(p.data() + 2, seq);
  store_be32(p.data() + 4, 90000u * seq);
  store_be32(p.data() + 8, kSsrc);
  for (size_t i = 12; i < p.size(); ++i) p[i] = static_cast<uint8_t>(i * 7);
  return p;
}

SrtpMasterKey make_key(SrtpProfile profile) {
  const SrtpProfileParams& p = profile_params(profile);
  SrtpMasterKey k;
  for (size_t i = 0; i < p.master_key_size; ++i) k.key.push_back(static_cast<uint8_t>(0x11 * i + 3));
  for (size_t i = 0; i < p.master_salt_size; ++i) k.salt.push_back(static_cast<uint8_t>(0x5a ^ i));
  return k;
}

struct LibsrtpSession {
  srtp_t session = nullptr;
  std::vector<uint8_t> key;
  LibsrtpSession(SrtpProfile profile, const SrtpMasterKey& k, bool outbound) {
    key = k.key;
    key.insert(key.end(), k.salt.begin(), k.salt.end());
    srtp_policy_t policy;
    std::memset(&policy, 0, sizeof(policy));
    if (profile == SrtpProfile::kAeadAes128Gcm) {
      srtp_crypto_policy_set_aes_gcm_128_16_auth(&policy.rtp);
      srtp_crypto_policy_set_aes_gcm_128_16_auth(&policy.rtcp);
    } else {
      srtp_crypto_policy_set_aes_cm_128_hmac_sha1_80(&policy.rtp);
      srtp_crypto_policy_set_aes_cm_128_hmac_sha1_80(&policy.rtcp);
    }
    policy.ssrc.type = outbound ? ssrc_any_outbound : ssrc_any_inbound;
    policy.key = key.data();
    policy.window_size = 64;
    if (srtp_create(&session, &policy) != srtp_err_status_ok) std::abort();
  }
  ~LibsrtpSession() { srtp_dealloc(session); }
};

SrtpSession make_tern(SrtpProfile profile, bool outbound) {
  SrtpConfig c;
  c.profile = profile;
  (outbound ? c.outbound : c.inbound) = make_key(profile);
  auto s = SrtpSession::create(c);
  if (!s) std::abort();
  return std::move(*s);
}

void bench_profile(SrtpProfile profile, const char* label) {
  const std::vector<uint8_t> plain = make_rtp(0);
  std::vector<uint8_t> buf(kPacketSize + SRTP_MAX_TRAILER_LEN + 16);

  // protect
  SrtpSession tern_tx = make_tern(profile, true);
  uint16_t seq = 0;
  const bench::Rate tern_protect = bench::measure([&] {
    std::memcpy(buf.data(), plain.data(), kPacketSize);
    store_be16(buf.data() + 2, seq++);
    auto n = tern_tx.protect_rtp(buf, kPacketSize);
    if (!n) std::abort();
    bench::do_not_optimize(*n);
  }, kPacketSize);
  LibsrtpSession lib_tx(profile, make_key(profile), true);
  seq = 0;
  const bench::Rate lib_protect = bench::measure([&] {
    std::memcpy(buf.data(), plain.data(), kPacketSize);
    store_be16(buf.data() + 2, seq++);
    int len = static_cast<int>(kPacketSize);
    if (srtp_protect(lib_tx.session, buf.data(), &len) != srtp_err_status_ok) std::abort();
    bench::do_not_optimize(len);
  }, kPacketSize);
  bench::report(std::string("tern protect ") + label, tern_protect, "libsrtp", lib_protect);

  // unprotect: a ring of protected packets with SEQ 0..kRing-1 (identical bytes from both).
  std::vector<std::vector<uint8_t>> ring;
  {
    SrtpSession tx = make_tern(profile, true);
    for (size_t i = 0; i < kRing; ++i) {
      auto p = make_rtp(static_cast<uint16_t>(i));
      const size_t len = p.size();
      p.resize(len + tx.rtp_overhead());
      if (!tx.protect_rtp(p, len)) std::abort();
      ring.push_back(std::move(p));
    }
  }
  size_t at = 0;
  auto tern_rx = std::make_unique<SrtpSession>(make_tern(profile, false));
  const bench::Rate tern_unprotect = bench::measure([&] {
    if (at == kRing) {
      at = 0;
      tern_rx = std::make_unique<SrtpSession>(make_tern(profile, false));
    }
    const auto& p = ring[at++];
    std::memcpy(buf.data(), p.data(), p.size());
    auto n = tern_rx->unprotect_rtp(std::span<uint8_t>(buf.data(), p.size()));
    if (!n) std::abort();
    bench::do_not_optimize(*n);
  }, kPacketSize);
  at = 0;
  auto lib_rx = std::make_unique<LibsrtpSession>(profile, make_key(profile), false);
  const bench::Rate lib_unprotect = bench::measure([&] {
    if (at == kRing) {
      at = 0;
      lib_rx = std::make_unique<LibsrtpSession>(profile, make_key(profile), false);
    }
    const auto& p = ring[at++];
    std::memcpy(buf.data(), p.data(), p.size());
    int len = static_cast<int>(p.size());
    if (srtp_unprotect(lib_rx->session, buf.data(), &len) != srtp_err_status_ok) std::abort();
    bench::do_not_optimize(len);
  }, kPacketSize);
  bench::report(std::string("tern unprotect ") + label, tern_unprotect, "libsrtp", lib_unprotect);
}

// Why crypto::HmacSha1 exists: the SRTP tag with copied SHA_CTX states vs the EVP_MAC-based Hmac.
void bench_hmac() {
  std::vector<uint8_t> key(20, 0x42), data(kPacketSize + 4, 0x17);
  crypto::HmacSha1 fast(key);
  crypto::Hmac general(crypto::HashAlgorithm::kSha1, key);
  std::array<uint8_t, 20> out;
  const bench::Rate a = bench::measure([&] {
    fast.compute(std::span<const uint8_t>(data).first(kPacketSize), std::span<const uint8_t>(data).last(4), out);
    bench::do_not_optimize(out);
  }, static_cast<double>(data.size()));
  const bench::Rate b = bench::measure([&] {
    general.update(data);
    bench::do_not_optimize(general.finish());
  }, static_cast<double>(data.size()));
  bench::report("HMAC-SHA1 1204 B (HmacSha1)", a, "crypto::Hmac (EVP_MAC)", b);
}

}  // namespace

int main() {
  if (srtp_init() != srtp_err_status_ok) return 1;
  std::printf("SRTP, %zu-byte RTP packets, packets/s (ratio = tern / libsrtp)\n", kPacketSize);
  bench_profile(SrtpProfile::kAes128CmHmacSha1_80, "AES_CM_128_HMAC_SHA1_80");
  bench_profile(SrtpProfile::kAeadAes128Gcm, "AEAD_AES_128_GCM");
  bench_hmac();
  srtp_shutdown();
  return 0;
}

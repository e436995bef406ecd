// Robustness of the SRTP receive side against floods of SSRCs (an attacker, or a broken peer,
// spraying packets with random SSRCs): receive contexts are created only for authenticated
// packets (RFC 3711 §3.3.2), their number stays within max_inbound_ssrcs, every rejected packet
// is counted under exactly one reason, and the legitimate streams keep working throughout.
#include <catch2/catch.hpp>

#include <set>
#include <vector>

#include "common/byte_reader.hpp"
#include "common/rng.hpp"
#include "srtp/errc.hpp"
#include "srtp/session.hpp"

using namespace tern;
using namespace tern::srtp;

namespace {

SrtpMasterKey key_for(SrtpProfile profile) {
  const SrtpProfileParams& p = profile_params(profile);
  SrtpMasterKey k;
  for (size_t i = 0; i < p.master_key_size; ++i) k.key.push_back(static_cast<uint8_t>(0x40 + i));
  for (size_t i = 0; i < p.master_salt_size; ++i) k.salt.push_back(static_cast<uint8_t>(0x90 ^ i));
  return k;
}

SrtpSession make_session(SrtpProfile profile, bool outbound, size_t max_ssrcs) {
  SrtpConfig c;
  c.profile = profile;
  (outbound ? c.outbound : c.inbound) = key_for(profile);
  c.max_inbound_ssrcs = max_ssrcs;
  c.max_outbound_ssrcs = max_ssrcs;
  return SrtpSession::create(c).value();
}

uint32_t random_u32(Rng& rng) {
  uint8_t b[4];
  rng.fill(b);
  return load_be32(b);
}

std::vector<uint8_t> rtp_packet(uint32_t ssrc, uint16_t seq, size_t payload, size_t room) {
  std::vector<uint8_t> p(12 + payload + room);
  p[0] = 0x80;
  p[1] = 111;
  store_be16(p.data() + 2, seq);
  store_be32(p.data() + 4, seq * 960u);
  store_be32(p.data() + 8, ssrc);
  for (size_t i = 0; i < payload; ++i) p[12 + i] = static_cast<uint8_t>(i ^ seq);
  return p;
}

std::vector<uint8_t> protect(SrtpSession& tx, uint32_t ssrc, uint16_t seq, size_t payload = 60) {
  auto p = rtp_packet(ssrc, seq, payload, tx.rtp_overhead());
  auto n = tx.protect_rtp(p, p.size() - tx.rtp_overhead());
  REQUIRE(n.ok());
  return p;
}

uint64_t rejected(const SrtpStats& s) {
  return s.bad_packet + s.auth_failed + s.replayed + s.too_old + s.too_many_ssrcs + s.buffer_too_small +
         s.key_exhausted + s.no_key;
}

}  // namespace

TEST_CASE("flood: forged packets with random SSRCs never create receive contexts", "[srtp][flood]") {
  for (SrtpProfile profile : {SrtpProfile::kAes128CmHmacSha1_80, SrtpProfile::kAeadAes128Gcm}) {
    CAPTURE(static_cast<int>(profile));
    SrtpSession tx = make_session(profile, true, 64);
    SrtpSession rx = make_session(profile, false, 64);
    SeededRng rng(0xf100d);
    const uint32_t kLegit = 0x11111111;
    uint16_t legit_seq = 1;
    const size_t kForged = 20000;
    for (size_t i = 0; i < kForged; ++i) {
      // A well-formed RTP header with a random SSRC and sequence number, random payload and tag.
      std::vector<uint8_t> p(12 + 20 + (i % 200) + rx.rtp_overhead());
      rng.fill(p);
      p[0] = 0x80;  // version 2, no padding, extension or CSRCs
      auto r = rx.unprotect_rtp(p);
      REQUIRE_FALSE(r.ok());
      CHECK(r.error().is(SrtpErrc::kAuthFailed));
      if (i % 1000 == 0) {
        // The legitimate stream is unaffected.
        auto good = protect(tx, kLegit, legit_seq++);
        CHECK(rx.unprotect_rtp(good).ok());
      }
    }
    CHECK(rx.inbound_ssrc_count() == 1);  // only the legitimate SSRC
    CHECK(rx.stats().auth_failed == kForged);
    CHECK(rx.stats().rtp_unprotected == legit_seq - 1u);
    CHECK(rejected(rx.stats()) == kForged);

    // The same for SRTCP: random sender SSRCs, forged tags.
    for (size_t i = 0; i < 5000; ++i) {
      std::vector<uint8_t> c(8 + 24 + rx.rtcp_overhead());
      rng.fill(c);
      c[0] = 0x80;
      c[1] = 200;
      store_be16(c.data() + 2, static_cast<uint16_t>((8 + 24) / 4 - 1));
      auto r = rx.unprotect_rtcp(c);
      REQUIRE_FALSE(r.ok());
      CHECK(r.error().is(SrtpErrc::kAuthFailed));
    }
    CHECK(rx.inbound_ssrc_count() == 1);
    CHECK(rx.stats().auth_failed == kForged + 5000);
  }
}

TEST_CASE("flood: authentic packets from more SSRCs than the bound are counted and refused", "[srtp][flood]") {
  struct Row {
    size_t bound;
    size_t ssrcs;
  };
  for (const Row& row : {Row{1, 50}, Row{64, 1000}, Row{4096, 5000}}) {
    CAPTURE(row.bound, row.ssrcs);
    const SrtpProfile profile = SrtpProfile::kAeadAes128Gcm;
    // Senders sharing one key, each within its own outbound bound.
    std::vector<SrtpSession> senders;
    SrtpSession rx = make_session(profile, false, row.bound);
    SeededRng rng(row.ssrcs);
    std::set<uint32_t> used;
    std::vector<uint32_t> ssrcs;
    while (ssrcs.size() < row.ssrcs) {
      uint32_t s = random_u32(rng);
      if (used.insert(s).second) ssrcs.push_back(s);
    }
    uint64_t accepted = 0, refused = 0;
    for (size_t i = 0; i < ssrcs.size(); ++i) {
      if (i % 4096 == 0) senders.push_back(make_session(profile, true, 4096));
      auto p = protect(senders.back(), ssrcs[i], static_cast<uint16_t>(i));
      auto r = rx.unprotect_rtp(p);
      if (r.ok()) {
        ++accepted;
      } else {
        CHECK(r.error().is(SrtpErrc::kTooManySsrcs));
        ++refused;
      }
    }
    // First come, first kept: exactly `bound` contexts, the rest refused and counted.
    CHECK(accepted == row.bound);
    CHECK(refused == row.ssrcs - row.bound);
    CHECK(rx.inbound_ssrc_count() == row.bound);
    CHECK(rx.stats().too_many_ssrcs == refused);
    CHECK(rejected(rx.stats()) == refused);
    // Streams that got a context keep working; a refused one still cannot get in.
    auto again = protect(senders.front(), ssrcs[0], 1);
    CHECK(rx.unprotect_rtp(again).ok());
    if (row.ssrcs > row.bound) {
      auto late = protect(senders.back(), ssrcs.back(), static_cast<uint16_t>(row.ssrcs));
      auto r = rx.unprotect_rtp(late);
      REQUIRE_FALSE(r.ok());
      CHECK(r.error().is(SrtpErrc::kTooManySsrcs));
    }
    // Removing a stream (RTCP BYE) frees exactly one slot.
    rx.remove_inbound_ssrc(ssrcs[0]);
    CHECK(rx.inbound_ssrc_count() == row.bound - 1);
    if (row.ssrcs > row.bound) {
      auto late = protect(senders.back(), ssrcs.back(), static_cast<uint16_t>(row.ssrcs + 1));
      CHECK(rx.unprotect_rtp(late).ok());
      CHECK(rx.inbound_ssrc_count() == row.bound);
    }
  }
}

TEST_CASE("flood: random bytes are rejected with a counted reason and never crash", "[srtp][flood]") {
  SrtpSession rx = make_session(SrtpProfile::kAes128CmHmacSha1_80, false, 8);
  SeededRng rng(77);
  const size_t kPackets = 20000;
  for (size_t i = 0; i < kPackets; ++i) {
    uint8_t len_bytes[2];
    rng.fill(len_bytes);
    std::vector<uint8_t> p(load_be16(len_bytes) % 1500);
    rng.fill(p);
    if (i % 2 && !p.empty()) p[0] = static_cast<uint8_t>(0x80 | (p[0] & 0x3f));  // half look like RTP v2
    auto r = (i % 3 == 0) ? rx.unprotect_rtcp(p) : rx.unprotect_rtp(p);
    REQUIRE_FALSE(r.ok());
    CHECK((r.error().is(SrtpErrc::kBadPacket) || r.error().is(SrtpErrc::kAuthFailed)));
  }
  CHECK(rx.inbound_ssrc_count() == 0);
  CHECK(rejected(rx.stats()) == kPackets);
  CHECK(rx.stats().rtp_unprotected == 0);
  CHECK(rx.stats().rtcp_unprotected == 0);
}

#include <catch2/catch.hpp>

#include <algorithm>

#include "common/byte_reader.hpp"
#include "srtp/errc.hpp"
#include "srtp/packet_layout.hpp"
#include "srtp/session.hpp"
#include "test_util.hpp"

using namespace tern::srtp;
using tern::srtp::test::hex;

namespace {

SrtpMasterKey master_key(SrtpProfile profile, uint8_t seed = 1) {
  const SrtpProfileParams& p = profile_params(profile);
  SrtpMasterKey k;
  for (size_t i = 0; i < p.master_key_size; ++i) k.key.push_back(static_cast<uint8_t>(seed + i));
  for (size_t i = 0; i < p.master_salt_size; ++i) k.salt.push_back(static_cast<uint8_t>(0xa0 + seed + i));
  return k;
}

SrtpSession sender(SrtpProfile profile, SrtpConfig config = {}) {
  config.profile = profile;
  config.outbound = master_key(profile);
  auto s = SrtpSession::create(config);
  REQUIRE(s.ok());
  return std::move(*s);
}

SrtpSession receiver(SrtpProfile profile, SrtpConfig config = {}) {
  config.profile = profile;
  config.inbound = master_key(profile);
  auto s = SrtpSession::create(config);
  REQUIRE(s.ok());
  return std::move(*s);
}

// An RTP packet with `csrcs` CSRCs, an optional one-word extension and a patterned payload,
// with room for `room` bytes after it.
std::vector<uint8_t> rtp(uint32_t ssrc, uint16_t seq, size_t payload = 40, size_t csrcs = 0, bool ext = false) {
  std::vector<uint8_t> p(12 + 4 * csrcs + (ext ? 8 : 0));
  p[0] = static_cast<uint8_t>(0x80 | (ext ? 0x10 : 0) | csrcs);
  p[1] = 96;
  tern::store_be16(p.data() + 2, seq);
  tern::store_be32(p.data() + 4, 0x01020304);
  tern::store_be32(p.data() + 8, ssrc);
  for (size_t i = 0; i < csrcs; ++i) tern::store_be32(p.data() + 12 + 4 * i, 0xc0000000u + static_cast<uint32_t>(i));
  if (ext) {
    const size_t at = 12 + 4 * csrcs;
    tern::store_be32(p.data() + at, 0xbede0001);
    tern::store_be32(p.data() + at + 4, 0x10aa0000);
  }
  for (size_t i = 0; i < payload; ++i) p.push_back(static_cast<uint8_t>(seq + i));
  return p;
}

// A sender report + SDES-like body (contents are irrelevant to SRTCP beyond the first 8 bytes).
std::vector<uint8_t> rtcp(uint32_t ssrc, size_t body = 20) {
  std::vector<uint8_t> p(8);
  p[0] = 0x80;
  p[1] = 200;
  tern::store_be16(p.data() + 2, static_cast<uint16_t>((8 + body) / 4 - 1));
  tern::store_be32(p.data() + 4, ssrc);
  for (size_t i = 0; i < body; ++i) p.push_back(static_cast<uint8_t>(0x30 + i));
  return p;
}

// Protects `plain` with `tx`, returning the SRTP packet.
std::vector<uint8_t> protect(SrtpSession& tx, std::vector<uint8_t> plain) {
  const size_t length = plain.size();
  plain.resize(length + tx.rtp_overhead());
  auto n = tx.protect_rtp(plain, length);
  REQUIRE(n.ok());
  REQUIRE(*n == plain.size());
  return plain;
}

std::vector<uint8_t> protect_c(SrtpSession& tx, std::vector<uint8_t> plain) {
  const size_t length = plain.size();
  plain.resize(length + tx.rtcp_overhead());
  auto n = tx.protect_rtcp(plain, length);
  REQUIRE(n.ok());
  REQUIRE(*n == plain.size());
  return plain;
}

tern::Result<size_t> unprotect(SrtpSession& rx, std::vector<uint8_t> packet) { return rx.unprotect_rtp(packet); }

}  // namespace

TEST_CASE("session: round trip for every profile, header shapes and sizes", "[srtp][session]") {
  for (SrtpProfile profile : kAllSrtpProfiles) {
    INFO(profile_params(profile).name);
    auto tx = sender(profile);
    auto rx = receiver(profile);
    uint16_t seq = 100;
    for (size_t csrcs : {0, 1, 15}) {
      for (bool ext : {false, true}) {
        for (size_t payload : {0, 1, 15, 16, 17, 160, 1200}) {
          auto plain = rtp(0x11223344, seq++, payload, csrcs, ext);
          auto wire = protect(tx, plain);
          REQUIRE(wire.size() == plain.size() + profile_params(profile).rtp_tag_size);
          const size_t header = 12 + 4 * csrcs + (ext ? 8 : 0);
          CHECK(std::equal(plain.begin(), plain.begin() + static_cast<long>(header), wire.begin()));  // header in clear
          if (payload >= 16)
            CHECK_FALSE(std::equal(plain.begin() + static_cast<long>(header), plain.end(),
                                   wire.begin() + static_cast<long>(header)));  // payload encrypted
          auto n = rx.unprotect_rtp(wire);
          REQUIRE(n.ok());
          wire.resize(*n);
          CHECK(wire == plain);
        }
      }
    }
    for (size_t body : {0, 4, 20, 1000}) {
      auto plain = rtcp(0x55667788, body);
      auto wire = protect_c(tx, plain);
      REQUIRE(wire.size() == plain.size() + 4 + profile_params(profile).rtcp_tag_size);
      CHECK(std::equal(plain.begin(), plain.begin() + 8, wire.begin()));
      auto n = rx.unprotect_rtcp(wire);
      REQUIRE(n.ok());
      wire.resize(*n);
      CHECK(wire == plain);
    }
    CHECK(tx.stats().rtp_protected == 42);
    CHECK(rx.stats().rtp_unprotected == 42);
    CHECK(rx.stats().rtcp_unprotected == 4);
    CHECK(rx.inbound_ssrc_count() == 2);
    CHECK(tx.outbound_ssrc_count() == 2);
  }
}

TEST_CASE("session: ROC rollover across 65535 -> 0", "[srtp][session][roc]") {
  for (SrtpProfile profile : kAllSrtpProfiles) {
    INFO(profile_params(profile).name);
    auto tx = sender(profile);
    auto rx = receiver(profile);
    std::vector<std::vector<uint8_t>> wire;
    for (uint32_t i = 0; i < 12; ++i) wire.push_back(protect(tx, rtp(7, static_cast<uint16_t>(65530 + i))));
    // Delivered with a reordering across the wrap: 65530..65534, 1, 65535, 0, 2...
    const size_t order[] = {0, 1, 2, 3, 4, 7, 5, 6, 8, 9, 10, 11};
    for (size_t i : order) {
      INFO("packet " << i);
      auto packet = wire[i];
      auto n = rx.unprotect_rtp(packet);
      REQUIRE(n.ok());
      packet.resize(*n);
      CHECK(packet == rtp(7, static_cast<uint16_t>(65530 + i)));
    }
    // SEQ 0 after the wrap carries ROC 1: a receiver that never saw the wrap (ROC 0) rejects it.
    auto fresh = receiver(profile);
    auto n = unprotect(fresh, wire[6]);
    REQUIRE_FALSE(n.ok());
    CHECK(n.error().is(SrtpErrc::kAuthFailed));
    // And a sender that starts at SEQ 0 (ROC 0) produces a different packet for the same input.
    auto tx0 = sender(profile);
    CHECK(protect(tx0, rtp(7, 0)) != wire[6]);
  }
}

TEST_CASE("session: replay, too old, out of order within the window", "[srtp][session][replay]") {
  for (SrtpProfile profile : kAllSrtpProfiles) {
    INFO(profile_params(profile).name);
    auto tx = sender(profile);
    auto rx = receiver(profile);
    std::vector<std::vector<uint8_t>> wire;
    for (uint16_t s = 0; s < 200; ++s) wire.push_back(protect(tx, rtp(9, s)));
    CHECK(unprotect(rx, wire[10]).ok());
    CHECK(unprotect(rx, wire[12]).ok());
    CHECK(unprotect(rx, wire[11]).ok());  // out of order, inside the window: accepted once
    auto again = unprotect(rx, wire[11]);
    REQUIRE_FALSE(again.ok());
    CHECK(again.error().is(SrtpErrc::kReplayed));
    CHECK(unprotect(rx, wire[12]).error().is(SrtpErrc::kReplayed));
    CHECK(unprotect(rx, wire[150]).ok());
    CHECK(unprotect(rx, wire[150 - 63]).ok());  // left edge of a 64-packet window
    auto old = unprotect(rx, wire[150 - 64]);
    REQUIRE_FALSE(old.ok());
    CHECK(old.error().is(SrtpErrc::kTooOld));
    CHECK(unprotect(rx, wire[12]).error().is(SrtpErrc::kTooOld));
    CHECK(rx.stats().replayed == 2);
    CHECK(rx.stats().too_old == 2);
    CHECK(rx.stats().rtp_unprotected == 5);
  }
}

TEST_CASE("session: a configurable replay window", "[srtp][session][replay]") {
  SrtpConfig config;
  config.replay_window_size = 512;
  auto tx = sender(SrtpProfile::kAeadAes128Gcm);
  auto rx = receiver(SrtpProfile::kAeadAes128Gcm, config);
  std::vector<std::vector<uint8_t>> wire;
  for (uint16_t s = 0; s < 600; ++s) wire.push_back(protect(tx, rtp(9, s)));
  CHECK(unprotect(rx, wire[599]).ok());
  CHECK(unprotect(rx, wire[599 - 511]).ok());
  CHECK(unprotect(rx, wire[599 - 512]).error().is(SrtpErrc::kTooOld));
}

TEST_CASE("session: tampered packets fail authentication and do not move the window", "[srtp][session]") {
  for (SrtpProfile profile : kAllSrtpProfiles) {
    INFO(profile_params(profile).name);
    auto tx = sender(profile);
    auto rx = receiver(profile);
    auto good = protect(tx, rtp(5, 1000, 50, 2, true));
    for (size_t at : {size_t{1}, size_t{9}, size_t{20}, size_t{30}, good.size() - 1}) {
      INFO("byte " << at);
      auto bad = good;
      bad[at] ^= 0x04;
      auto r = unprotect(rx, bad);
      REQUIRE_FALSE(r.ok());
      // Byte 9 is in the SSRC: a new SSRC that fails authentication takes no slot either.
      CHECK(r.error().is(SrtpErrc::kAuthFailed));
    }
    // A forged packet far ahead must not slide the window: the genuine one still passes.
    auto ahead = protect(tx, rtp(5, 30000));
    ahead[ahead.size() - 1] ^= 1;
    CHECK(unprotect(rx, ahead).error().is(SrtpErrc::kAuthFailed));
    CHECK(unprotect(rx, good).ok());
    CHECK(rx.inbound_ssrc_count() == 1);
    CHECK(rx.stats().auth_failed == 6);

    // Wrong key: everything fails.
    SrtpConfig other;
    other.profile = profile;
    other.inbound = master_key(profile, 2);
    auto wrong = SrtpSession::create(other);
    REQUIRE(wrong.ok());
    CHECK(unprotect(*wrong, protect(tx, rtp(5, 1001))).error().is(SrtpErrc::kAuthFailed));
    auto c = protect_c(tx, rtcp(5));
    CHECK(wrong->unprotect_rtcp(c).error().is(SrtpErrc::kAuthFailed));
  }
}

TEST_CASE("session: SRTCP E flag, index and replay", "[srtp][session][srtcp]") {
  for (SrtpProfile profile : kAllSrtpProfiles) {
    INFO(profile_params(profile).name);
    const size_t tag = profile_params(profile).rtcp_tag_size;
    const bool aead = profile_params(profile).aead;
    auto word_of = [&](const std::vector<uint8_t>& w) {
      return tern::load_be32(w.data() + w.size() - 4 - (aead ? 0 : tag));
    };
    SrtpConfig clear;
    clear.encrypt_rtcp = false;
    auto tx_clear = sender(profile, clear);
    auto tx = sender(profile);
    auto rx = receiver(profile);
    const auto plain = rtcp(0xabcdef01, 40);

    auto e0 = protect_c(tx_clear, plain);
    CHECK(word_of(e0) == 0x00000000);  // E = 0, index 0 (RFC 3711 §3.4: starts at zero)
    CHECK(std::equal(plain.begin(), plain.end(), e0.begin()));  // body left in the clear
    auto e1 = protect_c(tx, plain);
    CHECK(word_of(e1) == 0x80000000);  // E = 1, index 0
    CHECK_FALSE(std::equal(plain.begin() + 8, plain.end(), e1.begin() + 8));
    auto e1b = protect_c(tx, plain);
    CHECK(word_of(e1b) == 0x80000001);  // index increments per packet

    // The receiver follows each packet's E flag.
    auto n = rx.unprotect_rtcp(e1);
    REQUIRE(n.ok());
    CHECK(std::vector<uint8_t>(e1.begin(), e1.begin() + static_cast<long>(*n)) == plain);
    // Same SSRC, index 0 again (from the E = 0 sender): a replay.
    CHECK(rx.unprotect_rtcp(e0).error().is(SrtpErrc::kReplayed));
    auto n2 = rx.unprotect_rtcp(e1b);
    REQUIRE(n2.ok());
    CHECK(rx.unprotect_rtcp(e1b).error().is(SrtpErrc::kReplayed));
    auto rx2 = receiver(profile);
    auto n3 = rx2.unprotect_rtcp(e0);
    REQUIRE(n3.ok());
    CHECK(std::vector<uint8_t>(e0.begin(), e0.begin() + static_cast<long>(*n3)) == plain);

    // Flipping E (which the tag covers) fails authentication.
    auto flipped = protect_c(tx, plain);
    flipped[flipped.size() - 4 - (aead ? 0 : tag)] ^= 0x80;
    CHECK(rx.unprotect_rtcp(flipped).error().is(SrtpErrc::kAuthFailed));
  }
}

TEST_CASE("session: SRTCP index exhaustion", "[srtp][session][srtcp]") {
  SrtpConfig config;
  config.initial_srtcp_index = kMaxSrtcpIndex;
  auto tx = sender(SrtpProfile::kAes128CmHmacSha1_80, config);
  auto first = protect_c(tx, rtcp(1));
  CHECK(tern::load_be32(first.data() + first.size() - 14) == 0xffffffff);
  auto again = rtcp(1);
  again.resize(again.size() + tx.rtcp_overhead());
  auto r = tx.protect_rtcp(again, again.size() - tx.rtcp_overhead());
  REQUIRE_FALSE(r.ok());
  CHECK(r.error().is(SrtpErrc::kKeyExhausted));
  CHECK(tx.stats().key_exhausted == 1);
}

TEST_CASE("session: SSRC bounds", "[srtp][session]") {
  SrtpConfig config;
  config.max_inbound_ssrcs = 2;
  config.max_outbound_ssrcs = 3;
  auto tx = sender(SrtpProfile::kAes128CmHmacSha1_32, config);
  auto rx = receiver(SrtpProfile::kAes128CmHmacSha1_32, config);
  auto a = protect(tx, rtp(1, 1));
  auto b = protect(tx, rtp(2, 1));
  auto c = protect(tx, rtp(3, 1));
  auto d = rtp(4, 1);
  d.resize(d.size() + tx.rtp_overhead());
  auto full = tx.protect_rtp(d, d.size() - tx.rtp_overhead());
  REQUIRE_FALSE(full.ok());
  CHECK(full.error().is(SrtpErrc::kTooManySsrcs));
  CHECK(tx.stats().too_many_ssrcs == 1);

  CHECK(unprotect(rx, a).ok());
  CHECK(unprotect(rx, b).ok());
  auto r = unprotect(rx, c);
  REQUIRE_FALSE(r.ok());
  CHECK(r.error().is(SrtpErrc::kTooManySsrcs));
  CHECK(rx.stats().too_many_ssrcs == 1);
  CHECK(unprotect(rx, protect(tx, rtp(1, 2))).ok());  // known SSRCs keep working
  rx.remove_inbound_ssrc(1);
  CHECK(rx.inbound_ssrc_count() == 1);
  CHECK(unprotect(rx, c).ok());  // the freed slot is reused
  CHECK(unprotect(rx, protect(tx, rtp(2, 2))).ok());
}

TEST_CASE("session: malformed packets and small buffers", "[srtp][session]") {
  for (SrtpProfile profile : kAllSrtpProfiles) {
    INFO(profile_params(profile).name);
    auto tx = sender(profile);
    auto rx = receiver(profile);
    const size_t tag = profile_params(profile).rtp_tag_size;
    struct Row {
      std::vector<uint8_t> packet;
      SrtpErrc code;
    };
    const Row unprotect_rows[] = {
        {{}, SrtpErrc::kBadPacket},
        {std::vector<uint8_t>(12 + tag - 1, 0x80), SrtpErrc::kBadPacket},             // header + tag don't fit
        {hex("40000001 00000000 00000001 00000000000000000000000000000000"), SrtpErrc::kBadPacket},  // V=1
        {hex("8f000001 00000000 00000001 00000000000000000000000000000000"), SrtpErrc::kBadPacket},  // 15 CSRCs
        {hex("90000001 00000000 00000001 bede0009 000000000000000000000000000000000000"),
         SrtpErrc::kBadPacket},                                                          // extension overrun
        {hex("80000001 00000000 00000001 00000000000000000000000000000000"), SrtpErrc::kAuthFailed},
    };
    for (const Row& r : unprotect_rows) {
      auto p = r.packet;
      auto result = rx.unprotect_rtp(p);
      REQUIRE_FALSE(result.ok());
      CHECK(result.error().is(r.code));
    }
    CHECK(rx.stats().bad_packet == 5);

    const std::vector<uint8_t> rtcp_rows[] = {
        {},
        std::vector<uint8_t>(8 + 4 + profile_params(profile).rtcp_tag_size - 1, 0x80),
        hex("00c80006 00000001 80000000 00000000000000000000000000000000"),  // V=0
    };
    for (auto p : rtcp_rows) CHECK(rx.unprotect_rtcp(p).error().is(SrtpErrc::kBadPacket));

    // protect: the packet must be RTP, and the buffer must hold the tag.
    auto plain = rtp(1, 1, 20);
    const size_t length = plain.size();
    auto r1 = tx.protect_rtp(plain, length);  // no room
    REQUIRE_FALSE(r1.ok());
    CHECK(r1.error().is(SrtpErrc::kBufferTooSmall));
    plain.resize(length + tag - 1);
    CHECK(tx.protect_rtp(plain, length).error().is(SrtpErrc::kBufferTooSmall));
    CHECK(tx.protect_rtp(plain, plain.size() + 1).error().is(SrtpErrc::kBufferTooSmall));
    auto bad = hex("40000001 00000000 00000001 0000000000000000000000000000000000000000");
    CHECK(tx.protect_rtp(bad, 16).error().is(SrtpErrc::kBadPacket));
    auto c = rtcp(1);
    CHECK(tx.protect_rtcp(c, c.size()).error().is(SrtpErrc::kBufferTooSmall));
    CHECK(tx.protect_rtcp(c, 7).error().is(SrtpErrc::kBadPacket));
    CHECK(tx.stats().buffer_too_small == 4);
    CHECK(tx.stats().bad_packet == 2);
    CHECK(tx.stats().rtp_protected == 0);
  }
}

TEST_CASE("session: keys by direction and configuration errors", "[srtp][session]") {
  auto tx = sender(SrtpProfile::kAes128CmHmacSha1_80);
  auto p = rtp(1, 1);
  CHECK(tx.unprotect_rtp(p).error().is(SrtpErrc::kNoKey));
  CHECK(tx.unprotect_rtcp(p).error().is(SrtpErrc::kNoKey));
  auto rx = receiver(SrtpProfile::kAes128CmHmacSha1_80);
  p.resize(p.size() + 10);
  CHECK(rx.protect_rtp(p, p.size() - 10).error().is(SrtpErrc::kNoKey));
  CHECK(rx.protect_rtcp(p, p.size() - 10).error().is(SrtpErrc::kNoKey));
  CHECK(rx.stats().no_key == 2);

  // Both directions in one session: our key out, the peer's key in.
  SrtpConfig both;
  both.profile = SrtpProfile::kAeadAes256Gcm;
  both.outbound = master_key(both.profile, 1);
  both.inbound = master_key(both.profile, 2);
  auto a = SrtpSession::create(both);
  std::swap(both.outbound, both.inbound);
  auto b = SrtpSession::create(both);
  REQUIRE(a.ok());
  REQUIRE(b.ok());
  CHECK(unprotect(*b, protect(*a, rtp(3, 3))).ok());
  CHECK(unprotect(*a, protect(*b, rtp(4, 4))).ok());

  struct Row {
    const char* what;
    SrtpConfig config;
  };
  auto with = [](auto edit) {
    SrtpConfig c;
    c.outbound = master_key(SrtpProfile::kAes128CmHmacSha1_80);
    edit(c);
    return c;
  };
  const Row rows[] = {
      {"window 63", with([](SrtpConfig& c) { c.replay_window_size = 63; })},
      {"window 1025", with([](SrtpConfig& c) { c.replay_window_size = 1025; })},
      {"no inbound SSRCs", with([](SrtpConfig& c) { c.max_inbound_ssrcs = 0; })},
      {"too many outbound SSRCs", with([](SrtpConfig& c) { c.max_outbound_ssrcs = 5000; })},
      {"SRTCP index 2^31", with([](SrtpConfig& c) { c.initial_srtcp_index = 0x80000000; })},
      {"short key", with([](SrtpConfig& c) { c.outbound->key.pop_back(); })},
      {"GCM salt for CM", with([](SrtpConfig& c) { c.outbound->salt.resize(12); })},
      {"CM key for GCM-256", with([](SrtpConfig& c) { c.profile = SrtpProfile::kAeadAes256Gcm; })},
      {"bad inbound key", with([](SrtpConfig& c) { c.inbound = SrtpMasterKey{}; })},
      {"unknown profile", with([](SrtpConfig& c) { c.profile = static_cast<SrtpProfile>(0x0003); })},
  };
  for (const Row& r : rows) {
    INFO(r.what);
    auto s = SrtpSession::create(r.config);
    REQUIRE_FALSE(s.ok());
    CHECK(s.error().is(SrtpErrc::kBadConfig));
  }
}

TEST_CASE("session: describe(stats) lists every counter", "[srtp][session]") {
  auto rx = receiver(SrtpProfile::kAes128CmHmacSha1_80);
  std::vector<uint8_t> junk(3);
  CHECK_FALSE(rx.unprotect_rtp(junk).ok());
  const std::string text = describe(rx.stats());
  CHECK(text.find("bad_packet        1\n") != std::string::npos);
  CHECK(text.find("auth_failed       0\n") != std::string::npos);
  CHECK(std::count(text.begin(), text.end(), '\n') == 13);
}

#include <catch2/catch.hpp>

#include "srtp/errc.hpp"
#include "srtp/packet_index.hpp"
#include "srtp/packet_layout.hpp"
#include "srtp/replay_window.hpp"
#include "test_util.hpp"

using namespace tern::srtp;
using tern::srtp::test::hex;

TEST_CASE("RFC 3711 Appendix A: index estimation", "[srtp][index]") {
  struct Row {
    uint64_t highest;
    uint16_t seq;
    uint64_t index;
  };
  constexpr uint64_t R = 1 << 16;  // one ROC step
  const Row rows[] = {
      {0, 0, 0},                        // start
      {10, 11, 11},                     // next
      {10, 5, 5},                       // reordered, same ROC
      {100, 40000, 40000},              // ROC 0 has no ROC - 1: a forward jump
      {65535, 0, R},                    // wrap: ROC + 1
      {65500, 10, R + 10},              // wrap with a gap
      {R + 5, 65530, 65530},            // late packet from before the wrap: ROC - 1
      {R + 5, 6, R + 6},                // after the wrap
      {3 * R + 40000, 7000, 4 * R + 7000},  // s_l - 2^15 > SEQ: next ROC
      {3 * R + 40000, 8000, 3 * R + 8000},  // s_l - 2^15 <= SEQ: same ROC
      {3 * R + 100, 32868, 3 * R + 32868},  // SEQ - s_l == 2^15: same ROC
      {3 * R + 100, 32869, 2 * R + 32869},  // SEQ - s_l > 2^15: previous ROC
      {kMaxRtpIndex, 0, kMaxRtpIndex + 1},  // ROC would wrap: caller reports key exhaustion
  };
  for (const Row& r : rows) {
    INFO("highest " << r.highest << " seq " << r.seq);
    CHECK(estimate_rtp_index(r.highest, r.seq) == r.index);
  }
  CHECK(roc_of(5 * R + 9) == 5);
  CHECK(seq_of(5 * R + 9) == 9);
}

TEST_CASE("replay window: RFC 3711 §3.3.2 sliding window", "[srtp][replay]") {
  ReplayWindow w(64);
  CHECK(w.empty());
  CHECK(w.check(1000) == ReplayCheck::kNew);
  w.update(1000);
  CHECK(w.highest() == 1000);
  CHECK(w.check(1000) == ReplayCheck::kReplayed);
  CHECK(w.check(1001) == ReplayCheck::kNew);
  CHECK(w.check(999) == ReplayCheck::kNew);        // in the window, not seen
  CHECK(w.check(1000 - 63) == ReplayCheck::kNew);  // left edge
  CHECK(w.check(1000 - 64) == ReplayCheck::kTooOld);
  w.update(999);
  CHECK(w.check(999) == ReplayCheck::kReplayed);
  CHECK(w.highest() == 1000);
  w.update(1010);  // slide by 10: old bits move along
  CHECK(w.check(1000) == ReplayCheck::kReplayed);
  CHECK(w.check(999) == ReplayCheck::kReplayed);
  CHECK(w.check(1005) == ReplayCheck::kNew);
  CHECK(w.check(1010 - 64) == ReplayCheck::kTooOld);
  w.update(1010 + 64);  // slide by the whole window: everything forgotten but the newest
  CHECK(w.check(1010) == ReplayCheck::kTooOld);
  CHECK(w.check(1011) == ReplayCheck::kNew);
  CHECK(w.check(1074) == ReplayCheck::kReplayed);
}

TEST_CASE("replay window: multi-word windows keep bits across word boundaries", "[srtp][replay]") {
  ReplayWindow w(1024);
  for (uint64_t i = 0; i < 2000; i += 3) w.update(i);
  const uint64_t top = 1998;
  for (uint64_t i = top - 1023; i <= top; ++i) {
    INFO(i);
    CHECK(w.check(i) == (i % 3 == 0 ? ReplayCheck::kReplayed : ReplayCheck::kNew));
  }
  CHECK(w.check(top - 1024) == ReplayCheck::kTooOld);
  w.update(top + 130);  // shift across two words plus a few bits
  CHECK(w.check(top) == ReplayCheck::kReplayed);
  CHECK(w.check(top - 3) == ReplayCheck::kReplayed);
  CHECK(w.check(top - 1) == ReplayCheck::kNew);
  CHECK(w.check(top + 129) == ReplayCheck::kNew);
}

TEST_CASE("RTP header size: valid layouts", "[srtp][layout]") {
  struct Row {
    const char* packet;
    size_t header;
  };
  const Row rows[] = {
      {"80 00 00 01 00000000 11111111", 12},
      {"80 00 00 01 00000000 11111111 abcd", 12},
      {"82 00 00 01 00000000 11111111 22222222 33333333 ff", 20},            // CC = 2
      {"90 00 00 01 00000000 11111111 bede0001 10ff0000 99", 20},            // X, 1 word
      {"91 00 00 01 00000000 11111111 22222222 bede0000", 20},               // CC = 1, X, 0 words
      {"bf 00 00 01 00000000 11111111" "00000000000000000000000000000000"
       "00000000000000000000000000000000" "00000000000000000000000000000000"
       "000000000000000000000000" "10000001 aabbccdd", 80},                  // CC = 15, X, P, M
  };
  for (const Row& r : rows) {
    INFO(r.packet);
    auto size = rtp_header_size(hex(r.packet));
    REQUIRE(size.ok());
    CHECK(*size == r.header);
  }
}

TEST_CASE("RTP header size: malformed headers", "[srtp][layout]") {
  struct Row {
    const char* packet;
    uint32_t position;
  };
  const Row rows[] = {
      {"", 0},
      {"80 00 00 01 00000000 111111", 0},               // 11 bytes
      {"40 00 00 01 00000000 11111111", 0},             // version 1
      {"c0 00 00 01 00000000 11111111", 0},             // version 3
      {"81 00 00 01 00000000 11111111", 0},             // CC = 1, no CSRC
      {"90 00 00 01 00000000 11111111 bede00", 12},     // X: extension header cut
      {"90 00 00 01 00000000 11111111 bede0001", 14},   // X: 1 word announced, none there
      {"90 00 00 01 00000000 11111111 bede0002 00000000", 14},
  };
  for (const Row& r : rows) {
    INFO(r.packet);
    auto size = rtp_header_size(hex(r.packet));
    REQUIRE_FALSE(size.ok());
    CHECK(size.error().is(SrtpErrc::kBadPacket));
    CHECK(size.error().position() == r.position);
  }
  CHECK(check_rtcp_header(hex("80c8 0006 11111111")).ok());
  CHECK(check_rtcp_header(hex("80c8 0006 111111")).error().is(SrtpErrc::kBadPacket));
  CHECK(check_rtcp_header(hex("00c8 0006 11111111")).error().is(SrtpErrc::kBadPacket));
}

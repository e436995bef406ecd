// Unwrapping 16-bit sequence numbers and 32-bit timestamps (RFC 3550 §5.1, Appendix A.1).
#include <catch2/catch.hpp>

#include <cstdint>
#include <vector>

#include "rtp/unwrapper.hpp"

using tern::SeqNo;
using tern::rtp::SeqNoUnwrapper;
using tern::rtp::TimestampUnwrapper;

namespace {
struct Step {
  uint16_t seq;
  int64_t unwrapped;
};
}  // namespace

TEST_CASE("SeqNoUnwrapper: sequences across the wrap, with reordering", "[rtp][unwrap]") {
  struct Case {
    const char* name;
    std::vector<Step> steps;
  };
  const std::vector<Case> cases = {
      {"in order across the wrap", {{65534, 65534}, {65535, 65535}, {0, 65536}, {1, 65537}}},
      {"late packets from before the wrap",
       {{65535, 65535}, {1, 65537}, {0, 65536}, {65534, 65534}, {2, 65538}, {65533, 65533}}},
      {"early packet after the wrap arrives first", {{65530, 65530}, {3, 65539}, {65531, 65531}, {4, 65540}}},
      {"older than the first packet goes below it", {{0, 0}, {65535, -1}, {65534, -2}, {1, 1}}},
      {"large forward steps", {{0, 0}, {30000, 30000}, {60000, 60000}, {24464, 90000}, {54464, 120000}}},
      {"duplicates", {{100, 100}, {100, 100}, {101, 101}, {100, 100}}},
      {"half-way jump counts as forward", {{0, 0}, {32768, 32768}, {0, 65536}}},
  };
  for (const Case& c : cases) {
    INFO(c.name);
    SeqNoUnwrapper u;
    CHECK_FALSE(u.newest().has_value());
    int64_t newest = INT64_MIN;
    for (const Step& s : c.steps) {
      INFO("seq " << s.seq);
      CHECK(u.peek(SeqNo(s.seq)) == s.unwrapped);
      CHECK(u.unwrap(SeqNo(s.seq)) == s.unwrapped);
      newest = std::max(newest, s.unwrapped);
      REQUIRE(u.newest().has_value());
      CHECK(*u.newest() == newest);
    }
  }
}

TEST_CASE("SeqNoUnwrapper: many wraps stay monotonic", "[rtp][unwrap]") {
  SeqNoUnwrapper u;
  uint16_t seq = 65000;
  int64_t expected = 65000;
  for (int i = 0; i < 5 * 65536; i += 7) {
    CHECK(u.unwrap(SeqNo(seq)) == expected);
    seq = static_cast<uint16_t>(seq + 7);
    expected += 7;
  }
  u.reset();
  CHECK_FALSE(u.newest().has_value());
  CHECK(u.unwrap(SeqNo(5)) == 5);
}

TEST_CASE("TimestampUnwrapper: 32-bit RTP timestamps", "[rtp][unwrap]") {
  TimestampUnwrapper u;
  CHECK(u.unwrap(0xFFFFFF00u) == 0xFFFFFF00);
  CHECK(u.unwrap(0x00000100u) == 0x100000100);
  CHECK(u.unwrap(0xFFFFFFF0u) == 0xFFFFFFF0);  // late, from before the wrap
  CHECK(u.unwrap(0x00000200u) == 0x100000200);
  // Steps of 3000 (90 kHz video at 30 fps) through two wraps.
  uint32_t ts = 0x00000200u;
  int64_t expected = 0x100000200;
  for (int i = 0; i < 3000000; ++i) {
    ts += 3000;
    expected += 3000;
    if (i % 1000 == 0) CHECK(u.unwrap(ts) == expected);
    else u.unwrap(ts);
  }
  CHECK(expected > (int64_t{3} << 32));
  CHECK(u.peek(ts - 6000) == expected - 6000);
  CHECK(*u.newest() == expected);
}

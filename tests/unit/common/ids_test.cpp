// Strong ids and RFC 1982 serial-number comparison of wrapping counters.
#include <catch2/catch.hpp>

#include <cstdint>
#include <type_traits>
#include <unordered_set>

#include "common/ids.hpp"

using tern::serial_newer;
using tern::serial_newer_or_equal;

TEST_CASE("serial_newer: RFC 1982 comparison of 16-bit sequence numbers", "[ids]") {
  struct Row {
    uint16_t a;
    uint16_t b;
    bool newer;
  };
  const Row rows[] = {
      {1, 0, true},
      {0, 1, false},
      {5, 5, false},        // equal is not newer
      {0, 65535, true},     // wrapped: 65535 -> 0 is one step forward
      {65535, 0, false},
      {10, 65530, true},    // 16 steps across the wrap
      {65530, 10, false},
      {0x7FFF, 0, true},    // the largest step still "ahead"
      {0, 0x7FFF, false},
      {0x8000, 0, false},   // exactly half the space: RFC 1982 leaves it undefined; neither is newer
      {0, 0x8000, false},
      {0x8001, 0, false},   // more than half ahead means behind
      {0, 0x8001, true},
  };
  for (const Row& r : rows) {
    INFO(r.a << " vs " << r.b);
    CHECK(serial_newer<uint16_t>(r.a, r.b) == r.newer);
    CHECK(serial_newer_or_equal<uint16_t>(r.a, r.b) == (r.newer || r.a == r.b));
  }
}

TEST_CASE("serial_newer: 32-bit counters (TSNs, RTP timestamps)", "[ids]") {
  CHECK(serial_newer<uint32_t>(1, 0));
  CHECK(serial_newer<uint32_t>(0, 0xFFFFFFFFu));
  CHECK_FALSE(serial_newer<uint32_t>(0xFFFFFFFFu, 0));
  CHECK(serial_newer<uint32_t>(0x7FFFFFFFu, 0));
  CHECK_FALSE(serial_newer<uint32_t>(0x80000000u, 0));
  CHECK_FALSE(serial_newer<uint32_t>(0, 0x80000000u));
  CHECK(serial_newer_or_equal<uint32_t>(42, 42));
  STATIC_REQUIRE(serial_newer<uint8_t>(0, 255));  // also usable at compile time, any width
}

TEST_CASE("StrongId: distinct types, compare by value, hashable", "[ids]") {
  STATIC_REQUIRE_FALSE(std::is_convertible_v<tern::Ssrc, tern::Tsn>);
  STATIC_REQUIRE_FALSE(std::is_convertible_v<uint32_t, tern::Ssrc>);  // explicit construction only
  STATIC_REQUIRE(std::is_same_v<tern::SeqNo::rep_type, uint16_t>);
  const tern::Ssrc a(0x1234);
  const tern::Ssrc b(0x5678);
  CHECK(a == tern::Ssrc(0x1234));
  CHECK(a != b);
  CHECK(a < b);
  CHECK(tern::Ssrc().value == 0);
  std::unordered_set<tern::Ssrc> set{a, b, tern::Ssrc(0x1234)};
  CHECK(set.size() == 2);
  CHECK(set.count(b) == 1);

  const tern::Mid audio{"audio"};
  CHECK(audio == tern::Mid{"audio"});
  CHECK(tern::Mid{"0"} < tern::Mid{"1"});
}

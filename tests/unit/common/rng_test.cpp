// SeededRng: deterministic (simulations replay from their seed), and the Rng helpers' ranges.
#include <catch2/catch.hpp>

#include <array>
#include <cstring>
#include <vector>

#include "common/rng.hpp"

using tern::SeededRng;

TEST_CASE("SeededRng: xoshiro256** seeded by splitmix64, known outputs", "[rng]") {
  // Computed with an independent implementation of the published algorithms; pins the generator
  // so recorded simulation seeds keep replaying the same scenario.
  SeededRng zero(0);
  CHECK(zero.next_u64() == 0x99ec5f36cb75f2b4ull);
  CHECK(zero.next_u64() == 0xbf6e1f784956452aull);
  CHECK(zero.next_u64() == 0x1a5f849d4933e6e0ull);
  SeededRng forty_two(42);
  CHECK(forty_two.next_u64() == 0x15780b2e0c2ec716ull);
  CHECK(forty_two.next_u64() == 0x6104d9866d113a7eull);
}

TEST_CASE("SeededRng: same seed, same stream; different seed, different stream", "[rng]") {
  SeededRng a(1234);
  SeededRng b(1234);
  SeededRng c(1235);
  std::array<uint8_t, 100> x{};
  std::array<uint8_t, 100> y{};
  std::array<uint8_t, 100> z{};
  a.fill(x);
  b.fill(y);
  c.fill(z);
  CHECK(x == y);
  CHECK(x != z);
  CHECK(a.next_u32() == b.next_u32());
  CHECK(a.uniform(1000) == b.uniform(1000));
  CHECK(a.next_double() == b.next_double());
}

TEST_CASE("SeededRng: fill() draws whole 64-bit words", "[rng]") {
  SeededRng a(7);
  SeededRng b(7);
  std::array<uint8_t, 16> bytes{};
  a.fill(bytes);
  const uint64_t w0 = b.next_u64();
  const uint64_t w1 = b.next_u64();
  CHECK(std::memcmp(bytes.data(), &w0, 8) == 0);
  CHECK(std::memcmp(bytes.data() + 8, &w1, 8) == 0);
  // A short fill consumes a whole word: the streams stay in step afterwards.
  std::array<uint8_t, 3> three{};
  a.fill(three);
  const uint64_t w2 = b.next_u64();
  CHECK(std::memcmp(three.data(), &w2, 3) == 0);
  CHECK(a.next_u64() == b.next_u64());
  a.fill({});  // empty fill is a no-op
  CHECK(a.next_u64() == b.next_u64());
}

TEST_CASE("Rng::uniform() stays in [0, bound) and covers it evenly", "[rng]") {
  SeededRng rng(99);
  for (uint32_t bound : {1u, 2u, 3u, 7u, 1000u, 0x80000001u, 0xFFFFFFFFu}) {
    for (int i = 0; i < 2000; ++i) {
      const uint32_t v = rng.uniform(bound);
      REQUIRE(v < bound);
    }
  }
  CHECK(rng.uniform(1) == 0);

  // 10 buckets, 100000 draws: each expected 10000; a fair generator stays well within +-5%.
  std::array<int, 10> counts{};
  for (int i = 0; i < 100000; ++i) ++counts[rng.uniform(10)];
  for (int c : counts) {
    CHECK(c > 9500);
    CHECK(c < 10500);
  }
}

TEST_CASE("Rng::next_double() is in [0, 1)", "[rng]") {
  SeededRng rng(5);
  double sum = 0;
  for (int i = 0; i < 10000; ++i) {
    const double d = rng.next_double();
    REQUIRE(d >= 0.0);
    REQUIRE(d < 1.0);
    sum += d;
  }
  CHECK(sum / 10000 == Approx(0.5).margin(0.02));
}

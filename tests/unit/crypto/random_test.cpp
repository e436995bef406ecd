// SystemRng: OpenSSL's CSPRNG behind the Rng interface.
#include <catch2/catch.hpp>

#include <algorithm>
#include <array>
#include <vector>

#include "crypto/random.hpp"

using tern::crypto::SystemRng;

TEST_CASE("SystemRng: fills buffers of any size with fresh bytes", "[random]") {
  SystemRng rng;
  rng.fill({});  // nothing to do, must not crash

  std::vector<uint8_t> a(4096, 0);
  std::vector<uint8_t> b(4096, 0);
  rng.fill(a);
  rng.fill(b);
  CHECK(a != b);  // 2^-32768 chance of a false failure
  // Every byte value shows up in 4 KiB of random data (missing one: p < 256 * e^-16 ~ 3e-5).
  std::array<bool, 256> seen{};
  for (uint8_t x : a) seen[x] = true;
  CHECK(std::count(seen.begin(), seen.end(), true) == 256);

  // Odd sizes and offsets: the whole span is written, nothing past it.
  std::vector<uint8_t> buf(67, 0xA5);
  rng.fill(std::span<uint8_t>(buf).subspan(1, 65));
  CHECK(buf.front() == 0xA5);
  CHECK(buf.back() == 0xA5);
}

TEST_CASE("SystemRng: works through the Rng interface", "[random]") {
  SystemRng system;
  tern::Rng& rng = system;
  std::array<uint32_t, 8> values{};
  for (auto& v : values) v = rng.next_u32();
  std::sort(values.begin(), values.end());
  CHECK(std::adjacent_find(values.begin(), values.end()) == values.end());  // 8 distinct draws
  for (int i = 0; i < 1000; ++i) {
    REQUIRE(rng.uniform(6) < 6);
    const double d = rng.next_double();
    REQUIRE(d >= 0.0);
    REQUIRE(d < 1.0);
  }
  CHECK(rng.next_u64() != rng.next_u64());
}

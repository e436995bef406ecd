#include "common/rng.hpp"

#include <cstring>

#include "common/assert.hpp"

namespace tern {

uint32_t Rng::next_u32() {
  uint8_t b[4];
  fill(b);
  uint32_t v;
  std::memcpy(&v, b, sizeof v);
  return v;
}

uint64_t Rng::next_u64() {
  uint8_t b[8];
  fill(b);
  uint64_t v;
  std::memcpy(&v, b, sizeof v);
  return v;
}

uint32_t Rng::uniform(uint32_t bound) {
  TERN_ASSERT(bound > 0, "uniform() needs a positive bound");
  // Rejection sampling: discard the top partial range so every residue is equally likely.
  const uint32_t limit = UINT32_MAX - (UINT32_MAX % bound);
  for (;;) {
    uint32_t v = next_u32();
    if (v < limit) return v % bound;
  }
}

double Rng::next_double() { return static_cast<double>(next_u64() >> 11) * 0x1.0p-53; }

namespace {
uint64_t splitmix64(uint64_t& x) {
  uint64_t z = (x += 0x9e3779b97f4a7c15ULL);
  z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
  z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
  return z ^ (z >> 31);
}
uint64_t rotl(uint64_t x, int k) { return (x << k) | (x >> (64 - k)); }
}  // namespace

SeededRng::SeededRng(uint64_t seed) {
  for (auto& s : s_) s = splitmix64(seed);
}

uint64_t SeededRng::step() {
  const uint64_t result = rotl(s_[1] * 5, 7) * 9;
  const uint64_t t = s_[1] << 17;
  s_[2] ^= s_[0];
  s_[3] ^= s_[1];
  s_[1] ^= s_[2];
  s_[0] ^= s_[3];
  s_[2] ^= t;
  s_[3] = rotl(s_[3], 45);
  return result;
}

void SeededRng::fill(std::span<uint8_t> out) {
  size_t i = 0;
  while (i < out.size()) {
    uint64_t v = step();
    size_t n = out.size() - i < 8 ? out.size() - i : 8;
    std::memcpy(out.data() + i, &v, n);
    i += n;
  }
}

}  // namespace tern

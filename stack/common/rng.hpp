#pragma once
// Randomness is passed in, like time: protocol machines take an Rng& so a simulation is
// deterministic from its seed. Production code passes crypto::SystemRng (OpenSSL's RAND_bytes).
#include <cstdint>
#include <span>

namespace tern {

class Rng {
 public:
  virtual ~Rng() = default;
  // Fills `out` with random bytes.
  virtual void fill(std::span<uint8_t> out) = 0;

  uint32_t next_u32();
  uint64_t next_u64();
  // Uniform in [0, bound), without modulo bias; bound must be > 0.
  uint32_t uniform(uint32_t bound);
  // Uniform in [0, 1).
  double next_double();
};

// Deterministic, fast, NOT cryptographic (xoshiro256**, seeded through splitmix64): for simulated
// networks and tests only.
class SeededRng final : public Rng {
 public:
  explicit SeededRng(uint64_t seed);
  void fill(std::span<uint8_t> out) override;

 private:
  uint64_t step();
  uint64_t s_[4];
};

}  // namespace tern

#pragma once
// The production random source: OpenSSL's CSPRNG behind tern's Rng interface.
#include "common/rng.hpp"

namespace tern::crypto {

class SystemRng final : public Rng {
 public:
  void fill(std::span<uint8_t> out) override;
};

}  // namespace tern::crypto

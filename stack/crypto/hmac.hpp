#pragma once
// HMAC (RFC 2104) over OpenSSL's EVP_MAC, as a reusable keyed context: construct once per key,
// then compute many MACs without allocating (STUN MESSAGE-INTEGRITY, SRTP auth tags).
#include <cstdint>
#include <memory>
#include <span>

#include "crypto/hash.hpp"

namespace tern::crypto {

class Hmac {
 public:
  // Keys of any length are accepted (RFC 2104 §2 hashes long keys).
  Hmac(HashAlgorithm algorithm, std::span<const uint8_t> key);
  ~Hmac();
  Hmac(Hmac&&) noexcept;
  Hmac& operator=(Hmac&&) noexcept;
  Hmac(const Hmac&) = delete;
  Hmac& operator=(const Hmac&) = delete;

  size_t size() const { return size_; }

  // Incremental use: reset(), update()..., finish(). finish() writes size() bytes.
  void reset();
  void update(std::span<const uint8_t> data);
  Digest finish();

  Digest compute(std::span<const uint8_t> data);

 private:
  struct State;
  std::unique_ptr<State> state_;
  size_t size_ = 0;
};

// One-shot convenience.
Digest hmac(HashAlgorithm algorithm, std::span<const uint8_t> key, std::span<const uint8_t> data);

// Constant-time comparison for MACs and tags.
bool constant_time_equal(std::span<const uint8_t> a, std::span<const uint8_t> b);

}  // namespace tern::crypto

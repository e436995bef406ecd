#pragma once
// AEAD ciphers (AES-128-GCM, AES-256-GCM, ChaCha20-Poly1305) as reusable keyed contexts: construct
// once per key, then seal/open many records or packets in place without allocating. Used by DTLS
// record protection (RFC 5288, RFC 7905) and SRTP AEAD (RFC 7714).
#include <cstddef>
#include <cstdint>
#include <memory>
#include <span>

#include "crypto/hash.hpp"

namespace tern::crypto {

enum class AeadAlgorithm : uint8_t { kAes128Gcm, kAes256Gcm, kChaCha20Poly1305 };

inline constexpr size_t kAeadTagSize = 16;
inline constexpr size_t kAeadNonceSize = 12;

// Key length in bytes: 16 for AES-128-GCM, 32 for the others.
size_t aead_key_size(AeadAlgorithm algorithm);

class Aead {
 public:
  // key.size() must equal aead_key_size(algorithm) (checked: a wrong size is a caller bug).
  Aead(AeadAlgorithm algorithm, std::span<const uint8_t> key);
  ~Aead();
  Aead(Aead&&) noexcept;
  Aead& operator=(Aead&&) noexcept;
  Aead(const Aead&) = delete;
  Aead& operator=(const Aead&) = delete;

  AeadAlgorithm algorithm() const { return algorithm_; }

  // Encrypts `in_out` in place and writes the 16-byte tag. nonce is 12 bytes.
  void seal(std::span<const uint8_t> nonce, std::span<const uint8_t> aad, std::span<uint8_t> in_out,
            std::span<uint8_t, kAeadTagSize> tag);
  // Authenticates and decrypts `in_out` in place. Returns false when the tag does not verify; the
  // contents of `in_out` are then unspecified and must be discarded.
  [[nodiscard]] bool open(std::span<const uint8_t> nonce, std::span<const uint8_t> aad,
                          std::span<uint8_t> in_out, std::span<const uint8_t, kAeadTagSize> tag);

 private:
  struct State;
  std::unique_ptr<State> state_;
  AeadAlgorithm algorithm_;
};

}  // namespace tern::crypto

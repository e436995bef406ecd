#pragma once
// AES in counter mode (AES-CM, RFC 3711 §4.1.1; NIST SP 800-38A CTR) as a reusable keyed context:
// the key schedule is expanded once, then every packet only loads a new 128-bit initial counter.
// Used by SRTP encryption (AES_128_CM) and by the SRTP key derivation PRF (RFC 3711 §4.3.3), which
// is the same keystream generator run over zeros.
#include <cstddef>
#include <cstdint>
#include <memory>
#include <span>

namespace tern::crypto {

inline constexpr size_t kAesBlockSize = 16;

class AesCtr {
 public:
  // key.size() must be 16, 24 or 32 (AES-128/192/256); any other size is a caller bug (asserted).
  explicit AesCtr(std::span<const uint8_t> key);
  ~AesCtr();
  AesCtr(AesCtr&&) noexcept;
  AesCtr& operator=(AesCtr&&) noexcept;
  AesCtr(const AesCtr&) = delete;
  AesCtr& operator=(const AesCtr&) = delete;

  // XORs the keystream E(k, iv) || E(k, iv + 1) || ... (the whole 128-bit block is the counter,
  // incremented modulo 2^128) into `in_out`, in place. No allocation.
  void apply(std::span<const uint8_t, kAesBlockSize> iv, std::span<uint8_t> in_out);
  // Writes the first out.size() bytes of the keystream for `iv` (the KDF's PRF output).
  void keystream(std::span<const uint8_t, kAesBlockSize> iv, std::span<uint8_t> out);

 private:
  struct State;
  std::unique_ptr<State> state_;
};

}  // namespace tern::crypto

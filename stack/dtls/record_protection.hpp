#pragma once
// AEAD record protection for one direction of one epoch (RFC 6347 §4.1.2.1 with RFC 5246
// §6.2.3.3), for AES-GCM (RFC 5288) and ChaCha20-Poly1305 (RFC 7905).
//
// AES-GCM fragment:                       ChaCha20-Poly1305 fragment:
//   +------------------+                    +------------------+
//   | nonce_explicit 8 | = epoch || seq     | ciphertext ...   |
//   +------------------+                    +------------------+
//   | ciphertext ...   |                    | tag (16)         |
//   +------------------+                    +------------------+
//   | tag (16)         |
//   +------------------+
//   nonce = salt(4) || nonce_explicit(8)    nonce = iv(12) XOR (0^32 || epoch || seq)
//
//   additional_data = epoch(2) || seq(6) || type(1) || version(2) || plaintext length(2)
#include <array>
#include <cstdint>
#include <span>

#include "common/error.hpp"
#include "crypto/aead.hpp"
#include "dtls/cipher_suite.hpp"
#include "dtls/record.hpp"

namespace tern::dtls {

class RecordProtection {
 public:
  // key.size() == suite.key_size and iv.size() == suite.fixed_iv_size (caller bug otherwise).
  RecordProtection(const CipherSuiteInfo& suite, std::span<const uint8_t> key, std::span<const uint8_t> iv);

  // Bytes the protection adds to a plaintext: explicit nonce + tag.
  size_t overhead() const { return explicit_nonce_size_ + crypto::kAeadTagSize; }

  // Protects `plaintext` for the record described by `header` (header.length must already be
  // plaintext.size() + overhead()). Writes header.length bytes into `out`.
  void seal(const RecordHeader& header, std::span<const uint8_t> plaintext, std::span<uint8_t> out);

  // Authenticates and decrypts `fragment` in place. Returns the plaintext (a subspan of fragment).
  // Errors: kTruncated (shorter than the overhead), kDecryptFailed (bad tag: RFC 6347 §4.1.2.7 says
  // drop silently), kTooLarge (plaintext above 2^14, RFC 5246 §6.2.3).
  Result<std::span<uint8_t>> open(const RecordHeader& header, std::span<uint8_t> fragment);

 private:
  std::array<uint8_t, crypto::kAeadNonceSize> nonce(uint16_t epoch, uint64_t sequence,
                                                    std::span<const uint8_t> explicit_nonce) const;

  crypto::Aead aead_;
  std::array<uint8_t, 12> iv_{};
  size_t explicit_nonce_size_ = 0;
};

// The 13-byte additional data of RFC 5246 §6.2.3.3 as DTLS defines seq_num (RFC 6347 §4.1.2.1).
std::array<uint8_t, 13> record_additional_data(const RecordHeader& header, size_t plaintext_length);

}  // namespace tern::dtls

#pragma once
// The cipher suites tern speaks: ECDHE key exchange authenticated by ECDSA or RSA, with AEAD
// record protection (RFC 5289 AES-GCM, RFC 7905 ChaCha20-Poly1305). All are TLS 1.2 suites that
// DTLS 1.2 reuses (RFC 6347 §4.1.2).
#include <cstddef>
#include <cstdint>
#include <span>

#include "crypto/aead.hpp"
#include "crypto/hash.hpp"

namespace tern::dtls {

enum class CipherSuite : uint16_t {
  kEcdheEcdsaAes128GcmSha256 = 0xc02b,
  kEcdheEcdsaAes256GcmSha384 = 0xc02c,
  kEcdheRsaAes128GcmSha256 = 0xc02f,
  kEcdheRsaAes256GcmSha384 = 0xc030,
  kEcdheRsaChaCha20Poly1305Sha256 = 0xcca8,
  kEcdheEcdsaChaCha20Poly1305Sha256 = 0xcca9,
};

// RFC 5746 §3.3: the signalling cipher suite value a client may send instead of the extension.
inline constexpr uint16_t kEmptyRenegotiationInfoScsv = 0x00ff;

// Which certificate key authenticates the ECDHE parameters.
enum class AuthAlgorithm : uint8_t { kEcdsa, kRsa };

struct CipherSuiteInfo {
  CipherSuite id;
  const char* name;  // the IANA name
  AuthAlgorithm auth;
  crypto::AeadAlgorithm aead;
  crypto::HashAlgorithm prf_hash;  // PRF and handshake-hash function (RFC 5246 §5)
  size_t key_size;                 // enc_key_length
  size_t fixed_iv_size;            // RFC 5288 §3: 4-byte salt; RFC 7905 §2: 12-byte IV
  size_t explicit_nonce_size;      // RFC 5288 §3: 8 bytes in each record; ChaCha20: 0
};

// The table entry for a suite id, or nullptr when tern does not implement it.
const CipherSuiteInfo* find_cipher_suite(uint16_t id);
// Every implemented suite, in tern's default preference order (AES-128-GCM/ECDSA first).
std::span<const CipherSuiteInfo> supported_cipher_suites();
// IANA name, or "unknown".
const char* cipher_suite_name(uint16_t id);

}  // namespace tern::dtls

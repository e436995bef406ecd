#pragma once
// Digital signatures for the TLS 1.2 / DTLS 1.2 handshake: ECDSA (P-256 signing; P-256/P-384
// verifying) and RSA (PKCS#1 v1.5 and PSS, RFC 8017), behind copyable RAII key types.
//
// Signing draws its per-signature randomness (the ECDSA nonce, the PSS salt) from OpenSSL's
// CSPRNG; key generation for ECDSA draws from the caller's Rng.
#include <cstdint>
#include <memory>
#include <span>
#include <vector>

#include "common/error.hpp"
#include "common/rng.hpp"
#include "crypto/hash.hpp"

struct evp_pkey_st;  // OpenSSL's EVP_PKEY, opaque outside crypto/*.cpp

namespace tern::crypto {

enum class KeyType : uint8_t { kNone, kEcdsaP256, kEcdsaP384, kRsa, kOther };

enum class SignatureKind : uint8_t { kEcdsa, kRsaPkcs1, kRsaPss };

// A signature scheme: the padding/algorithm and the hash applied to the message.
struct SignatureAlgorithm {
  SignatureKind kind = SignatureKind::kEcdsa;
  HashAlgorithm hash = HashAlgorithm::kSha256;
  bool operator==(const SignatureAlgorithm&) const = default;
};

// "ecdsa" / "rsa" ... names for logs and describe().
const char* key_type_name(KeyType type);

// True when a key of `type` can produce or check signatures of `algorithm`'s kind.
bool key_supports(KeyType type, SignatureAlgorithm algorithm);

// A public key (from a certificate's SubjectPublicKeyInfo). Copies share the key.
class PublicKey {
 public:
  PublicKey() = default;
  // Parses a DER SubjectPublicKeyInfo. Errors: CryptoErrc::kOpenSsl when it does not decode.
  static Result<PublicKey> parse_spki(std::span<const uint8_t> der);

  bool empty() const { return pkey_ == nullptr; }
  KeyType type() const { return type_; }
  // RSA modulus / EC group size in bits (0 when empty).
  int bits() const;
  // The DER SubjectPublicKeyInfo.
  std::vector<uint8_t> spki_der() const;

  // True when `signature` is a valid signature of `data` under `algorithm` (PSS: salt length equal
  // to the digest length, RFC 8446 §4.2.3). False for a bad signature or a key/algorithm mismatch.
  bool verify(SignatureAlgorithm algorithm, std::span<const uint8_t> data,
              std::span<const uint8_t> signature) const;

  // For crypto/ internals (certificate construction).
  evp_pkey_st* native() const { return pkey_.get(); }
  static PublicKey adopt(std::shared_ptr<evp_pkey_st> pkey);

 private:
  std::shared_ptr<evp_pkey_st> pkey_;
  KeyType type_ = KeyType::kNone;
};

// A private signing key. Copies share the key.
class PrivateKey {
 public:
  PrivateKey() = default;
  // An ECDSA P-256 key whose scalar comes from `rng`.
  static PrivateKey generate_ecdsa_p256(Rng& rng);
  // An RSA key of `bits` bits (uses OpenSSL's CSPRNG: prime search cannot be driven by an Rng).
  static PrivateKey generate_rsa(int bits);
  // Parses a DER PKCS#8 PrivateKeyInfo (or a traditional EC/RSA private key).
  // Errors: CryptoErrc::kOpenSsl when it does not decode.
  static Result<PrivateKey> parse_der(std::span<const uint8_t> der);

  bool empty() const { return pkey_ == nullptr; }
  KeyType type() const { return type_; }
  // DER PKCS#8 PrivateKeyInfo.
  std::vector<uint8_t> serialize_der() const;
  PublicKey public_key() const;

  // Signs `data` (hashing it with algorithm.hash). ECDSA signatures are DER ECDSA-Sig-Value
  // (RFC 8422 §5.4). Errors: CryptoErrc::kUnsupported (key cannot make this kind of signature),
  // CryptoErrc::kOpenSsl.
  Result<std::vector<uint8_t>> sign(SignatureAlgorithm algorithm, std::span<const uint8_t> data) const;

  // For crypto/ internals (certificate signing).
  evp_pkey_st* native() const { return pkey_.get(); }

 private:
  std::shared_ptr<evp_pkey_st> pkey_;
  KeyType type_ = KeyType::kNone;
};

}  // namespace tern::crypto

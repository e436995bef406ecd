#pragma once
// Ephemeral elliptic-curve Diffie-Hellman (ECDHE) for the TLS 1.2 / DTLS 1.2 key exchange
// (RFC 8422): X25519 (RFC 7748) and NIST P-256 (secp256r1, uncompressed points only).
//
// Private scalars are drawn from the caller's Rng, so a simulation seeded with a SeededRng is
// deterministic; production passes crypto::SystemRng.
#include <cstddef>
#include <cstdint>
#include <memory>
#include <span>
#include <vector>

#include "common/error.hpp"
#include "common/rng.hpp"
#include "crypto/hash.hpp"

struct evp_pkey_st;  // OpenSSL's EVP_PKEY, opaque outside crypto/*.cpp

namespace tern::crypto {

enum class EcdhGroup : uint8_t { kX25519, kP256 };

// Size of a public key on the wire: 32 bytes for X25519, 65 (0x04 || X || Y) for P-256.
size_t ecdh_public_key_size(EcdhGroup group);
// Size of the shared secret: 32 bytes for both groups (P-256: the X coordinate, RFC 8422 §5.10).
size_t ecdh_shared_secret_size(EcdhGroup group);
// "x25519" / "secp256r1".
const char* ecdh_group_name(EcdhGroup group);

// An ephemeral key pair. Copies share the same key (read-only after generation).
class EcdhPrivateKey {
 public:
  // Draws a private key from `rng` (P-256: rejection-sampled scalar in [1, n-1]).
  static EcdhPrivateKey generate(EcdhGroup group, Rng& rng);

  EcdhGroup group() const { return group_; }
  // The public key in its wire encoding (see ecdh_public_key_size).
  std::span<const uint8_t> public_key() const { return public_; }

  // Computes the shared secret with the peer's public key (wire encoding).
  // Errors: CryptoErrc::kBadKeyLength (wrong size or not an uncompressed point),
  // CryptoErrc::kOpenSsl (point not on the curve, or an all-zero X25519 result: RFC 7748 §6.1).
  Result<std::vector<uint8_t>> derive(std::span<const uint8_t> peer_public) const;

 private:
  EcdhPrivateKey() = default;
  std::shared_ptr<evp_pkey_st> pkey_;
  EcdhGroup group_ = EcdhGroup::kX25519;
  std::vector<uint8_t> public_;
};

namespace detail {
// A P-256 key pair whose scalar comes from `rng` (shared by ECDH and ECDSA key generation).
std::shared_ptr<evp_pkey_st> generate_p256_pkey(Rng& rng);
// Wraps an owned EVP_PKEY* in a shared_ptr that frees it.
std::shared_ptr<evp_pkey_st> adopt_pkey(evp_pkey_st* pkey);
}  // namespace detail

}  // namespace tern::crypto

#pragma once
// Signature algorithms of the TLS 1.2 signature_algorithms extension (RFC 5246 §7.4.1.4.1: a
// (hash, signature) byte pair) including the RSA-PSS code points RFC 8446 §4.2.3 made usable in
// TLS 1.2.
#include <cstdint>
#include <optional>

#include "crypto/signature.hpp"

namespace tern::dtls {

enum class SignatureScheme : uint16_t {
  kRsaPkcs1Sha1 = 0x0201,
  kEcdsaSha1 = 0x0203,
  kRsaPkcs1Sha256 = 0x0401,
  kEcdsaSecp256r1Sha256 = 0x0403,
  kRsaPkcs1Sha384 = 0x0501,
  kEcdsaSecp384r1Sha384 = 0x0503,
  kRsaPkcs1Sha512 = 0x0601,
  kEcdsaSecp521r1Sha512 = 0x0603,
  kRsaPssRsaeSha256 = 0x0804,
  kRsaPssRsaeSha384 = 0x0805,
  kRsaPssRsaeSha512 = 0x0806,
  kEd25519 = 0x0807,
};

// "ecdsa_secp256r1_sha256", ... or "unknown".
const char* signature_scheme_name(SignatureScheme scheme);
// The crypto algorithm for a scheme tern can verify (SHA-256 or stronger); nullopt otherwise.
std::optional<crypto::SignatureAlgorithm> to_signature_algorithm(SignatureScheme scheme);

}  // namespace tern::dtls

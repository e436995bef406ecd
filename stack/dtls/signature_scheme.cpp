#include "dtls/signature_scheme.hpp"

namespace tern::dtls {

const char* signature_scheme_name(SignatureScheme scheme) {
  switch (scheme) {
    case SignatureScheme::kRsaPkcs1Sha1: return "rsa_pkcs1_sha1";
    case SignatureScheme::kEcdsaSha1: return "ecdsa_sha1";
    case SignatureScheme::kRsaPkcs1Sha256: return "rsa_pkcs1_sha256";
    case SignatureScheme::kEcdsaSecp256r1Sha256: return "ecdsa_secp256r1_sha256";
    case SignatureScheme::kRsaPkcs1Sha384: return "rsa_pkcs1_sha384";
    case SignatureScheme::kEcdsaSecp384r1Sha384: return "ecdsa_secp384r1_sha384";
    case SignatureScheme::kRsaPkcs1Sha512: return "rsa_pkcs1_sha512";
    case SignatureScheme::kEcdsaSecp521r1Sha512: return "ecdsa_secp521r1_sha512";
    case SignatureScheme::kRsaPssRsaeSha256: return "rsa_pss_rsae_sha256";
    case SignatureScheme::kRsaPssRsaeSha384: return "rsa_pss_rsae_sha384";
    case SignatureScheme::kRsaPssRsaeSha512: return "rsa_pss_rsae_sha512";
    case SignatureScheme::kEd25519: return "ed25519";
  }
  return "unknown";
}

std::optional<crypto::SignatureAlgorithm> to_signature_algorithm(SignatureScheme scheme) {
  using crypto::HashAlgorithm;
  using crypto::SignatureKind;
  // SHA-1 schemes are deliberately absent: tern never offers or accepts them.
  switch (scheme) {
    case SignatureScheme::kRsaPkcs1Sha256: return crypto::SignatureAlgorithm{SignatureKind::kRsaPkcs1, HashAlgorithm::kSha256};
    case SignatureScheme::kRsaPkcs1Sha384: return crypto::SignatureAlgorithm{SignatureKind::kRsaPkcs1, HashAlgorithm::kSha384};
    case SignatureScheme::kRsaPkcs1Sha512: return crypto::SignatureAlgorithm{SignatureKind::kRsaPkcs1, HashAlgorithm::kSha512};
    case SignatureScheme::kEcdsaSecp256r1Sha256: return crypto::SignatureAlgorithm{SignatureKind::kEcdsa, HashAlgorithm::kSha256};
    case SignatureScheme::kEcdsaSecp384r1Sha384: return crypto::SignatureAlgorithm{SignatureKind::kEcdsa, HashAlgorithm::kSha384};
    case SignatureScheme::kEcdsaSecp521r1Sha512: return crypto::SignatureAlgorithm{SignatureKind::kEcdsa, HashAlgorithm::kSha512};
    case SignatureScheme::kRsaPssRsaeSha256: return crypto::SignatureAlgorithm{SignatureKind::kRsaPss, HashAlgorithm::kSha256};
    case SignatureScheme::kRsaPssRsaeSha384: return crypto::SignatureAlgorithm{SignatureKind::kRsaPss, HashAlgorithm::kSha384};
    case SignatureScheme::kRsaPssRsaeSha512: return crypto::SignatureAlgorithm{SignatureKind::kRsaPss, HashAlgorithm::kSha512};
    default: return std::nullopt;
  }
}

}  // namespace tern::dtls

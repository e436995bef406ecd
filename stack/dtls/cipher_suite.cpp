#include "dtls/cipher_suite.hpp"

namespace tern::dtls {
namespace {
using crypto::AeadAlgorithm;
using crypto::HashAlgorithm;

constexpr CipherSuiteInfo kSuites[] = {
    {CipherSuite::kEcdheEcdsaAes128GcmSha256, "TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256", AuthAlgorithm::kEcdsa,
     AeadAlgorithm::kAes128Gcm, HashAlgorithm::kSha256, 16, 4, 8},
    {CipherSuite::kEcdheEcdsaAes256GcmSha384, "TLS_ECDHE_ECDSA_WITH_AES_256_GCM_SHA384", AuthAlgorithm::kEcdsa,
     AeadAlgorithm::kAes256Gcm, HashAlgorithm::kSha384, 32, 4, 8},
    {CipherSuite::kEcdheEcdsaChaCha20Poly1305Sha256, "TLS_ECDHE_ECDSA_WITH_CHACHA20_POLY1305_SHA256",
     AuthAlgorithm::kEcdsa, AeadAlgorithm::kChaCha20Poly1305, HashAlgorithm::kSha256, 32, 12, 0},
    {CipherSuite::kEcdheRsaAes128GcmSha256, "TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256", AuthAlgorithm::kRsa,
     AeadAlgorithm::kAes128Gcm, HashAlgorithm::kSha256, 16, 4, 8},
    {CipherSuite::kEcdheRsaAes256GcmSha384, "TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384", AuthAlgorithm::kRsa,
     AeadAlgorithm::kAes256Gcm, HashAlgorithm::kSha384, 32, 4, 8},
    {CipherSuite::kEcdheRsaChaCha20Poly1305Sha256, "TLS_ECDHE_RSA_WITH_CHACHA20_POLY1305_SHA256", AuthAlgorithm::kRsa,
     AeadAlgorithm::kChaCha20Poly1305, HashAlgorithm::kSha256, 32, 12, 0},
};
}  // namespace

const CipherSuiteInfo* find_cipher_suite(uint16_t id) {
  for (const auto& suite : kSuites)
    if (static_cast<uint16_t>(suite.id) == id) return &suite;
  return nullptr;
}

std::span<const CipherSuiteInfo> supported_cipher_suites() { return kSuites; }

const char* cipher_suite_name(uint16_t id) {
  if (id == kEmptyRenegotiationInfoScsv) return "TLS_EMPTY_RENEGOTIATION_INFO_SCSV";
  const CipherSuiteInfo* suite = find_cipher_suite(id);
  return suite ? suite->name : "unknown";
}

}  // namespace tern::dtls

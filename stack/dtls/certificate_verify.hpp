#pragma once
// CertificateVerify (RFC 5246 §7.4.8): the client's signature over every handshake message so far.
//
//   +-------------------------------+-------------------------------+---------------+
//   | SignatureAndHashAlgorithm (2) | signature length (2)          | signature ... |
//   +-------------------------------+-------------------------------+---------------+
#include <cstdint>
#include <span>
#include <string>
#include <vector>

#include "common/error.hpp"
#include "dtls/signature_scheme.hpp"

namespace tern::dtls {

struct CertificateVerify {
  SignatureScheme signature_scheme = SignatureScheme::kEcdsaSecp256r1Sha256;
  std::vector<uint8_t> signature;
  bool operator==(const CertificateVerify&) const = default;
};

// Errors: kTruncated, kTrailingData.
Result<CertificateVerify> parse_certificate_verify(std::span<const uint8_t> body);
std::vector<uint8_t> serialize(const CertificateVerify& message);
std::string describe(const CertificateVerify& message);

}  // namespace tern::dtls

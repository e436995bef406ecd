#pragma once
// CertificateRequest (RFC 5246 §7.4.4). WebRTC requires mutual authentication, so a tern server
// always sends it.
//
//   +-----------------------+-------------------------------------------+
//   | cert types len (1)    | ClientCertificateType <1..2^8-1>          |
//   +-----------------------+-------------------------------------------+
//   | sig algs len (2)      | SignatureAndHashAlgorithm <2..2^16-2>     |
//   +-----------------------+-------------------------------------------+
//   | CA list len (2)       | DistinguishedName (len 2 + DER) ...       |
//   +-----------------------+-------------------------------------------+
#include <cstdint>
#include <span>
#include <string>
#include <vector>

#include "common/error.hpp"
#include "dtls/signature_scheme.hpp"

namespace tern::dtls {

enum class ClientCertificateType : uint8_t { kRsaSign = 1, kDssSign = 2, kEcdsaSign = 64 };

struct CertificateRequest {
  std::vector<ClientCertificateType> certificate_types;
  std::vector<SignatureScheme> signature_algorithms;
  std::vector<std::vector<uint8_t>> certificate_authorities;  // DER DistinguishedNames
  bool operator==(const CertificateRequest&) const = default;
};

// Errors: kTruncated, kBadLength, kTrailingData.
Result<CertificateRequest> parse_certificate_request(std::span<const uint8_t> body);
std::vector<uint8_t> serialize(const CertificateRequest& request);
std::string describe(const CertificateRequest& request);

}  // namespace tern::dtls

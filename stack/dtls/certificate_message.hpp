#pragma once
// Certificate handshake message (RFC 5246 §7.4.2 server, §7.4.6 client).
//
//   +---------------------------------------------+
//   | certificate_list length (3)                  |
//   +---------------------------------------------+
//   | cert length (3) | ASN.1 DER cert <1..2^24-1> |  (repeated; sender's own cert first)
//   +---------------------------------------------+
#include <cstdint>
#include <span>
#include <string>
#include <vector>

#include "common/error.hpp"

namespace tern::dtls {

// tern's cap on a certificate chain's length (WebRTC sends one self-signed certificate).
inline constexpr size_t kMaxCertificates = 10;

struct CertificateMessage {
  std::vector<std::vector<uint8_t>> certificates;  // DER; may be empty (client without a cert)
  bool operator==(const CertificateMessage&) const = default;
};

// Errors: kTruncated, kBadLength (an empty certificate or list length mismatch), kTooLarge (more
// than kMaxCertificates), kTrailingData.
Result<CertificateMessage> parse_certificate_message(std::span<const uint8_t> body);
std::vector<uint8_t> serialize(const CertificateMessage& message);
std::string describe(const CertificateMessage& message);

}  // namespace tern::dtls

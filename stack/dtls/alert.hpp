#pragma once
// Alert protocol (RFC 5246 §7.2, carried unchanged by DTLS: RFC 6347 §4.1).
//
//    0                   1
//    0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5
//   +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
//   |     level     |  description  |
//   +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
#include <cstdint>
#include <span>
#include <string>

#include "common/error.hpp"

namespace tern::dtls {

enum class AlertLevel : uint8_t { kWarning = 1, kFatal = 2 };

enum class AlertDescription : uint8_t {
  kCloseNotify = 0,
  kUnexpectedMessage = 10,
  kBadRecordMac = 20,
  kRecordOverflow = 22,
  kHandshakeFailure = 40,
  kBadCertificate = 42,
  kUnsupportedCertificate = 43,
  kCertificateRevoked = 44,
  kCertificateExpired = 45,
  kCertificateUnknown = 46,
  kIllegalParameter = 47,
  kUnknownCa = 48,
  kAccessDenied = 49,
  kDecodeError = 50,
  kDecryptError = 51,
  kProtocolVersion = 70,
  kInsufficientSecurity = 71,
  kInternalError = 80,
  kUserCanceled = 90,
  kNoRenegotiation = 100,
  kUnsupportedExtension = 110,
};

inline constexpr size_t kAlertSize = 2;

struct Alert {
  AlertLevel level = AlertLevel::kFatal;
  AlertDescription description = AlertDescription::kInternalError;
  bool operator==(const Alert&) const = default;
};

// "close_notify", "handshake_failure", ... ("unknown(N)" style names are not allocated: unknown
// codes give "unknown").
const char* alert_description_name(AlertDescription description);

// Parses exactly two bytes. Errors: kTruncated, kTrailingData, kBadValue (level not 1 or 2).
// Unknown descriptions are kept (RFC 5246 §7.2: receivers must handle any value).
Result<Alert> parse_alert(std::span<const uint8_t> data);
// Writes the two bytes.
void serialize_alert(const Alert& alert, std::span<uint8_t, kAlertSize> out);

// "alert fatal handshake_failure (40)".
std::string describe(const Alert& alert);

}  // namespace tern::dtls

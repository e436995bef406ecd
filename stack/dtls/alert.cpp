#include "dtls/alert.hpp"

#include "dtls/errc.hpp"

namespace tern::dtls {

const char* alert_description_name(AlertDescription description) {
  switch (description) {
    case AlertDescription::kCloseNotify: return "close_notify";
    case AlertDescription::kUnexpectedMessage: return "unexpected_message";
    case AlertDescription::kBadRecordMac: return "bad_record_mac";
    case AlertDescription::kRecordOverflow: return "record_overflow";
    case AlertDescription::kHandshakeFailure: return "handshake_failure";
    case AlertDescription::kBadCertificate: return "bad_certificate";
    case AlertDescription::kUnsupportedCertificate: return "unsupported_certificate";
    case AlertDescription::kCertificateRevoked: return "certificate_revoked";
    case AlertDescription::kCertificateExpired: return "certificate_expired";
    case AlertDescription::kCertificateUnknown: return "certificate_unknown";
    case AlertDescription::kIllegalParameter: return "illegal_parameter";
    case AlertDescription::kUnknownCa: return "unknown_ca";
    case AlertDescription::kAccessDenied: return "access_denied";
    case AlertDescription::kDecodeError: return "decode_error";
    case AlertDescription::kDecryptError: return "decrypt_error";
    case AlertDescription::kProtocolVersion: return "protocol_version";
    case AlertDescription::kInsufficientSecurity: return "insufficient_security";
    case AlertDescription::kInternalError: return "internal_error";
    case AlertDescription::kUserCanceled: return "user_canceled";
    case AlertDescription::kNoRenegotiation: return "no_renegotiation";
    case AlertDescription::kUnsupportedExtension: return "unsupported_extension";
  }
  return "unknown";
}

Result<Alert> parse_alert(std::span<const uint8_t> data) {
  if (data.size() < kAlertSize) return Error(DtlsErrc::kTruncated, "alert shorter than 2 bytes", 0);
  if (data.size() > kAlertSize) return Error(DtlsErrc::kTrailingData, "bytes after alert", 2);
  if (data[0] != 1 && data[0] != 2) return Error(DtlsErrc::kBadValue, "alert level", 0);
  return Alert{static_cast<AlertLevel>(data[0]), static_cast<AlertDescription>(data[1])};
}

void serialize_alert(const Alert& alert, std::span<uint8_t, kAlertSize> out) {
  out[0] = static_cast<uint8_t>(alert.level);
  out[1] = static_cast<uint8_t>(alert.description);
}

std::string describe(const Alert& alert) {
  return std::string("alert ") + (alert.level == AlertLevel::kFatal ? "fatal " : "warning ") +
         alert_description_name(alert.description) + " (" +
         std::to_string(static_cast<unsigned>(alert.description)) + ")";
}

}  // namespace tern::dtls

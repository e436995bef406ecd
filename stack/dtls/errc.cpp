#include "dtls/errc.hpp"

namespace tern::dtls {

const char* dtls_errc_name(uint16_t code) {
  switch (static_cast<DtlsErrc>(code)) {
    case DtlsErrc::kTruncated: return "kTruncated";
    case DtlsErrc::kBadLength: return "kBadLength";
    case DtlsErrc::kBadVersion: return "kBadVersion";
    case DtlsErrc::kBadContentType: return "kBadContentType";
    case DtlsErrc::kBadValue: return "kBadValue";
    case DtlsErrc::kTooLarge: return "kTooLarge";
    case DtlsErrc::kTrailingData: return "kTrailingData";
    case DtlsErrc::kDuplicateExtension: return "kDuplicateExtension";
    case DtlsErrc::kDecryptFailed: return "kDecryptFailed";
    case DtlsErrc::kReplayed: return "kReplayed";
    case DtlsErrc::kWrongEpoch: return "kWrongEpoch";
    case DtlsErrc::kUnexpectedMessage: return "kUnexpectedMessage";
    case DtlsErrc::kHandshakeFailure: return "kHandshakeFailure";
    case DtlsErrc::kIllegalParameter: return "kIllegalParameter";
    case DtlsErrc::kUnsupportedExtension: return "kUnsupportedExtension";
    case DtlsErrc::kBadCertificate: return "kBadCertificate";
    case DtlsErrc::kBadSignature: return "kBadSignature";
    case DtlsErrc::kBadFinished: return "kBadFinished";
    case DtlsErrc::kFingerprintMismatch: return "kFingerprintMismatch";
    case DtlsErrc::kHandshakeTimeout: return "kHandshakeTimeout";
    case DtlsErrc::kAlertReceived: return "kAlertReceived";
    case DtlsErrc::kNotConnected: return "kNotConnected";
    case DtlsErrc::kClosed: return "kClosed";
    case DtlsErrc::kBadConfig: return "kBadConfig";
    case DtlsErrc::kInternal: return "kInternal";
  }
  return "unknown";
}

}  // namespace tern::dtls

TERN_DEFINE_ERRC(tern::dtls::DtlsErrc, "dtls", tern::dtls::dtls_errc_name)

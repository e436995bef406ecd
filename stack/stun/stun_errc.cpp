#include "stun/stun_errc.hpp"

namespace tern::stun {

const char* stun_errc_name(uint16_t code) {
  switch (static_cast<StunErrc>(code)) {
    case StunErrc::kTruncatedHeader: return "kTruncatedHeader";
    case StunErrc::kBadLeadingBits: return "kBadLeadingBits";
    case StunErrc::kBadMagicCookie: return "kBadMagicCookie";
    case StunErrc::kLengthNotMultipleOf4: return "kLengthNotMultipleOf4";
    case StunErrc::kLengthExceedsDatagram: return "kLengthExceedsDatagram";
    case StunErrc::kTrailingBytes: return "kTrailingBytes";
    case StunErrc::kTruncatedAttribute: return "kTruncatedAttribute";
    case StunErrc::kTooManyAttributes: return "kTooManyAttributes";
    case StunErrc::kMissingAttribute: return "kMissingAttribute";
    case StunErrc::kBadAttributeLength: return "kBadAttributeLength";
    case StunErrc::kBadAddressFamily: return "kBadAddressFamily";
    case StunErrc::kBadErrorClass: return "kBadErrorClass";
    case StunErrc::kBadErrorNumber: return "kBadErrorNumber";
    case StunErrc::kBadUtf8: return "kBadUtf8";
    case StunErrc::kValueTooLong: return "kValueTooLong";
    case StunErrc::kBadValue: return "kBadValue";
    case StunErrc::kBadNonceCookie: return "kBadNonceCookie";
    case StunErrc::kBadChannelNumber: return "kBadChannelNumber";
    case StunErrc::kMissingIntegrity: return "kMissingIntegrity";
    case StunErrc::kIntegrityMismatch: return "kIntegrityMismatch";
    case StunErrc::kMissingFingerprint: return "kMissingFingerprint";
    case StunErrc::kFingerprintMismatch: return "kFingerprintMismatch";
    case StunErrc::kAttributeAfterIntegrity: return "kAttributeAfterIntegrity";
    case StunErrc::kFingerprintNotLast: return "kFingerprintNotLast";
    case StunErrc::kWrongKeyAlgorithm: return "kWrongKeyAlgorithm";
    case StunErrc::kBufferTooSmall: return "kBufferTooSmall";
    case StunErrc::kMessageTooLarge: return "kMessageTooLarge";
    case StunErrc::kBadMethod: return "kBadMethod";
    case StunErrc::kChannelDataTruncated: return "kChannelDataTruncated";
    case StunErrc::kChannelDataTrailingBytes: return "kChannelDataTrailingBytes";
  }
  return "unknown";
}

}  // namespace tern::stun

TERN_DEFINE_ERRC(tern::stun::StunErrc, "stun", tern::stun::stun_errc_name)

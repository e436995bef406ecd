#pragma once
// The STUN module's error codes (RFC 8489 messages, typed attributes, credentials, TURN ChannelData).
//
// Positions are byte offsets into the message (or ChannelData frame) being parsed; 0 means "no
// position" (e.g. a missing attribute).
#include <cstdint>

#include "common/error.hpp"

namespace tern::stun {

enum class StunErrc : uint16_t {
  // Header (RFC 8489 §5).
  kTruncatedHeader = 1,     // fewer than 20 bytes
  kBadLeadingBits,          // the two most significant bits of the message type are not 0
  kBadMagicCookie,          // bytes 4..7 are not 0x2112A442
  kLengthNotMultipleOf4,    // message length field is not a multiple of 4
  kLengthExceedsDatagram,   // message length field points past the end of the input
  kTrailingBytes,           // input continues after the message (datagram holds more than one)
  // Attribute TLVs (RFC 8489 §14).
  kTruncatedAttribute,      // attribute header or value overruns the message length
  kTooManyAttributes,       // more than Message::kMaxAttributes (bounded, no allocation)
  kMissingAttribute,        // a typed getter found no such (significant) attribute
  kBadAttributeLength,      // value length is wrong for the attribute type
  kBadAddressFamily,        // address family is not 0x01 (IPv4) or 0x02 (IPv6)
  kBadErrorClass,           // ERROR-CODE / ADDRESS-ERROR-CODE class outside 3..6
  kBadErrorNumber,          // ERROR-CODE / ADDRESS-ERROR-CODE number above 99
  kBadUtf8,                 // text attribute is not valid UTF-8
  kValueTooLong,            // text attribute longer than its RFC limit
  kBadValue,                // other format violation (named by the detail string)
  kBadNonceCookie,          // NONCE starts with "obMatJos2" but the feature set is not base64
  kBadChannelNumber,        // channel number outside 0x4000..0x4FFF (RFC 8656 §12)
  // Integrity and fingerprint (RFC 8489 §14.5-§14.7).
  kMissingIntegrity,        // no (significant) MESSAGE-INTEGRITY / MESSAGE-INTEGRITY-SHA256
  kIntegrityMismatch,       // the HMAC does not match
  kMissingFingerprint,      // no FINGERPRINT attribute
  kFingerprintMismatch,     // the CRC-32 does not match
  kAttributeAfterIntegrity, // an attribute other than MI-SHA256/FINGERPRINT follows the integrity
  kFingerprintNotLast,      // an attribute follows FINGERPRINT
  kWrongKeyAlgorithm,       // an Hmac of the wrong hash was passed (SHA-1 for MI, SHA-256 for MI-SHA256)
  // Building.
  kBufferTooSmall,          // caller buffer cannot hold the message
  kMessageTooLarge,         // message length would exceed the 16-bit length field
  kBadMethod,               // method does not fit in 12 bits
  // TURN ChannelData (RFC 8656 §12.4).
  kChannelDataTruncated,    // fewer than 4 bytes, or Length points past the input
  kChannelDataTrailingBytes,// more bytes than Length plus padding
};

// "kTruncatedHeader", ... (for display).
const char* stun_errc_name(uint16_t code);

}  // namespace tern::stun

TERN_DECLARE_ERRC(tern::stun::StunErrc);

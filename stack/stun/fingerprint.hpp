#pragma once
// FINGERPRINT computation and check (RFC 8489 §14.7).
//
// The value is CRC-32 (ITU V.42, the one in common/crc32.hpp) of the message up to but excluding
// the FINGERPRINT attribute, XORed with 0x5354554e ("STUN"). The header's Message Length must
// already count the FINGERPRINT attribute, and FINGERPRINT must be the last attribute.
#include <cstdint>
#include <span>

#include "common/error.hpp"
#include "stun/message.hpp"

namespace tern::stun {

// RFC 8489 §14.7: the XOR constant, so an application CRC-32 never passes as a FINGERPRINT.
inline constexpr uint32_t kFingerprintXor = 0x5354554e;

// The FINGERPRINT value for a message whose bytes before the FINGERPRINT attribute are
// `message_prefix` (header length field already including the 8-byte FINGERPRINT attribute).
uint32_t compute_fingerprint(std::span<const uint8_t> message_prefix);

// Checks the message's FINGERPRINT. Errors: kMissingFingerprint, kFingerprintNotLast (an attribute
// follows it), kBadAttributeLength (not 4 bytes), kFingerprintMismatch. Positions point at the
// attribute.
Status verify_fingerprint(const Message& message);

}  // namespace tern::stun

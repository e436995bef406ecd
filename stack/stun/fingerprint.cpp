#include "stun/fingerprint.hpp"

#include "common/byte_reader.hpp"
#include "common/crc32.hpp"
#include "stun/integrity_attributes.hpp"

namespace tern::stun {

uint32_t compute_fingerprint(std::span<const uint8_t> message_prefix) {
  return crc32(message_prefix) ^ kFingerprintXor;
}

Status verify_fingerprint(const Message& message) {
  const auto attrs = message.attributes();
  for (size_t i = 0; i < attrs.size(); ++i) {
    const RawAttribute& a = attrs[i];
    if (a.type != AttributeType::kFingerprint) continue;
    // RFC 8489 §14.7: "When present, the FINGERPRINT attribute MUST be the last attribute".
    if (i + 1 != attrs.size()) return Error(StunErrc::kFingerprintNotLast, "attribute after FINGERPRINT", attrs[i + 1].offset);
    if (a.value.size() != kFingerprintSize) {
      return Error(StunErrc::kBadAttributeLength, "FINGERPRINT is not 4 bytes", a.offset + 2);
    }
    // Being last, the message's own length field already counts it, as the CRC requires.
    const uint32_t expected = compute_fingerprint(message.bytes().first(a.offset));
    if (load_be32(a.value.data()) != expected) {
      return Error(StunErrc::kFingerprintMismatch, "FINGERPRINT does not match", a.offset + 4);
    }
    return {};
  }
  return Error(StunErrc::kMissingFingerprint, "no FINGERPRINT attribute", 0);
}

}  // namespace tern::stun

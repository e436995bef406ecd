#pragma once
// Credentials and MESSAGE-INTEGRITY / MESSAGE-INTEGRITY-SHA256 (RFC 8489 §9, §14.4-§14.6).
//
// Keys:
//   short-term (§9.1.1):  key = OpaqueString(password)
//   long-term  (§9.2.2):  key = MD5(username ":" OpaqueString(realm) ":" OpaqueString(password)),
//                         or SHA-256(...) of the same string when PASSWORD-ALGORITHM is SHA-256
//                         (§18.5.1.2); 16 or 32 bytes
//   USERHASH   (§14.4):   SHA-256(OpaqueString(username) ":" OpaqueString(realm))
//
// OpaqueString (RFC 8265 §4.2) is treated as the identity: strings are used byte for byte. For ASCII
// input without spaces other than U+0020 that is exactly what the profile produces; callers with
// non-ASCII or unusual credentials must pass them already prepared (RFC 5769 §2.4 and RFC 8489
// Appendix B.1, for instance, give the prepared password "TheMatrIX" next to the raw
// "The<U+00AD>M<U+00AA>tr<U+2168>").
//
// The HMAC input (§14.5, §14.6) is the message up to and including the attribute before the
// integrity attribute, with the header's Message Length set to point at the end of the integrity
// attribute (so attributes that follow it, FINGERPRINT for instance, are excluded).
#include <array>
#include <cstdint>
#include <span>
#include <string_view>

#include "common/error.hpp"
#include "crypto/hash.hpp"
#include "crypto/hmac.hpp"
#include "stun/message.hpp"
#include "stun/password_algorithm.hpp"

namespace tern::stun {

// RFC 8489 §9.1.1: the short-term key is the (prepared) password itself; a view of its bytes.
std::span<const uint8_t> short_term_key(std::string_view password);

// RFC 8489 §9.2.2: the long-term key (16 bytes for MD5, 32 for SHA-256). kBadValue for an
// unregistered algorithm. Allocates (a temporary string); derive once per credential.
Result<crypto::Digest> long_term_key(std::string_view username, std::string_view realm, std::string_view password,
                                     PasswordAlgorithm algorithm = PasswordAlgorithm::kMd5);

// RFC 8489 §14.4: the USERHASH value.
std::array<uint8_t, 32> userhash(std::string_view username, std::string_view realm);

// The HMAC of the first `prefix.size()` bytes of a message (everything before an integrity attribute
// whose value will be `value_size` bytes), with the header length adjusted to end at that attribute.
// `hmac` is keyed by the caller and must be idle (fresh or just finished); it is finished (reset)
// on return. Does not allocate beyond what Hmac does.
crypto::Digest compute_message_integrity(crypto::Hmac& hmac, std::span<const uint8_t> prefix, size_t value_size);

// Checks MESSAGE-INTEGRITY (HMAC-SHA1). Errors: kMissingIntegrity (no significant
// MESSAGE-INTEGRITY), kBadAttributeLength (not 20 bytes), kWrongKeyAlgorithm (a non-SHA-1 Hmac),
// kIntegrityMismatch. Attributes after it other than MESSAGE-INTEGRITY-SHA256 / FINGERPRINT do not
// make this fail: the RFC says to ignore them (use check_attribute_order() to refuse them).
Status verify_message_integrity(const Message& message, crypto::Hmac& hmac_sha1);
// One-shot form (builds an Hmac: allocates).
Status verify_message_integrity(const Message& message, std::span<const uint8_t> key);

// Checks MESSAGE-INTEGRITY-SHA256 (HMAC-SHA256, possibly truncated to 16..32 bytes). Errors:
// kMissingIntegrity, kBadAttributeLength, kWrongKeyAlgorithm, kIntegrityMismatch.
Status verify_message_integrity_sha256(const Message& message, crypto::Hmac& hmac_sha256);
Status verify_message_integrity_sha256(const Message& message, std::span<const uint8_t> key);

}  // namespace tern::stun

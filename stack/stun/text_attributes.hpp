#pragma once
// The text attributes: USERNAME (RFC 8489 §14.3), REALM (§14.9), NONCE (§14.10), SOFTWARE (§14.14)
// and ALTERNATE-DOMAIN (§14.16). Each value is the text itself, padded like any attribute:
//
//      0                   1                   2                   3
//      0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
//     +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
//     |                  UTF-8 text (Length bytes)  ...  |  padding  |
//     +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
//
// Limits (the RFC's "encoding" limit applies to what we send, its "decoding" limit to what we accept):
//   USERNAME: fewer than 509 bytes sent; up to 763 bytes accepted (§14.3, RFC 5389 compatibility).
//   REALM, NONCE, SOFTWARE: fewer than 128 characters; at most 509 bytes sent, 763 accepted.
//   ALTERNATE-DOMAIN: a DNS name of 255 or fewer ASCII characters (§14.16).
// Text must be well-formed UTF-8. OpaqueString (RFC 8265) preparation is the caller's business: the
// values are carried byte for byte (see integrity.hpp).
#include <cstddef>
#include <cstdint>
#include <span>
#include <string_view>

#include "common/error.hpp"
#include "stun/attribute_type.hpp"
#include "stun/message.hpp"

namespace tern::stun {

// Checks UTF-8 well-formedness, the byte limit and (when max_chars > 0) the character limit.
// Errors: kBadUtf8 (position = offset of the bad byte), kValueTooLong.
Status check_text(std::span<const uint8_t> text, size_t max_bytes, size_t max_chars, const char* name);

template <AttributeType K, size_t kMaxReceiveBytes, size_t kMaxSendBytes, size_t kMaxChars>
struct TextAttribute {
  static constexpr AttributeType kType = K;
  static constexpr const char* kName = attribute_name_cstr(K);

  std::string_view text;  // a view into the message (parse) or the caller's string (build)

  static Result<TextAttribute> parse(std::span<const uint8_t> value, const TransactionId&) {
    if (auto s = check_text(value, kMaxReceiveBytes, kMaxChars, kName); !s) return s.error();
    return TextAttribute{{reinterpret_cast<const char*>(value.data()), value.size()}};
  }
  size_t value_size() const { return text.size(); }
  Status validate() const {
    return check_text({reinterpret_cast<const uint8_t*>(text.data()), text.size()}, kMaxSendBytes, kMaxChars,
                      kName);
  }
  void serialize(std::span<uint8_t> out, const TransactionId&) const {
    for (size_t i = 0; i < text.size(); ++i) out[i] = static_cast<uint8_t>(text[i]);
  }
  bool operator==(const TextAttribute&) const = default;
};

// RFC 8489 §14.3: "fewer than 509 bytes"; parse up to 763 octets.
using Username = TextAttribute<AttributeType::kUsername, 763, 508, 0>;
// RFC 8489 §14.9, §14.10, §14.14: fewer than 128 characters (509 bytes encoding, 763 decoding).
using Realm = TextAttribute<AttributeType::kRealm, 763, 509, 127>;
using Nonce = TextAttribute<AttributeType::kNonce, 763, 509, 127>;
using Software = TextAttribute<AttributeType::kSoftware, 763, 509, 127>;

// RFC 8489 §14.16: a DNS name (RFC 1123, A-labels for IDNs) of 255 or fewer ASCII characters.
struct AlternateDomain {
  static constexpr AttributeType kType = AttributeType::kAlternateDomain;
  static constexpr const char* kName = "ALTERNATE-DOMAIN";

  std::string_view domain;

  // Errors: kValueTooLong (> 255), kBadValue (empty, a character outside letters/digits/'-'/'.',
  // an empty or > 63-character label).
  static Result<AlternateDomain> parse(std::span<const uint8_t> value, const TransactionId&);
  size_t value_size() const { return domain.size(); }
  Status validate() const;
  void serialize(std::span<uint8_t> out, const TransactionId&) const;
  bool operator==(const AlternateDomain&) const = default;
};

}  // namespace tern::stun

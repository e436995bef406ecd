#pragma once
// A parsed STUN message: a zero-copy view over the caller's bytes (RFC 8489 §5, §14).
//
// Header (RFC 8489 §5, Figure 2):
//
//      0                   1                   2                   3
//      0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
//     +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
//     |0 0|     STUN Message Type     |         Message Length        |
//     +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
//     |                         Magic Cookie                          |
//     +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
//     |                                                               |
//     |                     Transaction ID (96 bits)                  |
//     |                                                               |
//     +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
//
// followed by Message Length bytes of attributes (RFC 8489 §14, Figure 4), each padded to 4 bytes:
//
//      0                   1                   2                   3
//      0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
//     +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
//     |         Type                  |            Length             |
//     +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
//     |                         Value (variable)                ....
//     +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
//
// Policies (decided here, per the RFC):
// - Padding bytes are ignored on receive, whatever their value (RFC 8489 §14); the builder writes 0.
// - Duplicates: every occurrence is kept in attributes(), but find() returns the first one
//   ("only the first occurrence needs to be processed", RFC 8489 §14); later ones are ignored.
// - Attributes after MESSAGE-INTEGRITY other than MESSAGE-INTEGRITY-SHA256 and FINGERPRINT, after
//   MESSAGE-INTEGRITY-SHA256 other than FINGERPRINT, and anything after FINGERPRINT are kept but
//   marked `ignored` and invisible to find() (RFC 8489 §9: "agents MUST ignore all attributes that
//   follow MESSAGE-INTEGRITY, with the exception of the MESSAGE-INTEGRITY-SHA256 and FINGERPRINT
//   attributes"). check_attribute_order() reports them as errors for callers that want to be strict.
// - A datagram must hold exactly one message: bytes after 20 + Message Length are kTrailingBytes
//   (stream users frame first with message_size()).
#include <array>
#include <cstddef>
#include <cstdint>
#include <span>
#include <vector>

#include "common/error.hpp"
#include "stun/attribute_type.hpp"
#include "stun/message_type.hpp"
#include "stun/stun_errc.hpp"

namespace tern::stun {

inline constexpr uint32_t kMagicCookie = 0x2112A442;
inline constexpr size_t kHeaderSize = 20;
inline constexpr size_t kAttributeHeaderSize = 4;
inline constexpr size_t kTransactionIdSize = 12;
// The 16-bit length field, rounded down to a multiple of 4.
inline constexpr size_t kMaxMessageLength = 0xFFFC;

using TransactionId = std::array<uint8_t, kTransactionIdSize>;

// Rounds n up to the next multiple of 4 (attribute padding, RFC 8489 §14).
constexpr size_t pad4(size_t n) { return (n + 3) & ~size_t{3}; }

// One attribute as it appears on the wire.
struct RawAttribute {
  AttributeType type{};
  std::span<const uint8_t> value;  // the Length bytes of value, without padding (a view)
  uint32_t offset = 0;             // offset of the attribute's Type field in the message
  bool ignored = false;            // follows the integrity/fingerprint attributes (see above)
};

class Message {
 public:
  // Bound on attributes per message, so a parse never allocates.
  static constexpr size_t kMaxAttributes = 64;

  // Parses one datagram holding exactly one STUN message. The Message views `datagram`: keep the
  // bytes alive while using it. Errors: kTruncatedHeader, kBadLeadingBits, kBadMagicCookie,
  // kLengthNotMultipleOf4, kLengthExceedsDatagram, kTrailingBytes, kTruncatedAttribute,
  // kTooManyAttributes (positions are byte offsets). Attribute values are not interpreted here:
  // use the typed getters (get<T>()), which validate them.
  static Result<Message> parse(std::span<const uint8_t> datagram);
  // A Message views its input: parsing a temporary vector would leave it dangling.
  static Result<Message> parse(std::vector<uint8_t>&&) = delete;

  MessageType type() const { return decode_message_type(raw_type_); }
  Method method() const { return type().method; }
  MessageClass message_class() const { return type().message_class; }
  // The 16-bit type field as sent.
  uint16_t raw_type() const { return raw_type_; }
  // The Message Length header field (attribute bytes, excluding the 20-byte header).
  uint16_t length() const { return static_cast<uint16_t>(bytes_.size() - kHeaderSize); }
  const TransactionId& transaction_id() const { return transaction_id_; }
  // The whole message (header and attributes).
  std::span<const uint8_t> bytes() const { return bytes_; }

  // Every attribute in wire order, ignored ones included.
  std::span<const RawAttribute> attributes() const { return {attributes_.data(), count_}; }
  // The first significant (not ignored) attribute of this type, or nullptr.
  const RawAttribute* find(AttributeType type) const;
  // The next significant attribute of this type after `previous` (for repeated attributes such as
  // XOR-PEER-ADDRESS), or nullptr.
  const RawAttribute* find_next(AttributeType type, const RawAttribute* previous) const;
  bool has(AttributeType type) const { return find(type) != nullptr; }

 private:
  friend Status parse(std::span<const uint8_t> datagram, Message& out);

  std::span<const uint8_t> bytes_;
  TransactionId transaction_id_{};
  uint16_t raw_type_ = 0;
  size_t count_ = 0;
  std::array<RawAttribute, kMaxAttributes> attributes_{};
};

// Same as Message::parse, into an existing Message (no copy of the attribute table).
Status parse(std::span<const uint8_t> datagram, Message& out);
Status parse(std::vector<uint8_t>&&, Message&) = delete;

// Typed access. T is one of the attribute structs (stun/attributes.hpp): it has kType, kName and
// `static Result<T> parse(std::span<const uint8_t> value, const TransactionId&)`.
//
// get<T>(message): the first significant occurrence, decoded and validated. Errors:
// kMissingAttribute (detail = the attribute name), or the attribute's own validation error with
// its position converted to a message offset.
template <class T>
Result<T> get(const Message& message, const RawAttribute& attribute) {
  auto r = T::parse(attribute.value, message.transaction_id());
  if (!r) {
    const Error& e = r.error();
    return e.with_position(attribute.offset + static_cast<uint32_t>(kAttributeHeaderSize) + e.position());
  }
  return r;
}

template <class T>
Result<T> get(const Message& message) {
  const RawAttribute* a = message.find(T::kType);
  if (!a) return Error(StunErrc::kMissingAttribute, T::kName, 0);
  return get<T>(message, *a);
}

// Stream framing (TCP/TLS, RFC 8489 §6.2.2): the total size (20 + Message Length) of the message
// starting at `data`, after checking the header. kTruncatedHeader means "need more bytes".
Result<size_t> message_size(std::span<const uint8_t> data);

// Demultiplexing test on the header alone (RFC 8489 §5, RFC 7983): at least 20 bytes, first two
// bits zero, the magic cookie, a length that is a multiple of 4 and equals the datagram's size.
bool looks_like_stun(std::span<const uint8_t> datagram);

// looks_like_stun(), plus the attributes parse and, when the message carries a FINGERPRINT, it is
// last and matches (RFC 8489 §7: FINGERPRINT aids demultiplexing).
bool is_stun(std::span<const uint8_t> datagram);

// Strict ordering check: kAttributeAfterIntegrity when an attribute other than
// MESSAGE-INTEGRITY-SHA256 / FINGERPRINT follows MESSAGE-INTEGRITY (or other than FINGERPRINT follows
// MESSAGE-INTEGRITY-SHA256), kFingerprintNotLast when anything follows FINGERPRINT. The RFC says to
// ignore such attributes (parse() does); this lets a caller refuse them instead.
Status check_attribute_order(const Message& message);

}  // namespace tern::stun

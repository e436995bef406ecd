#include "stun/message.hpp"

#include <algorithm>

#include "common/byte_reader.hpp"
#include "stun/fingerprint.hpp"

namespace tern::stun {
namespace {

// Header checks shared by parse(), message_size() and looks_like_stun(). On success, returns the
// Message Length field.
Result<uint16_t> check_header(std::span<const uint8_t> data) {
  if (data.size() < kHeaderSize) {
    return Error(StunErrc::kTruncatedHeader, "STUN header needs 20 bytes", static_cast<uint32_t>(data.size()));
  }
  const uint8_t* p = data.data();
  // RFC 8489 §5: "The most significant 2 bits of every STUN message MUST be zeroes."
  if ((p[0] & 0xC0) != 0) return Error(StunErrc::kBadLeadingBits, "message type: leading bits not 00", 0);
  // RFC 8489 §5: the magic cookie field MUST contain the fixed value 0x2112A442.
  if (load_be32(p + 4) != kMagicCookie) return Error(StunErrc::kBadMagicCookie, "magic cookie", 4);
  const uint16_t length = load_be16(p + 2);
  // RFC 8489 §5: all attributes are padded to 4 bytes, so the length is a multiple of 4.
  if (length % 4 != 0) return Error(StunErrc::kLengthNotMultipleOf4, "message length", 2);
  return length;
}

// Which attributes the receiver still processes (RFC 8489 §9).
enum class Gate { kOpen, kAfterIntegrity, kAfterIntegritySha256, kAfterFingerprint };

}  // namespace

Status parse(std::span<const uint8_t> datagram, Message& out) {
  auto length = check_header(datagram);
  if (!length) return length.error();
  const size_t total = kHeaderSize + *length;
  if (total > datagram.size()) {
    return Error(StunErrc::kLengthExceedsDatagram, "message length exceeds the datagram", 2);
  }
  if (total < datagram.size()) {
    return Error(StunErrc::kTrailingBytes, "bytes after the message", static_cast<uint32_t>(total));
  }

  out.bytes_ = datagram;
  out.raw_type_ = load_be16(datagram.data());
  std::copy_n(datagram.data() + 8, kTransactionIdSize, out.transaction_id_.begin());
  out.count_ = 0;

  Gate gate = Gate::kOpen;
  size_t pos = kHeaderSize;
  while (pos < total) {
    // total - pos is a non-zero multiple of 4 here, so the 4-byte attribute header always fits.
    const uint16_t type = load_be16(datagram.data() + pos);
    const uint16_t value_length = load_be16(datagram.data() + pos + 2);
    const size_t value_at = pos + kAttributeHeaderSize;
    // RFC 8489 §14: the value (and its padding) must lie inside the message.
    if (value_length > total - value_at) {
      return Error(StunErrc::kTruncatedAttribute, "attribute length overruns the message",
                   static_cast<uint32_t>(pos + 2));
    }
    if (out.count_ == Message::kMaxAttributes) {
      return Error(StunErrc::kTooManyAttributes, "more than 64 attributes", static_cast<uint32_t>(pos));
    }
    RawAttribute& a = out.attributes_[out.count_++];
    a.type = static_cast<AttributeType>(type);
    a.value = datagram.subspan(value_at, value_length);
    a.offset = static_cast<uint32_t>(pos);

    const auto t = a.type;
    switch (gate) {
      case Gate::kOpen:
        a.ignored = false;
        if (t == AttributeType::kMessageIntegrity) gate = Gate::kAfterIntegrity;
        else if (t == AttributeType::kMessageIntegritySha256) gate = Gate::kAfterIntegritySha256;
        else if (t == AttributeType::kFingerprint) gate = Gate::kAfterFingerprint;
        break;
      case Gate::kAfterIntegrity:
        // RFC 8489 §9: after MESSAGE-INTEGRITY only MESSAGE-INTEGRITY-SHA256 and FINGERPRINT count.
        a.ignored = !(t == AttributeType::kMessageIntegritySha256 || t == AttributeType::kFingerprint);
        if (t == AttributeType::kMessageIntegritySha256) gate = Gate::kAfterIntegritySha256;
        else if (t == AttributeType::kFingerprint) gate = Gate::kAfterFingerprint;
        break;
      case Gate::kAfterIntegritySha256:
        // RFC 8489 §9: after MESSAGE-INTEGRITY-SHA256 only FINGERPRINT counts.
        a.ignored = t != AttributeType::kFingerprint;
        if (t == AttributeType::kFingerprint) gate = Gate::kAfterFingerprint;
        break;
      case Gate::kAfterFingerprint:
        // RFC 8489 §14.7: FINGERPRINT MUST be the last attribute; nothing after it is processed.
        a.ignored = true;
        break;
    }
    // RFC 8489 §14: padding bytes are skipped without looking at them.
    pos = value_at + pad4(value_length);
  }
  return {};
}

Result<Message> Message::parse(std::span<const uint8_t> datagram) {
  Message m;
  auto s = stun::parse(datagram, m);
  if (!s) return s.error();
  return m;
}

const RawAttribute* Message::find(AttributeType type) const {
  for (size_t i = 0; i < count_; ++i) {
    const RawAttribute& a = attributes_[i];
    if (a.type == type && !a.ignored) return &a;
  }
  return nullptr;
}

const RawAttribute* Message::find_next(AttributeType type, const RawAttribute* previous) const {
  size_t start = previous ? static_cast<size_t>(previous - attributes_.data()) + 1 : 0;
  for (size_t i = start; i < count_; ++i) {
    const RawAttribute& a = attributes_[i];
    if (a.type == type && !a.ignored) return &a;
  }
  return nullptr;
}

Result<size_t> message_size(std::span<const uint8_t> data) {
  auto length = check_header(data);
  if (!length) return length.error();
  return kHeaderSize + *length;
}

bool looks_like_stun(std::span<const uint8_t> datagram) {
  auto length = check_header(datagram);
  return length && kHeaderSize + *length == datagram.size();
}

bool is_stun(std::span<const uint8_t> datagram) {
  if (!looks_like_stun(datagram)) return false;
  Message m;
  if (!parse(datagram, m)) return false;
  const auto attrs = m.attributes();
  bool has_fingerprint = std::any_of(attrs.begin(), attrs.end(),
                                     [](const RawAttribute& a) { return a.type == AttributeType::kFingerprint; });
  return !has_fingerprint || verify_fingerprint(m).ok();
}

Status check_attribute_order(const Message& message) {
  bool after_fingerprint = false;
  for (const RawAttribute& a : message.attributes()) {
    if (after_fingerprint) {
      return Error(StunErrc::kFingerprintNotLast, "attribute after FINGERPRINT", a.offset);
    }
    if (a.ignored) {
      return Error(StunErrc::kAttributeAfterIntegrity, "attribute after MESSAGE-INTEGRITY", a.offset);
    }
    if (a.type == AttributeType::kFingerprint) after_fingerprint = true;
  }
  return {};
}

}  // namespace tern::stun

#include "stun/unknown_attributes.hpp"

#include <algorithm>

#include "common/byte_reader.hpp"
#include "stun/error_code.hpp"

namespace tern::stun {

bool UnknownAttributes::push(uint16_t type) {
  if (count == kMaxTypes) return false;
  types[count++] = type;
  return true;
}

bool UnknownAttributes::contains(uint16_t type) const {
  return std::find(view().begin(), view().end(), type) != view().end();
}

Result<UnknownAttributes> UnknownAttributes::parse(std::span<const uint8_t> value, const TransactionId&) {
  // RFC 8489 §14.13: a list of 16-bit attribute types.
  if (value.size() % 2 != 0) return Error(StunErrc::kBadAttributeLength, "UNKNOWN-ATTRIBUTES length is odd", 0);
  UnknownAttributes list;
  for (size_t i = 0; i < value.size(); i += 2) {
    if (!list.push(load_be16(value.data() + i))) {
      return Error(StunErrc::kValueTooLong, "more than 32 UNKNOWN-ATTRIBUTES", static_cast<uint32_t>(i));
    }
  }
  return list;
}

void UnknownAttributes::serialize(std::span<uint8_t> out, const TransactionId&) const {
  for (size_t i = 0; i < count; ++i) store_be16(out.data() + 2 * i, types[i]);
}

bool UnknownAttributes::operator==(const UnknownAttributes& o) const {
  return std::equal(view().begin(), view().end(), o.view().begin(), o.view().end());
}

UnknownAttributes find_unknown_comprehension_required(const Message& message, bool (*understood)(AttributeType)) {
  UnknownAttributes unknown;
  for (const RawAttribute& a : message.attributes()) {
    // Attributes the receiver ignores (after MESSAGE-INTEGRITY, RFC 8489 §9) are not processed.
    if (a.ignored) continue;
    const auto type = static_cast<uint16_t>(a.type);
    // RFC 8489 §14: only 0x0000-0x7FFF must be understood; optional ones are skipped silently.
    if (!is_comprehension_required(type) || understood(a.type) || unknown.contains(type)) continue;
    unknown.push(type);  // at most 64 attributes, so a full list only drops repeats beyond 32
  }
  return unknown;
}

MessageBuilder build_unknown_attributes_response(const Message& request, const UnknownAttributes& unknown,
                                                 std::span<uint8_t> buffer) {
  MessageBuilder b(buffer, {request.method(), MessageClass::kErrorResponse}, request.transaction_id());
  // RFC 8489 §6.3.1.1: "an error response with an error code of 420 (Unknown Attribute), and the
  // response MUST contain an UNKNOWN-ATTRIBUTES attribute listing the unknown comprehension-required
  // attributes".
  b.add(ErrorCode{error_codes::kUnknownAttribute, default_reason_phrase(error_codes::kUnknownAttribute)});
  b.add(unknown);
  return b;
}

}  // namespace tern::stun

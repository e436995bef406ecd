#pragma once
// UNKNOWN-ATTRIBUTES (RFC 8489 §14.13, Figure 10) and the 420 (Unknown Attribute) handling of
// §6.3.1.1:
//
//      0                   1                   2                   3
//      0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
//     +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
//     |      Attribute 1 Type         |       Attribute 2 Type        |
//     +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
//     |      Attribute 3 Type         |       Attribute 4 Type    ...
//     +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
//
// An odd count is padded with 2 zero bytes like any attribute (RFC 3489's "repeat the last type"
// padding is gone, §14.13 note).
#include <array>
#include <cstdint>
#include <span>

#include "common/error.hpp"
#include "stun/attribute_type.hpp"
#include "stun/builder.hpp"
#include "stun/message.hpp"

namespace tern::stun {

struct UnknownAttributes {
  static constexpr AttributeType kType = AttributeType::kUnknownAttributes;
  static constexpr const char* kName = "UNKNOWN-ATTRIBUTES";
  // Bound on listed types (a message holds at most Message::kMaxAttributes attributes anyway).
  static constexpr size_t kMaxTypes = 32;

  std::array<uint16_t, kMaxTypes> types{};
  size_t count = 0;

  std::span<const uint16_t> view() const { return {types.data(), count}; }
  // Appends a type; returns false when full.
  bool push(uint16_t type);
  bool contains(uint16_t type) const;

  // Errors: kBadAttributeLength (odd length), kValueTooLong (more than kMaxTypes).
  static Result<UnknownAttributes> parse(std::span<const uint8_t> value, const TransactionId&);
  size_t value_size() const { return 2 * count; }
  Status validate() const { return {}; }
  void serialize(std::span<uint8_t> out, const TransactionId&) const;
  bool operator==(const UnknownAttributes& o) const;
};

// RFC 8489 §6.3.1.1 (the "unknown comprehension-required attributes" check a receiver runs): the
// significant attributes of `message` in 0x0000-0x7FFF that `understood` rejects, each listed once,
// in order of first appearance. The default predicate is is_known_attribute (every type this module
// parses); a usage that does not process some of them (e.g. a plain STUN server and the TURN
// attributes) passes its own.
UnknownAttributes find_unknown_comprehension_required(const Message& message,
                                                      bool (*understood)(AttributeType) = is_known_attribute);

// Starts the 420 error response to `request` (RFC 8489 §6.3.1.1): same method, error-response
// class, the request's transaction ID, ERROR-CODE 420 "Unknown Attribute" and UNKNOWN-ATTRIBUTES.
// The caller may add MESSAGE-INTEGRITY / FINGERPRINT, then calls finish().
MessageBuilder build_unknown_attributes_response(const Message& request, const UnknownAttributes& unknown,
                                                 std::span<uint8_t> buffer);

}  // namespace tern::stun

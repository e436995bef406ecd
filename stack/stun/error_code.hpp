#pragma once
// ERROR-CODE (RFC 8489 §14.8, Figure 7):
//
//      0                   1                   2                   3
//      0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
//     +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
//     |           Reserved, should be 0         |Class|     Number    |
//     +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
//     |      Reason Phrase (variable)                                ..
//     +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
//
// Code = Class * 100 + Number, Class in 3..6, Number in 0..99. The reason phrase is UTF-8, fewer than
// 128 characters (509 bytes sent, 763 accepted).
#include <cstdint>
#include <span>
#include <string_view>

#include "common/error.hpp"
#include "stun/attribute_type.hpp"
#include "stun/message.hpp"

namespace tern::stun {

// Error codes with registered reason phrases (RFC 8489 §14.8, RFC 8656 §19, RFC 8445 §7.3.1.1,
// RFC 6062 §6.3).
namespace error_codes {
inline constexpr uint16_t kTryAlternate = 300;
inline constexpr uint16_t kBadRequest = 400;
inline constexpr uint16_t kUnauthenticated = 401;
inline constexpr uint16_t kForbidden = 403;
inline constexpr uint16_t kUnknownAttribute = 420;
inline constexpr uint16_t kAllocationMismatch = 437;
inline constexpr uint16_t kStaleNonce = 438;
inline constexpr uint16_t kAddressFamilyNotSupported = 440;
inline constexpr uint16_t kWrongCredentials = 441;
inline constexpr uint16_t kUnsupportedTransportProtocol = 442;
inline constexpr uint16_t kPeerAddressFamilyMismatch = 443;
inline constexpr uint16_t kConnectionAlreadyExists = 446;
inline constexpr uint16_t kConnectionTimeoutOrFailure = 447;
inline constexpr uint16_t kAllocationQuotaReached = 486;
inline constexpr uint16_t kRoleConflict = 487;
inline constexpr uint16_t kServerError = 500;
inline constexpr uint16_t kInsufficientCapacity = 508;
}  // namespace error_codes

// The registry's recommended reason phrase ("Unknown Attribute", ...); empty when unregistered.
std::string_view default_reason_phrase(uint16_t code);

// Shared by ERROR-CODE and ADDRESS-ERROR-CODE: decodes Class/Number from the 4-byte header word's
// last two bytes. Errors: kBadErrorClass, kBadErrorNumber (position 2 or 3 of the value).
Result<uint16_t> parse_error_class_number(uint8_t class_byte, uint8_t number_byte);
// kBadErrorClass unless 300 <= code <= 699.
Status check_error_code(uint16_t code, const char* name);

struct ErrorCode {
  static constexpr AttributeType kType = AttributeType::kErrorCode;
  static constexpr const char* kName = "ERROR-CODE";

  uint16_t code = 0;        // 300..699
  std::string_view reason;  // UTF-8

  uint8_t error_class() const { return static_cast<uint8_t>(code / 100); }
  uint8_t number() const { return static_cast<uint8_t>(code % 100); }

  // Errors: kBadAttributeLength (< 4 bytes), kBadErrorClass, kBadErrorNumber, kBadUtf8,
  // kValueTooLong. The reserved bits are ignored (RFC 8489 §14.8: "Receivers MUST ignore these bits").
  static Result<ErrorCode> parse(std::span<const uint8_t> value, const TransactionId&);
  size_t value_size() const { return 4 + reason.size(); }
  Status validate() const;
  void serialize(std::span<uint8_t> out, const TransactionId&) const;
  bool operator==(const ErrorCode&) const = default;
};

}  // namespace tern::stun

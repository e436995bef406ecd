#include "stun/error_code.hpp"

#include "stun/text_attributes.hpp"

namespace tern::stun {

std::string_view default_reason_phrase(uint16_t code) {
  switch (code) {
    case error_codes::kTryAlternate: return "Try Alternate";
    case error_codes::kBadRequest: return "Bad Request";
    case error_codes::kUnauthenticated: return "Unauthenticated";
    case error_codes::kForbidden: return "Forbidden";
    case error_codes::kUnknownAttribute: return "Unknown Attribute";
    case error_codes::kAllocationMismatch: return "Allocation Mismatch";
    case error_codes::kStaleNonce: return "Stale Nonce";
    case error_codes::kAddressFamilyNotSupported: return "Address Family not Supported";
    case error_codes::kWrongCredentials: return "Wrong Credentials";
    case error_codes::kUnsupportedTransportProtocol: return "Unsupported Transport Protocol";
    case error_codes::kPeerAddressFamilyMismatch: return "Peer Address Family Mismatch";
    case error_codes::kConnectionAlreadyExists: return "Connection Already Exists";
    case error_codes::kConnectionTimeoutOrFailure: return "Connection Timeout or Failure";
    case error_codes::kAllocationQuotaReached: return "Allocation Quota Reached";
    case error_codes::kRoleConflict: return "Role Conflict";
    case error_codes::kServerError: return "Server Error";
    case error_codes::kInsufficientCapacity: return "Insufficient Capacity";
  }
  return {};
}

Result<uint16_t> parse_error_class_number(uint8_t class_byte, uint8_t number_byte) {
  // RFC 8489 §14.8: Class is the low 3 bits of the third byte; the bits above it are reserved.
  const uint8_t error_class = class_byte & 0x07;
  // RFC 8489 §14.8: "The value MUST be between 3 and 6."
  if (error_class < 3 || error_class > 6) return Error(StunErrc::kBadErrorClass, "error class not 3..6", 2);
  // RFC 8489 §14.8: Number "MUST be between 0 and 99".
  if (number_byte > 99) return Error(StunErrc::kBadErrorNumber, "error number above 99", 3);
  return static_cast<uint16_t>(error_class * 100 + number_byte);
}

Status check_error_code(uint16_t code, const char* name) {
  // RFC 8489 §14.8: "a numeric error code value in the range of 300 to 699".
  if (code < 300 || code > 699) return Error(StunErrc::kBadErrorClass, name, 0);
  return {};
}

Result<ErrorCode> ErrorCode::parse(std::span<const uint8_t> value, const TransactionId&) {
  if (value.size() < 4) return Error(StunErrc::kBadAttributeLength, "ERROR-CODE shorter than 4 bytes", 0);
  auto code = parse_error_class_number(value[2], value[3]);
  if (!code) return code.error();
  auto reason = value.subspan(4);
  if (auto s = check_text(reason, 763, 127, "ERROR-CODE reason phrase"); !s) {
    return s.error().with_position(4 + s.error().position());
  }
  return ErrorCode{*code, {reinterpret_cast<const char*>(reason.data()), reason.size()}};
}

Status ErrorCode::validate() const {
  if (auto s = check_error_code(code, "ERROR-CODE outside 300..699"); !s) return s;
  return check_text({reinterpret_cast<const uint8_t*>(reason.data()), reason.size()}, 509, 127,
                    "ERROR-CODE reason phrase");
}

void ErrorCode::serialize(std::span<uint8_t> out, const TransactionId&) const {
  // RFC 8489 §14.8: reserved bits SHOULD be 0.
  out[0] = 0;
  out[1] = 0;
  out[2] = error_class();
  out[3] = number();
  for (size_t i = 0; i < reason.size(); ++i) out[4 + i] = static_cast<uint8_t>(reason[i]);
}

}  // namespace tern::stun

#pragma once
// The STUN message type: a 12-bit method and a 2-bit class, interleaved (RFC 8489 §5).
//
//        0                 1
//        2  3  4 5 6 7 8 9 0 1 2 3 4 5
//       +--+--+-+-+-+-+-+-+-+-+-+-+-+-+
//       |M |M |M|M|M|C|M|M|M|C|M|M|M|M|
//       |11|10|9|8|7|1|6|5|4|0|3|2|1|0|
//       +--+--+-+-+-+-+-+-+-+-+-+-+-+-+
//
// The field is the low 14 bits of the first 16-bit word of the header; the top two bits are 0.
#include <cstdint>
#include <string_view>

namespace tern::stun {

// STUN methods (12 bits). Any 12-bit value is representable; these are the registered ones we name.
enum class Method : uint16_t {
  kBinding = 0x001,           // RFC 8489 §18.2
  kAllocate = 0x003,          // RFC 8656 §17
  kRefresh = 0x004,
  kSend = 0x006,
  kData = 0x007,
  kCreatePermission = 0x008,
  kChannelBind = 0x009,
  kConnect = 0x00A,           // RFC 6062 §6.1 (TURN TCP)
  kConnectionBind = 0x00B,
  kConnectionAttempt = 0x00C,
};

inline constexpr uint16_t kMaxMethod = 0x0FFF;

enum class MessageClass : uint8_t {
  kRequest = 0b00,
  kIndication = 0b01,
  kSuccessResponse = 0b10,
  kErrorResponse = 0b11,
};

struct MessageType {
  Method method = Method::kBinding;
  MessageClass message_class = MessageClass::kRequest;
  bool operator==(const MessageType&) const = default;
};

// Interleaves method and class into the 14-bit type field. The method must be <= kMaxMethod
// (callers check; the builder reports kBadMethod).
constexpr uint16_t encode_message_type(MessageType t) {
  const uint16_t m = static_cast<uint16_t>(t.method) & kMaxMethod;
  const uint16_t c = static_cast<uint16_t>(t.message_class);
  // RFC 8489 §5: M0-M3 in bits 0-3, C0 in bit 4, M4-M6 in bits 5-7, C1 in bit 8, M7-M11 in bits 9-13.
  return static_cast<uint16_t>((m & 0x000F) | ((m & 0x0070) << 1) | ((m & 0x0F80) << 2) |
                               ((c & 0x1) << 4) | ((c & 0x2) << 7));
}

// Splits the type field (the two leading bits are ignored here; parse() rejects them).
constexpr MessageType decode_message_type(uint16_t type) {
  const uint16_t m = static_cast<uint16_t>((type & 0x000F) | ((type & 0x00E0) >> 1) | ((type & 0x3E00) >> 2));
  const uint16_t c = static_cast<uint16_t>(((type >> 4) & 0x1) | ((type >> 7) & 0x2));
  return {static_cast<Method>(m), static_cast<MessageClass>(c)};
}

// "Binding", "Allocate", ...; empty for methods we do not name.
std::string_view method_name(Method method);
// "request", "indication", "success response", "error response".
std::string_view class_name(MessageClass message_class);

}  // namespace tern::stun

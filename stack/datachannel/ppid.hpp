#pragma once
// SCTP Payload Protocol Identifiers of WebRTC data channels (RFC 8831 §8, IANA "SCTP Payload
// Protocol Identifiers"). The PPID tells the receiver what a user message is: a DCEP control
// message, a string, or binary data.
#include <cstdint>

namespace tern::datachannel {

inline constexpr uint32_t kPpidDcep = 50;            // WebRTC DCEP (RFC 8832 §8.1)
inline constexpr uint32_t kPpidString = 51;          // WebRTC String
inline constexpr uint32_t kPpidBinaryPartial = 52;   // WebRTC Binary Partial (deprecated)
inline constexpr uint32_t kPpidBinary = 53;          // WebRTC Binary
inline constexpr uint32_t kPpidStringPartial = 54;   // WebRTC String Partial (deprecated)
inline constexpr uint32_t kPpidStringEmpty = 56;     // WebRTC String Empty
inline constexpr uint32_t kPpidBinaryEmpty = 57;     // WebRTC Binary Empty

// What a received PPID means for the channel layer.
enum class PayloadKind : uint8_t {
  kDcep,            // a DCEP message (RFC 8832)
  kString,          // a whole UTF-8 string message
  kBinary,          // a whole binary message
  kStringEmpty,     // an empty string; the payload (one 0x00 byte) is not data (RFC 8831 §6.6)
  kBinaryEmpty,     // an empty binary message; likewise
  kStringPartial,   // a leading piece of a string message (deprecated; the final piece is kString)
  kBinaryPartial,   // a leading piece of a binary message (deprecated; the final piece is kBinary)
  kUnknown,         // not a WebRTC data channel PPID: dropped
};

// Classifies a received PPID.
PayloadKind classify_ppid(uint32_t ppid);
// "DCEP", "String", "Binary", "String Empty", ... or "unknown".
const char* ppid_name(uint32_t ppid);

}  // namespace tern::datachannel

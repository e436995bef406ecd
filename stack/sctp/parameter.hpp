#pragma once
// The Type-Length-Value layout shared by chunk parameters (RFC 9260 §3.2.1), RE-CONFIG parameters
// (RFC 6525 §4) and error causes (RFC 9260 §3.3.10).
//
//   0                   1                   2                   3
//   0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
//  +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
//  |        Parameter Type         |       Parameter Length        |
//  +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
//  /                                                               /
//  /                        Parameter Value                        /
//  /                                                               /
//  +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
//
// Parameter Length counts the 4-byte header and the value; padding to a multiple of 4 follows.
#include <cstddef>
#include <cstdint>
#include <span>
#include <vector>

#include "common/byte_writer.hpp"
#include "common/error.hpp"

namespace tern::sctp {

// Parameter types of INIT / INIT ACK (RFC 9260 §3.3.2.1, RFC 3758 §3.1, RFC 5061 §4.2.7) and
// RE-CONFIG (RFC 6525 §4).
enum class ParameterType : uint16_t {
  kHeartbeatInfo = 1,              // RFC 9260 §3.3.5 (inside HEARTBEAT)
  kIpv4Address = 5,
  kIpv6Address = 6,
  kStateCookie = 7,
  kUnrecognizedParameter = 8,
  kCookiePreservative = 9,
  kHostNameAddress = 11,           // deprecated (RFC 9260 §3.3.2.1.3)
  kSupportedAddressTypes = 12,
  kOutgoingSsnResetRequest = 13,   // RFC 6525 §4.1
  kIncomingSsnResetRequest = 14,   // RFC 6525 §4.2
  kSsnTsnResetRequest = 15,        // RFC 6525 §4.3
  kReconfigResponse = 16,          // RFC 6525 §4.4
  kAddOutgoingStreamsRequest = 17, // RFC 6525 §4.5
  kAddIncomingStreamsRequest = 18, // RFC 6525 §4.6
  kEcnCapable = 0x8000,            // RFC 9260 Appendix A reserved for ECN
  kZeroChecksumAcceptable = 0x8001,// RFC 9653
  kRandom = 0x8002,                // RFC 4895
  kChunkList = 0x8003,             // RFC 4895
  kHmacAlgorithm = 0x8004,         // RFC 4895
  kPadding = 0x8005,               // RFC 4820
  kSupportedExtensions = 0x8008,   // RFC 5061 §4.2.7
  kForwardTsnSupported = 0xc000,   // RFC 3758 §3.1
  kAdaptationLayerIndication = 0xc006,  // RFC 5061 §4.2.6
};

// "State Cookie", ... or nullptr for a type tern does not know.
const char* parameter_type_name(uint16_t type);

// RFC 9260 §3.2.1: what to do with an unrecognized parameter, from its two high-order bits.
enum class UnknownParameterAction : uint8_t {
  kStop = 0,           // 00: stop processing this parameter and the rest of the chunk
  kStopAndReport = 1,  // 01: the same, and report it
  kSkip = 2,           // 10: skip it and continue
  kSkipAndReport = 3,  // 11: skip it, continue, and report it
};
inline UnknownParameterAction unknown_parameter_action(uint16_t type) {
  return static_cast<UnknownParameterAction>(type >> 14);
}

inline constexpr size_t kParameterHeaderSize = 4;
inline constexpr size_t kMaxParameterValueLength = 0xffff - kParameterHeaderSize;
// tern's cap on the parameters (or causes) in one chunk.
inline constexpr size_t kMaxParametersPerChunk = 256;

// One TLV: a view into the parsed bytes.
struct Parameter {
  uint16_t type = 0;
  std::span<const uint8_t> value;  // without header and padding
  std::span<const uint8_t> bytes;  // header + value, without padding (empty when built by hand)

  // 4 + value, rounded up to a multiple of 4.
  size_t serialized_size() const;
  // Header, value and padding.
  void serialize(ByteWriter& writer) const;
};

// Splits `area` into TLVs. `base_offset` is added to error positions. The last TLV may omit its
// padding. Errors: kBadLength (a length below 4), kTruncated (runs past the end), kTooLarge (more
// than kMaxParametersPerChunk).
Result<std::vector<Parameter>> parse_parameters(std::span<const uint8_t> area, uint32_t base_offset = 0);

// Writes a TLV header whose length is `4 + value_length` (the caller writes value and padding).
void write_parameter_header(ByteWriter& writer, uint16_t type, size_t value_length);
// Zero bytes to the next multiple of 4 after a value of `value_length` bytes.
void write_parameter_padding(ByteWriter& writer, size_t value_length);

}  // namespace tern::sctp

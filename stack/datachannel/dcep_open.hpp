#pragma once
// DATA_CHANNEL_OPEN (RFC 8832 §5.1): sent by the peer that opens a data channel, as the first
// message on the channel's stream (PPID 50, ordered, reliable).
//
//    0                   1                   2                   3
//    0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
//   +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
//   | Message Type  | Channel Type  |           Priority            |
//   |    = 0x03     |               |                               |
//   +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
//   |                     Reliability Parameter                     |
//   +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
//   |         Label Length          |        Protocol Length        |
//   +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
//   |                                                               |
//   /                 Label (Label Length bytes)                    /
//   |                                                               |
//   +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
//   |                                                               |
//   /              Protocol (Protocol Length bytes)                 /
//   |                                                               |
//   +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
//
// Label and Protocol are UTF-8 and not padded; either may be empty.
#include <cstddef>
#include <cstdint>
#include <span>
#include <string>

#include "common/byte_writer.hpp"
#include "common/error.hpp"
#include "datachannel/channel_type.hpp"

namespace tern::datachannel {

// RFC 8832 §8.2.1 Message Type registry.
inline constexpr uint8_t kMessageTypeAck = 0x02;
inline constexpr uint8_t kMessageTypeOpen = 0x03;

// The most a 16-bit length field can say (RFC 8832 §5.1 Label Length / Protocol Length).
inline constexpr size_t kMaxLabelLength = 65535;
inline constexpr size_t kMaxProtocolLength = 65535;

struct DataChannelOpen {
  static constexpr size_t kFixedSize = 12;

  ChannelType channel_type = ChannelType::kReliable;
  uint16_t priority = 0;
  // Retransmissions (REXMIT types) or milliseconds (TIMED types); ignored for reliable channels.
  uint32_t reliability_parameter = 0;
  std::string label;
  std::string protocol;

  // Decodes a whole DCEP message whose first byte is 0x03. Errors (position = byte offset):
  // kTruncated, kUnknownMessageType, kUnknownChannelType, kLengthOverrun, kTrailingBytes,
  // kInvalidUtf8.
  static Result<DataChannelOpen> parse(std::span<const uint8_t> message);

  // Bytes serialize() writes.
  size_t serialized_size() const { return kFixedSize + label.size() + protocol.size(); }
  // Appends the message. Errors: kLabelTooLong, kProtocolTooLong, kBufferTooSmall.
  Status serialize(ByteWriter& w) const;

  bool operator==(const DataChannelOpen&) const = default;
};

}  // namespace tern::datachannel

#pragma once
// DATA_CHANNEL_ACK (RFC 8832 §5.2): the answer to a DATA_CHANNEL_OPEN, sent on the same stream
// id (PPID 50, ordered, reliable).
//
//    0 1 2 3 4 5 6 7
//   +-+-+-+-+-+-+-+-+
//   | Message Type  |
//   |    = 0x02     |
//   +-+-+-+-+-+-+-+-+
#include <cstddef>
#include <cstdint>
#include <span>

#include "common/byte_writer.hpp"
#include "common/error.hpp"

namespace tern::datachannel {

struct DataChannelAck {
  static constexpr size_t kSize = 1;

  // Decodes a whole DCEP message whose first byte is 0x02. Errors (position = byte offset):
  // kTruncated, kUnknownMessageType, kTrailingBytes.
  static Result<DataChannelAck> parse(std::span<const uint8_t> message);

  size_t serialized_size() const { return kSize; }
  // Appends the message. Errors: kBufferTooSmall.
  Status serialize(ByteWriter& w) const;

  bool operator==(const DataChannelAck&) const = default;
};

}  // namespace tern::datachannel

#include "datachannel/dcep_ack.hpp"

#include "datachannel/dcep_open.hpp"
#include "datachannel/errc.hpp"

namespace tern::datachannel {

Result<DataChannelAck> DataChannelAck::parse(std::span<const uint8_t> message) {
  if (message.empty()) return Error(DataChannelErrc::kTruncated, "Message Type", 0);
  if (message[0] != kMessageTypeAck) {
    return Error(DataChannelErrc::kUnknownMessageType, "Message Type is not DATA_CHANNEL_ACK", 0);
  }
  // RFC 8832 §5.2: the ACK is the Message Type byte alone.
  if (message.size() != kSize) return Error(DataChannelErrc::kTrailingBytes, "bytes after Message Type", 1);
  return DataChannelAck{};
}

Status DataChannelAck::serialize(ByteWriter& w) const {
  if (w.remaining() < kSize) return Error(DataChannelErrc::kBufferTooSmall, "buffer smaller than serialized_size()");
  w.u8(kMessageTypeAck);
  return {};
}

}  // namespace tern::datachannel

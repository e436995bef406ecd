#include "datachannel/dcep_open.hpp"

#include "common/byte_reader.hpp"
#include "datachannel/errc.hpp"
#include "datachannel/utf8.hpp"

namespace tern::datachannel {

Result<DataChannelOpen> DataChannelOpen::parse(std::span<const uint8_t> message) {
  ByteReader r(message);
  // Field offsets (RFC 8832 §5.1 diagram) name the field a truncated message stops in.
  if (!r.has(1)) return Error(DataChannelErrc::kTruncated, "Message Type", 0);
  const uint8_t type = r.u8();
  if (type != kMessageTypeOpen) {
    return Error(DataChannelErrc::kUnknownMessageType, "Message Type is not DATA_CHANNEL_OPEN", 0);
  }
  if (!r.has(1)) return Error(DataChannelErrc::kTruncated, "Channel Type", 1);
  const uint8_t channel_type = r.u8();
  // RFC 8832 §5.1: only the six listed channel types exist.
  if (!is_known_channel_type(channel_type)) {
    return Error(DataChannelErrc::kUnknownChannelType, "Channel Type", 1);
  }
  if (!r.has(2)) return Error(DataChannelErrc::kTruncated, "Priority", 2);
  const uint16_t priority = r.u16();
  if (!r.has(4)) return Error(DataChannelErrc::kTruncated, "Reliability Parameter", 4);
  const uint32_t reliability = r.u32();
  if (!r.has(2)) return Error(DataChannelErrc::kTruncated, "Label Length", 8);
  const uint16_t label_length = r.u16();
  if (!r.has(2)) return Error(DataChannelErrc::kTruncated, "Protocol Length", 10);
  const uint16_t protocol_length = r.u16();
  if (!r.has(label_length)) {
    return Error(DataChannelErrc::kLengthOverrun, "Label Length runs past the message", kFixedSize);
  }
  const std::string_view label = r.chars(label_length);
  const uint32_t protocol_at = static_cast<uint32_t>(kFixedSize + label_length);
  if (!r.has(protocol_length)) {
    return Error(DataChannelErrc::kLengthOverrun, "Protocol Length runs past the message", protocol_at);
  }
  const std::string_view protocol = r.chars(protocol_length);
  // The lengths say exactly how long the message is; anything after Protocol is not DCEP.
  if (!r.empty()) {
    return Error(DataChannelErrc::kTrailingBytes, "bytes after Protocol",
                 static_cast<uint32_t>(r.position()));
  }
  // RFC 8832 §5.1: Label and Protocol are UTF-8 strings (RFC 3629).
  if (auto bad = find_invalid_utf8(label)) {
    return Error(DataChannelErrc::kInvalidUtf8, "Label is not UTF-8", static_cast<uint32_t>(kFixedSize + *bad));
  }
  if (auto bad = find_invalid_utf8(protocol)) {
    return Error(DataChannelErrc::kInvalidUtf8, "Protocol is not UTF-8", static_cast<uint32_t>(protocol_at + *bad));
  }
  DataChannelOpen open;
  open.channel_type = static_cast<ChannelType>(channel_type);
  open.priority = priority;
  open.reliability_parameter = reliability;
  open.label = std::string(label);
  open.protocol = std::string(protocol);
  return open;
}

Status DataChannelOpen::serialize(ByteWriter& w) const {
  // RFC 8832 §5.1: the lengths are 16-bit fields.
  if (label.size() > kMaxLabelLength) return Error(DataChannelErrc::kLabelTooLong, "label above 65535 bytes");
  if (protocol.size() > kMaxProtocolLength) {
    return Error(DataChannelErrc::kProtocolTooLong, "protocol above 65535 bytes");
  }
  if (w.remaining() < serialized_size()) {
    return Error(DataChannelErrc::kBufferTooSmall, "buffer smaller than serialized_size()");
  }
  w.u8(kMessageTypeOpen);
  w.u8(static_cast<uint8_t>(channel_type));
  w.u16(priority);
  w.u32(reliability_parameter);
  w.u16(static_cast<uint16_t>(label.size()));
  w.u16(static_cast<uint16_t>(protocol.size()));
  w.chars(label);
  w.chars(protocol);
  return {};
}

}  // namespace tern::datachannel

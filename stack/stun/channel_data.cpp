#include "stun/channel_data.hpp"

#include <cstring>

#include "common/byte_reader.hpp"
#include "stun/turn_attributes.hpp"

namespace tern::stun {

Result<ChannelData> parse_channel_data(std::span<const uint8_t> input, ChannelDataFraming framing) {
  if (input.size() < kChannelDataHeaderSize) {
    return Error(StunErrc::kChannelDataTruncated, "ChannelData header needs 4 bytes", static_cast<uint32_t>(input.size()));
  }
  const uint16_t channel = load_be16(input.data());
  // RFC 8656 §12: 0x4000 through 0x4FFF are the channel numbers; 0x5000-0xFFFF are reserved.
  if (!is_valid_channel_number(channel)) return Error(StunErrc::kBadChannelNumber, "ChannelData channel number", 0);
  const size_t length = load_be16(input.data() + 2);
  const size_t end = kChannelDataHeaderSize + length;
  if (end > input.size()) return Error(StunErrc::kChannelDataTruncated, "ChannelData length exceeds the input", 2);

  ChannelData m;
  m.channel = channel;
  m.data = input.subspan(kChannelDataHeaderSize, length);
  if (framing == ChannelDataFraming::kStream) {
    // RFC 8656 §12.5: over TCP the message MUST be padded to a multiple of four bytes.
    const size_t frame = channel_data_size(length, framing);
    if (frame > input.size()) {
      return Error(StunErrc::kChannelDataTruncated, "ChannelData padding exceeds the input", static_cast<uint32_t>(end));
    }
    m.frame_size = frame;
  } else {
    // RFC 8656 §12.5: over UDP padding is optional; anything beyond it is not part of the message.
    if (input.size() > channel_data_size(length, ChannelDataFraming::kStream)) {
      return Error(StunErrc::kChannelDataTrailingBytes, "bytes after the ChannelData message", static_cast<uint32_t>(end));
    }
    m.frame_size = input.size();
  }
  return m;
}

Result<size_t> serialize_channel_data(const ChannelData& message, std::span<uint8_t> out, ChannelDataFraming framing) {
  if (!is_valid_channel_number(message.channel)) return Error(StunErrc::kBadChannelNumber, "ChannelData channel number", 0);
  if (message.data.size() > 0xFFFF) return Error(StunErrc::kValueTooLong, "ChannelData longer than 65535", 0);
  const size_t size = channel_data_size(message.data.size(), framing);
  if (out.size() < size) return Error(StunErrc::kBufferTooSmall, "buffer too small for ChannelData", 0);
  store_be16(out.data(), message.channel);
  store_be16(out.data() + 2, static_cast<uint16_t>(message.data.size()));
  if (!message.data.empty()) std::memcpy(out.data() + kChannelDataHeaderSize, message.data.data(), message.data.size());
  const size_t written = kChannelDataHeaderSize + message.data.size();
  std::memset(out.data() + written, 0, size - written);  // zero padding (streams)
  return size;
}

bool looks_like_channel_data(std::span<const uint8_t> input) {
  return input.size() >= kChannelDataHeaderSize && input[0] >= 0x40 && input[0] <= 0x4F;
}

}  // namespace tern::stun

#include "turn/stream_framer.hpp"

#include <algorithm>

#include "common/byte_reader.hpp"
#include "stun/channel_data.hpp"
#include "stun/message.hpp"

namespace tern::turn {

namespace {

// The header needed before a frame's size is known.
size_t header_size(uint8_t first_byte) {
  return first_byte < 0x40 ? stun::kHeaderSize : stun::kChannelDataHeaderSize;
}

FrameKind kind_of(uint8_t first_byte) { return first_byte < 0x40 ? FrameKind::kStun : FrameKind::kChannelData; }

}  // namespace

void StreamFramer::release_delivered() {
  buffer_pos_ += delivered_size_;
  delivered_size_ = 0;
  if (buffer_pos_ == buffer_.size()) {
    buffer_.clear();
    buffer_pos_ = 0;
  }
}

void StreamFramer::push(std::span<const uint8_t> bytes) {
  if (failed_ || bytes.empty()) return;
  release_delivered();
  if (!input_.empty()) {
    // The previous chunk was not drained: copy its rest, so the caller may reuse that memory.
    buffer_.erase(buffer_.begin(), buffer_.begin() + static_cast<std::ptrdiff_t>(buffer_pos_));
    buffer_pos_ = 0;
    buffer_.insert(buffer_.end(), input_.begin(), input_.end());
  }
  input_ = bytes;
}

Error StreamFramer::fail(const char* detail) {
  failed_ = true;
  error_ = Error(TurnErrc::kStreamDesync, detail, static_cast<uint32_t>(std::min<uint64_t>(offset_, UINT32_MAX)));
  buffer_.clear();
  buffer_pos_ = 0;
  delivered_size_ = 0;
  input_ = {};
  return error_;
}

Result<std::optional<size_t>> StreamFramer::frame_size(std::span<const uint8_t> head) const {
  if (head.empty()) return std::optional<size_t>();
  const uint8_t first = head[0];
  if (first < 0x40) {
    // RFC 8489 §5: a STUN message starts with two zero bits; check the magic cookie as soon as it is
    // there, so garbage is refused without waiting for a whole header.
    if (head.size() >= 8 && load_be32(head.data() + 4) != stun::kMagicCookie) {
      return Error(TurnErrc::kStreamDesync, "STUN frame without the magic cookie", 0);
    }
    if (head.size() < stun::kHeaderSize) return std::optional<size_t>();
    auto size = stun::message_size(head);
    if (!size) return Error(TurnErrc::kStreamDesync, "STUN frame header", 0);
    return std::optional<size_t>(*size);
  }
  // RFC 8656 §12: ChannelData starts with 0b01 and a channel number 0x4000-0x4FFF; 0x5000-0x7FFF
  // are reserved and 0b10/0b11 start neither STUN nor ChannelData.
  if (first > 0x4F) return Error(TurnErrc::kStreamDesync, "neither STUN nor ChannelData", 0);
  if (head.size() < stun::kChannelDataHeaderSize) return std::optional<size_t>();
  const size_t length = load_be16(head.data() + 2);
  // RFC 8656 §12.5: over TCP/TLS each ChannelData message is padded to a multiple of 4.
  return std::optional<size_t>(stun::channel_data_size(length, stun::ChannelDataFraming::kStream));
}

Result<std::optional<Frame>> StreamFramer::next() {
  if (failed_) return error_;
  release_delivered();
  if (buffer_pos_ < buffer_.size()) {
    // Frames from the buffer first (stream order), completing the last one from the chunk.
    while (true) {
      const std::span<const uint8_t> avail(buffer_.data() + buffer_pos_, buffer_.size() - buffer_pos_);
      auto size = frame_size(avail);
      if (!size) return fail(size.error().detail());
      const size_t want = size.value() ? *size.value() : header_size(avail[0]);
      if (size.value() && avail.size() >= want) {
        delivered_size_ = want;
        offset_ += want;
        return std::optional<Frame>(Frame{kind_of(avail[0]), avail.first(want)});
      }
      if (input_.empty()) return std::optional<Frame>();  // need more bytes
      if (buffer_pos_ > 0) {
        // Keep the buffer to one frame: drop the delivered prefix before growing it.
        buffer_.erase(buffer_.begin(), buffer_.begin() + static_cast<std::ptrdiff_t>(buffer_pos_));
        buffer_pos_ = 0;
      }
      const size_t take = std::min(want - avail.size(), input_.size());
      buffer_.insert(buffer_.end(), input_.begin(), input_.begin() + static_cast<std::ptrdiff_t>(take));
      input_ = input_.subspan(take);
    }
  }
  if (input_.empty()) return std::optional<Frame>();
  auto size = frame_size(input_);
  if (!size) return fail(size.error().detail());
  if (size.value() && *size.value() <= input_.size()) {
    const std::span<const uint8_t> bytes = input_.first(*size.value());
    input_ = input_.subspan(*size.value());
    offset_ += bytes.size();
    return std::optional<Frame>(Frame{kind_of(bytes[0]), bytes});
  }
  // An incomplete frame at the end of the chunk: keep a copy (at most kMaxFrameSize bytes).
  buffer_.assign(input_.begin(), input_.end());
  buffer_pos_ = 0;
  input_ = {};
  return std::optional<Frame>();
}

}  // namespace tern::turn

#pragma once
// StreamFramer: cuts a TCP or TLS byte stream from a TURN server into messages (RFC 8656 §12.5,
// RFC 8489 §6.2.2). Over a stream, STUN messages and ChannelData messages follow each other with
// nothing in between; the first two bits of each tell them apart (RFC 8656 §12):
//
//     00xxxxxx ...   a STUN message: 20-byte header, then Message Length bytes
//     01xxxxxx ...   ChannelData (channel 0x4000-0x4FFF): 4-byte header, Length bytes of data, then
//                    padding to a multiple of 4 (RFC 8656 §12.5: MUST over TCP/TLS)
//
//      0                   1                   2                   3
//      0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
//     +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
//     |0 0|   STUN type / ... 20-byte STUN header and attributes ...   |
//     +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
//     |0 1 0 0| channel (12 bits)   |            Length             |
//     +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
//     |     Application Data ...                 |  padding to 4     |
//     +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
//
// Anything else (a first byte of 0x50 or more, a STUN header without the magic cookie) means the
// stream has lost its framing; that cannot be repaired, so the error is sticky.
//
// Usage (no copy for frames that arrive whole inside one chunk):
//   framer.push(chunk);                              // chunk must stay valid until next() is empty
//   while (true) { auto f = framer.next(); if (!f) fail; if (!*f) break; handle((*f)->bytes); }
// Only the bytes of one incomplete frame are ever copied, so memory is bounded by kMaxFrameSize.
#include <cstddef>
#include <cstdint>
#include <optional>
#include <span>
#include <vector>

#include "common/error.hpp"
#include "turn/errc.hpp"

namespace tern::turn {

enum class FrameKind : uint8_t { kStun, kChannelData };

// One complete message: a view into the pushed chunk or into the framer's own buffer, valid until
// the next call to push() or next().
struct Frame {
  FrameKind kind = FrameKind::kStun;
  std::span<const uint8_t> bytes;  // the whole frame (ChannelData: padding included)
};

class StreamFramer {
 public:
  // The largest frame: a STUN header and the largest 4-aligned Message Length (20 + 0xFFFC), which
  // exceeds a padded ChannelData of 65535 bytes (4 + 65536).
  static constexpr size_t kMaxFrameSize = 20 + 0xFFFC;

  // Queues `bytes` (not copied: they must stay valid until next() returns nullopt or an error).
  // Call next() until it returns nullopt before pushing again; bytes of a chunk that was not
  // drained are copied into the internal buffer (correct, but no longer bounded by one frame).
  void push(std::span<const uint8_t> bytes);
  // The next complete frame; nullopt when more bytes are needed (the tail of the chunk has then been
  // copied). Error (sticky): kStreamDesync, with the stream offset of the bad frame as position.
  Result<std::optional<Frame>> next();

  bool failed() const { return failed_; }
  // Stream bytes received but not yet delivered as frames.
  size_t buffered() const { return buffer_.size() - buffer_pos_ - delivered_size_ + input_.size(); }
  // Stream bytes consumed so far (frames delivered).
  uint64_t offset() const { return offset_; }

 private:
  // The size of the frame starting with `head`, nullopt while the header is incomplete.
  Result<std::optional<size_t>> frame_size(std::span<const uint8_t> head) const;
  Error fail(const char* detail);

  // Drops the frame handed out by the last next() from the buffer, and the consumed prefix.
  void release_delivered();

  std::vector<uint8_t> buffer_;      // copied stream bytes not yet delivered (from buffer_pos_)
  size_t buffer_pos_ = 0;            // start of the undelivered bytes in buffer_
  size_t delivered_size_ = 0;        // a frame at buffer_pos_ handed out by the last next()
  std::span<const uint8_t> input_;   // unread part of the pushed chunk
  uint64_t offset_ = 0;
  bool failed_ = false;
  Error error_;
};

}  // namespace tern::turn

#pragma once
// TURN ChannelData messages (RFC 8656 §12.4, Figure 6):
//
//      0                   1                   2                   3
//      0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
//     +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
//     |         Channel Number        |            Length             |
//     +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
//     |                                                               |
//     /                       Application Data                        /
//     /                                                               /
//     |                                                               |
//     |                               +-------------------------------+
//     |                               |
//     +-------------------------------+
//
// Channel numbers are 0x4000-0x4FFF (RFC 8656 §12). Length counts the application data only. Over
// TCP/TLS the message is padded to a multiple of 4 bytes (§12.5: MUST); over UDP padding is optional
// (we send none and accept up to 3 padding bytes).
#include <cstddef>
#include <cstdint>
#include <span>
#include <vector>

#include "common/error.hpp"
#include "stun/stun_errc.hpp"

namespace tern::stun {

inline constexpr size_t kChannelDataHeaderSize = 4;

enum class ChannelDataFraming {
  kDatagram,  // UDP/DTLS: one message per datagram, padding optional
  kStream,    // TCP/TLS: messages back to back, each padded to 4 bytes
};

struct ChannelData {
  uint16_t channel = 0x4000;
  std::span<const uint8_t> data;  // a view into the input (parse) or the caller's bytes (serialize)
  size_t frame_size = 0;          // parse only: bytes the message occupied, padding included
};

// Parses one ChannelData message from the start of `input`. Datagram framing: `input` is the whole
// datagram. Stream framing: `input` may hold more (frame_size says where the next message starts).
// Errors: kChannelDataTruncated (shorter than 4 bytes, or Length (+ stream padding) runs past the
// input: for streams, "need more bytes"), kBadChannelNumber, kChannelDataTrailingBytes (datagram with
// more than Length plus up to 3 padding bytes).
Result<ChannelData> parse_channel_data(std::span<const uint8_t> input, ChannelDataFraming framing);
// The result views its input: parsing a temporary vector would leave it dangling.
Result<ChannelData> parse_channel_data(std::vector<uint8_t>&&, ChannelDataFraming) = delete;

// The serialized size of a message carrying `data_size` bytes (padded for streams).
constexpr size_t channel_data_size(size_t data_size, ChannelDataFraming framing) {
  const size_t n = kChannelDataHeaderSize + data_size;
  return framing == ChannelDataFraming::kStream ? (n + 3) & ~size_t{3} : n;
}

// Writes a ChannelData message; returns its size. Errors: kBadChannelNumber, kValueTooLong (data
// over 65535 bytes), kBufferTooSmall.
Result<size_t> serialize_channel_data(const ChannelData& message, std::span<uint8_t> out, ChannelDataFraming framing);

// Demultiplexing test (RFC 7983 §7 / RFC 8656 §12): the first byte is 0x40..0x4F (a channel number
// in range) and at least the 4-byte header is there.
bool looks_like_channel_data(std::span<const uint8_t> input);

}  // namespace tern::stun

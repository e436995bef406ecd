#pragma once
// The generic chunk TLV (RFC 9260 §3.2) and the chunk type registry.
//
//   0                   1                   2                   3
//   0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
//  +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
//  |   Chunk Type  | Chunk  Flags  |         Chunk Length          |
//  +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
//  /                                                               /
//  /                          Chunk Value                          /
//  /                                                               /
//  +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
//
// Chunk Length counts the 4-byte header and the value, not the zero padding that follows to the
// next multiple of 4.
#include <cstddef>
#include <cstdint>
#include <span>
#include <vector>

#include "common/byte_writer.hpp"
#include "common/error.hpp"

namespace tern::sctp {

enum class ChunkType : uint8_t {
  kData = 0,               // RFC 9260 §3.3.1
  kInit = 1,               // §3.3.2
  kInitAck = 2,            // §3.3.3
  kSack = 3,               // §3.3.4
  kHeartbeat = 4,          // §3.3.5
  kHeartbeatAck = 5,       // §3.3.6
  kAbort = 6,              // §3.3.7
  kShutdown = 7,           // §3.3.8
  kShutdownAck = 8,        // §3.3.9
  kError = 9,              // §3.3.10
  kCookieEcho = 10,        // §3.3.11
  kCookieAck = 11,         // §3.3.12
  kShutdownComplete = 14,  // §3.3.13
  kIData = 64,             // RFC 8260 §2.1
  kReconfig = 130,         // RFC 6525 §3.1
  kForwardTsn = 192,       // RFC 3758 §3.2
  kIForwardTsn = 194,      // RFC 8260 §2.3.1
};

// "DATA", "INIT", ... or nullptr for a type tern does not know.
const char* chunk_type_name(uint8_t type);
// True for the types in ChunkType.
bool is_known_chunk_type(uint8_t type);

// RFC 9260 §3.2: what to do with an unrecognized chunk, from its two high-order bits.
enum class UnknownChunkAction : uint8_t {
  kStop = 0,             // 00: stop processing the packet, discard it
  kStopAndReport = 1,    // 01: the same, and report it in an ERROR (Unrecognized Chunk Type)
  kSkip = 2,             // 10: skip the chunk and continue
  kSkipAndReport = 3,    // 11: skip, continue, and report it
};
inline UnknownChunkAction unknown_chunk_action(uint8_t type) {
  return static_cast<UnknownChunkAction>(type >> 6);
}

inline constexpr size_t kChunkHeaderSize = 4;
// The 16-bit Chunk Length bounds every chunk value.
inline constexpr size_t kMaxChunkValueLength = 0xffff - kChunkHeaderSize;

// Rounds a length up to the next multiple of 4 (chunks and parameters are 4-byte aligned).
constexpr size_t padded_length(size_t n) { return (n + 3) & ~size_t{3}; }

// One chunk of a parsed packet: a view into the packet's bytes.
struct RawChunk {
  uint8_t type = 0;
  uint8_t flags = 0;
  std::span<const uint8_t> value;  // after the header, without padding
  std::span<const uint8_t> bytes;  // the whole chunk (header + value), without padding
  uint32_t offset = 0;             // of the chunk header within the packet

  ChunkType chunk_type() const { return static_cast<ChunkType>(type); }
};

// Splits the chunk area of a packet (everything after the common header) into chunks.
// `base_offset` is added to reported positions (12 for a whole packet). The last chunk may omit
// its padding (tolerated for interoperability); padding bytes are ignored (RFC 9260 §3.2).
// Errors: kBadLength (a Chunk Length below 4), kTruncated (a chunk runs past the end),
// kTooLarge (more than kMaxChunksPerPacket chunks).
Result<std::vector<RawChunk>> parse_chunks(std::span<const uint8_t> area, uint32_t base_offset = 0);

// A packet of at most 64 KiB can hold at most this many 4-byte chunks; tern's own cap is lower.
inline constexpr size_t kMaxChunksPerPacket = 1024;

// Writes a chunk header whose length is `4 + value_length`; the caller writes the value and then
// write_chunk_padding(value_length).
void write_chunk_header(ByteWriter& writer, uint8_t type, uint8_t flags, size_t value_length);
// Zero bytes to the next multiple of 4 after a value of `value_length` bytes.
void write_chunk_padding(ByteWriter& writer, size_t value_length);

// A chunk kept as raw bytes (an unrecognized type, or one the caller forwards unchanged).
struct UnknownChunk {
  uint8_t type = 0;
  uint8_t flags = 0;
  std::span<const uint8_t> value;

  size_t serialized_size() const { return padded_length(kChunkHeaderSize + value.size()); }
  void serialize(ByteWriter& writer) const;
};

}  // namespace tern::sctp

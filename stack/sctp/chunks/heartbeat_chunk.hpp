#pragma once
// HEARTBEAT request (RFC 9260 §3.3.5) and HEARTBEAT ACK (§3.3.6): the same layout, types 4 and 5.
// The ACK echoes the request's Heartbeat Information unchanged.
//
//   0                   1                   2                   3
//   0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
//  +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
//  |  Type = 4 / 5 |  Chunk Flags  |       Heartbeat Length        |
//  +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
//  |    Heartbeat Info Type = 1    |      HB Info Length           |
//  +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
//  /                 Sender-Specific Heartbeat Info                /
//  /                                                               /
//  +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
#include <cstdint>
#include <span>

#include "common/byte_writer.hpp"
#include "common/error.hpp"
#include "sctp/chunk.hpp"

namespace tern::sctp {

namespace detail {
// Parses the Heartbeat Information parameter that is the whole value of both chunk types.
Result<std::span<const uint8_t>> parse_heartbeat_info(const RawChunk& chunk);
size_t heartbeat_serialized_size(std::span<const uint8_t> info);
void serialize_heartbeat(ByteWriter& writer, ChunkType type, std::span<const uint8_t> info);
}  // namespace detail

struct HeartbeatRequestChunk {
  static constexpr ChunkType kType = ChunkType::kHeartbeat;
  std::span<const uint8_t> info;  // sender-specific, opaque to the receiver

  // Errors: kMissingParameter (no Heartbeat Info parameter first), kBadLength, kTruncated.
  static Result<HeartbeatRequestChunk> parse(const RawChunk& chunk);
  size_t serialized_size() const { return detail::heartbeat_serialized_size(info); }
  void serialize(ByteWriter& writer) const { detail::serialize_heartbeat(writer, kType, info); }
};

struct HeartbeatAckChunk {
  static constexpr ChunkType kType = ChunkType::kHeartbeatAck;
  std::span<const uint8_t> info;  // copied from the request

  // Errors: as HeartbeatRequestChunk::parse().
  static Result<HeartbeatAckChunk> parse(const RawChunk& chunk);
  size_t serialized_size() const { return detail::heartbeat_serialized_size(info); }
  void serialize(ByteWriter& writer) const { detail::serialize_heartbeat(writer, kType, info); }
};

}  // namespace tern::sctp

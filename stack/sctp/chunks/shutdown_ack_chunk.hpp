#pragma once
// SHUTDOWN ACK chunk (RFC 9260 §3.3.9).
//
//   0                   1                   2                   3
//   0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
//  +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
//  |   Type = 8    |  Chunk Flags  |          Length = 4           |
//  +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
#include "sctp/chunk.hpp"

namespace tern::sctp {

struct ShutdownAckChunk {
  static constexpr ChunkType kType = ChunkType::kShutdownAck;

  // Errors: kBadLength (Length is not 4).
  static Result<ShutdownAckChunk> parse(const RawChunk& chunk);
  size_t serialized_size() const { return 4; }
  void serialize(ByteWriter& writer) const;
};

}  // namespace tern::sctp

#pragma once
// SHUTDOWN chunk (RFC 9260 §3.3.8).
//
//   0                   1                   2                   3
//   0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
//  +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
//  |   Type = 7    |  Chunk Flags  |          Length = 8           |
//  +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
//  |                      Cumulative TSN Ack                       |
//  +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
#include "common/ids.hpp"
#include "sctp/chunk.hpp"

namespace tern::sctp {

struct ShutdownChunk {
  static constexpr ChunkType kType = ChunkType::kShutdown;

  Tsn cumulative_tsn_ack{0};

  // Errors: kBadLength (Length is not 8).
  static Result<ShutdownChunk> parse(const RawChunk& chunk);
  size_t serialized_size() const { return 8; }
  void serialize(ByteWriter& writer) const;
};

}  // namespace tern::sctp

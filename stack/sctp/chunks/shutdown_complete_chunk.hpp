#pragma once
// SHUTDOWN COMPLETE chunk (RFC 9260 §3.3.13).
//
//   0                   1                   2                   3
//   0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
//  +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
//  |   Type = 14   |  Reserved   |T|          Length = 4           |
//  +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
#include "sctp/chunk.hpp"

namespace tern::sctp {

struct ShutdownCompleteChunk {
  static constexpr ChunkType kType = ChunkType::kShutdownComplete;
  static constexpr uint8_t kFlagT = 0x01;
  // T: the sender had no TCB and reflected the received Verification Tag.
  bool t_bit = false;

  // Errors: kBadLength (Length is not 4).
  static Result<ShutdownCompleteChunk> parse(const RawChunk& chunk);
  size_t serialized_size() const { return 4; }
  void serialize(ByteWriter& writer) const;
};

}  // namespace tern::sctp

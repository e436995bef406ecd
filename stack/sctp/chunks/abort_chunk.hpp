#pragma once
// ABORT chunk (RFC 9260 §3.3.7).
//
//   0                   1                   2                   3
//   0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
//  +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
//  |   Type = 6    |  Reserved   |T|            Length             |
//  +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
//  /                                                               /
//  /                   zero or more Error Causes                   /
//  /                                                               /
//  +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
//
// T (TCB destroyed): set when the sender had no TCB and reflected the received Verification Tag.
#include <vector>

#include "sctp/chunk.hpp"
#include "sctp/chunks/error_cause.hpp"

namespace tern::sctp {

struct AbortChunk {
  static constexpr ChunkType kType = ChunkType::kAbort;
  static constexpr uint8_t kFlagT = 0x01;

  bool t_bit = false;
  std::vector<ErrorCause> causes;

  // Errors: those of parse_error_causes().
  static Result<AbortChunk> parse(const RawChunk& chunk);
  size_t serialized_size() const;
  void serialize(ByteWriter& writer) const;
};

}  // namespace tern::sctp

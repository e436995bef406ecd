#pragma once
// Operation Error (ERROR) chunk (RFC 9260 §3.3.10): reports conditions that do not end the
// association.
//
//   0                   1                   2                   3
//   0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
//  +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
//  |   Type = 9    |  Chunk Flags  |            Length             |
//  +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
//  /                                                               /
//  /                    one or more Error Causes                   /
//  /                                                               /
//  +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
#include <vector>

#include "sctp/chunk.hpp"
#include "sctp/chunks/error_cause.hpp"

namespace tern::sctp {

struct ErrorChunk {
  static constexpr ChunkType kType = ChunkType::kError;

  std::vector<ErrorCause> causes;

  // Errors: those of parse_error_causes(); kMissingParameter when there is no cause (RFC 9260
  // §3.3.10: one or more).
  static Result<ErrorChunk> parse(const RawChunk& chunk);
  size_t serialized_size() const;
  void serialize(ByteWriter& writer) const;
};

}  // namespace tern::sctp

#pragma once
// Re-configuration (RE-CONFIG) chunk (RFC 6525 §3.1): one or two request/response parameters
// (reconfig_parameters.hpp).
//
//   0                   1                   2                   3
//   0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
//  +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
//  | Type = 130    |  Chunk Flags  |      Chunk Length             |
//  +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
//  /                                                               /
//  /                  Re-configuration Parameter                   /
//  /                                                               /
//  +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
//  /                                                               /
//  /             Re-configuration Parameter (optional)             /
//  /                                                               /
//  +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
#include <vector>

#include "sctp/chunk.hpp"
#include "sctp/chunks/reconfig_parameters.hpp"

namespace tern::sctp {

struct ReconfigChunk {
  static constexpr ChunkType kType = ChunkType::kReconfig;

  std::vector<ReconfigParameter> parameters;

  // Errors: kMissingParameter (no parameter), kTooLarge (more than two: RFC 6525 §3.1), and those
  // of parse_parameters() / parse_reconfig_parameter().
  static Result<ReconfigChunk> parse(const RawChunk& chunk);
  size_t serialized_size() const;
  void serialize(ByteWriter& writer) const;
};

}  // namespace tern::sctp

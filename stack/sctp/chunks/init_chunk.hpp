#pragma once
// INIT chunk (RFC 9260 §3.3.2): the layout is drawn in init_body.hpp (Type = 1, flags 0).
#include "sctp/chunks/init_body.hpp"

namespace tern::sctp {

struct InitChunk : InitBody {
  static constexpr ChunkType kType = ChunkType::kInit;

  // Parses an INIT chunk. Errors: those of InitBody::parse_value().
  static Result<InitChunk> parse(const RawChunk& chunk);
  size_t serialized_size() const { return padded_length(kChunkHeaderSize + value_size()); }
  void serialize(ByteWriter& writer) const;
};

}  // namespace tern::sctp

#pragma once
// INIT ACK chunk (RFC 9260 §3.3.3): the layout is drawn in init_body.hpp (Type = 2, flags 0).
#include "sctp/chunks/init_body.hpp"

namespace tern::sctp {

struct InitAckChunk : InitBody {
  static constexpr ChunkType kType = ChunkType::kInitAck;

  // Parses an INIT ACK chunk. Errors: those of InitBody::parse_value(), and kMissingParameter when
  // the State Cookie is absent (RFC 9260 §3.3.3: it is mandatory).
  static Result<InitAckChunk> parse(const RawChunk& chunk);
  size_t serialized_size() const { return padded_length(kChunkHeaderSize + value_size()); }
  void serialize(ByteWriter& writer) const;
};

}  // namespace tern::sctp

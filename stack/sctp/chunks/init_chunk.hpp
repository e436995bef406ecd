#pragma once
// INIT chunk (RFC 9260 §3.3.2): starts an association. The body is shared with INIT ACK
// (init_body.hpp, which lists the parameters tern interprets).
//
//   0                   1                   2                   3
//   0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
//  +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
//  |   Type =  1   |  Chunk Flags  |         Chunk Length          |
//  +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
//  |                         Initiate Tag                          |
//  +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
//  |              Advertised Receiver Window Credit                |
//  +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
//  |  Number of Outbound Streams   |   Number of Inbound Streams   |
//  +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
//  |                          Initial TSN                          |
//  +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
//  /              Optional/Variable-Length Parameters              /
//  +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
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

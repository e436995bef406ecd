#pragma once
// INIT ACK chunk (RFC 9260 §3.3.3): answers INIT; the State Cookie parameter is mandatory. The
// body is shared with INIT (init_body.hpp).
//
//   0                   1                   2                   3
//   0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
//  +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
//  |   Type =  2   |  Chunk Flags  |         Chunk Length          |
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

struct InitAckChunk : InitBody {
  static constexpr ChunkType kType = ChunkType::kInitAck;

  // Parses an INIT ACK chunk. Errors: those of InitBody::parse_value(), and kMissingParameter when
  // the State Cookie is absent (RFC 9260 §3.3.3: it is mandatory).
  static Result<InitAckChunk> parse(const RawChunk& chunk);
  size_t serialized_size() const { return padded_length(kChunkHeaderSize + value_size()); }
  void serialize(ByteWriter& writer) const;
};

}  // namespace tern::sctp

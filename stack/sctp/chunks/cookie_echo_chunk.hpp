#pragma once
// State Cookie (COOKIE ECHO) chunk (RFC 9260 §3.3.11): returns the State Cookie of the INIT ACK.
//
//   0                   1                   2                   3
//   0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
//  +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
//  |   Type = 10   |  Chunk Flags  |            Length             |
//  +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
//  /                            Cookie                             /
//  /                                                               /
//  +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
#include <span>

#include "sctp/chunk.hpp"

namespace tern::sctp {

struct CookieEchoChunk {
  static constexpr ChunkType kType = ChunkType::kCookieEcho;

  std::span<const uint8_t> cookie;  // opaque to everyone but its creator

  // Errors: kBadLength (empty cookie).
  static Result<CookieEchoChunk> parse(const RawChunk& chunk);
  size_t serialized_size() const { return padded_length(kChunkHeaderSize + cookie.size()); }
  void serialize(ByteWriter& writer) const;
};

}  // namespace tern::sctp

#include "sctp/chunks/cookie_ack_chunk.hpp"

#include "sctp/errc.hpp"

namespace tern::sctp {

Result<CookieAckChunk> CookieAckChunk::parse(const RawChunk& chunk) {
  // RFC 9260 §3.3.12: Length = 4.
  if (!chunk.value.empty()) return Error(SctpErrc::kBadLength, "COOKIE ACK Length is not 4", chunk.offset + 2);
  return CookieAckChunk{};
}

void CookieAckChunk::serialize(ByteWriter& writer) const {
  write_chunk_header(writer, static_cast<uint8_t>(kType), 0, 0);
}

}  // namespace tern::sctp

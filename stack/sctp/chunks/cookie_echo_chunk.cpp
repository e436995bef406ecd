#include "sctp/chunks/cookie_echo_chunk.hpp"

#include "sctp/errc.hpp"

namespace tern::sctp {

Result<CookieEchoChunk> CookieEchoChunk::parse(const RawChunk& chunk) {
  if (chunk.value.empty()) return Error(SctpErrc::kBadLength, "COOKIE ECHO without a cookie", chunk.offset + 2);
  return CookieEchoChunk{chunk.value};
}

void CookieEchoChunk::serialize(ByteWriter& writer) const {
  write_chunk_header(writer, static_cast<uint8_t>(kType), 0, cookie.size());
  writer.bytes(cookie);
  write_chunk_padding(writer, cookie.size());
}

}  // namespace tern::sctp

#include "sctp/chunks/shutdown_ack_chunk.hpp"

#include "sctp/errc.hpp"

namespace tern::sctp {

Result<ShutdownAckChunk> ShutdownAckChunk::parse(const RawChunk& chunk) {
  // RFC 9260 §3.3.9: Length = 4.
  if (!chunk.value.empty()) return Error(SctpErrc::kBadLength, "SHUTDOWN ACK Length is not 4", chunk.offset + 2);
  return ShutdownAckChunk{};
}

void ShutdownAckChunk::serialize(ByteWriter& writer) const {
  write_chunk_header(writer, static_cast<uint8_t>(kType), 0, 0);
}

}  // namespace tern::sctp

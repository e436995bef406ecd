#include "sctp/chunks/shutdown_chunk.hpp"

#include "common/byte_reader.hpp"
#include "sctp/errc.hpp"

namespace tern::sctp {

Result<ShutdownChunk> ShutdownChunk::parse(const RawChunk& chunk) {
  // RFC 9260 §3.3.8: Length = 8.
  if (chunk.value.size() != 4) return Error(SctpErrc::kBadLength, "SHUTDOWN Length is not 8", chunk.offset + 2);
  return ShutdownChunk{Tsn(load_be32(chunk.value.data()))};
}

void ShutdownChunk::serialize(ByteWriter& writer) const {
  write_chunk_header(writer, static_cast<uint8_t>(kType), 0, 4);
  writer.u32(cumulative_tsn_ack.value);
}

}  // namespace tern::sctp

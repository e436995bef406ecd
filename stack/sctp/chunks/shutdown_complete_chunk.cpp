#include "sctp/chunks/shutdown_complete_chunk.hpp"

#include "sctp/errc.hpp"

namespace tern::sctp {

Result<ShutdownCompleteChunk> ShutdownCompleteChunk::parse(const RawChunk& chunk) {
  // RFC 9260 §3.3.13: Length = 4.
  if (!chunk.value.empty()) {
    return Error(SctpErrc::kBadLength, "SHUTDOWN COMPLETE Length is not 4", chunk.offset + 2);
  }
  return ShutdownCompleteChunk{(chunk.flags & kFlagT) != 0};
}

void ShutdownCompleteChunk::serialize(ByteWriter& writer) const {
  write_chunk_header(writer, static_cast<uint8_t>(kType), t_bit ? kFlagT : 0, 0);
}

}  // namespace tern::sctp

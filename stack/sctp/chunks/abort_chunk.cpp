#include "sctp/chunks/abort_chunk.hpp"

namespace tern::sctp {

Result<AbortChunk> AbortChunk::parse(const RawChunk& chunk) {
  auto causes = parse_error_causes(chunk.value, chunk.offset + static_cast<uint32_t>(kChunkHeaderSize));
  if (!causes) return causes.error();
  return AbortChunk{(chunk.flags & kFlagT) != 0, std::move(*causes)};
}

size_t AbortChunk::serialized_size() const {
  size_t n = kChunkHeaderSize;
  for (const ErrorCause& c : causes) n += c.serialized_size();
  return n;
}

void AbortChunk::serialize(ByteWriter& writer) const {
  write_chunk_header(writer, static_cast<uint8_t>(kType), t_bit ? kFlagT : 0,
                     unpadded_causes_size(causes));
  // Each cause is padded, so the chunk ends aligned (the last cause's padding is the chunk's).
  for (const ErrorCause& c : causes) c.serialize(writer);
}

}  // namespace tern::sctp

#include "sctp/chunks/error_chunk.hpp"

#include "sctp/errc.hpp"

namespace tern::sctp {

Result<ErrorChunk> ErrorChunk::parse(const RawChunk& chunk) {
  auto causes = parse_error_causes(chunk.value, chunk.offset + static_cast<uint32_t>(kChunkHeaderSize));
  if (!causes) return causes.error();
  // RFC 9260 §3.3.10: an ERROR chunk carries one or more causes.
  if (causes->empty()) return Error(SctpErrc::kMissingParameter, "ERROR chunk without a cause", chunk.offset);
  return ErrorChunk{std::move(*causes)};
}

size_t ErrorChunk::serialized_size() const {
  size_t n = kChunkHeaderSize;
  for (const ErrorCause& c : causes) n += c.serialized_size();
  return n;
}

void ErrorChunk::serialize(ByteWriter& writer) const {
  write_chunk_header(writer, static_cast<uint8_t>(kType), 0, unpadded_causes_size(causes));
  for (const ErrorCause& c : causes) c.serialize(writer);
}

}  // namespace tern::sctp

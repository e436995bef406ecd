#include "sctp/chunks/reconfig_chunk.hpp"

#include "sctp/errc.hpp"

namespace tern::sctp {

Result<ReconfigChunk> ReconfigChunk::parse(const RawChunk& chunk) {
  const uint32_t base = chunk.offset + static_cast<uint32_t>(kChunkHeaderSize);
  auto params = parse_parameters(chunk.value, base);
  if (!params) return params.error();
  // RFC 6525 §3.1: a RE-CONFIG chunk carries one or two parameters.
  if (params->empty()) return Error(SctpErrc::kMissingParameter, "RE-CONFIG without a parameter", chunk.offset);
  if (params->size() > 2) return Error(SctpErrc::kTooLarge, "RE-CONFIG with more than two parameters", chunk.offset);
  ReconfigChunk c;
  for (const Parameter& p : *params) {
    const uint32_t at = base + static_cast<uint32_t>(p.bytes.data() - chunk.value.data());
    Status parsed = parse_reconfig_parameter(p, at, c.parameters.emplace_back());
    if (!parsed) return parsed.error();
  }
  return c;
}

size_t ReconfigChunk::serialized_size() const {
  size_t n = kChunkHeaderSize;
  for (const ReconfigParameter& p : parameters) n += sctp::serialized_size(p);
  return n;
}

void ReconfigChunk::serialize(ByteWriter& writer) const {
  // RFC 9260 §3.2: Chunk Length leaves out the last parameter's padding.
  size_t value = serialized_size() - kChunkHeaderSize;
  if (!parameters.empty()) value -= unpadded_padding(parameters.back());
  write_chunk_header(writer, static_cast<uint8_t>(kType), 0, value);
  for (const ReconfigParameter& p : parameters) sctp::serialize(p, writer);
}

}  // namespace tern::sctp

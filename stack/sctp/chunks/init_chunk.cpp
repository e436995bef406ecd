#include "sctp/chunks/init_chunk.hpp"

namespace tern::sctp {

Result<InitChunk> InitChunk::parse(const RawChunk& chunk) {
  auto body = InitBody::parse_value(chunk);
  if (!body) return body.error();
  InitChunk c;
  static_cast<InitBody&>(c) = std::move(*body);
  return c;
}

void InitChunk::serialize(ByteWriter& writer) const {
  // The parameters are padded, so the value ends 4-byte aligned and needs no chunk padding.
  write_chunk_header(writer, static_cast<uint8_t>(kType), 0, unpadded_value_size());
  serialize_value(writer);
}

}  // namespace tern::sctp

#include "sctp/chunks/init_ack_chunk.hpp"

#include "sctp/errc.hpp"

namespace tern::sctp {

Result<InitAckChunk> InitAckChunk::parse(const RawChunk& chunk) {
  auto body = InitBody::parse_value(chunk);
  if (!body) return body.error();
  // RFC 9260 §3.3.3: the State Cookie parameter is mandatory in INIT ACK.
  if (!body->state_cookie) {
    return Error(SctpErrc::kMissingParameter, "INIT ACK without State Cookie", chunk.offset);
  }
  InitAckChunk c;
  static_cast<InitBody&>(c) = std::move(*body);
  return c;
}

void InitAckChunk::serialize(ByteWriter& writer) const {
  // The parameters are padded, so the value ends 4-byte aligned and needs no chunk padding.
  write_chunk_header(writer, static_cast<uint8_t>(kType), 0, unpadded_value_size());
  serialize_value(writer);
}

}  // namespace tern::sctp

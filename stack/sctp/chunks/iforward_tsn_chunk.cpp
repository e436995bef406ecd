#include "sctp/chunks/iforward_tsn_chunk.hpp"

#include "common/byte_reader.hpp"
#include "sctp/errc.hpp"

namespace tern::sctp {

Result<IForwardTsnChunk> IForwardTsnChunk::parse(const RawChunk& chunk) {
  // RFC 8260 §2.3.1: New Cumulative TSN, then 8-byte entries.
  if (chunk.value.size() < 4 || (chunk.value.size() - 4) % 8 != 0) {
    return Error(SctpErrc::kBadLength, "I-FORWARD-TSN Length is not 8 + 8n", chunk.offset + 2);
  }
  ByteReader r(chunk.value);
  IForwardTsnChunk f;
  f.new_cumulative_tsn = Tsn(r.u32());
  f.skipped.reserve(r.remaining() / 8);
  while (!r.empty()) {
    SkippedMessage m;
    m.stream = StreamId(r.u16());
    m.unordered = (r.u16() & 1) != 0;  // the reserved bits are ignored on receipt
    m.message_id = r.u32();
    f.skipped.push_back(m);
  }
  return f;
}

void IForwardTsnChunk::serialize(ByteWriter& writer) const {
  write_chunk_header(writer, static_cast<uint8_t>(kType), 0, serialized_size() - kChunkHeaderSize);
  writer.u32(new_cumulative_tsn.value);
  for (const SkippedMessage& m : skipped) {
    writer.u16(m.stream.value);
    writer.u16(m.unordered ? 1 : 0);
    writer.u32(m.message_id);
  }
}

}  // namespace tern::sctp

#include "sctp/chunks/forward_tsn_chunk.hpp"

#include "common/byte_reader.hpp"
#include "sctp/errc.hpp"

namespace tern::sctp {

Result<ForwardTsnChunk> ForwardTsnChunk::parse(const RawChunk& chunk) {
  // RFC 3758 §3.2: New Cumulative TSN, then 4-byte (stream, SSN) entries.
  if (chunk.value.size() < 4 || chunk.value.size() % 4 != 0) {
    return Error(SctpErrc::kBadLength, "FORWARD TSN Length is not 8 + 4n", chunk.offset + 2);
  }
  ByteReader r(chunk.value);
  ForwardTsnChunk f;
  f.new_cumulative_tsn = Tsn(r.u32());
  f.skipped.reserve(r.remaining() / 4);
  while (!r.empty()) {
    const StreamId stream(r.u16());
    f.skipped.push_back({stream, r.u16()});
  }
  return f;
}

void ForwardTsnChunk::serialize(ByteWriter& writer) const {
  write_chunk_header(writer, static_cast<uint8_t>(kType), 0, serialized_size() - kChunkHeaderSize);
  writer.u32(new_cumulative_tsn.value);
  for (const SkippedStream& s : skipped) {
    writer.u16(s.stream.value);
    writer.u16(s.ssn);
  }
}

}  // namespace tern::sctp

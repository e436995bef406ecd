#include "sctp/chunks/sack_chunk.hpp"

#include "common/byte_reader.hpp"
#include "sctp/errc.hpp"

namespace tern::sctp {

Result<SackChunk> SackChunk::parse(const RawChunk& chunk) {
  if (chunk.bytes.size() < kFixedSize) {
    return Error(SctpErrc::kBadLength, "SACK shorter than its 16-byte fixed part", chunk.offset + 2);
  }
  ByteReader r(chunk.value);
  SackChunk s;
  s.cumulative_tsn_ack = Tsn(r.u32());
  s.a_rwnd = r.u32();
  const size_t gaps = r.u16();
  const size_t dups = r.u16();
  // RFC 9260 §3.3.4: the chunk holds exactly N gap blocks and M duplicate TSNs.
  if (r.remaining() != 4 * gaps + 4 * dups) {
    return Error(SctpErrc::kBadLength, "SACK length disagrees with its gap and duplicate counts",
                 chunk.offset + 2);
  }
  s.gap_ack_blocks.reserve(gaps);
  for (size_t i = 0; i < gaps; ++i) {
    GapAckBlock b{r.u16(), r.u16()};
    // RFC 9260 §3.3.4: offsets are relative to the cumulative ack, which is itself acked, so a
    // block starts at offset 1 or later and never ends before it starts.
    if (b.start == 0 || b.end < b.start) {
      return Error(SctpErrc::kBadValue, "gap ack block start is 0 or above its end",
                   chunk.offset + static_cast<uint32_t>(kFixedSize + 4 * i));
    }
    s.gap_ack_blocks.push_back(b);
  }
  s.duplicate_tsns.reserve(dups);
  for (size_t i = 0; i < dups; ++i) s.duplicate_tsns.push_back(Tsn(r.u32()));
  return s;
}

void SackChunk::serialize(ByteWriter& writer) const {
  TERN_ASSERT(gap_ack_blocks.size() <= 0xffff && duplicate_tsns.size() <= 0xffff, "SACK counts overflow");
  write_chunk_header(writer, static_cast<uint8_t>(kType), 0, serialized_size() - kChunkHeaderSize);
  writer.u32(cumulative_tsn_ack.value);
  writer.u32(a_rwnd);
  writer.u16(static_cast<uint16_t>(gap_ack_blocks.size()));
  writer.u16(static_cast<uint16_t>(duplicate_tsns.size()));
  for (const GapAckBlock& b : gap_ack_blocks) {
    writer.u16(b.start);
    writer.u16(b.end);
  }
  for (Tsn t : duplicate_tsns) writer.u32(t.value);
}

}  // namespace tern::sctp

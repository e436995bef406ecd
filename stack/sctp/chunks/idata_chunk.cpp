#include "sctp/chunks/idata_chunk.hpp"

#include "common/byte_reader.hpp"
#include "sctp/chunks/data_chunk.hpp"
#include "sctp/errc.hpp"

namespace tern::sctp {

Result<IDataChunk> IDataChunk::parse(const RawChunk& chunk) {
  if (chunk.bytes.size() < kHeaderSize) {
    return Error(SctpErrc::kBadLength, "I-DATA chunk shorter than its 20-byte header", chunk.offset + 2);
  }
  // RFC 8260 §2.1: like DATA, an I-DATA chunk carries at least one byte of user data.
  if (chunk.bytes.size() == kHeaderSize) {
    return Error(SctpErrc::kNoUserData, "I-DATA chunk carries no user data", chunk.offset + 2);
  }
  const uint8_t* p = chunk.value.data();
  IDataChunk d;
  d.tsn = Tsn(load_be32(p));
  d.stream = StreamId(load_be16(p + 4));
  d.message_id = load_be32(p + 8);
  d.ending = (chunk.flags & DataChunk::kFlagEnding) != 0;
  d.beginning = (chunk.flags & DataChunk::kFlagBeginning) != 0;
  d.unordered = (chunk.flags & DataChunk::kFlagUnordered) != 0;
  d.immediate = (chunk.flags & DataChunk::kFlagImmediate) != 0;
  // RFC 8260 §2.1: PPID on the first fragment, FSN on the others.
  if (d.beginning) {
    d.ppid = load_be32(p + 12);
  } else {
    d.fsn = load_be32(p + 12);
  }
  d.payload = chunk.value.subspan(16);
  return d;
}

void IDataChunk::serialize(ByteWriter& writer) const {
  const uint8_t flags = static_cast<uint8_t>(
      (ending ? DataChunk::kFlagEnding : 0) | (beginning ? DataChunk::kFlagBeginning : 0) |
      (unordered ? DataChunk::kFlagUnordered : 0) | (immediate ? DataChunk::kFlagImmediate : 0));
  const size_t value_length = kHeaderSize - kChunkHeaderSize + payload.size();
  write_chunk_header(writer, static_cast<uint8_t>(kType), flags, value_length);
  writer.u32(tsn.value);
  writer.u16(stream.value);
  writer.u16(0);
  writer.u32(message_id);
  writer.u32(beginning ? ppid : fsn);
  writer.bytes(payload);
  write_chunk_padding(writer, value_length);
}

}  // namespace tern::sctp

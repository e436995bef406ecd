#include "sctp/chunks/data_chunk.hpp"

#include "common/byte_reader.hpp"
#include "sctp/errc.hpp"

namespace tern::sctp {

Result<DataChunk> DataChunk::parse(const RawChunk& chunk) {
  if (chunk.bytes.size() < kHeaderSize) {
    return Error(SctpErrc::kBadLength, "DATA chunk shorter than its 16-byte header", chunk.offset + 2);
  }
  // RFC 9260 §3.3.1: a DATA chunk with no user data is invalid (ABORT with "No User Data").
  if (chunk.bytes.size() == kHeaderSize) {
    return Error(SctpErrc::kNoUserData, "DATA chunk carries no user data", chunk.offset + 2);
  }
  const uint8_t* p = chunk.value.data();
  DataChunk d;
  d.tsn = Tsn(load_be32(p));
  d.stream = StreamId(load_be16(p + 4));
  d.ssn = load_be16(p + 6);
  d.ppid = load_be32(p + 8);
  d.ending = (chunk.flags & kFlagEnding) != 0;
  d.beginning = (chunk.flags & kFlagBeginning) != 0;
  d.unordered = (chunk.flags & kFlagUnordered) != 0;
  d.immediate = (chunk.flags & kFlagImmediate) != 0;
  d.payload = chunk.value.subspan(12);
  return d;
}

void DataChunk::serialize(ByteWriter& writer) const {
  const uint8_t flags = static_cast<uint8_t>((ending ? kFlagEnding : 0) | (beginning ? kFlagBeginning : 0) |
                                             (unordered ? kFlagUnordered : 0) |
                                             (immediate ? kFlagImmediate : 0));
  const size_t value_length = kHeaderSize - kChunkHeaderSize + payload.size();
  write_chunk_header(writer, static_cast<uint8_t>(kType), flags, value_length);
  writer.u32(tsn.value);
  writer.u16(stream.value);
  writer.u16(ssn);
  writer.u32(ppid);
  writer.bytes(payload);
  write_chunk_padding(writer, value_length);
}

}  // namespace tern::sctp

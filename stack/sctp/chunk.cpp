#include "sctp/chunk.hpp"

#include "common/byte_reader.hpp"
#include "sctp/errc.hpp"

namespace tern::sctp {

const char* chunk_type_name(uint8_t type) {
  switch (static_cast<ChunkType>(type)) {
    case ChunkType::kData: return "DATA";
    case ChunkType::kInit: return "INIT";
    case ChunkType::kInitAck: return "INIT-ACK";
    case ChunkType::kSack: return "SACK";
    case ChunkType::kHeartbeat: return "HEARTBEAT";
    case ChunkType::kHeartbeatAck: return "HEARTBEAT-ACK";
    case ChunkType::kAbort: return "ABORT";
    case ChunkType::kShutdown: return "SHUTDOWN";
    case ChunkType::kShutdownAck: return "SHUTDOWN-ACK";
    case ChunkType::kError: return "ERROR";
    case ChunkType::kCookieEcho: return "COOKIE-ECHO";
    case ChunkType::kCookieAck: return "COOKIE-ACK";
    case ChunkType::kShutdownComplete: return "SHUTDOWN-COMPLETE";
    case ChunkType::kIData: return "I-DATA";
    case ChunkType::kReconfig: return "RE-CONFIG";
    case ChunkType::kForwardTsn: return "FORWARD-TSN";
    case ChunkType::kIForwardTsn: return "I-FORWARD-TSN";
  }
  return nullptr;
}

bool is_known_chunk_type(uint8_t type) { return chunk_type_name(type) != nullptr; }

Result<std::vector<RawChunk>> parse_chunks(std::span<const uint8_t> area, uint32_t base_offset) {
  std::vector<RawChunk> chunks;
  size_t pos = 0;
  while (pos < area.size()) {
    const uint32_t at = base_offset + static_cast<uint32_t>(pos);
    if (area.size() - pos < kChunkHeaderSize) {
      return Error(SctpErrc::kTruncated, "chunk header runs past the end of the packet", at);
    }
    if (chunks.size() == kMaxChunksPerPacket) {
      return Error(SctpErrc::kTooLarge, "more chunks in one packet than tern accepts", at);
    }
    const uint8_t* p = area.data() + pos;
    const size_t length = load_be16(p + 2);
    // RFC 9260 §3.2: Chunk Length includes the 4-byte header, so it is at least 4.
    if (length < kChunkHeaderSize) {
      return Error(SctpErrc::kBadLength, "Chunk Length below 4", at + 2);
    }
    if (length > area.size() - pos) {
      return Error(SctpErrc::kTruncated, "Chunk Length runs past the end of the packet", at + 2);
    }
    RawChunk c;
    c.type = p[0];
    c.flags = p[1];
    c.bytes = area.subspan(pos, length);
    c.value = c.bytes.subspan(kChunkHeaderSize);
    c.offset = at;
    chunks.push_back(c);
    // RFC 9260 §3.2: the padding is not counted in Chunk Length and is ignored by the receiver.
    // A last chunk without its padding is accepted (some stacks omit it).
    pos += length;
    const size_t pad = padded_length(length) - length;
    pos += pad <= area.size() - pos ? pad : area.size() - pos;
  }
  return chunks;
}

void write_chunk_header(ByteWriter& writer, uint8_t type, uint8_t flags, size_t value_length) {
  TERN_ASSERT(value_length <= kMaxChunkValueLength, "chunk value does not fit Chunk Length");
  writer.u8(type);
  writer.u8(flags);
  writer.u16(static_cast<uint16_t>(kChunkHeaderSize + value_length));
}

void write_chunk_padding(ByteWriter& writer, size_t value_length) {
  const size_t total = kChunkHeaderSize + value_length;
  writer.zeros(padded_length(total) - total);
}

void UnknownChunk::serialize(ByteWriter& writer) const {
  write_chunk_header(writer, type, flags, value.size());
  writer.bytes(value);
  write_chunk_padding(writer, value.size());
}

}  // namespace tern::sctp

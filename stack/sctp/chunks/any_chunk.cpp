#include "sctp/chunks/any_chunk.hpp"

namespace tern::sctp {
namespace {

template <class C>
Result<AnyChunk> parse_as(const RawChunk& chunk) {
  auto c = C::parse(chunk);
  if (!c) return c.error();
  return AnyChunk(std::move(*c));
}

}  // namespace

Result<AnyChunk> parse_any_chunk(const RawChunk& chunk) {
  switch (chunk.chunk_type()) {
    case ChunkType::kData: return parse_as<DataChunk>(chunk);
    case ChunkType::kInit: return parse_as<InitChunk>(chunk);
    case ChunkType::kInitAck: return parse_as<InitAckChunk>(chunk);
    case ChunkType::kSack: return parse_as<SackChunk>(chunk);
    case ChunkType::kHeartbeat: return parse_as<HeartbeatRequestChunk>(chunk);
    case ChunkType::kHeartbeatAck: return parse_as<HeartbeatAckChunk>(chunk);
    case ChunkType::kAbort: return parse_as<AbortChunk>(chunk);
    case ChunkType::kShutdown: return parse_as<ShutdownChunk>(chunk);
    case ChunkType::kShutdownAck: return parse_as<ShutdownAckChunk>(chunk);
    case ChunkType::kError: return parse_as<ErrorChunk>(chunk);
    case ChunkType::kCookieEcho: return parse_as<CookieEchoChunk>(chunk);
    case ChunkType::kCookieAck: return parse_as<CookieAckChunk>(chunk);
    case ChunkType::kShutdownComplete: return parse_as<ShutdownCompleteChunk>(chunk);
    case ChunkType::kIData: return parse_as<IDataChunk>(chunk);
    case ChunkType::kReconfig: return parse_as<ReconfigChunk>(chunk);
    case ChunkType::kForwardTsn: return parse_as<ForwardTsnChunk>(chunk);
    case ChunkType::kIForwardTsn: return parse_as<IForwardTsnChunk>(chunk);
  }
  return AnyChunk(UnknownChunk{chunk.type, chunk.flags, chunk.value});
}

size_t serialized_size(const AnyChunk& chunk) {
  return std::visit([](const auto& c) { return c.serialized_size(); }, chunk);
}

void serialize(const AnyChunk& chunk, ByteWriter& writer) {
  std::visit([&](const auto& c) { c.serialize(writer); }, chunk);
}

}  // namespace tern::sctp

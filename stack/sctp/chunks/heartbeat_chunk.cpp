#include "sctp/chunks/heartbeat_chunk.hpp"

#include "sctp/errc.hpp"
#include "sctp/parameter.hpp"

namespace tern::sctp {
namespace detail {

Result<std::span<const uint8_t>> parse_heartbeat_info(const RawChunk& chunk) {
  const uint32_t at = chunk.offset + static_cast<uint32_t>(kChunkHeaderSize);
  auto params = parse_parameters(chunk.value, at);
  if (!params) return params.error();
  // RFC 9260 §3.3.5: the value is the Heartbeat Information TLV (type 1).
  if (params->empty() || (*params)[0].type != static_cast<uint16_t>(ParameterType::kHeartbeatInfo)) {
    return Error(SctpErrc::kMissingParameter, "HEARTBEAT without Heartbeat Information", at);
  }
  return (*params)[0].value;
}

size_t heartbeat_serialized_size(std::span<const uint8_t> info) {
  return kChunkHeaderSize + padded_length(kParameterHeaderSize + info.size());
}

void serialize_heartbeat(ByteWriter& writer, ChunkType type, std::span<const uint8_t> info) {
  const size_t value_length = kParameterHeaderSize + info.size();
  write_chunk_header(writer, static_cast<uint8_t>(type), 0, value_length);
  write_parameter_header(writer, static_cast<uint16_t>(ParameterType::kHeartbeatInfo), info.size());
  writer.bytes(info);
  write_chunk_padding(writer, value_length);
}

}  // namespace detail

Result<HeartbeatRequestChunk> HeartbeatRequestChunk::parse(const RawChunk& chunk) {
  auto info = detail::parse_heartbeat_info(chunk);
  if (!info) return info.error();
  return HeartbeatRequestChunk{*info};
}

Result<HeartbeatAckChunk> HeartbeatAckChunk::parse(const RawChunk& chunk) {
  auto info = detail::parse_heartbeat_info(chunk);
  if (!info) return info.error();
  return HeartbeatAckChunk{*info};
}

}  // namespace tern::sctp

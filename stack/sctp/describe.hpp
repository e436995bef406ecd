#pragma once
// Human-readable dumps for the inspector (tern-inspect) and logs: one line per field, indented.
#include <cstdint>
#include <span>
#include <string>

#include "sctp/chunks/any_chunk.hpp"

namespace tern::sctp {

// A decoded chunk, field by field, each line prefixed by `indent`.
std::string describe(const AnyChunk& chunk, const std::string& indent = "  ");
// A whole packet: the common header (with the checksum verdict), then every chunk decoded (or the
// error that stopped its decoding).
std::string describe_packet(std::span<const uint8_t> packet);

}  // namespace tern::sctp

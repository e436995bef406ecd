#pragma once
// Human-readable dumps of RTCP packets for the inspector and logs (allocates; not for hot paths).
#include <cstdint>
#include <span>
#include <string>

#include "rtcp/compound.hpp"

namespace tern::rtcp {

// One line per field, nested fields indented by two spaces; NACKs are expanded to lost sequence
// numbers, TWCC to per-packet status and arrival offsets, REMB to bits per second.
std::string describe(const Packet& packet);
// Every packet of a compound, numbered.
std::string describe(std::span<const Packet> packets);
// Parses `data` as a (non-strict) compound and describes it, or describes the parse error.
std::string describe_bytes(std::span<const uint8_t> data);

}  // namespace tern::rtcp

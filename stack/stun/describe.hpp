#pragma once
// Human-readable dumps for the inspector (tern-inspect): one line per field or attribute, indented.
// Allocates; not for packet paths.
#include <string>

#include "stun/channel_data.hpp"
#include "stun/message.hpp"

namespace tern::stun {

// "STUN Binding request (type 0x0001, length 88)", the transaction ID, then each attribute decoded
// (addresses as ip:port, error codes with their phrase, text quoted, hashes in hex, FINGERPRINT checked);
// attributes the receiver ignores are marked, values that fail validation show the error and raw hex.
std::string describe(const Message& message);

// "TURN ChannelData channel 0x4001, 5 bytes" and the data in hex (first 64 bytes).
std::string describe(const ChannelData& message);

}  // namespace tern::stun

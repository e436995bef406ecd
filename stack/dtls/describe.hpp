#pragma once
// Human-readable dumps for the inspector (tern-inspect) and logs.
#include <cstdint>
#include <span>
#include <string>

#include "dtls/handshake_header.hpp"

namespace tern::dtls {

// Decodes a handshake message body of `type` and prints it field by field (or the parse error).
std::string describe_handshake_message(HandshakeType type, std::span<const uint8_t> body);

// Every record of a datagram, one line each; unprotected (epoch 0) handshake records are decoded
// down to their messages (complete fragments only), alerts and CCS are named, protected records
// are shown by size.
std::string describe_datagram(std::span<const uint8_t> datagram);

}  // namespace tern::dtls

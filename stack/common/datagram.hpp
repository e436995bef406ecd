#pragma once
// The sans-IO vocabulary (DESIGN.md): machines take Datagrams in and hand Transmits out.
#include <cstdint>
#include <span>
#include <vector>

#include "common/socket_address.hpp"

namespace tern {

// Bytes that arrived: a view valid only for the duration of the handle_input() call.
struct Datagram {
  SocketAddress source;       // remote
  SocketAddress destination;  // local address it arrived on
  TransportProtocol protocol = TransportProtocol::kUdp;
  std::span<const uint8_t> payload;
};

// Bytes a machine wants sent. Owns its payload (the caller moves it into a socket or a simulated
// link).
struct Transmit {
  SocketAddress source;       // local address to send from
  SocketAddress destination;  // remote
  TransportProtocol protocol = TransportProtocol::kUdp;
  std::vector<uint8_t> payload;
};

}  // namespace tern

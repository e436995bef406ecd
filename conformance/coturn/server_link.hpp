#pragma once
// The connection from one TURN client to the server, with real sockets from stack/net: a UDP
// socket, a TCP stream, or a TCP stream carrying TLS done by libssl (tern's TURN client is
// transport-agnostic and contains no TLS: this test code is the "owner" that provides it).
#include <cstdint>
#include <memory>
#include <span>
#include <string>
#include <vector>

#include "common/datagram.hpp"
#include "common/error.hpp"
#include "turn/config.hpp"

namespace tern::conformance {

class ServerLink {
 public:
  virtual ~ServerLink() = default;
  // Opens the link to `server` (blocking, bounded: 5 s for TCP connect and the TLS handshake).
  // `ca_file` is the certificate the TLS server must present (verified, host name "tern.test").
  // Returns nullptr and sets `error` on failure.
  static std::unique_ptr<ServerLink> open(turn::ServerTransport transport, const SocketAddress& server,
                                          const std::string& ca_file, std::string& error);

  virtual int fd() const = 0;
  // The local transport address (the client's half of the 5-tuple).
  virtual SocketAddress local_address() const = 0;
  // Sends one client Transmit's bytes (UDP: one datagram; streams: written in order, fully).
  virtual bool send(std::span<const uint8_t> bytes) = 0;
  // Reads what is available: datagrams or stream chunks appended to `out`. False when the link
  // broke (error or end of stream).
  virtual bool receive(std::vector<std::vector<uint8_t>>& out) = 0;
};

}  // namespace tern::conformance

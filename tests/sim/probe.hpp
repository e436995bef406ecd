#pragma once
// UdpProbe: a raw UDP endpoint for tests. It sends what it is told to, records what it receives,
// and can echo every datagram back to its source (a reflector: the echo's arrival tells the sender
// nothing new, but the reflector's log shows the source address after NAT translation).
#include <cstdint>
#include <deque>
#include <optional>
#include <string_view>
#include <vector>

#include "common/datagram.hpp"
#include "sim/endpoint.hpp"

namespace tern::sim {

class UdpProbe final : public SimEndpoint {
 public:
  struct Received {
    Timestamp at;
    SocketAddress source;
    SocketAddress destination;
    std::vector<uint8_t> payload;
  };

  // Queues a datagram; the network picks it up on its next step. `from` unspecified means the
  // probe's first binding of the destination's family.
  void send(const SocketAddress& to, std::vector<uint8_t> payload,
            const SocketAddress& from = SocketAddress());
  // Same, with a text payload.
  void send(const SocketAddress& to, std::string_view text,
            const SocketAddress& from = SocketAddress());
  // When on, every received datagram is sent back to its source from the address it arrived on.
  void set_echo(bool echo) { echo_ = echo; }

  const std::vector<Received>& received() const { return received_; }
  void clear_received() { received_.clear(); }

  void handle_input(Timestamp now, const Datagram& datagram) override;
  std::optional<Transmit> poll_transmit() override;
  std::optional<Timestamp> poll_timeout() override { return std::nullopt; }
  void handle_timeout(Timestamp) override {}

 private:
  bool echo_ = false;
  std::deque<Transmit> outbox_;
  std::vector<Received> received_;
};

}  // namespace tern::sim

#pragma once
// A stand-in for TURN until stack/turn exists (test-only): FakeRelayAllocator implements
// ice::RelayAllocator with a toy framing, FakeRelayServer relays it on the simulated network.
//
//   client -> server   'A'                                  allocate
//   server -> client   'a' mapped(6) relayed(6)             allocated (IPv4 address + port)
//   client -> server   'S' peer(6) payload                  send payload from the relayed address
//   server -> client   'D' peer(6) payload                  payload arrived at the relayed address
//
// The server accepts traffic to the relayed address only from peers the client has sent to
// (like TURN permissions, RFC 8656 §9), so it behaves like a relay behind strict filtering.
#include <cstdint>
#include <deque>
#include <optional>
#include <set>
#include <vector>

#include "common/datagram.hpp"
#include "ice/relay.hpp"
#include "sim/endpoint.hpp"

namespace tern::ice::test {

class FakeRelayServer final : public sim::SimEndpoint {
 public:
  FakeRelayServer(SocketAddress control, SocketAddress relayed) : control_(control), relayed_(relayed) {}
  void handle_input(Timestamp now, const Datagram& datagram) override;
  std::optional<Transmit> poll_transmit() override;
  std::optional<Timestamp> poll_timeout() override { return std::nullopt; }
  void handle_timeout(Timestamp) override {}

  uint64_t relayed_packets() const { return relayed_packets_; }

 private:
  SocketAddress control_;
  SocketAddress relayed_;
  std::optional<SocketAddress> client_;
  std::set<IpAddress> permissions_;  // RFC 8656 §9: permissions are per IP address
  std::deque<Transmit> outbox_;
  uint64_t relayed_packets_ = 0;
};

class FakeRelayAllocator final : public RelayAllocator {
 public:
  FakeRelayAllocator(SocketAddress server, SocketAddress base) : server_(server), base_(base) {}

  SocketAddress server() const override { return server_; }
  SocketAddress base() const override { return base_; }
  void start(Timestamp now) override;
  void handle_input(Timestamp now, const Datagram& datagram) override;
  std::optional<Transmit> poll_transmit() override;
  std::optional<RelayEvent> poll_event() override;
  std::optional<Timestamp> poll_timeout() override;
  void handle_timeout(Timestamp now) override;
  std::optional<Transmit> send(Timestamp now, const SocketAddress& peer, std::span<const uint8_t> payload) override;
  void close(Timestamp now) override;

  bool closed() const { return closed_; }
  uint64_t sent() const { return sent_; }

 private:
  SocketAddress server_;
  SocketAddress base_;
  bool allocated_ = false;
  bool failed_ = false;
  bool closed_ = false;
  Timestamp give_up_;
  std::deque<Transmit> outbox_;
  std::deque<RelayEvent> events_;
  uint64_t sent_ = 0;
};

}  // namespace tern::ice::test

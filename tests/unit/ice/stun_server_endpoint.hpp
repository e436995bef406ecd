#pragma once
// A tiny sans-IO STUN Binding server for the ICE simulations (RFC 8489 §7.3.1): every Binding
// request gets a success response carrying XOR-MAPPED-ADDRESS = the request's source, so an agent
// behind a simulated NAT learns its server-reflexive address. Test-only.
#include <cstdint>
#include <deque>
#include <optional>

#include "common/datagram.hpp"
#include "sim/endpoint.hpp"

namespace tern::ice::test {

class StunServerEndpoint final : public sim::SimEndpoint {
 public:
  void handle_input(Timestamp now, const Datagram& datagram) override;
  std::optional<Transmit> poll_transmit() override;
  std::optional<Timestamp> poll_timeout() override { return std::nullopt; }
  void handle_timeout(Timestamp) override {}

  uint64_t requests() const { return requests_; }
  uint64_t malformed() const { return malformed_; }

 private:
  std::deque<Transmit> outbox_;
  uint64_t requests_ = 0;
  uint64_t malformed_ = 0;
};

}  // namespace tern::ice::test

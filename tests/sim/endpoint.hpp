#pragma once
// The driver's view of a sans-IO machine (DESIGN.md "The sans-IO contract"): the simulated network
// feeds it datagrams and deadlines and drains what it wants sent.
#include <functional>
#include <optional>
#include <utility>

#include "common/datagram.hpp"
#include "common/time.hpp"

namespace tern::sim {

class SimEndpoint {
 public:
  virtual ~SimEndpoint() = default;
  // A datagram arrived on one of the endpoint's bound addresses (Datagram::destination says which).
  virtual void handle_input(Timestamp now, const Datagram& datagram) = 0;
  // Next datagram to send; drained by the network until nullopt after every input, timeout and
  // scheduled callback. Transmit::source must be one of the endpoint's bound addresses, or
  // unspecified (0.0.0.0:0) to use the first binding of the destination's family.
  virtual std::optional<Transmit> poll_transmit() = 0;
  // The next deadline, if any. A deadline in the past fires at the current time.
  virtual std::optional<Timestamp> poll_timeout() = 0;
  // The deadline returned by poll_timeout() was reached.
  virtual void handle_timeout(Timestamp now) = 0;
};

// Adapts four callables to SimEndpoint, for machines whose method names differ or for small
// ad-hoc endpoints in tests. Missing callables mean "nothing" (no output, no deadline).
class FunctionEndpoint final : public SimEndpoint {
 public:
  std::function<void(Timestamp, const Datagram&)> on_input;
  std::function<std::optional<Transmit>()> on_poll_transmit;
  std::function<std::optional<Timestamp>()> on_poll_timeout;
  std::function<void(Timestamp)> on_timeout;

  void handle_input(Timestamp now, const Datagram& datagram) override {
    if (on_input) on_input(now, datagram);
  }
  std::optional<Transmit> poll_transmit() override {
    return on_poll_transmit ? on_poll_transmit() : std::nullopt;
  }
  std::optional<Timestamp> poll_timeout() override {
    return on_poll_timeout ? on_poll_timeout() : std::nullopt;
  }
  void handle_timeout(Timestamp now) override {
    if (on_timeout) on_timeout(now);
  }
};

}  // namespace tern::sim

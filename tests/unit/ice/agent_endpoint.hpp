#pragma once
// AgentEndpoint: an ice::Agent on the simulated network (test-only). It records the agent's
// events, forwards local candidates to a peer when trickle is wired up, and keeps the application
// datagrams the agent hands up.
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "common/rng.hpp"
#include "ice/agent.hpp"
#include "sim/endpoint.hpp"

namespace tern::ice::test {

class AgentEndpoint final : public sim::SimEndpoint {
 public:
  AgentEndpoint(std::string name, const AgentConfig& config, uint64_t seed);

  Agent& agent() { return agent_; }
  const std::string& name() const { return name_; }

  // Called for every local candidate the agent signals (trickle) and at end-of-candidates.
  std::function<void(const Candidate&)> on_candidate;
  std::function<void()> on_gathering_complete;

  void handle_input(Timestamp now, const Datagram& datagram) override;
  std::optional<Transmit> poll_transmit() override;
  std::optional<Timestamp> poll_timeout() override { return agent_.poll_timeout(); }
  void handle_timeout(Timestamp now) override;

  // Sends application bytes over the selected pair (queued for the network); false when the agent
  // refuses (no pair, consent lost).
  bool send_data(Timestamp now, std::string_view text);

  // Drains the agent's events into the logs below (done after every call by the network).
  void drain_events();

  std::vector<ConnectionState> states;
  std::vector<GatheringState> gathering_states;
  std::vector<Candidate> local_candidates;
  std::vector<SelectedPairEvent> selected;
  std::vector<Role> roles;
  std::vector<std::vector<uint8_t>> data;  // application datagrams received
  bool gathering_complete = false;

  bool connected() const {
    const auto s = agent_.connection_state();
    return s == ConnectionState::kConnected || s == ConnectionState::kCompleted;
  }
  bool saw(ConnectionState s) const;

 private:
  std::string name_;
  std::vector<Transmit> outbox_;
  SeededRng rng_;
  Agent agent_;
};

// Wires two endpoints as signalling would: credentials both ways, trickled candidates and
// end-of-candidates forwarded as they appear (at the moment the network runs them).
void connect_signalling(AgentEndpoint& a, AgentEndpoint& b, std::function<Timestamp()> clock);

}  // namespace tern::ice::test

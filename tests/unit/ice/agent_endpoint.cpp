#include "agent_endpoint.hpp"

#include <algorithm>
#include <variant>

namespace tern::ice::test {

AgentEndpoint::AgentEndpoint(std::string name, const AgentConfig& config, uint64_t seed)
    : name_(std::move(name)), rng_(seed), agent_(config, rng_) {}

void AgentEndpoint::handle_input(Timestamp now, const Datagram& datagram) {
  Received r = agent_.handle_input(now, datagram);
  if (r.kind == Received::Kind::kData) data.emplace_back(r.data.begin(), r.data.end());
  drain_events();
}

std::optional<Transmit> AgentEndpoint::poll_transmit() {
  if (!outbox_.empty()) {
    Transmit t = std::move(outbox_.front());
    outbox_.erase(outbox_.begin());
    return t;
  }
  return agent_.poll_transmit();
}

bool AgentEndpoint::send_data(Timestamp now, std::string_view text) {
  auto t = agent_.send(now, {reinterpret_cast<const uint8_t*>(text.data()), text.size()});
  if (!t) return false;
  outbox_.push_back(std::move(*t));
  return true;
}

void AgentEndpoint::handle_timeout(Timestamp now) {
  agent_.handle_timeout(now);
  drain_events();
}

void AgentEndpoint::drain_events() {
  while (auto e = agent_.poll_event()) {
    if (auto* c = std::get_if<LocalCandidateEvent>(&*e)) {
      local_candidates.push_back(c->candidate);
      if (on_candidate) on_candidate(c->candidate);
    } else if (auto* g = std::get_if<GatheringStateEvent>(&*e)) {
      gathering_states.push_back(g->state);
    } else if (std::holds_alternative<GatheringCompleteEvent>(*e)) {
      gathering_complete = true;
      if (on_gathering_complete) on_gathering_complete();
    } else if (auto* s = std::get_if<ConnectionStateEvent>(&*e)) {
      states.push_back(s->state);
    } else if (auto* p = std::get_if<SelectedPairEvent>(&*e)) {
      selected.push_back(*p);
    } else if (auto* r = std::get_if<RoleEvent>(&*e)) {
      roles.push_back(r->role);
    }
  }
}

bool AgentEndpoint::saw(ConnectionState s) const { return std::find(states.begin(), states.end(), s) != states.end(); }

void connect_signalling(AgentEndpoint& a, AgentEndpoint& b, std::function<Timestamp()> clock) {
  auto creds = [](AgentEndpoint& from, AgentEndpoint& to) {
    const auto& c = from.agent().local_credentials();
    (void)to.agent().set_remote_credentials(c.ufrag, c.pwd);
  };
  creds(a, b);
  creds(b, a);
  a.on_candidate = [&b, clock](const Candidate& c) { (void)b.agent().add_remote_candidate(clock(), c); };
  b.on_candidate = [&a, clock](const Candidate& c) { (void)a.agent().add_remote_candidate(clock(), c); };
  a.on_gathering_complete = [&b, clock] { b.agent().end_of_remote_candidates(clock()); };
  b.on_gathering_complete = [&a, clock] { a.agent().end_of_remote_candidates(clock()); };
}

}  // namespace tern::ice::test

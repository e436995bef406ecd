#include "ice/describe.hpp"

namespace tern::ice {
namespace {

std::string candidate_line(const Candidate& c) {
  std::string out(candidate_type_name(c.type));
  out += ' ';
  out += c.hostname.empty() ? c.address.to_string() : c.hostname + " port " + std::to_string(c.address.port());
  out += " priority " + std::to_string(c.priority) + " foundation " + c.foundation;
  return out;
}

}  // namespace

std::string describe(const Agent& agent) {
  std::string out = "ice agent\n";
  out += "  role: " + std::string(role_name(agent.role())) + "\n";
  out += "  gathering: " + std::string(gathering_state_name(agent.gathering_state())) + "\n";
  out += "  connection: " + std::string(connection_state_name(agent.connection_state())) + "\n";
  out += "  local ufrag: " + agent.local_credentials().ufrag + " (generation " + std::to_string(agent.generation()) + ")\n";
  out += "  remote ufrag: " + (agent.remote_credentials().empty() ? std::string("(unknown)") : agent.remote_credentials().ufrag) + "\n";
  const auto locals = agent.local_candidates();
  for (size_t i = 0; i < locals.size(); ++i) {
    out += "  local[" + std::to_string(i) + "]: " + candidate_line(locals[i].candidate);
    if (locals[i].base != locals[i].candidate.address) out += " base " + locals[i].base.to_string();
    if (locals[i].relay) out += " via relay " + std::to_string(*locals[i].relay);
    out += '\n';
  }
  const auto remotes = agent.remote_candidates();
  for (size_t i = 0; i < remotes.size(); ++i) {
    out += "  remote[" + std::to_string(i) + "]: " + candidate_line(remotes[i]) + '\n';
  }
  const auto pairs = agent.check_list().pairs();
  for (size_t i = 0; i < pairs.size(); ++i) {
    const auto& p = pairs[i];
    out += "  pair[" + std::to_string(i) + "]: local " + std::to_string(p.local) + " remote " + std::to_string(p.remote) +
           " " + std::string(pair_state_name(p.state)) + " priority " + std::to_string(p.priority);
    if (p.valid) out += " valid";
    if (p.nominated) out += " nominated";
    if (p.rtt) out += " rtt " + std::to_string(p.rtt->as_micros()) + "us";
    out += '\n';
  }
  if (auto s = agent.selected_pair()) {
    out += "  selected: " + candidate_line(s->local) + " -> " + candidate_line(s->remote) + '\n';
  }
  const auto& c = agent.counters();
  auto counter = [&out](const char* name, uint64_t v) {
    if (v != 0) out += std::string("  ") + name + ": " + std::to_string(v) + '\n';
  };
  counter("stun_malformed", c.stun_malformed);
  counter("data_unknown_source", c.data_unknown_source);
  counter("unknown_local_address", c.unknown_local_address);
  counter("requests_received", c.requests_received);
  counter("bad_requests", c.bad_requests);
  counter("unauthorized_requests", c.unauthorized_requests);
  counter("unknown_attribute_requests", c.unknown_attribute_requests);
  counter("role_conflicts", c.role_conflicts);
  counter("stale_responses", c.stale_responses);
  counter("response_integrity_failures", c.response_integrity_failures);
  counter("ignored_stun", c.ignored_stun);
  counter("checks_sent", c.checks_sent);
  counter("consent_probes_sent", c.consent_probes_sent);
  counter("remote_candidates_stale", c.remote_candidates_stale);
  counter("remote_candidates_duplicate", c.remote_candidates_duplicate);
  counter("remote_candidates_unsupported", c.remote_candidates_unsupported);
  counter("remote_candidates_over_limit", c.remote_candidates_over_limit);
  counter("remote_hostnames_pending", c.remote_hostnames_pending);
  counter("remote_hostnames_unresolved", c.remote_hostnames_unresolved);
  counter("pairs_over_limit", c.pairs_over_limit);
  return out;
}

}  // namespace tern::ice

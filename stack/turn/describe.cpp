#include "turn/describe.hpp"

#include <cstdio>

#include "stun/password_algorithm.hpp"

namespace tern::turn {

namespace {

std::string relative(Timestamp at, Timestamp now) {
  const int64_t ms = (at - now).as_millis();
  char text[48];
  std::snprintf(text, sizeof(text), "%s%lld.%03llds", ms < 0 ? "-" : "+", static_cast<long long>((ms < 0 ? -ms : ms) / 1000),
                static_cast<long long>((ms < 0 ? -ms : ms) % 1000));
  return text;
}

void counter(std::string& out, const char* name, uint64_t value) {
  if (value == 0) return;
  out += "    ";
  out += name;
  out += ": ";
  out += std::to_string(value);
  out += '\n';
}

}  // namespace

std::string describe(const Client& client, Timestamp now) {
  const ClientConfig& config = client.config();
  std::string out = std::string("TURN client ") + server_transport_name(config.transport) + " -> " +
                    config.server.to_string() + " state " + client_state_name(client.state()) + "\n";
  out += "  username: \"" + config.username + "\"\n";
  const LongTermCredentials& creds = client.credentials();
  if (creds.ready()) {
    out += "  realm: \"" + creds.realm() + "\"\n";
    out += "  nonce: \"" + creds.nonce() + "\"\n";
    out += "  password algorithm: " + std::string(stun::password_algorithm_name(creds.algorithm())) +
           (creds.uses_sha256_integrity() ? " (MESSAGE-INTEGRITY-SHA256 too)" : "") + "\n";
  }
  if (auto r = client.relayed_address()) out += "  relayed: " + r->to_string() + "\n";
  if (auto m = client.mapped_address()) out += "  mapped: " + m->to_string() + "\n";
  if (auto e = client.expires_at()) out += "  expires: " + relative(*e, now) + "\n";
  for (const Permission& p : client.permissions().entries()) {
    out += "  permission " + p.peer.to_string() +
           (p.state == Permission::State::kInstalled ? " installed, refresh " + relative(p.refresh_at, now) +
                                                           ", expires " + relative(p.expires_at, now)
                                                     : std::string(" pending")) +
           (p.in_flight ? " (request in flight)" : "") + "\n";
  }
  for (const ChannelBinding& c : client.channels().entries()) {
    char number[8];
    std::snprintf(number, sizeof(number), "0x%04X", c.number);
    out += std::string("  channel ") + number + " -> " + c.peer.to_string() +
           (c.state == ChannelBinding::State::kBound ? " bound, refresh " + relative(c.refresh_at, now) +
                                                           ", expires " + relative(c.expires_at, now)
                                                     : std::string(" pending")) +
           (c.in_flight ? " (request in flight)" : "") + "\n";
  }
  const ClientCounters& k = client.counters();
  out += "  counters:\n";
  counter(out, "requests sent", k.requests_sent);
  counter(out, "Send indications sent", k.sent_send_indications);
  counter(out, "ChannelData sent", k.sent_channel_data);
  counter(out, "Data indications received", k.received_data_indications);
  counter(out, "ChannelData received", k.received_channel_data);
  counter(out, "malformed", k.malformed);
  counter(out, "bad fingerprint", k.bad_fingerprint);
  counter(out, "integrity failures", k.integrity_failures);
  counter(out, "unmatched responses", k.unmatched_responses);
  counter(out, "unknown channel", k.unknown_channel);
  counter(out, "no permission", k.no_permission);
  counter(out, "ignored", k.ignored);
  return out;
}

}  // namespace tern::turn

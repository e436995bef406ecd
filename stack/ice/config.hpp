#pragma once
// Agent configuration. The defaults suit WebRTC over the public internet.
#include <cstddef>
#include <functional>
#include <optional>
#include <string_view>
#include <vector>

#include "common/socket_address.hpp"
#include "common/time.hpp"
#include "ice/consent.hpp"
#include "ice/credentials.hpp"
#include "ice/state.hpp"
#include "stun/client_transaction.hpp"

namespace tern::ice {

// Resolves an mDNS (or other) host name from a remote candidate; nullopt when it cannot (yet).
// Called synchronously; an asynchronous owner returns nullopt and calls Agent::resolve_mdns later.
using HostnameResolver = std::function<std::optional<IpAddress>(std::string_view hostname)>;

struct AgentConfig {
  // RFC 8445 §6.1.1: the offerer is controlling (JSEP, RFC 8829 §5.2.1 via ICE's role rules).
  Role role = Role::kControlling;
  // Fixed local credentials (tests, or an owner that generates its own); random otherwise.
  std::optional<Credentials> credentials;
  // STUN servers for server-reflexive candidates (RFC 8445 §5.1.1.2).
  std::vector<SocketAddress> stun_servers;

  // RFC 8445 §14.2: Ta, the pacing of new STUN transactions (default 50 ms).
  Duration ta = Duration::millis(50);
  // RFC 8445 §6.1.2.5: the checklist size limit (100 suggested).
  size_t max_pairs = 100;
  // Bounds on what a peer can make us store.
  size_t max_remote_candidates = 100;
  size_t max_local_candidates = 50;

  // Connectivity checks (RFC 8445 §14.3: RTO at least 500 ms). The interval is capped and the
  // final wait shortened so a dead pair fails in about 10 s instead of 39.5 s.
  stun::TransactionConfig check_transaction{Duration::millis(500), Duration::millis(1600), 7, 4,
                                            Duration::millis(39500)};
  // Binding requests to STUN servers while gathering: a missing server costs 5.5 s.
  stun::TransactionConfig gather_transaction{Duration::millis(500), Duration::zero(), 4, 4, Duration::millis(39500)};
  // Consent probes: each gives up before the next is due; a fresh one is sent every interval.
  stun::TransactionConfig consent_transaction{Duration::millis(500), Duration::zero(), 3, 2, Duration::millis(39500)};
  ConsentConfig consent;

  // Controlling agent (RFC 8445 §8.1.1): once a pair is valid, wait at most this long for
  // higher-priority pairs still being checked before nominating the best valid pair.
  Duration nomination_delay = Duration::seconds(1);
  // Without end-of-candidates from the peer, how long "every pair failed" must last before the
  // agent declares failure (more candidates may still trickle in).
  Duration failed_wait = Duration::seconds(5);

  // For remote candidates whose address is a name (mDNS ".local").
  HostnameResolver hostname_resolver;
};

}  // namespace tern::ice

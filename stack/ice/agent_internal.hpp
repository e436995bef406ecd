#pragma once
// Agent's private record types, shared by agent.cpp, agent_gathering.cpp and agent_checks.cpp.
#include <memory>
#include <optional>

#include "crypto/hmac.hpp"
#include "ice/agent.hpp"
#include "stun/client_transaction.hpp"

namespace tern::ice {

// A connectivity check or a consent probe in flight.
struct Agent::CheckTransaction {
  stun::ClientTransaction tx;
  bool consent = false;    // a consent probe on the selected pair (RFC 7675)
  uint32_t pair = 0;       // checks: the pair checked
  size_t local = 0;        // checks: the local candidate it leaves from
  uint64_t session = 0;    // the pair set it belongs to (restarts start a new one)
  bool use_candidate = false;
  Role role = Role::kControlling;  // the role it was sent with (RFC 8445 §7.2.5.1)
  uint32_t priority = 0;           // the PRIORITY it carried (RFC 8445 §7.2.5.3.1)
};

// A Binding request to a STUN server (RFC 8445 §5.1.1.2).
struct Agent::GatherTransaction {
  stun::ClientTransaction tx;
  size_t local = 0;  // the host candidate it was sent from
  SocketAddress server;
};

struct Agent::RelaySlot {
  std::unique_ptr<RelayAllocator> allocator;
  bool started = false;
  bool done = false;                 // allocated or failed
  std::optional<size_t> local;       // the relayed candidate, once allocated
};

// The pair carrying data, by value: it survives ICE restarts (which clear the checklist) until a
// new pair is selected, with the credentials of its own session for consent probes.
struct Agent::Selected {
  LocalCandidate local;
  Candidate remote;
  std::optional<uint32_t> pair;  // index in the checklist while its session is current
  uint64_t session = 0;
  Credentials local_credentials;
  Credentials remote_credentials;
  std::unique_ptr<crypto::Hmac> local_key;   // keyed with local_credentials.pwd
  std::unique_ptr<crypto::Hmac> remote_key;  // keyed with remote_credentials.pwd
};

}  // namespace tern::ice

#pragma once
// A candidate pair (RFC 8445 §6.1.2) and its check state (§6.1.2.6):
//
//            +-----------+
//            |  Frozen   |-------------------+   (same foundation succeeded, or nothing else
//            +-----------+                   |    of its foundation is waiting/in progress)
//                  | unfreeze                |
//                  v                         |
//            +-----------+  check sent  +-----------+  response  +-----------+
//            |  Waiting  |------------->|In-Progress|----------->| Succeeded |
//            +-----------+              +-----------+            +-----------+
//                  ^ triggered check          | timeout, error,
//                  |                          v symmetric-address mismatch
//                  |                    +-----------+
//                  +--------------------|  Failed   |
//                                       +-----------+
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "common/time.hpp"

namespace tern::ice {

enum class PairState : uint8_t { kFrozen, kWaiting, kInProgress, kSucceeded, kFailed };

// "frozen", "waiting", "in-progress", "succeeded", "failed" (the W3C RTCStatsIceCandidatePairState
// names).
std::string_view pair_state_name(PairState state);

struct CandidatePair {
  uint32_t local = 0;   // index of the local candidate in the agent's list (host or relayed: §6.1.2.4)
  uint32_t remote = 0;  // index of the remote candidate
  uint64_t priority = 0;
  std::string foundation;  // pair_foundation(local, remote)
  PairState state = PairState::kFrozen;

  // RFC 8445 §7.2.5.3.2: a check on it succeeded, so it is (or produced) a valid pair.
  bool valid = false;
  // The local candidate whose address the check's XOR-MAPPED-ADDRESS named (§7.2.5.3.2): the
  // pair's own local candidate, a server-reflexive one, or a peer-reflexive one learned then.
  std::optional<uint32_t> mapped_local;
  // RFC 8445 §8.1.1 / §7.3.1.5: nominated, by our USE-CANDIDATE check (controlling) or the peer's
  // (controlled).
  bool nominated = false;
  // Controlled: a request with USE-CANDIDATE arrived before this pair's own check succeeded
  // (§7.3.1.5: nominate once it does).
  bool nominate_on_success = false;
  // Controlling: the next check on this pair carries USE-CANDIDATE.
  bool nominating = false;

  // Statistics (W3C RTCIceCandidatePairStats).
  uint32_t requests_sent = 0;
  uint32_t responses_received = 0;
  uint32_t requests_received = 0;
  std::optional<Duration> rtt;
};

}  // namespace tern::ice

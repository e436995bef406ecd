#pragma once
// Human-readable dump of a TURN client for the inspector (tern-inspect) and logs: one line per
// field, permission and channel, indented. Allocates; not for packet paths.
#include <string>

#include "common/time.hpp"
#include "turn/client.hpp"

namespace tern::turn {

// "TURN client udp -> 192.0.2.1:3478 state allocated", then credentials (realm, nonce, algorithm),
// relayed/mapped addresses, expiry relative to `now`, each permission and channel with its timers,
// and the non-zero counters.
std::string describe(const Client& client, Timestamp now);

}  // namespace tern::turn

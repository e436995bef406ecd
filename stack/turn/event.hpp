#pragma once
// What a TURN client tells its owner (Client::poll_event()).
#include <cstdint>
#include <string>
#include <variant>
#include <vector>

#include "common/socket_address.hpp"
#include "common/time.hpp"

namespace tern::turn {

// Why an allocation failed or was lost. Once Failed is reported the client is finished.
enum class FailureReason : uint8_t {
  kTimeout,                    // a request got no response (RFC 8489 §6.2.1 / §6.2.2 timers)
  kUnauthenticated,            // 401 again after retrying with credentials (wrong password, usually)
  kStaleNonceLoop,             // 438 (Stale Nonce) more often than ClientConfig allows
  kWrongCredentials,           // 441 (RFC 8656 §7.4: credentials differ from the allocation's)
  kAllocationMismatch,         // 437 (RFC 8656 §7.4: the 5-tuple is taken; §8: allocation gone)
  kQuotaReached,               // 486 (Allocation Quota Reached)
  kInsufficientCapacity,       // 508 (Insufficient Capacity)
  kAddressFamilyNotSupported,  // 440 (the relayed address family is not offered)
  kUnsupportedTransport,       // 442 (REQUESTED-TRANSPORT refused)
  kForbidden,                  // 403
  kServerError,                // any other error response (see Failed::error_code)
  kBadResponse,                // a success response without what RFC 8656 requires in it
  kNoPasswordAlgorithm,        // PASSWORD-ALGORITHMS lists nothing we support (RFC 8489 §9.2.4)
  kAllocationExpired,          // the lifetime ran out without a successful Refresh
  kConnectionClosed,           // the TCP/TLS connection to the server ended
  kStreamDesync,               // the TCP/TLS stream held bytes that are not STUN or ChannelData
};

// "timeout", "unauthenticated", ...
const char* failure_reason_name(FailureReason reason);

// The allocation exists (RFC 8656 §7.3).
struct Allocated {
  SocketAddress relayed;  // XOR-RELAYED-ADDRESS: where peers send to reach us
  SocketAddress mapped;   // XOR-MAPPED-ADDRESS: our address as the server sees it (a srflx candidate)
  Duration lifetime;      // LIFETIME granted
};

// The allocation failed, or was lost; the client is finished.
struct Failed {
  FailureReason reason = FailureReason::kTimeout;
  uint16_t error_code = 0;  // the ERROR-CODE that caused it, 0 when none
};

// A Refresh succeeded (RFC 8656 §8); the allocation now lasts `lifetime` more.
struct Refreshed {
  Duration lifetime;
};

// deallocate() finished: the server confirmed (or could not be reached; the allocation will then
// expire on its own). The client is finished.
struct Deallocated {};

// A CreatePermission (or a ChannelBind, which installs one) succeeded for `peer`.
struct PermissionCreated {
  IpAddress peer;
};

// A permission could not be created or refreshed, or lapsed; data from `peer` will be dropped.
struct PermissionFailed {
  IpAddress peer;
  uint16_t error_code = 0;  // 0 for a timeout or expiry
};

// A ChannelBind succeeded: send_to(peer) now uses ChannelData.
struct ChannelBound {
  SocketAddress peer;
  uint16_t channel = 0;
};

// A ChannelBind failed or lapsed: send_to(peer) falls back to Send indications.
struct ChannelBindFailed {
  SocketAddress peer;
  uint16_t channel = 0;
  uint16_t error_code = 0;  // 0 for a timeout or expiry
};

// Data relayed from a peer (a Data indication, RFC 8656 §11.4, or ChannelData, §12.6).
struct Data {
  SocketAddress peer;
  std::vector<uint8_t> bytes;
  bool via_channel = false;
};

using Event = std::variant<Allocated, Failed, Refreshed, Deallocated, PermissionCreated, PermissionFailed,
                           ChannelBound, ChannelBindFailed, Data>;

// One line: "Allocated relayed=1.2.3.4:5 mapped=... lifetime=600s", "Failed timeout", ...
std::string describe(const Event& event);

}  // namespace tern::turn

#pragma once
// The agent's externally visible states, one to one with the W3C enums (RTCIceRole,
// RTCIceGatheringState, RTCIceConnectionState).
#include <cstdint>
#include <string_view>

namespace tern::ice {

// RFC 8445 §6.1.1 / RTCIceRole.
enum class Role : uint8_t { kControlling, kControlled };

// RTCIceGatheringState: kComplete doubles as end-of-candidates (RFC 8838 §8.2).
enum class GatheringState : uint8_t { kNew, kGathering, kComplete };

// RTCIceConnectionState:
//   new           nothing to check yet
//   checking      checks running, nothing selected
//   connected     a pair is selected and consent is fresh; checks may still run
//   completed     connected, gathering complete on both sides and no checks left
//   disconnected  selected pair silent for ConsentConfig::disconnected_after
//   failed        every pair failed, or consent expired (RFC 7675 §5.1); until an ICE restart
//   closed        close() was called
enum class ConnectionState : uint8_t { kNew, kChecking, kConnected, kCompleted, kFailed, kDisconnected, kClosed };

// "controlling" / "controlled".
std::string_view role_name(Role role);
// "new", "gathering", "complete".
std::string_view gathering_state_name(GatheringState state);
// "new", "checking", "connected", "completed", "failed", "disconnected", "closed".
std::string_view connection_state_name(ConnectionState state);

}  // namespace tern::ice

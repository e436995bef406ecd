#pragma once
// What the agent tells its owner (Agent::poll_event()).
#include <variant>

#include "ice/candidate.hpp"
#include "ice/state.hpp"

namespace tern::ice {

// A local candidate to signal to the peer (RTCPeerConnection.onicecandidate).
struct LocalCandidateEvent {
  Candidate candidate;
};

// The gathering state changed (RTCPeerConnection.onicegatheringstatechange).
struct GatheringStateEvent {
  GatheringState state = GatheringState::kNew;
};

// Gathering finished: signal end-of-candidates (RFC 8838 §8.2; onicecandidate with null). Follows
// the GatheringStateEvent{kComplete}.
struct GatheringCompleteEvent {};

// The connection state changed (oniceconnectionstatechange).
struct ConnectionStateEvent {
  ConnectionState state = ConnectionState::kNew;
};

// A new pair carries the data (RTCIceTransport.onselectedcandidatepairchange). `local` is the
// candidate the data leaves from (host or relayed); `remote` the peer's.
struct SelectedPairEvent {
  Candidate local;
  Candidate remote;
};

// The role changed after a role conflict (RFC 8445 §7.3.1.1, §7.2.5.1).
struct RoleEvent {
  Role role = Role::kControlling;
};

using Event = std::variant<LocalCandidateEvent, GatheringStateEvent, GatheringCompleteEvent, ConnectionStateEvent,
                           SelectedPairEvent, RoleEvent>;

}  // namespace tern::ice

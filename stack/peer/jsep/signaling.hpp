#pragma once
// The W3C signaling state machine (webrtc-pc §4.3.1 RTCSignalingState, "set the session
// description" §4.4.1.5; RFC 8829 §3.2 and §4.1.9), with the pending and current descriptions it
// keeps and rollback.
//
//                     setLocal(offer)                 setRemote(pranswer)
//        +--------+ -----------------> +------------+ ------------------> +---------------+
//        |        |    setRemote(answer)|have-local- |   setRemote(answer) | have-remote-  |
//        | stable | <------------------ |   offer    |                     |   pranswer    |
//        |        | <---------------------------------------------------- +---------------+
//        |        |     setRemote(offer)               setLocal(pranswer)
//        |        | -----------------> +------------+ ------------------> +---------------+
//        |        |    setLocal(answer) |have-remote-|   setLocal(answer)  | have-local-   |
//        |        | <------------------ |   offer    |                     |   pranswer    |
//        +--------+ <---------------------------------------------------- +---------------+
//   rollback (local or remote) from have-local-offer or have-remote-offer -> stable;
//   a re-offer keeps have-local-offer / have-remote-offer; a new pranswer keeps have-*-pranswer;
//   setRemote(offer) in have-local-offer rolls the local offer back first (W3C implicit rollback);
//   close() -> closed, from which nothing leaves.
//
// Misuse (a type the state does not allow) returns kInvalidState (or kClosed) and changes nothing.
#include <optional>

#include "common/error.hpp"
#include "peer/jsep/errc.hpp"
#include "sdp/session_description.hpp"
#include "tern/session_description.hpp"
#include "tern/states.hpp"

namespace tern::peer {

// A description the machine holds: its type and parsed SDP.
struct Description {
  SdpType type = SdpType::kOffer;
  sdp::SessionDescription sdp;
};

// What a successful set_* did.
struct SignalingTransition {
  SignalingState from = SignalingState::kStable;
  SignalingState to = SignalingState::kStable;
  bool implicit_rollback = false;  // the local offer was rolled back first (setRemote(offer))
  bool changed() const { return from != to; }
};

class SignalingStateMachine {
 public:
  SignalingState state() const { return state_; }

  // Whether setLocalDescription / setRemoteDescription of `type` is allowed now (without doing it).
  // Errors: kClosed in closed; kInvalidState naming the type and state otherwise.
  Status check_local(SdpType type) const;
  Status check_remote(SdpType type) const;

  // Applies a local / remote description of `description.type` (for kRollback, the SDP is
  // ignored). The caller has checked the SDP itself (apply_remote_description, ...) before; on
  // error nothing changes.
  Result<SignalingTransition> set_local_description(Description description);
  Result<SignalingTransition> set_remote_description(Description description);

  // close(): to closed, dropping nothing (W3C keeps the descriptions readable). Idempotent.
  void close() { state_ = SignalingState::kClosed; }

  // W3C currentLocalDescription, pendingLocalDescription, ... (nullptr when none), and
  // localDescription / remoteDescription (the pending one if any, else the current one).
  const Description* current_local() const { return current_local_ ? &*current_local_ : nullptr; }
  const Description* pending_local() const { return pending_local_ ? &*pending_local_ : nullptr; }
  const Description* current_remote() const { return current_remote_ ? &*current_remote_ : nullptr; }
  const Description* pending_remote() const { return pending_remote_ ? &*pending_remote_ : nullptr; }
  const Description* local() const { return pending_local_ ? pending_local() : current_local(); }
  const Description* remote() const { return pending_remote_ ? pending_remote() : current_remote(); }

 private:
  void rollback();

  SignalingState state_ = SignalingState::kStable;
  std::optional<Description> current_local_;
  std::optional<Description> pending_local_;
  std::optional<Description> current_remote_;
  std::optional<Description> pending_remote_;
};

}  // namespace tern::peer

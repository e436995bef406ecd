#include "peer/jsep/signaling.hpp"

namespace tern::peer {
namespace {

using S = SignalingState;

// The state a local / remote description of `type` leads to from `from`, or nullopt when the
// W3C "set the session description" checks (webrtc-pc §4.4.1.5) reject it. RFC 8829 §3.2 has the
// same transitions; W3C adds rollback from either offer state.
std::optional<S> next_local(S from, SdpType type) {
  switch (type) {
    case SdpType::kOffer:
      if (from == S::kStable || from == S::kHaveLocalOffer) return S::kHaveLocalOffer;
      break;
    case SdpType::kPranswer:
      if (from == S::kHaveRemoteOffer || from == S::kHaveLocalPranswer) return S::kHaveLocalPranswer;
      break;
    case SdpType::kAnswer:
      if (from == S::kHaveRemoteOffer || from == S::kHaveLocalPranswer) return S::kStable;
      break;
    case SdpType::kRollback:
      if (from == S::kHaveLocalOffer || from == S::kHaveRemoteOffer) return S::kStable;
      break;
  }
  return std::nullopt;
}

std::optional<S> next_remote(S from, SdpType type) {
  switch (type) {
    case SdpType::kOffer:
      // W3C setRemoteDescription step: an offer in have-local-offer first rolls back the local
      // offer (implicit rollback, used by "perfect negotiation").
      if (from == S::kStable || from == S::kHaveRemoteOffer || from == S::kHaveLocalOffer) return S::kHaveRemoteOffer;
      break;
    case SdpType::kPranswer:
      if (from == S::kHaveLocalOffer || from == S::kHaveRemotePranswer) return S::kHaveRemotePranswer;
      break;
    case SdpType::kAnswer:
      if (from == S::kHaveLocalOffer || from == S::kHaveRemotePranswer) return S::kStable;
      break;
    case SdpType::kRollback:
      if (from == S::kHaveLocalOffer || from == S::kHaveRemoteOffer) return S::kStable;
      break;
  }
  return std::nullopt;
}

// A static detail string for each refused (side, type): errors never allocate.
const char* refusal(bool local, SdpType type) {
  switch (type) {
    case SdpType::kOffer:
      return local ? "set_local_description(offer) needs stable or have-local-offer"
                   : "set_remote_description(offer) needs stable, have-local-offer or have-remote-offer";
    case SdpType::kPranswer:
      return local ? "set_local_description(pranswer) needs have-remote-offer or have-local-pranswer"
                   : "set_remote_description(pranswer) needs have-local-offer or have-remote-pranswer";
    case SdpType::kAnswer:
      return local ? "set_local_description(answer) needs have-remote-offer or have-local-pranswer"
                   : "set_remote_description(answer) needs have-local-offer or have-remote-pranswer";
    case SdpType::kRollback:
      return local ? "set_local_description(rollback) needs have-local-offer or have-remote-offer"
                   : "set_remote_description(rollback) needs have-local-offer or have-remote-offer";
  }
  return "invalid description type";
}

}  // namespace

Status SignalingStateMachine::check_local(SdpType type) const {
  if (state_ == S::kClosed) return Error(JsepErrc::kClosed, "the connection is closed");
  if (!next_local(state_, type)) return Error(JsepErrc::kInvalidState, refusal(true, type));
  return {};
}

Status SignalingStateMachine::check_remote(SdpType type) const {
  if (state_ == S::kClosed) return Error(JsepErrc::kClosed, "the connection is closed");
  if (!next_remote(state_, type)) return Error(JsepErrc::kInvalidState, refusal(false, type));
  return {};
}

void SignalingStateMachine::rollback() {
  // W3C rollback: the pending descriptions are discarded, the current ones stay.
  pending_local_.reset();
  pending_remote_.reset();
  state_ = S::kStable;
}

Result<SignalingTransition> SignalingStateMachine::set_local_description(Description description) {
  if (auto ok = check_local(description.type); !ok) return ok.error();
  SignalingTransition t;
  t.from = state_;
  t.to = *next_local(state_, description.type);
  switch (description.type) {
    case SdpType::kOffer:
    case SdpType::kPranswer:
      pending_local_ = std::move(description);
      break;
    case SdpType::kAnswer:
      // W3C: the answer and the remote offer become current; nothing is pending any more.
      current_local_ = std::move(description);
      current_remote_ = std::move(pending_remote_);
      pending_local_.reset();
      pending_remote_.reset();
      break;
    case SdpType::kRollback:
      rollback();
      break;
  }
  state_ = t.to;
  return t;
}

Result<SignalingTransition> SignalingStateMachine::set_remote_description(Description description) {
  if (auto ok = check_remote(description.type); !ok) return ok.error();
  SignalingTransition t;
  t.from = state_;
  t.to = *next_remote(state_, description.type);
  switch (description.type) {
    case SdpType::kOffer:
      if (state_ == S::kHaveLocalOffer) {
        rollback();
        t.implicit_rollback = true;
      }
      pending_remote_ = std::move(description);
      break;
    case SdpType::kPranswer:
      pending_remote_ = std::move(description);
      break;
    case SdpType::kAnswer:
      current_remote_ = std::move(description);
      current_local_ = std::move(pending_local_);
      pending_local_.reset();
      pending_remote_.reset();
      break;
    case SdpType::kRollback:
      rollback();
      break;
  }
  state_ = t.to;
  return t;
}

}  // namespace tern::peer

#pragma once
// tern/states.hpp: the W3C state enums of a PeerConnection (webrtc-pc §4.3), with their exact
// JavaScript spellings, so that logs and signaling messages read like a browser's.
#include <cstdint>
#include <optional>
#include <string_view>

namespace tern {

// RTCSignalingState (webrtc-pc §4.3.1): where the offer/answer exchange is (RFC 8829 §3.2).
//
//   stable --setLocal(offer)--> have-local-offer --setRemote(answer)--> stable
//   stable --setRemote(offer)--> have-remote-offer --setLocal(answer)--> stable
//   (pranswer moves to have-*-pranswer; rollback returns to stable; close() to closed)
enum class SignalingState : uint8_t {
  kStable,
  kHaveLocalOffer,
  kHaveRemoteOffer,
  kHaveLocalPranswer,
  kHaveRemotePranswer,
  kClosed,
};

// RTCIceGatheringState (webrtc-pc §4.3.2).
enum class IceGatheringState : uint8_t { kNew, kGathering, kComplete };

// RTCIceConnectionState (webrtc-pc §4.3.3): the ICE transport's state.
enum class IceConnectionState : uint8_t {
  kNew, kChecking, kConnected, kCompleted, kDisconnected, kFailed, kClosed,
};

// RTCPeerConnectionState (webrtc-pc §4.3.4): the aggregate of the ICE and DTLS transports.
enum class PeerConnectionState : uint8_t {
  kNew, kConnecting, kConnected, kDisconnected, kFailed, kClosed,
};

// "stable", "have-local-offer", "have-remote-offer", "have-local-pranswer",
// "have-remote-pranswer", "closed".
constexpr std::string_view to_string(SignalingState state) {
  switch (state) {
    case SignalingState::kStable: return "stable";
    case SignalingState::kHaveLocalOffer: return "have-local-offer";
    case SignalingState::kHaveRemoteOffer: return "have-remote-offer";
    case SignalingState::kHaveLocalPranswer: return "have-local-pranswer";
    case SignalingState::kHaveRemotePranswer: return "have-remote-pranswer";
    case SignalingState::kClosed: return "closed";
  }
  return "unknown";
}

// "new", "gathering", "complete".
constexpr std::string_view to_string(IceGatheringState state) {
  switch (state) {
    case IceGatheringState::kNew: return "new";
    case IceGatheringState::kGathering: return "gathering";
    case IceGatheringState::kComplete: return "complete";
  }
  return "unknown";
}

// "new", "checking", "connected", "completed", "disconnected", "failed", "closed".
constexpr std::string_view to_string(IceConnectionState state) {
  switch (state) {
    case IceConnectionState::kNew: return "new";
    case IceConnectionState::kChecking: return "checking";
    case IceConnectionState::kConnected: return "connected";
    case IceConnectionState::kCompleted: return "completed";
    case IceConnectionState::kDisconnected: return "disconnected";
    case IceConnectionState::kFailed: return "failed";
    case IceConnectionState::kClosed: return "closed";
  }
  return "unknown";
}

// "new", "connecting", "connected", "disconnected", "failed", "closed".
constexpr std::string_view to_string(PeerConnectionState state) {
  switch (state) {
    case PeerConnectionState::kNew: return "new";
    case PeerConnectionState::kConnecting: return "connecting";
    case PeerConnectionState::kConnected: return "connected";
    case PeerConnectionState::kDisconnected: return "disconnected";
    case PeerConnectionState::kFailed: return "failed";
    case PeerConnectionState::kClosed: return "closed";
  }
  return "unknown";
}

// RTCIceRole, RTCDtlsRole, RTCDtlsTransportState.
enum class IceRole : uint8_t { kUnknown, kControlling, kControlled };
enum class DtlsRole : uint8_t { kUnknown, kClient, kServer };
enum class DtlsTransportState : uint8_t { kNew, kConnecting, kConnected, kClosed, kFailed };

constexpr std::string_view to_string(IceRole role) {
  switch (role) {
    case IceRole::kUnknown: return "unknown";
    case IceRole::kControlling: return "controlling";
    case IceRole::kControlled: return "controlled";
  }
  return "unknown";
}
constexpr std::string_view to_string(DtlsRole role) {
  switch (role) {
    case DtlsRole::kUnknown: return "unknown";
    case DtlsRole::kClient: return "client";
    case DtlsRole::kServer: return "server";
  }
  return "unknown";
}
constexpr std::string_view to_string(DtlsTransportState state) {
  switch (state) {
    case DtlsTransportState::kNew: return "new";
    case DtlsTransportState::kConnecting: return "connecting";
    case DtlsTransportState::kConnected: return "connected";
    case DtlsTransportState::kClosed: return "closed";
    case DtlsTransportState::kFailed: return "failed";
  }
  return "unknown";
}

// The inverse of to_string(SignalingState); nullopt for any other text.
constexpr std::optional<SignalingState> signaling_state_from_string(std::string_view name) {
  for (auto s : {SignalingState::kStable, SignalingState::kHaveLocalOffer, SignalingState::kHaveRemoteOffer,
                 SignalingState::kHaveLocalPranswer, SignalingState::kHaveRemotePranswer, SignalingState::kClosed}) {
    if (to_string(s) == name) return s;
  }
  return std::nullopt;
}

}  // namespace tern

#pragma once
// tern/session_description.hpp: an SDP offer or answer as the application carries it over its own
// signaling channel (W3C RTCSessionDescriptionInit: type + sdp text).
//
//   {"type": "offer", "sdp": "v=0\r\no=- 4611731400430051336 2 IN IP4 127.0.0.1\r\n..."}
//
// tern parses and checks the text inside PeerConnection::set_*_description; this type is a plain
// value with no validation of its own.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace tern {

// W3C RTCSdpType (webrtc-pc §4.8.1), RFC 8829 §4.1.9.
enum class SdpType : uint8_t {
  kOffer,     // "offer"
  kPranswer,  // "pranswer": a provisional answer; the offer/answer exchange continues
  kAnswer,    // "answer": completes the exchange
  kRollback,  // "rollback": cancels the pending offer (no sdp), RFC 8829 §4.1.9.2
};

// "offer", "pranswer", "answer", "rollback".
constexpr std::string_view to_string(SdpType type) {
  switch (type) {
    case SdpType::kOffer: return "offer";
    case SdpType::kPranswer: return "pranswer";
    case SdpType::kAnswer: return "answer";
    case SdpType::kRollback: return "rollback";
  }
  return "unknown";
}

// Parses the W3C spelling (case-sensitive, as JavaScript enums are); nullopt for anything else.
constexpr std::optional<SdpType> sdp_type_from_string(std::string_view name) {
  if (name == "offer") return SdpType::kOffer;
  if (name == "pranswer") return SdpType::kPranswer;
  if (name == "answer") return SdpType::kAnswer;
  if (name == "rollback") return SdpType::kRollback;
  return std::nullopt;
}

// An offer, pranswer, answer (with its SDP text) or a rollback (sdp empty).
struct SessionDescription {
  SdpType type = SdpType::kOffer;
  std::string sdp;  // CRLF-separated SDP (RFC 8866); bare LF is accepted on input
  bool operator==(const SessionDescription&) const = default;
};

}  // namespace tern

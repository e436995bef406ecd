#pragma once
// tern/ice_candidate.hpp: one trickled ICE candidate (W3C RTCIceCandidateInit, RFC 8840), as
// on_ice_candidate hands it out and add_ice_candidate takes it in.
//
//   candidate       "candidate:3328651449 1 udp 2122260223 127.0.0.1 47090 typ host generation 0"
//   sdp_mid         "0"     the a=mid of the m= section the candidate belongs to
//   sdp_mline_index 0       the index of that m= section (used when sdp_mid is absent)
//
// An empty `candidate` is the end-of-candidates marker (W3C: the null / empty candidate; RFC 8840
// §4.4 a=end-of-candidates): on_ice_candidate delivers one when gathering completes, and passing
// one to add_ice_candidate tells tern the remote side has finished gathering.
#include <cstdint>
#include <optional>
#include <string>

namespace tern {

struct IceCandidate {
  std::string candidate;                   // the a=candidate value with its "candidate:" prefix
  std::optional<std::string> sdp_mid;      // W3C sdpMid
  std::optional<uint16_t> sdp_mline_index;  // W3C sdpMLineIndex
  std::optional<std::string> username_fragment;  // W3C usernameFragment: the ICE generation
                                                  // (ufrag) this candidate belongs to, if known

  // True for the end-of-candidates marker.
  bool is_end_of_candidates() const { return candidate.empty(); }
  bool operator==(const IceCandidate&) const = default;
};

}  // namespace tern

#pragma once
// The ICE module's error codes. Positions are byte offsets into the candidate string being parsed;
// 0 means "no position".
#include <cstdint>

#include "common/error.hpp"

namespace tern::ice {

enum class IceErrc : uint16_t {
  // Candidate strings (RFC 8839 §5.1).
  kBadCandidate = 1,        // a field is malformed (the detail names it)
  kUnsupportedTransport,    // a transport other than UDP or TCP
  // Credentials (RFC 8839 §5.4).
  kBadCredentials,          // ufrag/pwd not ice-chars or of the wrong length
  // Remote candidates.
  kTooManyCandidates,       // the remote candidate limit is reached
  kUnsupportedComponent,    // component other than 1 (WebRTC multiplexes RTP and RTCP)
  kStaleCandidate,          // its ufrag names another (older) generation
  kDuplicateCandidate,      // same transport address as a known remote candidate
  // Agent API.
  kNoSelectedPair,          // send() before a pair is selected
  kConsentExpired,          // RFC 7675 §5.1: no sending after consent is lost
  kClosed,                  // the agent is closed
  kUnknownHostname,         // resolve_mdns() for a name no candidate carries
};

// "kBadCandidate", ... (for display).
const char* ice_errc_name(uint16_t code);

}  // namespace tern::ice

TERN_DECLARE_ERRC(tern::ice::IceErrc);

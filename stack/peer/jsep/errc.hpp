#pragma once
// Error codes of JSEP (RFC 8829) offer/answer processing in the peer module. SDP that does not
// parse fails with the sdp module's own codes (sdp::SdpErrc, position = line); SDP that parses but
// contradicts itself, our offer, or the signaling state fails with these. Positions are 1-based
// line numbers of the SDP text: the m= line of the media section at fault, the a=group line for
// BUNDLE errors, 0 for session-wide or state errors.
#include <cstdint>

#include "common/error.hpp"

namespace tern::peer {

enum class JsepErrc : uint16_t {
  // A description that contradicts itself (RFC 8829 §5.7 / §5.8 checks).
  kMissingFingerprint = 1,  // RFC 8842 §5.1: no a=fingerprint for the transport
  kFingerprintMismatch,     // bundled m= sections carry different fingerprints
  kMissingIceCredentials,   // RFC 8839 §5.4: no a=ice-ufrag / a=ice-pwd for the transport
  kIceCredentialMismatch,   // RFC 8843 §7.1.3: bundled m= sections carry different credentials
  kBadSetup,                // RFC 8842 §5.3: actpass or holdconn in an answer; holdconn in an offer;
                            // a=setup differing between bundled m= sections
  kSetupConflict,           // RFC 4145 §4: both sides active, or both passive
  kMissingMid,              // RFC 8829 §5.2.1: every m= section carries a=mid
  kDuplicateMid,            // RFC 5888 §4: a mid names one m= section
  kUnknownBundleMid,        // RFC 8843 §7.2: a=group:BUNDLE names a mid no m= section has
  kBadBundle,               // RFC 8843 §6: a mid in two BUNDLE groups
  kBadDataChannelProto,     // RFC 8841 §4: an SCTP m=application whose proto is not
                            // UDP/DTLS/SCTP or TCP/DTLS/SCTP, or whose fmt is not webrtc-datachannel
  kAnswerMismatch,          // RFC 3264 §6: the answer's m= lines differ from the offer's
                            // (count, media type or mid)
  kBadDirection,            // RFC 3264 §6.1: an answer direction the offer does not allow
  // Misuse of the local side.
  kInvalidState,            // a description type not allowed in the current signaling state
  kClosed,                  // the signaling state is closed
  kBadDescriptionType,      // e.g. a rollback passed where an offer or answer is needed
  kBadLocalState,           // the local session state cannot produce a description (no
                            // fingerprint, duplicate payload types, ...)
};

}  // namespace tern::peer

TERN_DECLARE_ERRC(tern::peer::JsepErrc);

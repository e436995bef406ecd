#pragma once
// Error codes of the sdp module (RFC 8866 session descriptions and the JSEP attributes).
// Positions are 1-based line numbers when the error comes from parse() of a whole description, and
// 0 when a single attribute value or a trickle candidate string is parsed on its own.
#include <cstdint>

#include "common/error.hpp"

namespace tern::sdp {

enum class SdpErrc : uint16_t {
  // The description as a whole (RFC 8866 §5, §9).
  kTooLarge = 1,      // input size, line count or media-section count over the documented limits
  kMalformedLine,     // not "<type>=<value>": no '=', whitespace around '=', empty line or value,
                      // NUL or a lone CR inside a line
  kUnknownLineType,   // RFC 8866 §5: a type letter this parser does not understand
  kMissingLine,       // a required line (v= o= s= t=, or c= for a media section) is absent
  kLineOrder,         // a line out of the RFC 8866 §5 order, or repeated where one is allowed
  kBadVersion,        // v= is not 0
  kBadOrigin,         // o=
  kBadConnection,     // c=
  kBadBandwidth,      // b=
  kBadTiming,         // t= r= z=
  kBadMedia,          // m=
  kBadAttribute,      // a=: name not a token, empty value after ':', value on a flag attribute
  // Typed attributes (one code per attribute family; detail names the field).
  kBadGroup,          // group, mid, msid-semantic (RFC 5888, RFC 8830)
  kBadMsid,           // msid (RFC 8830)
  kBadIce,            // ice-ufrag, ice-pwd, ice-options (RFC 8839 §5.4, §5.6)
  kBadFingerprint,    // fingerprint (RFC 8122 §5)
  kBadSetup,          // setup (RFC 4145 §4)
  kBadRtcp,           // rtcp (RFC 3605)
  kBadRtpmap,         // rtpmap (RFC 8866 §6.6)
  kBadFmtp,           // fmtp (RFC 8866 §6.15)
  kBadRtcpFb,         // rtcp-fb (RFC 4585 §4.2)
  kBadExtmap,         // extmap (RFC 8285 §5)
  kBadSsrc,           // ssrc, ssrc-group (RFC 5576 §4)
  kBadRid,            // rid (RFC 8851 §10)
  kBadSimulcast,      // simulcast (RFC 8853 §5.1)
  kBadSctp,           // sctp-port, max-message-size (RFC 8841), sctpmap (legacy draft)
  kBadCandidate,      // candidate (RFC 8839 §5.1)
};

}  // namespace tern::sdp

TERN_DECLARE_ERRC(tern::sdp::SdpErrc);

#pragma once
// Human-readable dump of a session description for the inspector (tern-inspect): the typed view,
// one line per field or attribute, indented by level.
#include <string>

#include "sdp/session_description.hpp"

namespace tern::sdp {

// Prints the session (origin, timing, groups, ICE, fingerprint, ...) then each media section
// (kind, port, mid, direction, codecs with rtpmap/fmtp/rtcp-fb, extmaps, ssrcs, candidates
// decoded into fields, SCTP, ...). Attributes without a typed view are listed verbatim.
std::string describe(const SessionDescription& description);

}  // namespace tern::sdp

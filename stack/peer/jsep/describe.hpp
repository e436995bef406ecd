#pragma once
// Human-readable dump of what a remote description means to tern (for tern-inspect and logs):
// the transport (ICE, DTLS role, BUNDLE), SCTP, then each m= section with its negotiated codecs.
#include <string>

#include "peer/jsep/remote_description.hpp"

namespace tern::peer {

// One line per field, indented by level.
std::string describe(const RemoteTransportParameters& parameters);

}  // namespace tern::peer

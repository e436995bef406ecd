#pragma once
// create_offer (RFC 8829 §5.2): the SDP offer for the local session state.
//
//   v=0
//   o=- 4962303333179871722 1 IN IP4 127.0.0.1       random sess-id, version +1 per description
//   s=-
//   t=0 0
//   a=group:BUNDLE 0 1                               every non-stopped section, one transport
//   a=extmap-allow-mixed                             (when there is audio or video)
//   a=msid-semantic: WMS <streams>
//   m=application 9 UDP/DTLS/SCTP webrtc-datachannel
//   c=IN IP4 0.0.0.0
//   a=candidate:...                                  gathered so far (first section only)
//   a=end-of-candidates                              once gathering is complete
//   a=ice-ufrag:... a=ice-pwd:... a=ice-options:trickle a=fingerprint:sha-256 ... a=setup:actpass
//   a=mid:0
//   a=sctp-port:5000
//   a=max-message-size:262144
//   m=video 9 UDP/TLS/RTP/SAVPF 96 97 ...
//   ... transport lines, a=mid:1, a=extmap:..., a=sendrecv, a=msid:..., a=rtcp-mux, a=rtcp-rsize,
//   a=rtpmap/a=rtcp-fb/a=fmtp per codec, a=ssrc-group:FID and a=ssrc lines when sending
#include "common/error.hpp"
#include "common/rng.hpp"
#include "peer/jsep/errc.hpp"
#include "peer/jsep/local_state.hpp"
#include "sdp/session_description.hpp"

namespace tern::peer {

// Writes an offer for every section of `state` (stopped ones rejected with port 0, RFC 8829
// §5.2.2), after filling in what is unset (prepare_local_state, assign_mids) and incrementing the
// session version (RFC 8829 §5.2.2: each new description increments it). setup is actpass
// (RFC 8842 §5.2). Errors: kBadLocalState when there is no fingerprint, or when a section's codecs
// reuse a payload type or use one above 127.
Result<sdp::SessionDescription> create_offer(LocalSessionState& state, Rng& rng);

// Checks a codec list: payload types (and RTX payload types) distinct and within 0-127 (RFC 3550
// §5.1). Errors: kBadLocalState.
Status check_codecs(const std::vector<Codec>& codecs);

}  // namespace tern::peer

#pragma once
// create_answer (RFC 8829 §5.3): the SDP answer to a remote offer, for the local session state.
//
// For each offered m= section, in order (RFC 3264 §6: same count, same order):
//   data channel (UDP/DTLS/SCTP or TCP/DTLS/SCTP webrtc-datachannel), the first one: accepted
//       with our sctp-port and max-message-size (RFC 8841 §5.1, §6.1)
//   audio / video over *RTP/SAVPF with a=rtcp-mux: accepted when at least one offered codec is one
//       of ours (payload types from the offer), direction = ours intersected with the offer's
//       reverse (RFC 3264 §6.1), header extensions we support with the offer's ids (RFC 8285 §7)
//   anything else, or a section outside the offer's first BUNDLE group: rejected (port 0)
// a=setup is active unless the offer forces passive (RFC 8842 §5.3); the BUNDLE group lists the
// accepted mids (RFC 9143 §7.3), and if we must reject the offerer's BUNDLE tag we reject the
// whole group (RFC 9143 §7.3.3).
#include "common/error.hpp"
#include "common/rng.hpp"
#include "peer/jsep/errc.hpp"
#include "peer/jsep/local_state.hpp"
#include "peer/jsep/remote_description.hpp"
#include "sdp/session_description.hpp"

namespace tern::peer {

// W3C setRemoteDescription(offer) / RFC 8829 §5.10: pairs each offered m= section with a local
// section: the one with the same mid (negotiated before), else the first unnamed, unstopped local
// section of the same kind (added by add_track / create_data_channel), else a new one (recvonly
// for audio/video, as W3C creates for a remote track). Rejected offered sections are skipped.
void associate_remote_offer(const RemoteTransportParameters& offer, LocalSessionState& state);

// The answer to `offer`. Checks the offer as apply_remote_description() does (and fails with its
// errors), associates sections (associate_remote_offer), fills in what is unset
// (prepare_local_state) and increments the session version. Errors: those of
// apply_remote_description, and kBadLocalState when there is no local fingerprint.
Result<sdp::SessionDescription> create_answer(const sdp::SessionDescription& offer, LocalSessionState& state,
                                              Rng& rng);

// The codecs we answer with: each offered codec that matches one of `local` (codec_matches), in
// the offer's order, with the offer's payload type, name and format parameters; feedback is the
// intersection of both lists; RTX stays when both sides have it (the offer's RTX payload type).
std::vector<Codec> answer_codecs(const std::vector<Codec>& offered, const std::vector<Codec>& local);

}  // namespace tern::peer

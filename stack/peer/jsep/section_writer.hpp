#pragma once
// Building blocks shared by create_offer() and create_answer(): each writes one group of lines of
// a description in the order Chromium writes them (peers parse any order, people diff this one).
#include <string_view>
#include <vector>

#include "peer/jsep/codec.hpp"
#include "peer/jsep/local_state.hpp"
#include "sdp/session_description.hpp"

namespace tern::peer {

inline constexpr std::string_view kRtpProto = "UDP/TLS/RTP/SAVPF";      // RFC 5764 §8
inline constexpr std::string_view kSctpProto = "UDP/DTLS/SCTP";         // RFC 8841 §4.1
inline constexpr std::string_view kSctpTcpProto = "TCP/DTLS/SCTP";      // RFC 8841 §4.1
inline constexpr std::string_view kDataChannelFormat = "webrtc-datachannel";  // RFC 8841 §4.1
// RFC 8829 §5.2.1: with no candidate yet, the m= port is 9 (discard) and c= is IN IP4 0.0.0.0.
inline constexpr uint16_t kPlaceholderPort = 9;

// v=0, o=- <id> <version> IN IP4 127.0.0.1, s=-, t=0 0 (RFC 8829 §5.2.1).
sdp::SessionDescription new_description(const LocalSessionState& state);

// a=group:BUNDLE <mids> (when any), a=extmap-allow-mixed (when `allow_mixed`),
// a=msid-semantic: WMS <stream ids>, a=ice-lite (when we are lite).
void add_session_attributes(sdp::SessionDescription& d, const std::vector<std::string>& bundle_mids,
                            bool allow_mixed, const LocalSessionState& state);

// An m= section with the given kind, proto and formats, port 9 and c=IN IP4 0.0.0.0.
sdp::MediaDescription new_section(std::string_view media, std::string_view proto, std::vector<std::string> formats);

// RFC 8829 §5.3.1 / RFC 3264 §6: a rejected section: port 0, the same formats, and its mid.
sdp::MediaDescription rejected_section(std::string_view media, std::string_view proto,
                                       std::vector<std::string> formats, std::string_view mid);

// a=candidate lines for our candidates and a=end-of-candidates once gathering is complete
// (RFC 8840 §8.2). The m= port and c= address become the first candidate's (the "default
// candidate", RFC 8839 §4.2.1.2) when it has an IP address.
void add_candidates(sdp::MediaDescription& m, const LocalSessionState& state);

// a=ice-ufrag, a=ice-pwd, a=ice-options:trickle, a=fingerprint (each), a=setup.
void add_transport_attributes(sdp::MediaDescription& m, const LocalSessionState& state, sdp::SetupRole setup);

// a=rtpmap / a=rtcp-fb / a=fmtp for each codec, then its RTX (a=rtpmap rtx, a=fmtp apt=).
// The m= formats must already list the payload types.
void add_codec_attributes(sdp::MediaDescription& m, const std::vector<Codec>& codecs);

// The m= formats of `codecs`: each payload type, followed by its RTX payload type.
std::vector<std::string> codec_formats(const std::vector<Codec>& codecs);

// a=msid:<stream> <track> (RFC 8830 §2).
void add_msid(sdp::MediaDescription& m, const LocalMediaSection& section);

// a=ssrc-group:FID <ssrc> <rtx> (RFC 5576 §4.2, RFC 4588 §8.7) when `with_rtx`, and a=ssrc cname
// and msid lines for each SSRC (RFC 5576 §4.1, RFC 8830 legacy form still read by peers).
void add_ssrc_attributes(sdp::MediaDescription& m, const LocalMediaSection& section, std::string_view cname,
                         bool with_rtx);

}  // namespace tern::peer

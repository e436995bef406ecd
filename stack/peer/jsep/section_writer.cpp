#include "peer/jsep/section_writer.hpp"

#include <string>

#include "sdp/address.hpp"

namespace tern::peer {

sdp::SessionDescription new_description(const LocalSessionState& state) {
  sdp::SessionDescription d;
  // RFC 8829 §5.2.1: o=- <sess-id> <sess-version> IN IP4 127.0.0.1; the address is a placeholder
  // (the real addresses are in the candidates). s=- and t=0 0.
  d.origin.username = "-";
  d.origin.session_id = state.session_id;
  d.origin.session_version = state.session_version;
  d.origin.net_type = "IN";
  d.origin.address_type = "IP4";
  d.origin.address = "127.0.0.1";
  d.session_name = "-";
  d.times = {sdp::TimeDescription{}};
  return d;
}

void add_session_attributes(sdp::SessionDescription& d, const std::vector<std::string>& bundle_mids,
                            bool allow_mixed, const LocalSessionState& state) {
  if (!bundle_mids.empty()) d.add(sdp::Group{"BUNDLE", bundle_mids});  // RFC 9143 §7
  if (allow_mixed) d.add_attribute(sdp::kExtmapAllowMixedAttribute);    // RFC 8285 §6
  // draft-ietf-mmusic-msid: "a=msid-semantic: WMS <stream ids>" (the spelling Chromium writes and
  // every peer reads), listing the streams of our sending sections.
  std::string semantic = " WMS";
  std::vector<std::string_view> listed;
  for (const auto& s : state.sections) {
    if (s.kind == SectionKind::kApplication || s.stopped || !s.sends() || s.stream_id == "-") continue;
    bool seen = false;
    for (auto id : listed) seen = seen || id == s.stream_id;
    if (seen) continue;
    listed.push_back(s.stream_id);
    semantic += ' ';
    semantic += s.stream_id;
  }
  d.add_attribute(sdp::MsidSemantic::kAttributeName, semantic);
  if (state.ice_lite) d.add_attribute(sdp::kIceLiteAttribute);  // RFC 8839 §5.3: session level
}

sdp::MediaDescription new_section(std::string_view media, std::string_view proto, std::vector<std::string> formats) {
  sdp::MediaDescription m;
  m.media = std::string(media);
  m.port = kPlaceholderPort;
  m.proto = std::string(proto);
  m.formats = std::move(formats);
  m.connections.push_back(sdp::Connection{});  // IN IP4 0.0.0.0
  return m;
}

sdp::MediaDescription rejected_section(std::string_view media, std::string_view proto,
                                       std::vector<std::string> formats, std::string_view mid) {
  // RFC 8866 §5.14: an m= line needs at least one format; keep the offered ones.
  if (formats.empty()) formats.push_back(proto.find("SCTP") != std::string_view::npos ? std::string(kDataChannelFormat) : "0");
  sdp::MediaDescription m = new_section(media, proto, std::move(formats));
  m.port = 0;  // RFC 3264 §6: port zero rejects the stream
  if (!mid.empty()) m.set_mid(mid);
  return m;
}

void add_candidates(sdp::MediaDescription& m, const LocalSessionState& state) {
  if (!state.candidates.empty()) {
    const sdp::Candidate& first = state.candidates.front();
    const auto kind = first.address_kind();
    if (kind == sdp::AddressKind::kIpv4 || kind == sdp::AddressKind::kIpv6) {
      // RFC 8839 §4.2.1.2 / RFC 8829 §5.2.1: m= and c= carry the default candidate's address.
      m.port = first.port;
      m.connections.front().address_type = kind == sdp::AddressKind::kIpv4 ? "IP4" : "IP6";
      m.connections.front().address = first.address;
    }
  }
  for (const auto& c : state.candidates) m.add(c);
  if (state.gathering_complete) m.add_attribute(sdp::kEndOfCandidatesAttribute);
}

void add_transport_attributes(sdp::MediaDescription& m, const LocalSessionState& state, sdp::SetupRole setup) {
  m.set_ice_ufrag(state.ice.ufrag);
  m.set_ice_pwd(state.ice.pwd);
  m.add(sdp::IceOptions{{"trickle"}});  // RFC 8840 §4.1.1: we accept trickled candidates
  for (const auto& f : state.fingerprints) m.add(f);
  m.set_setup(setup);
}

std::vector<std::string> codec_formats(const std::vector<Codec>& codecs) {
  std::vector<std::string> formats;
  for (const auto& c : codecs) {
    formats.push_back(std::to_string(c.payload_type));
    if (c.rtx_payload_type) formats.push_back(std::to_string(*c.rtx_payload_type));
  }
  return formats;
}

void add_codec_attributes(sdp::MediaDescription& m, const std::vector<Codec>& codecs) {
  for (const auto& c : codecs) {
    sdp::Rtpmap rtpmap{c.payload_type, c.name, c.clock_rate, std::nullopt};
    if (c.channels != 0) rtpmap.encoding_parameters = c.channels;
    m.add(rtpmap);
    for (const auto& fb : c.feedback) m.add(sdp::RtcpFb{c.payload_type, fb.type, fb.parameter});
    if (!c.fmtp.empty()) m.add(sdp::Fmtp{std::to_string(c.payload_type), c.fmtp});
    if (c.rtx_payload_type) {
      // RFC 4588 §8.6: rtx/<clock rate of the repaired codec>, apt=<its payload type>.
      m.add(sdp::Rtpmap{*c.rtx_payload_type, "rtx", c.clock_rate, std::nullopt});
      m.add(sdp::Fmtp{std::to_string(*c.rtx_payload_type), {{"apt", std::to_string(c.payload_type)}}});
    }
  }
}

void add_msid(sdp::MediaDescription& m, const LocalMediaSection& section) {
  m.add(sdp::Msid{section.stream_id, section.track_id});
}

void add_ssrc_attributes(sdp::MediaDescription& m, const LocalMediaSection& section, std::string_view cname,
                         bool with_rtx) {
  const bool rtx = with_rtx && section.rtx_ssrc != 0;
  if (rtx) m.add(sdp::SsrcGroup{"FID", {section.ssrc, section.rtx_ssrc}});
  const std::string msid = section.stream_id + " " + section.track_id;
  for (uint32_t ssrc : {section.ssrc, section.rtx_ssrc}) {
    if (ssrc == 0 || (ssrc == section.rtx_ssrc && !rtx)) continue;
    m.add(sdp::SsrcAttribute{ssrc, "cname", std::string(cname)});
    m.add(sdp::SsrcAttribute{ssrc, "msid", msid});
  }
}

}  // namespace tern::peer

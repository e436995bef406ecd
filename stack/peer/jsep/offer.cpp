#include "peer/jsep/offer.hpp"

#include "peer/jsep/section_writer.hpp"

namespace tern::peer {

Status check_codecs(const std::vector<Codec>& codecs) {
  bool used[128] = {};
  auto claim = [&](uint8_t pt) {
    if (pt > 127 || used[pt]) return false;  // RFC 3550 §5.1: 7 bits; one codec per payload type
    used[pt] = true;
    return true;
  };
  for (const auto& c : codecs) {
    if (!claim(c.payload_type)) return Error(JsepErrc::kBadLocalState, "codec payload type reused or above 127");
    if (c.rtx_payload_type && !claim(*c.rtx_payload_type)) {
      return Error(JsepErrc::kBadLocalState, "RTX payload type reused or above 127");
    }
  }
  return {};
}

Result<sdp::SessionDescription> create_offer(LocalSessionState& state, Rng& rng) {
  // RFC 8842 §5.1: every offer carries the fingerprint of the certificate DTLS will present.
  if (state.fingerprints.empty()) return Error(JsepErrc::kBadLocalState, "no local certificate fingerprint");
  for (const auto& s : state.sections) {
    if (s.kind == SectionKind::kApplication) continue;
    if (auto ok = check_codecs(state.codecs_for(s)); !ok) return ok.error();
  }
  prepare_local_state(state, rng);
  assign_mids(state);
  ++state.session_version;

  sdp::SessionDescription d = new_description(state);
  std::vector<std::string> bundle;
  bool media = false;
  for (const auto& s : state.sections) {
    if (s.stopped) continue;
    bundle.push_back(s.mid);
    media = media || s.kind != SectionKind::kApplication;
  }
  add_session_attributes(d, bundle, media, state);

  bool first = true;
  for (const auto& s : state.sections) {
    if (s.mid.empty()) continue;  // stopped before it was ever negotiated
    const bool rtp = s.kind != SectionKind::kApplication;
    const auto& codecs = state.codecs_for(s);
    const std::string_view proto = rtp ? kRtpProto : kSctpProto;
    std::vector<std::string> formats = rtp ? codec_formats(codecs) : std::vector<std::string>{std::string(kDataChannelFormat)};
    if (s.stopped) {
      // RFC 8829 §5.2.2: a stopped transceiver's section stays, rejected, until its mid is reused.
      d.media.push_back(rejected_section(section_media_name(s.kind), proto, std::move(formats), s.mid));
      continue;
    }
    sdp::MediaDescription m = new_section(section_media_name(s.kind), proto, std::move(formats));
    // RFC 9143 §7.2 / RFC 8829 §5.2.1 (max-bundle): the candidates go in the first bundled
    // section, the BUNDLE tag; all sections share its transport.
    if (first) add_candidates(m, state);
    first = false;
    add_transport_attributes(m, state, sdp::SetupRole::kActpass);  // RFC 8842 §5.2
    m.set_mid(s.mid);
    if (!rtp) {
      m.set_sctp_port(state.sctp_port);                 // RFC 8841 §5.1
      m.set_max_message_size(state.max_message_size);  // RFC 8841 §6.1
      d.media.push_back(std::move(m));
      continue;
    }
    for (const auto& e : state.header_extensions) {
      if ((s.kind == SectionKind::kAudio && e.audio) || (s.kind == SectionKind::kVideo && e.video)) {
        m.add(sdp::Extmap{e.id, std::nullopt, e.uri, {}});
      }
    }
    m.set_direction(s.direction);
    if (s.sends()) add_msid(m, s);
    m.set_flag(sdp::kRtcpMuxAttribute, true);    // RFC 8829 §5.2.1: rtcp-mux is required
    m.set_flag(sdp::kRtcpRsizeAttribute, true);  // RFC 8829 §5.2.1: reduced-size RTCP
    add_codec_attributes(m, codecs);
    if (s.sends()) {
      bool rtx = false;
      for (const auto& c : codecs) rtx = rtx || c.rtx_payload_type.has_value();
      add_ssrc_attributes(m, s, state.cname, rtx);
    }
    d.media.push_back(std::move(m));
  }
  return d;
}

}  // namespace tern::peer

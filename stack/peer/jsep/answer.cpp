#include "peer/jsep/answer.hpp"

#include <algorithm>

#include "peer/jsep/offer.hpp"
#include "peer/jsep/section_writer.hpp"

namespace tern::peer {
namespace {

// RFC 8829 §5.1.3: the RTP profiles a WebRTC answerer accepts: UDP/TLS/RTP/SAVP(F),
// TCP/DTLS/RTP/SAVP(F), and the legacy RTP/SAVPF that older peers send with DTLS fingerprints.
bool is_rtp_proto(std::string_view proto) { return proto.ends_with("RTP/SAVPF") || proto.ends_with("RTP/SAVP"); }

sdp::Direction make_direction(bool send, bool recv) {
  if (send && recv) return sdp::Direction::kSendRecv;
  if (send) return sdp::Direction::kSendOnly;
  if (recv) return sdp::Direction::kRecvOnly;
  return sdp::Direction::kInactive;
}

bool sends(sdp::Direction d) { return d == sdp::Direction::kSendRecv || d == sdp::Direction::kSendOnly; }
bool receives(sdp::Direction d) { return d == sdp::Direction::kSendRecv || d == sdp::Direction::kRecvOnly; }

// What one offered section becomes in the answer.
struct Plan {
  bool accept = false;
  LocalMediaSection* local = nullptr;
  std::vector<Codec> codecs;
  sdp::Direction direction = sdp::Direction::kInactive;
};

}  // namespace

std::vector<Codec> answer_codecs(const std::vector<Codec>& offered, const std::vector<Codec>& local) {
  std::vector<Codec> out;
  for (const auto& oc : offered) {
    for (const auto& lc : local) {
      if (!codec_matches(lc, oc)) continue;
      Codec a = oc;
      a.feedback.clear();
      for (const auto& fb : oc.feedback) {
        if (std::find(lc.feedback.begin(), lc.feedback.end(), fb) != lc.feedback.end()) a.feedback.push_back(fb);
      }
      if (!lc.rtx_payload_type) a.rtx_payload_type.reset();
      out.push_back(std::move(a));
      break;
    }
  }
  return out;
}

void associate_remote_offer(const RemoteTransportParameters& offer, LocalSessionState& state) {
  for (const auto& r : offer.media) {
    if (r.rejected || r.mid.empty() || !r.kind) continue;
    if (*r.kind == SectionKind::kApplication && !r.data_channel) continue;
    if (state.find_section(r.mid) != nullptr) continue;  // negotiated before
    LocalMediaSection* match = nullptr;
    for (auto& s : state.sections) {
      if (s.mid.empty() && !s.stopped && s.kind == *r.kind) {
        match = &s;
        break;
      }
    }
    if (match == nullptr) {
      if (*r.kind == SectionKind::kApplication) {
        // One SCTP association: a second offered data section is not given a local section.
        if (state.data_section() != nullptr) continue;
        match = &ensure_data_section(state);
      } else {
        // W3C setRemoteDescription: a new transceiver, recvonly, for the remote's track.
        match = &add_media_section(state, *r.kind, sdp::Direction::kRecvOnly);
      }
    }
    match->mid = r.mid;
  }
}

Result<sdp::SessionDescription> create_answer(const sdp::SessionDescription& offer, LocalSessionState& state,
                                              Rng& rng) {
  if (state.fingerprints.empty()) return Error(JsepErrc::kBadLocalState, "no local certificate fingerprint");
  auto checked = apply_remote_description(SdpType::kOffer, offer);
  if (!checked) return checked.error();
  const RemoteTransportParameters& remote = *checked;
  for (const auto& s : state.sections) {
    if (s.kind == SectionKind::kApplication) continue;
    if (auto ok = check_codecs(state.codecs_for(s)); !ok) return ok.error();
  }
  associate_remote_offer(remote, state);
  prepare_local_state(state, rng);
  ++state.session_version;

  // --- Decide each section ------------------------------------------------------------------------
  std::vector<Plan> plans(remote.media.size());
  bool have_data = false;
  for (size_t i = 0; i < remote.media.size(); ++i) {
    const RemoteMediaSection& r = remote.media[i];
    Plan& plan = plans[i];
    // RFC 3264 §6: a section the offer rejects stays rejected; one outside our transport cannot
    // be carried (tern bundles everything, RFC 9143).
    if (r.rejected || !r.bundled || !r.kind) continue;
    LocalMediaSection* local = state.find_section(r.mid);
    if (local == nullptr || local->stopped || local->kind != *r.kind) continue;
    plan.local = local;
    if (r.data_channel) {
      if (have_data) continue;  // one SCTP association per transport (RFC 8841 §5)
      have_data = true;
      plan.accept = true;
      continue;
    }
    if (*r.kind == SectionKind::kApplication || !is_rtp_proto(r.proto)) continue;
    // RFC 8829 §5.3.1 (rtcp-mux-policy "require"): RTP and RTCP share the transport.
    if (!r.rtcp_mux) continue;
    plan.codecs = answer_codecs(r.codecs, state.codecs_for(*local));
    if (plan.codecs.empty()) continue;  // RFC 3264 §6.1: no codec in common
    // RFC 3264 §6.1: we send only if the offerer receives, and receive only if it sends.
    plan.direction = make_direction(local->sends() && receives(r.direction), local->receives() && sends(r.direction));
    plan.accept = true;
  }
  // RFC 9143 §7.3.3: rejecting the section the offerer tagged rejects the whole BUNDLE group.
  if (!remote.transport_mid.empty()) {
    const RemoteMediaSection* tag = remote.transport_section();
    if (tag != nullptr && !plans[tag->mline_index].accept) {
      for (auto& plan : plans) plan.accept = false;
    }
  }

  // --- Session level --------------------------------------------------------------------------------
  std::vector<std::string> bundle;
  for (const auto& mid : remote.bundle_mids) {
    const RemoteMediaSection* r = remote.find(mid);
    if (r != nullptr && plans[r->mline_index].accept) bundle.push_back(mid);
  }
  sdp::SessionDescription d = new_description(state);
  // RFC 8285 §6: a=extmap-allow-mixed in the answer only when the offer has it.
  add_session_attributes(d, bundle, offer.extmap_allow_mixed(), state);

  const sdp::SetupRole setup = answer_setup(remote.remote_setup, state.answer_setup, state.established_dtls_role);
  // The candidates go in the first accepted section of the transport (the BUNDLE tag).
  std::string candidates_mid;
  for (size_t i = 0; i < plans.size() && candidates_mid.empty(); ++i) {
    if (plans[i].accept) candidates_mid = remote.media[i].mid;
  }

  // --- The m= sections ------------------------------------------------------------------------------
  for (size_t i = 0; i < remote.media.size(); ++i) {
    const RemoteMediaSection& r = remote.media[i];
    const sdp::MediaDescription& om = offer.media[i];
    const Plan& plan = plans[i];
    if (!plan.accept) {
      d.media.push_back(rejected_section(om.media, om.proto, om.formats, r.mid));
      continue;
    }
    if (r.data_channel) {
      sdp::MediaDescription m = new_section(om.media, om.proto, {std::string(kDataChannelFormat)});
      if (r.mid == candidates_mid) add_candidates(m, state);
      add_transport_attributes(m, state, setup);
      m.set_mid(r.mid);
      m.set_sctp_port(state.sctp_port);                 // RFC 8841 §5.1: our port
      m.set_max_message_size(state.max_message_size);  // RFC 8841 §6.1: what we accept
      d.media.push_back(std::move(m));
      continue;
    }
    sdp::MediaDescription m = new_section(om.media, om.proto, codec_formats(plan.codecs));
    if (r.mid == candidates_mid) add_candidates(m, state);
    add_transport_attributes(m, state, setup);
    m.set_mid(r.mid);
    // RFC 8285 §7: the answer keeps the offer's ids for the extensions it accepts.
    for (const auto& e : r.extmaps) {
      for (const auto& ours : state.header_extensions) {
        const bool kind_ok = (*r.kind == SectionKind::kAudio && ours.audio) || (*r.kind == SectionKind::kVideo && ours.video);
        if (kind_ok && ours.uri == e.uri) {
          m.add(sdp::Extmap{e.id, std::nullopt, e.uri, {}});
          break;
        }
      }
    }
    m.set_direction(plan.direction);
    const bool sending = sends(plan.direction);
    if (sending) add_msid(m, *plan.local);
    m.set_flag(sdp::kRtcpMuxAttribute, true);
    if (r.rtcp_rsize) m.set_flag(sdp::kRtcpRsizeAttribute, true);  // RFC 5506 §5: only if offered
    add_codec_attributes(m, plan.codecs);
    if (sending) {
      bool rtx = false;
      for (const auto& c : plan.codecs) rtx = rtx || c.rtx_payload_type.has_value();
      add_ssrc_attributes(m, *plan.local, state.cname, rtx);
    }
    d.media.push_back(std::move(m));
  }
  return d;
}

}  // namespace tern::peer

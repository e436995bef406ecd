#include "peer/jsep/remote_description.hpp"

#include <algorithm>

#include "peer/jsep/section_writer.hpp"

namespace tern::peer {
namespace {

// Where the lines that errors point at are in the text.
struct LineMap {
  std::vector<uint32_t> media;  // m= lines
  uint32_t bundle_group = 0;    // the first session-level a=group:BUNDLE line
};

LineMap map_lines(std::string_view text) {
  LineMap map;
  uint32_t number = 0;
  size_t pos = 0;
  while (pos < text.size()) {
    size_t end = text.find('\n', pos);
    if (end == std::string_view::npos) end = text.size();
    const std::string_view line = text.substr(pos, end - pos);
    ++number;
    if (line.starts_with("m=")) {
      map.media.push_back(number);
    } else if (map.media.empty() && map.bundle_group == 0 && line.starts_with("a=group:BUNDLE")) {
      map.bundle_group = number;
    }
    pos = end + 1;
  }
  return map;
}

bool sends(sdp::Direction d) { return d == sdp::Direction::kSendRecv || d == sdp::Direction::kSendOnly; }
bool receives(sdp::Direction d) { return d == sdp::Direction::kSendRecv || d == sdp::Direction::kRecvOnly; }

// RFC 8866 §6.7: a media-level direction overrides the session-level one; sendrecv by default.
sdp::Direction direction_of(const sdp::SessionDescription& d, const sdp::MediaDescription& m) {
  if (auto md = m.direction()) return *md;
  return d.direction().value_or(sdp::Direction::kSendRecv);
}

bool is_rejected(const sdp::MediaDescription& m) {
  // RFC 3264 §6: port 0 rejects; RFC 9143 §6: unless a=bundle-only says the section rides on the
  // BUNDLE transport.
  return m.port == 0 && !m.bundle_only();
}

RemoteMediaSection extract_section(const sdp::SessionDescription& d, size_t index, uint32_t line) {
  const sdp::MediaDescription& m = d.media[index];
  RemoteMediaSection s;
  s.mline_index = index;
  s.line = line;
  s.media = m.media;
  s.kind = section_kind_from_media(m.media);
  s.proto = m.proto;
  s.rejected = is_rejected(m);
  if (auto mid = m.mid()) s.mid = std::string(*mid);
  s.direction = direction_of(d, m);
  if (s.kind == SectionKind::kAudio || s.kind == SectionKind::kVideo) {
    s.codecs = section_codecs(m);
    s.extmaps = m.extmaps();
    for (const auto& a : m.ssrcs()) {
      if (std::find(s.ssrcs.begin(), s.ssrcs.end(), a.ssrc) == s.ssrcs.end()) s.ssrcs.push_back(a.ssrc);
      if (!s.cname && a.attribute == "cname" && a.value) s.cname = *a.value;
    }
    s.ssrc_groups = m.ssrc_groups();
    s.msids = m.msids();
  }
  s.rtcp_mux = m.rtcp_mux();
  s.rtcp_rsize = m.rtcp_rsize();
  s.candidates = m.candidates();
  // RFC 8840 §8.2: a=end-of-candidates may be session-level too.
  s.end_of_candidates = m.end_of_candidates() || d.end_of_candidates();
  return s;
}

RemoteMediaSection* find_mut(std::vector<RemoteMediaSection>& media, std::string_view mid) {
  for (auto& s : media) {
    if (!s.mid.empty() && s.mid == mid) return &s;
  }
  return nullptr;
}

Result<RemoteTransportParameters> apply(SdpType type, const sdp::SessionDescription& d,
                                        const sdp::SessionDescription* offer, const LineMap& lines) {
  if (type == SdpType::kRollback) return Error(JsepErrc::kBadDescriptionType, "a rollback carries no description");
  const bool is_answer = type != SdpType::kOffer;
  if (is_answer && offer == nullptr) return Error(JsepErrc::kBadDescriptionType, "an answer needs the local offer");
  auto line_of = [&](size_t index) -> uint32_t { return index < lines.media.size() ? lines.media[index] : 0; };

  RemoteTransportParameters p;
  p.type = type;
  p.session_id = d.origin.session_id;
  p.session_version = d.origin.session_version;

  // --- The m= sections: mids and data channel protos -------------------------------------------
  for (size_t i = 0; i < d.media.size(); ++i) {
    RemoteMediaSection s = extract_section(d, i, line_of(i));
    const sdp::MediaDescription& m = d.media[i];
    // RFC 8829 §5.2.1 / §5.3.1: every m= section carries a mid (RFC 9143 needs it to bundle).
    if (s.mid.empty() && !s.rejected) return Error(JsepErrc::kMissingMid, "m= section has no a=mid", s.line);
    // RFC 5888 §4: an identification-tag names one m= section.
    if (!s.mid.empty() && find_mut(p.media, s.mid) != nullptr) {
      return Error(JsepErrc::kDuplicateMid, "two m= sections have the same a=mid", s.line);
    }
    if (s.kind == SectionKind::kApplication && m.proto.find("SCTP") != std::string::npos && !s.rejected) {
      // RFC 8841 §4.1: SCTP over DTLS over UDP (or ICE-TCP) carrying WebRTC data channels. The
      // legacy "DTLS/SCTP <port>" + a=sctpmap form is not supported.
      if (m.proto != kSctpProto && m.proto != kSctpTcpProto) {
        return Error(JsepErrc::kBadDataChannelProto, "SCTP m= proto is not UDP/DTLS/SCTP or TCP/DTLS/SCTP", s.line);
      }
      if (std::find(m.formats.begin(), m.formats.end(), kDataChannelFormat) == m.formats.end()) {
        return Error(JsepErrc::kBadDataChannelProto, "SCTP m= fmt is not webrtc-datachannel", s.line);
      }
      s.data_channel = true;
    }
    p.media.push_back(std::move(s));
  }

  // --- BUNDLE (RFC 9143) ----------------------------------------------------------------------------
  bool have_bundle = false;
  std::vector<std::string> grouped;
  for (const auto& g : d.groups()) {
    if (g.semantics != "BUNDLE") continue;
    for (const auto& mid : g.mids) {
      // RFC 9143 §7.2: the group names mids of m= sections in this description.
      if (find_mut(p.media, mid) == nullptr) {
        return Error(JsepErrc::kUnknownBundleMid, "a=group:BUNDLE names a mid no m= section has", lines.bundle_group);
      }
      // RFC 9143 §6: an m= section is in at most one BUNDLE group.
      if (std::find(grouped.begin(), grouped.end(), mid) != grouped.end()) {
        return Error(JsepErrc::kBadBundle, "a mid is in two a=group:BUNDLE lines", lines.bundle_group);
      }
      grouped.push_back(mid);
    }
    if (have_bundle) continue;  // one transport: sections of further groups stay unbundled
    have_bundle = true;
    for (const auto& mid : g.mids) {
      if (!find_mut(p.media, mid)->rejected) p.bundle_mids.push_back(mid);
    }
  }
  if (!p.bundle_mids.empty()) {
    p.transport_mid = p.bundle_mids.front();  // RFC 9143 §7: the BUNDLE tag
  } else {
    for (const auto& s : p.media) {
      if (!s.rejected) {
        p.transport_mid = s.mid;
        break;
      }
    }
  }
  for (auto& s : p.media) {
    if (s.rejected) continue;
    s.bundled = s.mid == p.transport_mid ||
                std::find(p.bundle_mids.begin(), p.bundle_mids.end(), s.mid) != p.bundle_mids.end();
  }

  // --- Transport: ICE credentials, fingerprints, setup ----------------------------------------------
  const RemoteMediaSection* t = p.transport_section();
  std::optional<sdp::SetupRole> setup;
  if (t != nullptr) {
    const sdp::MediaDescription& tm = d.media[t->mline_index];
    // RFC 8839 §5.4: ice-ufrag / ice-pwd at media level, or at session level for all sections.
    auto ufrag = tm.ice_ufrag();
    if (!ufrag) ufrag = d.ice_ufrag();
    auto pwd = tm.ice_pwd();
    if (!pwd) pwd = d.ice_pwd();
    if (!ufrag || !pwd) {
      return Error(JsepErrc::kMissingIceCredentials, "no a=ice-ufrag and a=ice-pwd for the transport", t->line);
    }
    p.ice.ufrag = std::string(*ufrag);
    p.ice.pwd = std::string(*pwd);
    // RFC 8842 §5.1: the transport's certificate fingerprint(s), media or session level.
    p.fingerprints = tm.fingerprints();
    if (p.fingerprints.empty()) p.fingerprints = d.fingerprints();
    if (p.fingerprints.empty()) return Error(JsepErrc::kMissingFingerprint, "no a=fingerprint for the transport", t->line);
    setup = tm.setup();
    if (!setup) setup = d.setup();
    auto options = tm.ice_options();
    if (!options) options = d.ice_options();
    if (options) {
      p.trickle = options->has("trickle");
      p.ice2 = options->has("ice2");
    }
    p.ice_lite = d.ice_lite();  // RFC 8839 §5.3: a session-level attribute

    // RFC 9143 §7.1.3 / §8: bundled sections share the transport; when they repeat its
    // attributes, the values must agree.
    for (const auto& s : p.media) {
      if (!s.bundled || &s == t) continue;
      const sdp::MediaDescription& m = d.media[s.mline_index];
      if ((m.ice_ufrag() && *m.ice_ufrag() != p.ice.ufrag) || (m.ice_pwd() && *m.ice_pwd() != p.ice.pwd)) {
        return Error(JsepErrc::kIceCredentialMismatch, "bundled m= sections have different ICE credentials", s.line);
      }
      const auto fingerprints = m.fingerprints();
      if (!fingerprints.empty() && fingerprints != p.fingerprints) {
        return Error(JsepErrc::kFingerprintMismatch, "bundled m= sections have different fingerprints", s.line);
      }
      if (m.setup() && setup && *m.setup() != *setup) {
        return Error(JsepErrc::kBadSetup, "bundled m= sections have different a=setup", s.line);
      }
    }
  }

  // --- DTLS role (RFC 8842 §5, RFC 4145 §4.1) ---------------------------------------------------------
  const uint32_t transport_line = t != nullptr ? t->line : 0;
  if (!is_answer) {
    // RFC 4145 §4.1: without a=setup the offerer is active.
    p.remote_setup = setup.value_or(sdp::SetupRole::kActive);
    switch (p.remote_setup) {
      case sdp::SetupRole::kActpass: p.local_dtls_role = std::nullopt; break;
      case sdp::SetupRole::kActive: p.local_dtls_role = DtlsRole::kServer; break;
      case sdp::SetupRole::kPassive: p.local_dtls_role = DtlsRole::kClient; break;
      case sdp::SetupRole::kHoldconn:
        if (t != nullptr) return Error(JsepErrc::kBadSetup, "a=setup:holdconn: no DTLS connection can start", transport_line);
        break;
    }
  } else {
    // RFC 4145 §4.1: without a=setup the answerer is passive.
    p.remote_setup = setup.value_or(sdp::SetupRole::kPassive);
    // Our role as the offer said it (tern offers actpass; a re-offer may pin a role).
    std::optional<sdp::SetupRole> ours;
    if (!offer->media.empty()) {
      for (const auto& om : offer->media) {
        if (auto mid = om.mid(); mid && *mid == p.transport_mid) ours = om.setup();
      }
    }
    if (!ours) ours = offer->setup();
    const sdp::SetupRole local = ours.value_or(sdp::SetupRole::kActpass);
    if (t != nullptr) {
      switch (p.remote_setup) {
        case sdp::SetupRole::kActpass:
          // RFC 8842 §5.3: the answerer picks a role; actpass is an offer-only value.
          return Error(JsepErrc::kBadSetup, "an answer cannot say a=setup:actpass", transport_line);
        case sdp::SetupRole::kHoldconn:
          return Error(JsepErrc::kBadSetup, "a=setup:holdconn: no DTLS connection can start", transport_line);
        case sdp::SetupRole::kActive:
          if (local == sdp::SetupRole::kActive) {
            return Error(JsepErrc::kSetupConflict, "both sides say a=setup:active", transport_line);
          }
          p.local_dtls_role = DtlsRole::kServer;
          break;
        case sdp::SetupRole::kPassive:
          if (local == sdp::SetupRole::kPassive) {
            return Error(JsepErrc::kSetupConflict, "both sides say a=setup:passive", transport_line);
          }
          p.local_dtls_role = DtlsRole::kClient;
          break;
      }
    }
  }

  // --- Answer against our offer (RFC 3264 §6, §6.1) ---------------------------------------------------
  if (is_answer) {
    if (d.media.size() != offer->media.size()) {
      const uint32_t at = d.media.size() > offer->media.size() ? line_of(offer->media.size())
                                                               : (lines.media.empty() ? 0 : lines.media.back());
      return Error(JsepErrc::kAnswerMismatch, "the answer does not have as many m= lines as the offer", at);
    }
    for (size_t i = 0; i < d.media.size(); ++i) {
      const sdp::MediaDescription& om = offer->media[i];
      RemoteMediaSection& s = p.media[i];
      if (om.media != s.media) return Error(JsepErrc::kAnswerMismatch, "m= media type differs from the offer's", s.line);
      if (auto offered_mid = om.mid(); offered_mid && !s.mid.empty() && *offered_mid != s.mid) {
        return Error(JsepErrc::kAnswerMismatch, "a=mid differs from the offer's", s.line);
      }
      if (is_rejected(om) && !s.rejected) {
        return Error(JsepErrc::kAnswerMismatch, "the answer accepts an m= section the offer rejected", s.line);
      }
      if (s.rejected || (s.kind != SectionKind::kAudio && s.kind != SectionKind::kVideo)) continue;
      // RFC 3264 §6.1: the answer may send only what the offer receives, and receive only what
      // it sends.
      const sdp::Direction offered = direction_of(*offer, om);
      if ((sends(s.direction) && !receives(offered)) || (receives(s.direction) && !sends(offered))) {
        return Error(JsepErrc::kBadDirection, "the answer's direction is not allowed by the offer's", s.line);
      }
      // RFC 3264 §6.1: the answer's payload types are the offer's. Codecs that were not offered
      // (under that payload type) are ignored rather than guessed at.
      const auto offered_codecs = section_codecs(om);
      std::vector<Codec> kept;
      for (auto& c : s.codecs) {
        for (const auto& oc : offered_codecs) {
          if (oc.payload_type != c.payload_type || !codec_matches(oc, c)) continue;
          if (c.rtx_payload_type != oc.rtx_payload_type) c.rtx_payload_type.reset();
          kept.push_back(std::move(c));
          break;
        }
      }
      s.codecs = std::move(kept);
    }
  }

  // --- SCTP (RFC 8841) --------------------------------------------------------------------------------
  for (const auto& s : p.media) {
    if (!s.data_channel || !s.bundled) continue;
    const sdp::MediaDescription& m = d.media[s.mline_index];
    RemoteSctpParameters sctp;
    sctp.mid = s.mid;
    if (auto port = m.sctp_port()) {
      sctp.port = *port;
    } else if (auto map = m.sctpmap()) {
      sctp.port = map->port;  // draft-ietf-mmusic-sctp-sdp-05 peers
    }
    // RFC 8841 §6.1: 64 KiB when absent; 0 = no limit.
    sctp.max_message_size = m.max_message_size().value_or(kDefaultRemoteMaxMessageSize);
    p.sctp = std::move(sctp);
    break;
  }
  return p;
}

}  // namespace

const RemoteMediaSection* RemoteTransportParameters::find(std::string_view mid) const {
  for (const auto& s : media) {
    if (!s.mid.empty() && s.mid == mid) return &s;
  }
  return nullptr;
}

const RemoteMediaSection* RemoteTransportParameters::transport_section() const {
  if (transport_mid.empty()) return nullptr;
  return find(transport_mid);
}

const std::vector<sdp::Candidate>& RemoteTransportParameters::transport_candidates() const {
  static const std::vector<sdp::Candidate> kNone;
  const RemoteMediaSection* t = transport_section();
  return t != nullptr ? t->candidates : kNone;
}

bool RemoteTransportParameters::end_of_candidates() const {
  const RemoteMediaSection* t = transport_section();
  return t != nullptr && t->end_of_candidates;
}

Result<RemoteTransportParameters> apply_remote_description(SdpType type, const sdp::SessionDescription& remote,
                                                           const sdp::SessionDescription* local_offer) {
  // The line numbers of the text this description serializes to: for a description parsed from
  // well-formed text, the same lines (sdp::serialize keeps every line, in order).
  return apply(type, remote, local_offer, map_lines(sdp::serialize(remote)));
}

Result<RemoteTransportParameters> apply_remote_description(SdpType type, std::string_view remote_sdp,
                                                           const sdp::SessionDescription* local_offer) {
  auto parsed = sdp::parse(remote_sdp);
  if (!parsed) return parsed.error();
  return apply(type, *parsed, local_offer, map_lines(remote_sdp));
}

sdp::SetupRole answer_setup(sdp::SetupRole remote, sdp::SetupRole preference, std::optional<DtlsRole> established) {
  switch (remote) {
    case sdp::SetupRole::kActive: return sdp::SetupRole::kPassive;  // RFC 4145 §4.1
    case sdp::SetupRole::kPassive: return sdp::SetupRole::kActive;
    case sdp::SetupRole::kActpass:
    case sdp::SetupRole::kHoldconn: break;
  }
  // RFC 8842 §5.5: a new answer keeps the role of the running association.
  if (established == DtlsRole::kClient) return sdp::SetupRole::kActive;
  if (established == DtlsRole::kServer) return sdp::SetupRole::kPassive;
  // RFC 8842 §5.3: active or passive; RFC 5763 §5: active is the recommended choice.
  return preference == sdp::SetupRole::kPassive ? sdp::SetupRole::kPassive : sdp::SetupRole::kActive;
}

DtlsRole dtls_role_for_local_setup(sdp::SetupRole local) {
  return local == sdp::SetupRole::kPassive ? DtlsRole::kServer : DtlsRole::kClient;
}

std::vector<uint32_t> media_line_numbers(std::string_view text) { return map_lines(text).media; }

}  // namespace tern::peer

#include "peer/jsep/describe.hpp"

#include <string_view>

namespace tern::peer {
namespace {

void line(std::string& out, int indent, std::string_view text) {
  out.append(static_cast<size_t>(indent) * 2, ' ');
  out += text;
  out += '\n';
}

std::string hex_pairs(const std::vector<uint8_t>& bytes) {
  static constexpr char kDigits[] = "0123456789ABCDEF";
  std::string out;
  for (size_t i = 0; i < bytes.size(); ++i) {
    if (i > 0) out += ':';
    out += kDigits[bytes[i] >> 4];
    out += kDigits[bytes[i] & 15];
  }
  return out;
}

std::string codec_text(const Codec& c) {
  std::string s = std::to_string(c.payload_type) + " " + c.name + "/" + std::to_string(c.clock_rate);
  if (c.channels != 0) s += "/" + std::to_string(c.channels);
  if (c.rtx_payload_type) s += " rtx " + std::to_string(*c.rtx_payload_type);
  if (!c.fmtp.empty()) {
    s += " [";
    for (size_t i = 0; i < c.fmtp.size(); ++i) {
      if (i > 0) s += ';';
      s += c.fmtp[i].name;
      if (c.fmtp[i].value) s += "=" + *c.fmtp[i].value;
    }
    s += "]";
  }
  if (!c.feedback.empty()) {
    s += " fb:";
    for (const auto& fb : c.feedback) s += " " + fb.type + (fb.parameter.empty() ? "" : " " + fb.parameter);
  }
  return s;
}

}  // namespace

std::string describe(const RemoteTransportParameters& p) {
  std::string out;
  line(out, 0, "remote " + std::string(to_string(p.type)) + " (session " + std::to_string(p.session_id) + " version " +
                   std::to_string(p.session_version) + ")");
  line(out, 1, "transport mid: " + (p.transport_mid.empty() ? std::string("(none: every section rejected)") : p.transport_mid));
  std::string bundle = "bundle:";
  for (const auto& mid : p.bundle_mids) bundle += " " + mid;
  line(out, 1, bundle);
  line(out, 1, "ice ufrag: " + p.ice.ufrag + " pwd: " + p.ice.pwd);
  line(out, 1, std::string("ice lite: ") + (p.ice_lite ? "yes" : "no") + ", trickle: " + (p.trickle ? "yes" : "no") +
                   ", ice2: " + (p.ice2 ? "yes" : "no"));
  for (const auto& f : p.fingerprints) {
    line(out, 1, "fingerprint: " + std::string(sdp::fingerprint_hash_name(f.hash)) + " " + hex_pairs(f.digest));
  }
  line(out, 1, "remote setup: " + std::string(sdp::setup_role_name(p.remote_setup)) + ", our DTLS role: " +
                   (p.local_dtls_role ? std::string(to_string(*p.local_dtls_role)) : std::string("chosen by our answer")));
  if (p.sctp) {
    line(out, 1, "sctp: mid " + p.sctp->mid + " port " + std::to_string(p.sctp->port) + " max-message-size " +
                     std::to_string(p.sctp->max_message_size) + (p.sctp->max_message_size == 0 ? " (no limit)" : ""));
  } else {
    line(out, 1, "sctp: none");
  }
  line(out, 1, "candidates: " + std::to_string(p.transport_candidates().size()) +
                   (p.end_of_candidates() ? " (end-of-candidates)" : ""));
  for (const auto& s : p.media) {
    std::string head = "m=" + s.media + " #" + std::to_string(s.mline_index) + " (line " + std::to_string(s.line) +
                       ") mid " + (s.mid.empty() ? std::string("-") : s.mid) + " " + s.proto;
    if (s.rejected) head += " rejected";
    if (s.bundled) head += " bundled";
    if (s.data_channel) head += " data-channel";
    line(out, 1, head);
    if (s.rejected) continue;
    if (s.kind == SectionKind::kAudio || s.kind == SectionKind::kVideo) {
      line(out, 2, "direction: " + std::string(sdp::direction_name(s.direction)) + (s.rtcp_mux ? ", rtcp-mux" : "") +
                       (s.rtcp_rsize ? ", rtcp-rsize" : ""));
      for (const auto& c : s.codecs) line(out, 2, "codec " + codec_text(c));
      if (s.codecs.empty()) line(out, 2, "codec: none in common");
      for (const auto& e : s.extmaps) line(out, 2, "extmap " + std::to_string(e.id) + " " + e.uri);
      for (uint32_t ssrc : s.ssrcs) line(out, 2, "ssrc " + std::to_string(ssrc));
      if (s.cname) line(out, 2, "cname " + *s.cname);
      for (const auto& m : s.msids) line(out, 2, "msid " + m.stream_id + (m.track_id ? " " + *m.track_id : ""));
    }
    for (const auto& c : s.candidates) line(out, 2, "candidate " + sdp::serialize(c));
  }
  return out;
}

}  // namespace tern::peer

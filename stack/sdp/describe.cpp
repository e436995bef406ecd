#include "sdp/describe.hpp"

#include "sdp/text.hpp"

namespace tern::sdp {
namespace {

// Attribute names describe_common() prints at either level; any other attribute of the session
// is listed verbatim.
constexpr std::string_view kCommon[] = {
    "group", "msid-semantic", "mid", "msid", "ice-ufrag", "ice-pwd", "ice-options", "ice-lite", "fingerprint",
    "setup", "extmap", "extmap-allow-mixed", "sendrecv", "sendonly", "recvonly", "inactive", "bundle-only",
};
// Further names describe_media() prints for a media section.
constexpr std::string_view kMediaOnly[] = {
    "rtcp", "rtcp-mux", "rtcp-rsize", "rtpmap", "fmtp", "rtcp-fb", "ssrc", "ssrc-group", "rid", "simulcast",
    "sctp-port", "max-message-size", "sctpmap", "candidate", "end-of-candidates",
};

bool is_described(std::string_view name, bool media) {
  for (auto n : kCommon) {
    if (n == name) return true;
  }
  if (!media) return false;
  for (auto n : kMediaOnly) {
    if (n == name) return true;
  }
  return false;
}

class Out {
 public:
  void line(int indent, std::string_view label, std::string_view value = {}) {
    s_.append(static_cast<size_t>(indent) * 2, ' ');
    s_ += label;
    if (!value.empty()) {
      s_ += ": ";
      s_ += value;
    }
    s_ += '\n';
  }
  std::string take() { return std::move(s_); }

 private:
  std::string s_;
};

std::string number(uint64_t v) {
  std::string s;
  text::append_uint(s, v);
  return s;
}

std::string connection_text(const Connection& c) {
  std::string s = c.net_type + " " + c.address_type + " " + c.address;
  if (c.ttl) s += " ttl " + number(*c.ttl);
  if (c.address_count) s += " count " + number(*c.address_count);
  return s;
}

std::string join(const std::vector<std::string>& items, std::string_view sep = " ") {
  std::string s;
  for (size_t i = 0; i < items.size(); ++i) {
    if (i != 0) s += sep;
    s += items[i];
  }
  return s;
}

std::string candidate_text(const Candidate& c) {
  std::string s = std::string(candidate_type_name(c.type)) + " " + c.transport + " " + c.address + " port " +
                  number(c.port) + " priority " + number(c.priority) + " foundation " + c.foundation +
                  " component " + number(c.component);
  if (c.is_mdns()) s += " (mDNS name)";
  if (c.related_address) s += " raddr " + *c.related_address;
  if (c.related_port) s += " rport " + number(*c.related_port);
  if (c.tcp_type) s += " tcptype " + std::string(tcp_type_name(*c.tcp_type));
  for (const auto& e : c.extensions) s += " " + e.name + "=" + e.value;
  return s;
}

// The attributes that may sit at either level (RFC 8859 categories): ICE, DTLS, groups, ...
void describe_common(Out& out, int indent, const AttributeList& list) {
  for (const auto& g : list.groups()) out.line(indent, "group", g.semantics + " [" + join(g.mids) + "]");
  if (auto ms = list.msid_semantic()) out.line(indent, "msid-semantic", ms->semantic + " [" + join(ms->stream_ids) + "]");
  if (auto mid = list.mid()) out.line(indent, "mid", *mid);
  if (auto d = list.direction()) out.line(indent, "direction", direction_name(*d));
  if (list.bundle_only()) out.line(indent, "bundle-only");
  for (const auto& m : list.msids()) out.line(indent, "msid", "stream " + m.stream_id + (m.track_id ? " track " + *m.track_id : ""));
  if (auto u = list.ice_ufrag()) out.line(indent, "ice-ufrag", *u);
  if (auto p = list.ice_pwd()) out.line(indent, "ice-pwd", *p);
  if (auto o = list.ice_options()) out.line(indent, "ice-options", join(o->tags));
  if (list.ice_lite()) out.line(indent, "ice-lite");
  for (const auto& fp : list.fingerprints()) {
    std::string v = serialize(fp);
    v.insert(v.find(' '), " (" + number(fp.digest.size()) + " bytes)");
    out.line(indent, "fingerprint", v);
  }
  if (auto s = list.setup()) out.line(indent, "setup", setup_role_name(*s));
  if (list.extmap_allow_mixed()) out.line(indent, "extmap-allow-mixed");
  for (const auto& e : list.extmaps()) {
    std::string v = e.uri;
    if (e.direction) v += " (" + std::string(direction_name(*e.direction)) + ")";
    if (!e.attributes.empty()) v += " " + e.attributes;
    if (!e.fits_one_byte_form()) v += " [two-byte header form]";
    out.line(indent, "extmap " + number(e.id), v);
  }
}

void describe_media(Out& out, size_t index, const MediaDescription& m) {
  std::string head = m.media + " port " + number(m.port);
  if (m.port_count) head += "/" + number(*m.port_count);
  head += " proto " + m.proto + " formats " + join(m.formats);
  out.line(0, "media " + number(index), head);
  if (m.information) out.line(1, "information", *m.information);
  for (const auto& c : m.connections) out.line(1, "connection", connection_text(c));
  for (const auto& b : m.bandwidths) out.line(1, "bandwidth", b.type + " " + number(b.value));
  describe_common(out, 1, m);
  if (auto r = m.rtcp()) out.line(1, "rtcp", serialize(*r));
  if (m.rtcp_mux()) out.line(1, "rtcp-mux");
  if (m.rtcp_rsize()) out.line(1, "rtcp-rsize");

  // Codecs: one block per payload type of the m= line, in m= order.
  const auto rtpmaps = m.rtpmaps();
  const auto fmtps = m.fmtps();
  const auto fbs = m.rtcp_fbs();
  for (const auto& format : m.formats) {
    uint8_t pt = 0;
    const bool numeric = text::parse_uint_to(format, pt, 127);
    const Rtpmap* map = nullptr;
    for (const auto& r : rtpmaps) {
      if (numeric && r.payload_type == pt) map = &r;
    }
    const Fmtp* fmtp = nullptr;
    for (const auto& f : fmtps) {
      if (f.format == format) fmtp = &f;
    }
    if (!map && !fmtp) continue;
    std::string codec = map ? map->encoding_name + "/" + number(map->clock_rate) : std::string("(no rtpmap)");
    if (map && map->encoding_parameters) codec += "/" + number(*map->encoding_parameters);
    out.line(1, "codec " + format, codec);
    if (fmtp) {
      for (const auto& p : fmtp->parameters) out.line(2, "fmtp " + p.name, p.value ? *p.value : std::string("(flag)"));
    }
    for (const auto& fb : fbs) {
      if (numeric && (!fb.payload_type || *fb.payload_type == pt)) {
        out.line(2, "rtcp-fb", fb.parameter.empty() ? fb.type : fb.type + " " + fb.parameter);
      }
    }
  }
  // rtpmap/fmtp lines for formats the m= line does not list would otherwise go unseen.
  auto listed = [&m](std::string_view format) {
    for (const auto& f : m.formats) {
      if (f == format) return true;
    }
    return false;
  };
  for (const auto& r : rtpmaps) {
    if (!listed(number(r.payload_type))) out.line(1, "rtpmap (format not in m=)", serialize(r));
  }
  for (const auto& f : fmtps) {
    if (!listed(f.format)) out.line(1, "fmtp (format not in m=)", serialize(f));
  }
  for (const auto& fb : fbs) {
    if (fb.payload_type && !listed(number(*fb.payload_type))) out.line(1, "rtcp-fb (format not in m=)", serialize(fb));
  }
  for (const auto& fb : fbs) {
    if (!fb.payload_type) out.line(1, "rtcp-fb *", fb.parameter.empty() ? fb.type : fb.type + " " + fb.parameter);
  }
  for (const auto& g : m.ssrc_groups()) {
    std::string v;
    for (uint32_t s : g.ssrcs) v += (v.empty() ? "" : " ") + number(s);
    out.line(1, "ssrc-group " + g.semantics, v);
  }
  for (const auto& s : m.ssrcs()) out.line(1, "ssrc " + number(s.ssrc) + " " + s.attribute, s.value.value_or(""));
  for (const auto& r : m.rids()) out.line(1, "rid", serialize(r));
  if (auto sc = m.simulcast()) out.line(1, "simulcast", serialize(*sc));
  if (auto p = m.sctp_port()) out.line(1, "sctp-port", number(*p));
  if (auto s = m.max_message_size()) out.line(1, "max-message-size", number(*s));
  if (auto s = m.sctpmap()) out.line(1, "sctpmap", serialize(*s));
  for (const auto& c : m.candidates()) out.line(1, "candidate", candidate_text(c));
  if (m.end_of_candidates()) out.line(1, "end-of-candidates");
  if (m.key) out.line(1, "key", *m.key);
  for (const auto& a : m.attributes) {
    if (!is_described(a.name, true)) out.line(1, "attribute " + a.name, a.value);
  }
}

}  // namespace

std::string describe(const SessionDescription& sd) {
  Out out;
  out.line(0, "session");
  const Origin& o = sd.origin;
  out.line(1, "origin", o.username + " session-id " + number(o.session_id) + " version " + number(o.session_version) +
                            " " + o.net_type + " " + o.address_type + " " + o.address);
  out.line(1, "name", sd.session_name);
  if (sd.information) out.line(1, "information", *sd.information);
  if (sd.uri) out.line(1, "uri", *sd.uri);
  for (const auto& e : sd.emails) out.line(1, "email", e);
  for (const auto& p : sd.phones) out.line(1, "phone", p);
  if (sd.connection) out.line(1, "connection", connection_text(*sd.connection));
  for (const auto& b : sd.bandwidths) out.line(1, "bandwidth", b.type + " " + number(b.value));
  for (const auto& t : sd.times) {
    out.line(1, "time", number(t.start) + " " + number(t.stop));
    for (const auto& r : t.repeats) out.line(2, "repeat", r.interval + " " + r.duration + " " + join(r.offsets));
    for (const auto& z : t.zone_adjustments) out.line(2, "zone adjustment", number(z.time) + " " + z.offset);
  }
  if (sd.key) out.line(1, "key", *sd.key);
  describe_common(out, 1, sd);
  for (const auto& a : sd.attributes) {
    if (!is_described(a.name, false)) out.line(1, "attribute " + a.name, a.value);
  }
  for (size_t i = 0; i < sd.media.size(); ++i) describe_media(out, i, sd.media[i]);
  return out.take();
}

}  // namespace tern::sdp

#include "sdp/candidate.hpp"

#include "sdp/text.hpp"

namespace tern::sdp {
namespace {

// The fields before the optional parts: foundation component transport priority address port
// "typ" type.
constexpr size_t kRequiredFields = 8;

bool is_foundation(std::string_view s) {
  // RFC 8839 §5.1: foundation = 1*32ice-char.
  if (s.empty() || s.size() > 32) return false;
  for (char c : s) {
    if (!text::is_ice_char(c)) return false;
  }
  return true;
}

std::optional<CandidateType> candidate_type_from_name(std::string_view s) {
  if (s == "host") return CandidateType::kHost;
  if (s == "srflx") return CandidateType::kSrflx;
  if (s == "prflx") return CandidateType::kPrflx;
  if (s == "relay") return CandidateType::kRelay;
  return std::nullopt;
}

std::optional<TcpType> tcp_type_from_name(std::string_view s) {
  if (s == "active") return TcpType::kActive;
  if (s == "passive") return TcpType::kPassive;
  if (s == "so") return TcpType::kSo;
  return std::nullopt;
}

std::string_view strip_prefixes(std::string_view s) {
  if (s.size() >= 2 && s.substr(s.size() - 2) == "\r\n") {
    s.remove_suffix(2);
  } else if (!s.empty() && s.back() == '\n') {
    s.remove_suffix(1);
  }
  if (s.substr(0, 12) == "a=candidate:") {
    s.remove_prefix(12);
  } else if (s.substr(0, 10) == "candidate:") {
    s.remove_prefix(10);
  }
  return s;
}

}  // namespace

std::string_view candidate_type_name(CandidateType type) {
  switch (type) {
    case CandidateType::kHost: return "host";
    case CandidateType::kSrflx: return "srflx";
    case CandidateType::kPrflx: return "prflx";
    case CandidateType::kRelay: return "relay";
  }
  return "host";
}

std::string_view tcp_type_name(TcpType type) {
  switch (type) {
    case TcpType::kActive: return "active";
    case TcpType::kPassive: return "passive";
    case TcpType::kSo: return "so";
  }
  return "active";
}

CandidateTransport Candidate::transport_kind() const {
  if (text::iequals(transport, "udp")) return CandidateTransport::kUdp;
  if (text::iequals(transport, "tcp")) return CandidateTransport::kTcp;
  return CandidateTransport::kOther;
}

std::optional<std::string_view> Candidate::extension(std::string_view name) const {
  for (const auto& e : extensions) {
    if (e.name == name) return std::string_view(e.value);
  }
  return std::nullopt;
}

Result<Candidate> parse_candidate(std::string_view input) { return parse_candidate_value(strip_prefixes(input)); }

Result<Candidate> parse_candidate_value(std::string_view value) {
  text::Fields fields(value, ' ');
  std::string_view f[kRequiredFields];
  for (size_t i = 0; i < kRequiredFields; ++i) {
    auto field = fields.next();
    if (!field) return Error(SdpErrc::kBadCandidate, "candidate has fewer than 8 fields");
    f[i] = *field;
  }
  Candidate c;
  if (!is_foundation(f[0])) return Error(SdpErrc::kBadCandidate, "candidate foundation is not 1-32 ice-char");
  // RFC 8839 §5.1 component-id = 1*3DIGIT; RFC 8445 §5.1.1.1: between 1 and 256.
  if (!text::parse_uint_to(f[1], c.component, 256) || c.component == 0) {
    return Error(SdpErrc::kBadCandidate, "candidate component is not 1-256");
  }
  // transport = "UDP" / transport-extension (token); case-insensitive in practice.
  if (!text::is_token(f[2])) return Error(SdpErrc::kBadCandidate, "candidate transport is not a token");
  // RFC 8839 §5.1 priority = 1*10DIGIT; RFC 8445 §5.1.2: a 32-bit value.
  if (f[3].size() > 10 || !text::parse_uint_to(f[3], c.priority)) {
    return Error(SdpErrc::kBadCandidate, "candidate priority is not a 32-bit integer");
  }
  if (!classify_address(f[4])) return Error(SdpErrc::kBadCandidate, "candidate address is not IPv4, IPv6 or an FQDN");
  if (!text::parse_uint_to(f[5], c.port)) return Error(SdpErrc::kBadCandidate, "candidate port is not 0-65535");
  // cand-type = "typ" SP candidate-types.
  if (f[6] != "typ") return Error(SdpErrc::kBadCandidate, "candidate has no \"typ\" after the port");
  auto type = candidate_type_from_name(f[7]);
  if (!type) return Error(SdpErrc::kBadCandidate, "candidate typ is not host/srflx/prflx/relay");
  c.foundation = std::string(f[0]);
  c.transport = std::string(f[2]);
  c.address = std::string(f[4]);
  c.type = *type;

  // [SP rel-addr] [SP rel-port], then *(SP extension-att-name SP extension-att-value).
  while (auto name = fields.next()) {
    auto val = fields.next();
    if (!val) return Error(SdpErrc::kBadCandidate, "candidate extension has no value");
    if (*name == "raddr") {
      if (c.related_address || c.related_port || c.tcp_type || !c.extensions.empty()) {
        return Error(SdpErrc::kBadCandidate, "candidate raddr is repeated or out of place");
      }
      if (!classify_address(*val)) return Error(SdpErrc::kBadCandidate, "candidate raddr is not IPv4, IPv6 or an FQDN");
      c.related_address = std::string(*val);
    } else if (*name == "rport") {
      if (c.related_port || c.tcp_type || !c.extensions.empty()) {
        return Error(SdpErrc::kBadCandidate, "candidate rport is repeated or out of place");
      }
      uint16_t port = 0;
      if (!text::parse_uint_to(*val, port)) return Error(SdpErrc::kBadCandidate, "candidate rport is not 0-65535");
      c.related_port = port;
    } else if (*name == "tcptype") {
      // RFC 6544 §4.5: tcp-type-ext = "tcptype" SP tcp-type; tcp-type = "active" / "passive" / "so".
      if (c.tcp_type) return Error(SdpErrc::kBadCandidate, "candidate tcptype is repeated");
      c.tcp_type = tcp_type_from_name(*val);
      if (!c.tcp_type) return Error(SdpErrc::kBadCandidate, "candidate tcptype is not active/passive/so");
    } else {
      // extension-att-name = token; extension-att-value = *VCHAR (non-empty once split on SP).
      if (!text::is_token(*name)) return Error(SdpErrc::kBadCandidate, "candidate extension name is not a token");
      if (!text::is_non_ws_string(*val)) return Error(SdpErrc::kBadCandidate, "candidate extension value is empty");
      c.extensions.push_back({std::string(*name), std::string(*val)});
    }
  }
  return c;
}

std::string serialize(const Candidate& c) {
  std::string out;
  out.reserve(96);
  out += c.foundation;
  out += ' ';
  text::append_uint(out, c.component);
  out += ' ';
  out += c.transport;
  out += ' ';
  text::append_uint(out, c.priority);
  out += ' ';
  out += c.address;
  out += ' ';
  text::append_uint(out, c.port);
  out += " typ ";
  out += candidate_type_name(c.type);
  if (c.related_address) {
    out += " raddr ";
    out += *c.related_address;
  }
  if (c.related_port) {
    out += " rport ";
    text::append_uint(out, *c.related_port);
  }
  if (c.tcp_type) {
    out += " tcptype ";
    out += tcp_type_name(*c.tcp_type);
  }
  for (const auto& e : c.extensions) {
    out += ' ';
    out += e.name;
    out += ' ';
    out += e.value;
  }
  return out;
}

std::string serialize_trickle(const Candidate& candidate) { return "candidate:" + serialize(candidate); }

}  // namespace tern::sdp

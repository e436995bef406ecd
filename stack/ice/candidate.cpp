#include "ice/candidate.hpp"

#include <charconv>

namespace tern::ice {
namespace {

// RFC 8839 §5.1: ice-char = ALPHA / DIGIT / "+" / "/".
bool is_ice_char(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '+' || c == '/';
}

bool all_ice_chars(std::string_view s) {
  for (char c : s) {
    if (!is_ice_char(c)) return false;
  }
  return true;
}

// RFC 8866 token (what RFC 8839 uses for transport and extension names).
bool is_token(std::string_view s) {
  if (s.empty()) return false;
  for (char c : s) {
    const bool ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
                    std::string_view("!#$%&'*+-.^_`{|}~").find(c) != std::string_view::npos;
    if (!ok) return false;
  }
  return true;
}

// 1*VCHAR (visible ASCII).
bool is_vchars(std::string_view s) {
  if (s.empty()) return false;
  for (char c : s) {
    if (c < 0x21 || c > 0x7e) return false;
  }
  return true;
}

bool iequals(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (size_t i = 0; i < a.size(); ++i) {
    char x = a[i], y = b[i];
    if (x >= 'A' && x <= 'Z') x = static_cast<char>(x - 'A' + 'a');
    if (y >= 'A' && y <= 'Z') y = static_cast<char>(y - 'A' + 'a');
    if (x != y) return false;
  }
  return true;
}

// Decimal digits only (no sign, no spaces), at most `max_digits`, value within T.
template <class T>
bool parse_decimal(std::string_view s, T& out, size_t max_digits) {
  if (s.empty() || s.size() > max_digits) return false;
  for (char c : s) {
    if (c < '0' || c > '9') return false;
  }
  auto [end, ec] = std::from_chars(s.data(), s.data() + s.size(), out);
  return ec == std::errc() && end == s.data() + s.size();
}

// RFC 1123 host name: labels of letters, digits and hyphens, 1-63 characters, joined by dots.
bool is_hostname(std::string_view s) {
  if (s.empty() || s.size() > 253) return false;
  size_t label = 0;
  for (char c : s) {
    if (c == '.') {
      if (label == 0) return false;
      label = 0;
      continue;
    }
    const bool ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-';
    if (!ok || ++label > 63) return false;
  }
  return label > 0;
}

std::optional<CandidateType> type_from_name(std::string_view s) {
  if (s == "host") return CandidateType::kHost;
  if (s == "srflx") return CandidateType::kServerReflexive;
  if (s == "prflx") return CandidateType::kPeerReflexive;
  if (s == "relay") return CandidateType::kRelayed;
  return std::nullopt;
}

std::optional<TcpType> tcp_type_from_name(std::string_view s) {
  if (s == "active") return TcpType::kActive;
  if (s == "passive") return TcpType::kPassive;
  if (s == "so") return TcpType::kSimultaneousOpen;
  return std::nullopt;
}

// Splits on runs of spaces, remembering where each field starts.
class Fields {
 public:
  Fields(std::string_view text, size_t base) : text_(text), base_(base) {}
  bool next(std::string_view& field, uint32_t& position) {
    while (pos_ < text_.size() && text_[pos_] == ' ') ++pos_;
    if (pos_ >= text_.size()) return false;
    const size_t start = pos_;
    while (pos_ < text_.size() && text_[pos_] != ' ') ++pos_;
    field = text_.substr(start, pos_ - start);
    position = static_cast<uint32_t>(base_ + start);
    return true;
  }

 private:
  std::string_view text_;
  size_t base_;
  size_t pos_ = 0;
};

Error bad(const char* detail, uint32_t position) { return Error(IceErrc::kBadCandidate, detail, position); }

}  // namespace

std::string_view candidate_type_name(CandidateType type) {
  switch (type) {
    case CandidateType::kHost: return "host";
    case CandidateType::kServerReflexive: return "srflx";
    case CandidateType::kPeerReflexive: return "prflx";
    case CandidateType::kRelayed: return "relay";
  }
  return "host";
}

std::string_view tcp_type_name(TcpType type) {
  switch (type) {
    case TcpType::kActive: return "active";
    case TcpType::kPassive: return "passive";
    case TcpType::kSimultaneousOpen: return "so";
  }
  return "active";
}

bool Candidate::is_mdns() const {
  constexpr std::string_view kSuffix = ".local";
  return hostname.size() > kSuffix.size() && iequals(std::string_view(hostname).substr(hostname.size() - kSuffix.size()), kSuffix);
}

Result<Candidate> parse_candidate(std::string_view text) {
  if (text.size() > Candidate::kMaxTextSize) return bad("candidate longer than 1024 bytes", 0);
  size_t base = 0;
  if (text.size() >= 2 && text.substr(text.size() - 2) == "\r\n") {
    text.remove_suffix(2);
  } else if (!text.empty() && text.back() == '\n') {
    text.remove_suffix(1);
  }
  if (text.substr(0, 12) == "a=candidate:") {
    base = 12;
  } else if (text.substr(0, 10) == "candidate:") {
    base = 10;
  }
  Fields fields(text.substr(base), base);
  std::string_view f;
  uint32_t pos = 0;
  Candidate c;
  // RFC 8839 §5.1: foundation = 1*32ice-char.
  if (!fields.next(f, pos)) return bad("candidate is empty", 0);
  if (f.size() > 32 || !all_ice_chars(f)) return bad("foundation is not 1-32 ice-char", pos);
  c.foundation = std::string(f);
  // component-id = 1*3DIGIT; RFC 8445 §5.1.1.1: between 1 and 256.
  if (!fields.next(f, pos)) return bad("candidate has no component", pos);
  if (!parse_decimal(f, c.component, 3) || c.component == 0 || c.component > 256) {
    return bad("component is not 1-256", pos);
  }
  // transport = "UDP" / transport-extension; RFC 6544 adds "TCP". Case varies between browsers.
  if (!fields.next(f, pos)) return bad("candidate has no transport", pos);
  if (iequals(f, "udp")) {
    c.transport = TransportProtocol::kUdp;
  } else if (iequals(f, "tcp")) {
    c.transport = TransportProtocol::kTcp;
  } else if (is_token(f)) {
    return Error(IceErrc::kUnsupportedTransport, "transport is neither UDP nor TCP", pos);
  } else {
    return bad("transport is not a token", pos);
  }
  // priority = 1*10DIGIT, a 32-bit value (RFC 8445 §5.1.2).
  if (!fields.next(f, pos)) return bad("candidate has no priority", pos);
  if (!parse_decimal(f, c.priority, 10)) return bad("priority is not a 32-bit integer", pos);
  // connection-address: IPv4, IPv6 (RFC 8839 §5.1: no brackets) or an FQDN.
  if (!fields.next(f, pos)) return bad("candidate has no address", pos);
  std::optional<IpAddress> ip;
  if (f.find_first_not_of("0123456789.") == std::string_view::npos || f.find(':') != std::string_view::npos) {
    ip = IpAddress::parse(f);
    if (!ip) return bad("address is not a valid IP address", pos);
  } else if (is_hostname(f)) {
    c.hostname = std::string(f);
  } else {
    return bad("address is not an IP address or a host name", pos);
  }
  // port = 1*5DIGIT.
  if (!fields.next(f, pos)) return bad("candidate has no port", pos);
  uint16_t port = 0;
  if (!parse_decimal(f, port, 5)) return bad("port is not 0-65535", pos);
  c.address = SocketAddress(ip.value_or(IpAddress()), port);
  // cand-type = "typ" SP candidate-types.
  if (!fields.next(f, pos) || f != "typ") return bad("\"typ\" does not follow the port", pos);
  if (!fields.next(f, pos)) return bad("candidate has no type", pos);
  auto type = type_from_name(f);
  if (!type) return bad("type is not host/srflx/prflx/relay", pos);
  c.type = *type;

  // [SP rel-addr] [SP rel-port] then *(SP extension-att-name SP extension-att-value).
  std::optional<IpAddress> raddr;
  std::optional<uint16_t> rport;
  bool related_seen = false;
  bool named_extension_seen = false;
  std::string_view name;
  uint32_t name_pos = 0;
  while (fields.next(name, name_pos)) {
    std::string_view value;
    uint32_t value_pos = 0;
    if (!fields.next(value, value_pos)) return bad("extension has no value", name_pos);
    if (name == "raddr") {
      if (related_seen || rport || named_extension_seen) return bad("raddr repeated or out of place", name_pos);
      related_seen = true;
      // A name (mDNS) is legal but informational only: it is not kept.
      if (value.find_first_not_of("0123456789.") == std::string_view::npos || value.find(':') != std::string_view::npos) {
        raddr = IpAddress::parse(value);
        if (!raddr) return bad("raddr is not a valid IP address", value_pos);
      } else if (!is_hostname(value)) {
        return bad("raddr is not an IP address or a host name", value_pos);
      }
    } else if (name == "rport") {
      if (rport || named_extension_seen) return bad("rport repeated or out of place", name_pos);
      uint16_t p = 0;
      if (!parse_decimal(value, p, 5)) return bad("rport is not 0-65535", value_pos);
      rport = p;
    } else if (name == "tcptype") {
      // RFC 6544 §4.5: tcp-type = "active" / "passive" / "so".
      if (c.tcp_type) return bad("tcptype repeated", name_pos);
      c.tcp_type = tcp_type_from_name(value);
      if (!c.tcp_type) return bad("tcptype is not active/passive/so", value_pos);
    } else if (name == "generation") {
      if (c.generation) return bad("generation repeated", name_pos);
      uint32_t g = 0;
      if (!parse_decimal(value, g, 10)) return bad("generation is not a 32-bit integer", value_pos);
      c.generation = g;
    } else if (name == "ufrag") {
      // RFC 8839 §5.4: ice-ufrag = 4*256ice-char (shorter ones are tolerated here; the agent
      // compares them with the session's ufrag).
      if (!c.ufrag.empty()) return bad("ufrag repeated", name_pos);
      if (value.size() > 256 || !all_ice_chars(value)) return bad("ufrag is not 1-256 ice-char", value_pos);
      c.ufrag = std::string(value);
    } else if (name == "network-id") {
      if (c.network_id) return bad("network-id repeated", name_pos);
      uint32_t v = 0;
      if (!parse_decimal(value, v, 10)) return bad("network-id is not a 32-bit integer", value_pos);
      c.network_id = v;
    } else if (name == "network-cost") {
      if (c.network_cost) return bad("network-cost repeated", name_pos);
      uint32_t v = 0;
      if (!parse_decimal(value, v, 10)) return bad("network-cost is not a 32-bit integer", value_pos);
      c.network_cost = v;
    } else {
      // extension-att-name = token; extension-att-value = *VCHAR (non-empty once split on SP).
      if (!is_token(name)) return bad("extension name is not a token", name_pos);
      if (!is_vchars(value)) return bad("extension value is not visible ASCII", value_pos);
      if (c.extensions.size() >= Candidate::kMaxExtensions) return bad("too many extensions", name_pos);
      c.extensions.push_back({std::string(name), std::string(value)});
    }
    if (name != "raddr" && name != "rport") named_extension_seen = true;
  }
  if (raddr || rport) c.related = SocketAddress(raddr.value_or(IpAddress()), rport.value_or(0));
  return c;
}

std::string serialize(const Candidate& c) {
  std::string out;
  out.reserve(128);
  out += "candidate:";
  out += c.foundation;
  out += ' ';
  out += std::to_string(c.component);
  out += ' ';
  out += transport_name(c.transport);
  out += ' ';
  out += std::to_string(c.priority);
  out += ' ';
  out += c.hostname.empty() ? c.address.ip().to_string() : c.hostname;
  out += ' ';
  out += std::to_string(c.address.port());
  out += " typ ";
  out += candidate_type_name(c.type);
  if (c.related) {
    out += " raddr ";
    out += c.related->ip().to_string();
    out += " rport ";
    out += std::to_string(c.related->port());
  }
  if (c.tcp_type) {
    out += " tcptype ";
    out += tcp_type_name(*c.tcp_type);
  }
  if (c.generation) {
    out += " generation ";
    out += std::to_string(*c.generation);
  }
  if (!c.ufrag.empty()) {
    out += " ufrag ";
    out += c.ufrag;
  }
  if (c.network_id) {
    out += " network-id ";
    out += std::to_string(*c.network_id);
  }
  if (c.network_cost) {
    out += " network-cost ";
    out += std::to_string(*c.network_cost);
  }
  for (const auto& e : c.extensions) {
    out += ' ';
    out += e.name;
    out += ' ';
    out += e.value;
  }
  return out;
}

std::string describe(const Candidate& c) {
  std::string out = "candidate\n";
  auto line = [&out](std::string_view name, const std::string& value) {
    out += "  ";
    out += name;
    out += ": ";
    out += value;
    out += '\n';
  };
  line("foundation", c.foundation);
  line("component", std::to_string(c.component));
  line("transport", transport_name(c.transport));
  line("priority", std::to_string(c.priority) + " (type preference " + std::to_string(c.priority >> 24) +
                       ", local preference " + std::to_string((c.priority >> 8) & 0xFFFF) + ", component " +
                       std::to_string(256 - (c.priority & 0xFF)) + ")");
  if (c.hostname.empty()) {
    line("address", c.address.to_string());
  } else {
    line("address", c.hostname + " port " + std::to_string(c.address.port()) + (c.is_mdns() ? " (mDNS)" : " (FQDN)"));
  }
  line("type", std::string(candidate_type_name(c.type)));
  if (c.related) line("related", c.related->to_string());
  if (c.tcp_type) line("tcptype", std::string(tcp_type_name(*c.tcp_type)));
  if (c.generation) line("generation", std::to_string(*c.generation));
  if (!c.ufrag.empty()) line("ufrag", c.ufrag);
  if (c.network_id) line("network-id", std::to_string(*c.network_id));
  if (c.network_cost) line("network-cost", std::to_string(*c.network_cost));
  for (const auto& e : c.extensions) line(e.name, e.value);
  return out;
}

}  // namespace tern::ice

#include "sdp/rid.hpp"

#include "sdp/text.hpp"

namespace tern::sdp {

bool is_rid_id(std::string_view s) {
  if (s.empty()) return false;
  for (char c : s) {
    if (!text::is_alnum(c) && c != '-' && c != '_') return false;
  }
  return true;
}

namespace {
// RFC 8851 §10: rid-param = 1*(alpha-numeric / "-") [ "=" param-val ].
bool is_param_name(std::string_view s) {
  if (s.empty()) return false;
  for (char c : s) {
    if (!text::is_alnum(c) && c != '-') return false;
  }
  return true;
}
// param-val = *( %x20-3A / %x3C-7E ): printable, without ';'.
bool is_param_value(std::string_view s) {
  for (char c : s) {
    if (c < 0x20 || c > 0x7E || c == ';') return false;
  }
  return true;
}
}  // namespace

Result<Rid> parse_rid(std::string_view value) {
  Rid rid;
  const size_t sp1 = value.find(' ');
  if (!is_rid_id(value.substr(0, sp1))) return Error(SdpErrc::kBadRid, "rid-id is not 1*(alpha-numeric / \"-\" / \"_\")");
  if (sp1 == std::string_view::npos) return Error(SdpErrc::kBadRid, "rid has no direction");
  rid.id = std::string(value.substr(0, sp1));
  std::string_view rest = value.substr(sp1 + 1);
  const size_t sp2 = rest.find(' ');
  const std::string_view dir = rest.substr(0, sp2);
  // RFC 8851 §10: rid-dir = %s"send" / %s"recv".
  if (dir == "send") {
    rid.direction = RidDirection::kSend;
  } else if (dir == "recv") {
    rid.direction = RidDirection::kRecv;
  } else {
    return Error(SdpErrc::kBadRid, "rid direction is not send/recv");
  }
  if (sp2 == std::string_view::npos) return rid;
  text::Fields params(rest.substr(sp2 + 1), ';');
  bool first = true;
  while (auto param = params.next()) {
    // rid-pt-param-list = SP rid-fmt-list *(";" rid-param): "pt=" only comes first.
    if (first && param->substr(0, 3) == "pt=") {
      text::Fields fmts(param->substr(3), ',');
      while (auto fmt = fmts.next()) {
        if (!text::is_token(*fmt)) return Error(SdpErrc::kBadRid, "rid pt= list has an empty or bad format");
        rid.formats.emplace_back(*fmt);
      }
    } else {
      const size_t eq = param->find('=');
      const std::string_view name = param->substr(0, eq);
      if (!is_param_name(name)) return Error(SdpErrc::kBadRid, "rid restriction name is not 1*(alpha-numeric / \"-\")");
      if (name == "pt") return Error(SdpErrc::kBadRid, "rid pt= must be the first restriction");
      RidParameter p;
      p.name = std::string(name);
      if (eq != std::string_view::npos) {
        const std::string_view v = param->substr(eq + 1);
        if (!is_param_value(v)) return Error(SdpErrc::kBadRid, "rid restriction value has a control character");
        p.value = std::string(v);
      }
      rid.parameters.push_back(std::move(p));
    }
    first = false;
  }
  return rid;
}

std::string serialize(const Rid& rid) {
  std::string out = rid.id;
  out += rid.direction == RidDirection::kSend ? " send" : " recv";
  char sep = ' ';
  if (!rid.formats.empty()) {
    out += " pt=";
    for (size_t i = 0; i < rid.formats.size(); ++i) {
      if (i != 0) out += ',';
      out += rid.formats[i];
    }
    sep = ';';
  }
  for (const auto& p : rid.parameters) {
    out += sep;
    sep = ';';
    out += p.name;
    if (p.value) {
      out += '=';
      out += *p.value;
    }
  }
  return out;
}

}  // namespace tern::sdp

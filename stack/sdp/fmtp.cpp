#include "sdp/fmtp.hpp"

#include "sdp/text.hpp"

namespace tern::sdp {
namespace {
std::string_view trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
  return s;
}
}  // namespace

std::optional<std::string_view> Fmtp::parameter(std::string_view name) const {
  for (const auto& p : parameters) {
    if (text::iequals(p.name, name)) {
      if (!p.value) return std::nullopt;
      return std::string_view(*p.value);
    }
  }
  return std::nullopt;
}

Result<Fmtp> parse_fmtp(std::string_view value) {
  const size_t sp = value.find(' ');
  // RFC 8866 §6.15: a=fmtp:<format> <format specific parameters>.
  if (sp == std::string_view::npos) return Error(SdpErrc::kBadFmtp, "fmtp has no parameters after the format");
  Fmtp fmtp;
  const std::string_view format = value.substr(0, sp);
  if (!text::is_token(format)) return Error(SdpErrc::kBadFmtp, "fmtp format is not a token");
  fmtp.format = std::string(format);
  text::Fields params(value.substr(sp + 1), ';');
  while (auto raw = params.next()) {
    std::string_view param = trim(*raw);
    if (param.empty()) continue;  // "a;;b" and a trailing ';' carry no parameter
    FmtpParameter p;
    const size_t eq = param.find('=');
    std::string_view name = trim(param.substr(0, eq));
    if (name.empty()) return Error(SdpErrc::kBadFmtp, "fmtp parameter has an empty name");
    p.name = std::string(name);
    if (eq != std::string_view::npos) p.value = std::string(trim(param.substr(eq + 1)));
    fmtp.parameters.push_back(std::move(p));
  }
  if (fmtp.parameters.empty()) return Error(SdpErrc::kBadFmtp, "fmtp has no parameters after the format");
  return fmtp;
}

std::string serialize(const Fmtp& fmtp) {
  std::string out = fmtp.format;
  out += ' ';
  for (size_t i = 0; i < fmtp.parameters.size(); ++i) {
    if (i != 0) out += ';';
    out += fmtp.parameters[i].name;
    if (fmtp.parameters[i].value) {
      out += '=';
      out += *fmtp.parameters[i].value;
    }
  }
  return out;
}

}  // namespace tern::sdp

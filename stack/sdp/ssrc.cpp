#include "sdp/ssrc.hpp"

#include "sdp/text.hpp"

namespace tern::sdp {

Result<SsrcAttribute> parse_ssrc(std::string_view value) {
  SsrcAttribute ssrc;
  const size_t sp = value.find(' ');
  // RFC 5576 §4.1: ssrc-attr = "ssrc:" ssrc-id SP attribute; ssrc-id = integer 0 - 2**32-1.
  if (!text::parse_uint_to(value.substr(0, sp), ssrc.ssrc)) return Error(SdpErrc::kBadSsrc, "ssrc-id is not a 32-bit integer");
  if (sp == std::string_view::npos) return Error(SdpErrc::kBadSsrc, "ssrc has no source attribute");
  std::string_view attribute = value.substr(sp + 1);
  const size_t colon = attribute.find(':');
  // RFC 8866 §9 attribute = attribute-name [":" attribute-value], attribute-value = byte-string.
  if (!text::is_token(attribute.substr(0, colon))) return Error(SdpErrc::kBadSsrc, "ssrc source attribute name is not a token");
  ssrc.attribute = std::string(attribute.substr(0, colon));
  if (colon != std::string_view::npos) {
    if (colon + 1 == attribute.size()) return Error(SdpErrc::kBadSsrc, "ssrc source attribute value is empty");
    ssrc.value = std::string(attribute.substr(colon + 1));
  }
  return ssrc;
}

std::string serialize(const SsrcAttribute& ssrc) {
  std::string out;
  text::append_uint(out, ssrc.ssrc);
  out += ' ';
  out += ssrc.attribute;
  if (ssrc.value) {
    out += ':';
    out += *ssrc.value;
  }
  return out;
}

Result<SsrcGroup> parse_ssrc_group(std::string_view value) {
  SsrcGroup group;
  text::Fields fields(value, ' ');
  auto semantics = fields.next();
  // RFC 5576 §4.2: ssrc-group-attr = "ssrc-group:" semantics *(SP ssrc-id).
  if (!text::is_token(*semantics)) return Error(SdpErrc::kBadSsrc, "ssrc-group semantics is not a token");
  group.semantics = std::string(*semantics);
  while (auto id = fields.next()) {
    uint32_t ssrc = 0;
    if (!text::parse_uint_to(*id, ssrc)) return Error(SdpErrc::kBadSsrc, "ssrc-group ssrc-id is not a 32-bit integer");
    group.ssrcs.push_back(ssrc);
  }
  return group;
}

std::string serialize(const SsrcGroup& group) {
  std::string out = group.semantics;
  for (uint32_t ssrc : group.ssrcs) {
    out += ' ';
    text::append_uint(out, ssrc);
  }
  return out;
}

}  // namespace tern::sdp

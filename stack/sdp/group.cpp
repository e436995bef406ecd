#include "sdp/group.hpp"

#include "sdp/text.hpp"

namespace tern::sdp {

Result<Group> parse_group(std::string_view value) {
  Group group;
  text::Fields fields(value, ' ');
  auto semantics = fields.next();
  // RFC 5888 §5: group-attribute = "a=group:" semantics *(SP identification-tag).
  if (!text::is_token(*semantics)) return Error(SdpErrc::kBadGroup, "group semantics is not a token");
  group.semantics = std::string(*semantics);
  while (auto tag = fields.next()) {
    if (!text::is_token(*tag)) return Error(SdpErrc::kBadGroup, "group identification-tag is not a token");
    group.mids.emplace_back(*tag);
  }
  return group;
}

std::string serialize(const Group& group) {
  std::string out = group.semantics;
  for (const auto& mid : group.mids) {
    out += ' ';
    out += mid;
  }
  return out;
}

Result<MsidSemantic> parse_msid_semantic(std::string_view value) {
  // Chromium writes "a=msid-semantic: WMS <ids>": one SP after the colon is accepted.
  if (!value.empty() && value.front() == ' ') value.remove_prefix(1);
  MsidSemantic semantic;
  text::Fields fields(value, ' ');
  auto token = fields.next();
  if (!text::is_token(*token)) return Error(SdpErrc::kBadGroup, "msid-semantic token is not a token");
  semantic.semantic = std::string(*token);
  while (auto id = fields.next()) {
    if (!text::is_token(*id)) return Error(SdpErrc::kBadGroup, "msid-semantic stream id is not a token");
    semantic.stream_ids.emplace_back(*id);
  }
  return semantic;
}

std::string serialize(const MsidSemantic& semantic) {
  std::string out = semantic.semantic;
  for (const auto& id : semantic.stream_ids) {
    out += ' ';
    out += id;
  }
  return out;
}

Result<std::string_view> parse_mid(std::string_view value) {
  // RFC 5888 §4: mid-attribute = "a=mid:" identification-tag; identification-tag = token.
  if (!text::is_token(value)) return Error(SdpErrc::kBadGroup, "mid is not a token");
  return value;
}

}  // namespace tern::sdp

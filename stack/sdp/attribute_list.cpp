#include "sdp/attribute_list.hpp"

#include "sdp/text.hpp"

namespace tern::sdp {
namespace {

template <auto Parse>
Status check(std::string_view value) {
  auto r = Parse(value);
  if (!r) return r.error();
  return {};
}

struct KnownAttribute {
  std::string_view name;
  Status (*validate)(std::string_view);  // nullptr: a flag attribute, which takes no value
};

constexpr KnownAttribute kKnownAttributes[] = {
    // Flags (RFC 8866 §9 attribute = attribute-name, no value).
    {"rtcp-mux", nullptr},            // RFC 5761 §5.1.1
    {"rtcp-rsize", nullptr},          // RFC 5506 §5
    {"ice-lite", nullptr},            // RFC 8839 §5.3
    {"end-of-candidates", nullptr},   // RFC 8840 §8.2
    {"extmap-allow-mixed", nullptr},  // RFC 8285 §6
    {"bundle-only", nullptr},         // RFC 9143 §6
    {"sendrecv", nullptr},            // RFC 8866 §6.7
    {"sendonly", nullptr},
    {"recvonly", nullptr},
    {"inactive", nullptr},
    // Value attributes, each with its typed parser.
    {"candidate", check<&parse_candidate_value>},
    {"rtpmap", check<&parse_rtpmap>},
    {"fmtp", check<&parse_fmtp>},
    {"rtcp-fb", check<&parse_rtcp_fb>},
    {"extmap", check<&parse_extmap>},
    {"ssrc", check<&parse_ssrc>},
    {"ssrc-group", check<&parse_ssrc_group>},
    {"mid", check<&parse_mid>},
    {"msid", check<&parse_msid>},
    {"group", check<&parse_group>},
    {"msid-semantic", check<&parse_msid_semantic>},
    {"ice-ufrag", check<&parse_ice_ufrag>},
    {"ice-pwd", check<&parse_ice_pwd>},
    {"ice-options", check<&parse_ice_options>},
    {"fingerprint", check<&parse_fingerprint>},
    {"setup", check<&parse_setup>},
    {"rtcp", check<&parse_rtcp>},
    {"rid", check<&parse_rid>},
    {"simulcast", check<&parse_simulcast>},
    {"sctp-port", check<&parse_sctp_port>},
    {"max-message-size", check<&parse_max_message_size>},
    {"sctpmap", check<&parse_sctpmap>},
};

template <class T, class Parse>
std::vector<T> collect(const std::vector<Attribute>& attributes, std::string_view name, Parse parse) {
  std::vector<T> out;
  for (const auto& a : attributes) {
    if (a.name != name) continue;
    auto r = parse(a.value);
    if (r) out.push_back(std::move(*r));
  }
  return out;
}

template <class T, class Parse>
std::optional<T> first(const std::vector<Attribute>& attributes, std::string_view name, Parse parse) {
  for (const auto& a : attributes) {
    if (a.name != name) continue;
    auto r = parse(a.value);
    if (r) return std::move(*r);
  }
  return std::nullopt;
}

}  // namespace

Status validate_attribute(std::string_view name, std::string_view value) {
  // RFC 8866 §9: attribute-name = token.
  if (!text::is_token(name)) return Error(SdpErrc::kBadAttribute, "attribute name is not a token");
  for (const auto& known : kKnownAttributes) {
    if (known.name != name) continue;
    if (known.validate == nullptr) {
      if (!value.empty()) return Error(SdpErrc::kBadAttribute, "flag attribute has a value");
      return {};
    }
    if (value.empty()) return Error(SdpErrc::kBadAttribute, "attribute needs a value");
    return known.validate(value);
  }
  return {};
}

std::optional<std::string_view> AttributeList::attribute(std::string_view name) const {
  for (const auto& a : attributes) {
    if (a.name == name) return std::string_view(a.value);
  }
  return std::nullopt;
}

std::vector<std::string_view> AttributeList::attribute_values(std::string_view name) const {
  std::vector<std::string_view> out;
  for (const auto& a : attributes) {
    if (a.name == name) out.emplace_back(a.value);
  }
  return out;
}

bool AttributeList::has_attribute(std::string_view name) const { return attribute(name).has_value(); }

void AttributeList::add_attribute(std::string_view name, std::string_view value) {
  attributes.push_back({std::string(name), std::string(value)});
}

void AttributeList::set_attribute(std::string_view name, std::string_view value) {
  for (auto& a : attributes) {
    if (a.name == name) {
      a.value = std::string(value);
      return;
    }
  }
  add_attribute(name, value);
}

size_t AttributeList::remove_attributes(std::string_view name) {
  return std::erase_if(attributes, [name](const Attribute& a) { return a.name == name; });
}

std::vector<Group> AttributeList::groups() const { return collect<Group>(attributes, Group::kAttributeName, parse_group); }

std::optional<Group> AttributeList::group(std::string_view semantics) const {
  for (auto& g : groups()) {
    if (g.semantics == semantics) return std::move(g);
  }
  return std::nullopt;
}

std::optional<MsidSemantic> AttributeList::msid_semantic() const {
  return first<MsidSemantic>(attributes, MsidSemantic::kAttributeName, parse_msid_semantic);
}

std::optional<std::string_view> AttributeList::mid() const {
  return first<std::string_view>(attributes, kMidAttribute, parse_mid);
}

std::vector<Msid> AttributeList::msids() const { return collect<Msid>(attributes, Msid::kAttributeName, parse_msid); }

std::optional<std::string_view> AttributeList::ice_ufrag() const {
  return first<std::string_view>(attributes, kIceUfragAttribute, parse_ice_ufrag);
}

std::optional<std::string_view> AttributeList::ice_pwd() const {
  return first<std::string_view>(attributes, kIcePwdAttribute, parse_ice_pwd);
}

std::optional<IceOptions> AttributeList::ice_options() const {
  return first<IceOptions>(attributes, IceOptions::kAttributeName, parse_ice_options);
}

std::vector<Fingerprint> AttributeList::fingerprints() const {
  return collect<Fingerprint>(attributes, Fingerprint::kAttributeName, parse_fingerprint);
}

std::optional<SetupRole> AttributeList::setup() const { return first<SetupRole>(attributes, kSetupAttribute, parse_setup); }

std::optional<RtcpAttribute> AttributeList::rtcp() const {
  return first<RtcpAttribute>(attributes, RtcpAttribute::kAttributeName, parse_rtcp);
}

std::vector<Rtpmap> AttributeList::rtpmaps() const { return collect<Rtpmap>(attributes, Rtpmap::kAttributeName, parse_rtpmap); }

std::optional<Rtpmap> AttributeList::rtpmap(uint8_t payload_type) const {
  for (auto& r : rtpmaps()) {
    if (r.payload_type == payload_type) return std::move(r);
  }
  return std::nullopt;
}

std::vector<Fmtp> AttributeList::fmtps() const { return collect<Fmtp>(attributes, Fmtp::kAttributeName, parse_fmtp); }

std::optional<Fmtp> AttributeList::fmtp(std::string_view format) const {
  for (const auto& a : attributes) {
    // Compare the format before parsing the parameters of every other fmtp line.
    if (a.name != Fmtp::kAttributeName || a.value.substr(0, a.value.find(' ')) != format) continue;
    if (auto r = parse_fmtp(a.value)) return std::move(*r);
  }
  return std::nullopt;
}

std::vector<RtcpFb> AttributeList::rtcp_fbs() const { return collect<RtcpFb>(attributes, RtcpFb::kAttributeName, parse_rtcp_fb); }

std::vector<RtcpFb> AttributeList::rtcp_fbs(uint8_t payload_type) const {
  std::vector<RtcpFb> out;
  for (auto& fb : rtcp_fbs()) {
    // RFC 4585 §4.2: "*" applies to every payload type of the media section.
    if (!fb.payload_type || *fb.payload_type == payload_type) out.push_back(std::move(fb));
  }
  return out;
}

std::vector<Extmap> AttributeList::extmaps() const { return collect<Extmap>(attributes, Extmap::kAttributeName, parse_extmap); }

std::vector<SsrcAttribute> AttributeList::ssrcs() const {
  return collect<SsrcAttribute>(attributes, SsrcAttribute::kAttributeName, parse_ssrc);
}

std::vector<SsrcGroup> AttributeList::ssrc_groups() const {
  return collect<SsrcGroup>(attributes, SsrcGroup::kAttributeName, parse_ssrc_group);
}

std::vector<Rid> AttributeList::rids() const { return collect<Rid>(attributes, Rid::kAttributeName, parse_rid); }

std::optional<Simulcast> AttributeList::simulcast() const {
  return first<Simulcast>(attributes, Simulcast::kAttributeName, parse_simulcast);
}

std::optional<uint16_t> AttributeList::sctp_port() const { return first<uint16_t>(attributes, kSctpPortAttribute, parse_sctp_port); }

std::optional<uint64_t> AttributeList::max_message_size() const {
  return first<uint64_t>(attributes, kMaxMessageSizeAttribute, parse_max_message_size);
}

std::optional<Sctpmap> AttributeList::sctpmap() const { return first<Sctpmap>(attributes, Sctpmap::kAttributeName, parse_sctpmap); }

std::vector<Candidate> AttributeList::candidates() const {
  return collect<Candidate>(attributes, Candidate::kAttributeName, parse_candidate_value);
}

std::optional<Direction> AttributeList::direction() const {
  for (const auto& a : attributes) {
    if (!a.value.empty()) continue;
    if (auto d = direction_from_name(a.name)) return d;
  }
  return std::nullopt;
}

void AttributeList::set_direction(Direction direction) {
  // Keep the first direction flag's position, rename it, and drop any later (conflicting) ones.
  auto is_direction = [](const Attribute& a) { return a.value.empty() && direction_from_name(a.name).has_value(); };
  size_t kept = attributes.size();
  for (size_t i = 0; i < attributes.size(); ++i) {
    if (!is_direction(attributes[i])) continue;
    if (kept == attributes.size()) {
      kept = i;
      attributes[i].name = std::string(direction_name(direction));
    } else {
      attributes.erase(attributes.begin() + static_cast<std::ptrdiff_t>(i));
      --i;
    }
  }
  if (kept == attributes.size()) add_attribute(direction_name(direction));
}

void AttributeList::set_sctp_port(uint16_t port) {
  std::string value;
  text::append_uint(value, port);
  set_attribute(kSctpPortAttribute, value);
}

void AttributeList::set_max_message_size(uint64_t size) {
  std::string value;
  text::append_uint(value, size);
  set_attribute(kMaxMessageSizeAttribute, value);
}

void AttributeList::set_flag(std::string_view name, bool on) {
  if (!on) {
    remove_attributes(name);
  } else if (!has_attribute(name)) {
    add_attribute(name);
  }
}

}  // namespace tern::sdp

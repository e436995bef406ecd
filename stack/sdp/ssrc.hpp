#pragma once
// Source-specific attributes (RFC 5576 §4.1, §4.2).
//
//   a=ssrc:<ssrc-id> SP <attribute>[":" <value>]
//   a=ssrc:2580399102 cname:sfq7IJfGb34t4Xhw
//          |          |     +-- value (may contain SP: "msid:<stream> <track>")
//          |          +-------- source attribute name (cname, msid, ...)
//          +------------------- SSRC, 0 - 2^32-1
//
//   a=ssrc-group:<semantics> *(SP <ssrc-id>)
//   a=ssrc-group:FID 2580399102 1924916540        (FID: primary + RTX, SIM: simulcast layers)
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "common/error.hpp"
#include "sdp/errc.hpp"

namespace tern::sdp {

struct SsrcAttribute {
  static constexpr std::string_view kAttributeName = "ssrc";
  uint32_t ssrc = 0;
  std::string attribute;             // "cname", "msid", ...
  std::optional<std::string> value;  // after the first ':'
  bool operator==(const SsrcAttribute&) const = default;
};

struct SsrcGroup {
  static constexpr std::string_view kAttributeName = "ssrc-group";
  std::string semantics;  // "FID", "SIM", "FEC-FR", ...
  std::vector<uint32_t> ssrcs;
  bool operator==(const SsrcGroup&) const = default;
};

// Parses "2580399102 cname:abc"; kBadSsrc for an SSRC that is not a 32-bit integer or a source
// attribute name that is not a token.
Result<SsrcAttribute> parse_ssrc(std::string_view value);
// "2580399102 cname:abc".
std::string serialize(const SsrcAttribute& ssrc);

// Parses "FID 1 2"; kBadSsrc for semantics that are not a token or a bad SSRC.
Result<SsrcGroup> parse_ssrc_group(std::string_view value);
// "FID 1 2".
std::string serialize(const SsrcGroup& group);

}  // namespace tern::sdp

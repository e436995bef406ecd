#pragma once
// Grouping of media sections: a=group and a=mid (RFC 5888 §4, §5; BUNDLE is RFC 9143), and the
// legacy WebRTC a=msid-semantic session attribute (draft-ietf-mmusic-msid, still sent by
// Chromium and libdatachannel).
//
//   a=group:<semantics> *(SP <identification-tag>)     a=group:BUNDLE 0 1 2
//   a=mid:<identification-tag>                          a=mid:0
//   a=msid-semantic:[SP]<semantic> *(SP <stream id>)    a=msid-semantic: WMS 4af633d0-...
//                                                       a=msid-semantic:WMS *
#include <string>
#include <string_view>
#include <vector>

#include "common/error.hpp"
#include "sdp/errc.hpp"

namespace tern::sdp {

// a=group (RFC 5888 §5): a semantics token ("BUNDLE", "LS", "FID", ...) and the mids it groups.
struct Group {
  static constexpr std::string_view kAttributeName = "group";
  std::string semantics;
  std::vector<std::string> mids;
  bool operator==(const Group&) const = default;
};

// a=msid-semantic: the semantic token (usually "WMS") and the stream ids ("*" = all streams).
struct MsidSemantic {
  static constexpr std::string_view kAttributeName = "msid-semantic";
  std::string semantic;
  std::vector<std::string> stream_ids;
  bool operator==(const MsidSemantic&) const = default;
};

inline constexpr std::string_view kMidAttribute = "mid";

// Parses "BUNDLE 0 1 2"; kBadGroup when the semantics or a tag is not a token.
Result<Group> parse_group(std::string_view value);
// "BUNDLE 0 1 2".
std::string serialize(const Group& group);

// Parses "WMS id1 id2" (one leading SP tolerated, as Chromium sends it); kBadGroup on bad tokens.
Result<MsidSemantic> parse_msid_semantic(std::string_view value);
// "WMS id1 id2" (no leading SP).
std::string serialize(const MsidSemantic& semantic);

// Checks an a=mid value: RFC 5888 §4 identification-tag = token. Returns the value itself.
Result<std::string_view> parse_mid(std::string_view value);

}  // namespace tern::sdp

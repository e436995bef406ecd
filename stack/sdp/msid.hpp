#pragma once
// a=msid (RFC 8830 §2): the MediaStream a media section's track belongs to.
//
//   a=msid:<msid-id> [SP <msid-appdata>]
//          |          |
//          |          +-- track id (1*64 token-char), optional
//          +------------- stream id (1*64 token-char), "-" for no stream
//   a=msid:4af633d0-54cf-4e92-a549-b4fab42f26ab e4a03c3a-9c97-411c-a52c-c9c31406399a
#include <optional>
#include <string>
#include <string_view>

#include "common/error.hpp"
#include "sdp/errc.hpp"

namespace tern::sdp {

struct Msid {
  static constexpr std::string_view kAttributeName = "msid";
  std::string stream_id;
  std::optional<std::string> track_id;  // msid-appdata
  bool operator==(const Msid&) const = default;
};

// Parses "<stream> [<track>]"; kBadMsid when a part is not 1-64 token characters or extra
// fields follow.
Result<Msid> parse_msid(std::string_view value);
// "<stream>[ <track>]".
std::string serialize(const Msid& msid);

}  // namespace tern::sdp

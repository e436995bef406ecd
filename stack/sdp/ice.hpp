#pragma once
// ICE session attributes (RFC 8839 §5.4, §5.5, §5.6): credentials, options and ice-lite.
//
//   a=ice-ufrag:<4-256 ice-char>                 a=ice-ufrag:MbwO
//   a=ice-pwd:<22-256 ice-char>                  a=ice-pwd:o2LkRklCETM8QezwoT0NbH0e
//   a=ice-options:<tag> *(SP <tag>)              a=ice-options:trickle ice2
//   a=ice-lite                                   (flag, session level)
//
// ice-char = ALPHA / DIGIT / "+" / "/".
#include <string>
#include <string_view>
#include <vector>

#include "common/error.hpp"
#include "sdp/errc.hpp"

namespace tern::sdp {

inline constexpr std::string_view kIceUfragAttribute = "ice-ufrag";
inline constexpr std::string_view kIcePwdAttribute = "ice-pwd";
inline constexpr std::string_view kIceLiteAttribute = "ice-lite";

// a=ice-options: the option tags in order ("trickle" RFC 8840, "ice2" RFC 8445 §10).
struct IceOptions {
  static constexpr std::string_view kAttributeName = "ice-options";
  std::vector<std::string> tags;
  bool has(std::string_view tag) const;
  bool operator==(const IceOptions&) const = default;
};

// Checks an a=ice-ufrag value (4-256 ice-char); returns it, or kBadIce.
Result<std::string_view> parse_ice_ufrag(std::string_view value);
// Checks an a=ice-pwd value (22-256 ice-char); returns it, or kBadIce.
Result<std::string_view> parse_ice_pwd(std::string_view value);
// Parses "trickle ice2". libdatachannel writes "ice2,trickle": ',' is accepted as a separator
// too (it is not an ice-char, so no valid tag is split by it). kBadIce on an empty or bad tag.
Result<IceOptions> parse_ice_options(std::string_view value);
// "trickle ice2" (SP-separated, as RFC 8839 §5.6 writes it).
std::string serialize(const IceOptions& options);

}  // namespace tern::sdp

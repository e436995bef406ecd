#pragma once
// a=extmap (RFC 8285 §5, §7) and a=extmap-allow-mixed (RFC 8285 §6): RTP header extension ids.
//
//   a=extmap:<id>["/"<direction>] SP <URI> [SP <extension attributes>]
//   a=extmap:3 http://www.ietf.org/id/draft-holmer-rmcat-transport-wide-cc-extensions-01
//   a=extmap:2/sendrecv urn:ietf:params:rtp-hdrext:sdes:mid
//            |  |        |
//            |  |        +-- extension name (a URI)
//            |  +----------- optional direction (sendonly / recvonly / sendrecv / inactive)
//            +-------------- local identifier: 1-14 (one-byte form) or 1-255 (two-byte form)
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "common/error.hpp"
#include "sdp/direction.hpp"
#include "sdp/errc.hpp"

namespace tern::sdp {

inline constexpr std::string_view kExtmapAllowMixedAttribute = "extmap-allow-mixed";

struct Extmap {
  static constexpr std::string_view kAttributeName = "extmap";
  uint8_t id = 0;
  std::optional<Direction> direction;
  std::string uri;
  std::string attributes;  // extension attributes, empty when absent
  // RFC 8285 §4.2: ids 1-14 fit the one-byte header form; 15-255 need the two-byte form.
  bool fits_one_byte_form() const { return id >= 1 && id <= 14; }
  bool operator==(const Extmap&) const = default;
};

// Parses "3/sendonly urn:..."; kBadExtmap for an id outside 1-255 (RFC 8285 §5: 0 is padding in
// both forms and the two-byte form has 8 bits), an unknown direction, or a missing URI.
Result<Extmap> parse_extmap(std::string_view value);
// "3/sendonly urn:... attrs".
std::string serialize(const Extmap& extmap);

}  // namespace tern::sdp

#pragma once
// a=rtcp-fb (RFC 4585 §4.2): RTCP feedback messages a payload type (or "*") supports.
//
//   a=rtcp-fb:<pt> SP <type> [SP <parameter>]
//   a=rtcp-fb:96 nack pli
//             |  |    +-- parameter: "pli", "fir", "sli", "tmmbr smaxpr=120", trr-int value ...
//             |  +------- type: "ack" / "nack" / "trr-int" / "ccm" / "goog-remb" / "transport-cc" ...
//             +---------- payload type 0-127, or "*" for all formats of the media section
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "common/error.hpp"
#include "sdp/errc.hpp"

namespace tern::sdp {

struct RtcpFb {
  static constexpr std::string_view kAttributeName = "rtcp-fb";
  std::optional<uint8_t> payload_type;  // nullopt = "*"
  std::string type;
  std::string parameter;  // empty when absent; may contain SPs ("tmmbr smaxpr=120")
  bool operator==(const RtcpFb&) const = default;
};

// Parses "96 nack pli"; kBadRtcpFb for a payload type that is neither "*" nor 0-127, a type that
// is not a token, or an empty or badly spaced parameter. RFC 4585 §4.2: trr-int takes an integer.
Result<RtcpFb> parse_rtcp_fb(std::string_view value);
// "96 nack pli" / "* transport-cc".
std::string serialize(const RtcpFb& fb);

}  // namespace tern::sdp

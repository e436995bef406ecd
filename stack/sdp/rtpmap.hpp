#pragma once
// a=rtpmap (RFC 8866 §6.6): maps an RTP payload type to an encoding.
//
//   a=rtpmap:<payload type> SP <encoding name>/<clock rate>[/<encoding parameters>]
//   a=rtpmap:111 opus/48000/2
//            |   |    |     +-- encoding parameters (audio: channel count), optional
//            |   |    +-------- clock rate in Hz
//            |   +------------- encoding name (case-insensitive, RFC 4855 §3)
//            +----------------- payload type 0-127 (RFC 3550 §5.1: 7 bits)
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "common/error.hpp"
#include "sdp/errc.hpp"

namespace tern::sdp {

struct Rtpmap {
  static constexpr std::string_view kAttributeName = "rtpmap";
  uint8_t payload_type = 0;
  std::string encoding_name;
  uint32_t clock_rate = 0;
  std::optional<uint32_t> encoding_parameters;  // channels for audio
  bool operator==(const Rtpmap&) const = default;
};

// Parses "111 opus/48000/2"; kBadRtpmap for a payload type outside 0-127, an encoding name that
// is not a token, a missing or zero clock rate, or non-numeric encoding parameters.
Result<Rtpmap> parse_rtpmap(std::string_view value);
// "111 opus/48000/2".
std::string serialize(const Rtpmap& rtpmap);

}  // namespace tern::sdp

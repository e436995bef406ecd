#include "sdp/rtcp_fb.hpp"

#include "sdp/text.hpp"

namespace tern::sdp {

Result<RtcpFb> parse_rtcp_fb(std::string_view value) {
  RtcpFb fb;
  text::Fields fields(value, ' ');
  auto pt = fields.next();
  // RFC 4585 §4.2: rtcp-fb-pt = "*" / fmt.
  if (*pt != "*") {
    uint8_t payload_type = 0;
    if (!text::parse_uint_to(*pt, payload_type, 127)) return Error(SdpErrc::kBadRtcpFb, "rtcp-fb payload type is not * or 0-127");
    fb.payload_type = payload_type;
  }
  auto type = fields.next();
  if (!type || !text::is_token(*type)) return Error(SdpErrc::kBadRtcpFb, "rtcp-fb type is not a token");
  fb.type = std::string(*type);
  const std::string_view parameter = fields.rest();
  if (!fields.done()) {
    // Parameters are SP-separated byte strings: no empty field, no trailing SP.
    while (auto p = fields.next()) {
      if (!text::is_non_ws_string(*p)) return Error(SdpErrc::kBadRtcpFb, "rtcp-fb parameter is empty or has stray spaces");
    }
    fb.parameter = std::string(parameter);
  }
  // RFC 4585 §4.2: rtcp-fb-val = "trr-int" SP 1*DIGIT.
  if (fb.type == "trr-int" && !text::parse_uint(fb.parameter, UINT32_MAX)) {
    return Error(SdpErrc::kBadRtcpFb, "rtcp-fb trr-int value is not an integer");
  }
  return fb;
}

std::string serialize(const RtcpFb& fb) {
  std::string out;
  if (fb.payload_type) {
    text::append_uint(out, *fb.payload_type);
  } else {
    out += '*';
  }
  out += ' ';
  out += fb.type;
  if (!fb.parameter.empty()) {
    out += ' ';
    out += fb.parameter;
  }
  return out;
}

}  // namespace tern::sdp

#include "sdp/rtpmap.hpp"

#include "sdp/text.hpp"

namespace tern::sdp {

Result<Rtpmap> parse_rtpmap(std::string_view value) {
  Rtpmap rtpmap;
  text::Fields fields(value, ' ');
  // RFC 3550 §5.1: the payload type is 7 bits.
  if (!text::parse_uint_to(*fields.next(), rtpmap.payload_type, 127)) {
    return Error(SdpErrc::kBadRtpmap, "rtpmap payload type is not 0-127");
  }
  auto encoding = fields.next();
  if (!encoding || !fields.done()) return Error(SdpErrc::kBadRtpmap, "rtpmap is not <payload type> SP <encoding>");
  text::Fields parts(*encoding, '/');
  auto name = parts.next();
  auto rate = parts.next();
  if (!text::is_token(*name)) return Error(SdpErrc::kBadRtpmap, "rtpmap encoding name is not a token");
  // RFC 8866 §6.6: <encoding name>/<clock rate>; a zero rate cannot time anything.
  if (!rate || !text::parse_uint_to(*rate, rtpmap.clock_rate) || rtpmap.clock_rate == 0) {
    return Error(SdpErrc::kBadRtpmap, "rtpmap clock rate is not a positive 32-bit integer");
  }
  if (auto params = parts.next()) {
    uint32_t channels = 0;
    if (!text::parse_uint_to(*params, channels) || !parts.done()) {
      return Error(SdpErrc::kBadRtpmap, "rtpmap encoding parameters are not a single integer");
    }
    rtpmap.encoding_parameters = channels;
  }
  rtpmap.encoding_name = std::string(*name);
  return rtpmap;
}

std::string serialize(const Rtpmap& rtpmap) {
  std::string out;
  text::append_uint(out, rtpmap.payload_type);
  out += ' ';
  out += rtpmap.encoding_name;
  out += '/';
  text::append_uint(out, rtpmap.clock_rate);
  if (rtpmap.encoding_parameters) {
    out += '/';
    text::append_uint(out, *rtpmap.encoding_parameters);
  }
  return out;
}

}  // namespace tern::sdp

#include "sdp/sctp.hpp"

#include "sdp/text.hpp"

namespace tern::sdp {

Result<uint16_t> parse_sctp_port(std::string_view value) {
  uint16_t port = 0;
  // RFC 8841 §5.1: sctp-port-attr = "a=sctp-port:" portnumber; portnumber = 1*5DIGIT (16 bits).
  if (!text::parse_uint_to(value, port)) return Error(SdpErrc::kBadSctp, "sctp-port is not 0-65535");
  return port;
}

Result<uint64_t> parse_max_message_size(std::string_view value) {
  // RFC 8841 §6.1: max-message-size = 1*DIGIT.
  auto size = text::parse_uint(value, UINT64_MAX);
  if (!size) return Error(SdpErrc::kBadSctp, "max-message-size is not a 64-bit integer");
  return *size;
}

Result<Sctpmap> parse_sctpmap(std::string_view value) {
  Sctpmap map;
  text::Fields fields(value, ' ');
  if (!text::parse_uint_to(*fields.next(), map.port)) return Error(SdpErrc::kBadSctp, "sctpmap port is not 0-65535");
  auto protocol = fields.next();
  if (!protocol || !text::is_token(*protocol)) return Error(SdpErrc::kBadSctp, "sctpmap protocol is not a token");
  map.protocol = std::string(*protocol);
  if (auto streams = fields.next()) {
    uint32_t count = 0;
    if (!text::parse_uint_to(*streams, count) || !fields.done()) {
      return Error(SdpErrc::kBadSctp, "sctpmap streams is not a single integer");
    }
    map.streams = count;
  }
  return map;
}

std::string serialize(const Sctpmap& sctpmap) {
  std::string out;
  text::append_uint(out, sctpmap.port);
  out += ' ';
  out += sctpmap.protocol;
  if (sctpmap.streams) {
    out += ' ';
    text::append_uint(out, *sctpmap.streams);
  }
  return out;
}

}  // namespace tern::sdp

#include "sdp/rtcp_attribute.hpp"

#include "sdp/address.hpp"
#include "sdp/text.hpp"

namespace tern::sdp {

Result<RtcpAttribute> parse_rtcp(std::string_view value) {
  text::Fields fields(value, ' ');
  RtcpAttribute rtcp;
  // RFC 3605 §2.1: rtcp-attribute = "a=rtcp:" port [nettype space addrtype space connection-address].
  if (!text::parse_uint_to(*fields.next(), rtcp.port)) return Error(SdpErrc::kBadRtcp, "rtcp port is not 0-65535");
  if (fields.done()) return rtcp;
  auto net_type = fields.next();
  auto address_type = fields.next();
  auto address = fields.next();
  if (!address || !fields.done()) return Error(SdpErrc::kBadRtcp, "rtcp address is not <nettype> <addrtype> <address>");
  if (!text::is_token(*net_type) || !text::is_token(*address_type)) {
    return Error(SdpErrc::kBadRtcp, "rtcp nettype or addrtype is not a token");
  }
  auto kind = classify_address(*address);
  if (!kind) return Error(SdpErrc::kBadRtcp, "rtcp address is not an IPv4/IPv6 address or FQDN");
  if (*net_type == "IN" && ((*address_type == "IP4" && *kind == AddressKind::kIpv6) ||
                            (*address_type == "IP6" && *kind == AddressKind::kIpv4))) {
    return Error(SdpErrc::kBadRtcp, "rtcp address does not match its addrtype");
  }
  rtcp.net_type = std::string(*net_type);
  rtcp.address_type = std::string(*address_type);
  rtcp.address = std::string(*address);
  return rtcp;
}

std::string serialize(const RtcpAttribute& rtcp) {
  std::string out;
  text::append_uint(out, rtcp.port);
  if (rtcp.has_address()) {
    out += ' ';
    out += rtcp.net_type;
    out += ' ';
    out += rtcp.address_type;
    out += ' ';
    out += rtcp.address;
  }
  return out;
}

}  // namespace tern::sdp

#pragma once
// a=rtcp (RFC 3605 §2.1): the RTCP port (and address) when it is not RTP port + 1.
//
//   a=rtcp:<port> [<nettype> SP <addrtype> SP <connection-address>]
//   a=rtcp:9 IN IP4 0.0.0.0
#include <cstdint>
#include <string>
#include <string_view>

#include "common/error.hpp"
#include "sdp/errc.hpp"

namespace tern::sdp {

struct RtcpAttribute {
  static constexpr std::string_view kAttributeName = "rtcp";
  uint16_t port = 0;
  // All three empty, or all three set.
  std::string net_type;      // "IN"
  std::string address_type;  // "IP4" / "IP6"
  std::string address;
  bool has_address() const { return !address.empty(); }
  bool operator==(const RtcpAttribute&) const = default;
};

// Parses "9" or "9 IN IP4 0.0.0.0"; kBadRtcp for a bad port, a partial address, or an IN
// address that does not match its IP4/IP6 type.
Result<RtcpAttribute> parse_rtcp(std::string_view value);
// "9 IN IP4 0.0.0.0".
std::string serialize(const RtcpAttribute& rtcp);

}  // namespace tern::sdp

#pragma once
// Syntax of the addresses SDP carries in o=, c=, a=rtcp and a=candidate (RFC 8866 §9
// unicast-address = IP4-address / IP6-address / FQDN / extn-addr). WebRTC peers also put mDNS
// host names ("<uuid>.local", RFC 8839 §5.1 allows an FQDN) where an IP address would go.
#include <cstdint>
#include <optional>
#include <string_view>

namespace tern::sdp {

enum class AddressKind : uint8_t { kIpv4, kIpv6, kFqdn };

// RFC 8866 §9 IP4-address: four decimal-uchar (0-255, no leading zeros) joined by '.'.
bool is_ipv4_address(std::string_view s);
// RFC 8866 §9 IP6-address (the RFC 3986 grammar, "::" compression and a trailing IPv4 allowed).
bool is_ipv6_address(std::string_view s);
// RFC 8866 §9 FQDN = 4*(alpha-numeric / "-" / "."), at most 255 characters (RFC 1035 §2.3.4).
bool is_fqdn(std::string_view s);
// An FQDN in the ".local" mDNS domain (RFC 6762 §3), as browsers use to hide host addresses.
bool is_mdns_name(std::string_view s);

// The kind of a unicast address, or nullopt when it is none of them. Text containing ':' must be
// an IPv6 literal; text of only digits and dots must be an IPv4 literal (so "1.2.3.999" is an
// error, not a host name); anything else must be an FQDN.
std::optional<AddressKind> classify_address(std::string_view s);

}  // namespace tern::sdp

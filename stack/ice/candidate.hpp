#pragma once
// An ICE candidate (RFC 8445 §5.1) and its text form, the SDP a=candidate attribute (RFC 8839 §5.1),
// which is also what trickle ICE (RFC 8838, RTCIceCandidate.candidate) carries.
//
//   candidate:<foundation> <component> <transport> <priority> <address> <port> typ <type>
//             [raddr <related address>] [rport <related port>] [tcptype <tcp type>]
//             *(<extension name> <extension value>)
//
//   candidate:842163049 1 udp 1677729535 198.51.100.7 61234 typ srflx raddr 10.0.0.2 rport 5000
//   |         |         | |   |          |            |     |   |     |              |
//   |         |         | |   |          |            |     |   |     +--------------+-- related
//   |         |         | |   |          |            |     |   +-- host/srflx/prflx/relay
//   |         |         | |   |          |            |     +------ literal "typ"
//   |         |         | |   |          |            +------------ port
//   |         |         | |   |          +------------------------- IPv4, IPv6 (no brackets), an
//   |         |         | |   |                                     FQDN or an mDNS "<uuid>.local"
//   |         |         | |   +------------------------------------ priority (RFC 8445 §5.1.2)
//   |         |         | +---------------------------------------- UDP / TCP (RFC 6544), any case
//   |         |         +------------------------------------------ component ID (1 in WebRTC)
//   |         +---------------------------------------------------- foundation, 1*32 ice-char
//   +-------------------------------------------------------------- optional prefix
//
// Extensions understood into fields (the ones browsers send, in the order Chromium writes them):
// "generation" <u32>, "ufrag" <ice-chars>, "network-id" <u32>, "network-cost" <u32>. Others are kept
// as name/value pairs, in order. "tcptype" (RFC 6544 §4.5) is its own field.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "common/error.hpp"
#include "common/socket_address.hpp"
#include "ice/errc.hpp"

namespace tern::ice {

// RFC 8445 §5.1.1: the four candidate types.
enum class CandidateType : uint8_t { kHost, kServerReflexive, kPeerReflexive, kRelayed };
// "host", "srflx", "prflx", "relay" (RFC 8839 §5.1 cand-type).
std::string_view candidate_type_name(CandidateType type);

// RFC 6544 §4.5.
enum class TcpType : uint8_t { kActive, kPassive, kSimultaneousOpen };
// "active", "passive", "so".
std::string_view tcp_type_name(TcpType type);

struct CandidateExtension {
  std::string name;   // token
  std::string value;  // non-empty, no spaces
  bool operator==(const CandidateExtension&) const = default;
};

struct Candidate {
  // Bounds on what parse() accepts, so a hostile string cannot make us allocate much.
  static constexpr size_t kMaxTextSize = 1024;
  static constexpr size_t kMaxExtensions = 16;

  std::string foundation;
  uint16_t component = 1;
  TransportProtocol transport = TransportProtocol::kUdp;
  uint32_t priority = 0;
  // The transport address. When `hostname` is set, only the port is meaningful until the name is
  // resolved (the agent then fills in the IP).
  SocketAddress address;
  std::string hostname;  // FQDN or mDNS name as received; empty for an IP literal
  CandidateType type = CandidateType::kHost;
  // raddr/rport (RFC 8839 §5.1). A non-IP raddr (an mDNS name) is not kept: it is informational only
  // (RFC 8445 §5.1.3 note: related addresses are for diagnostics), and an absent half reads as
  // 0.0.0.0 / port 0.
  std::optional<SocketAddress> related;
  std::optional<TcpType> tcp_type;
  std::optional<uint32_t> generation;
  std::string ufrag;  // empty when absent
  std::optional<uint32_t> network_id;
  std::optional<uint32_t> network_cost;
  std::vector<CandidateExtension> extensions;  // the others, in order

  // True when the address is a name ending in ".local" (mDNS, draft-ietf-mmusic-mdns-ice-candidates).
  bool is_mdns() const;
  // True when the address is a name of any kind (still to be resolved).
  bool needs_resolution() const { return !hostname.empty(); }
  bool operator==(const Candidate&) const = default;
};

// Parses a candidate attribute value, with or without a leading "candidate:" or "a=candidate:"
// (and one trailing CRLF or LF). Errors: kBadCandidate (the detail names the field: too few
// fields, foundation, component, priority, address, port, "typ", type, raddr, rport, tcptype, an
// extension without a value, a malformed generation/ufrag/network-id/network-cost, too many
// extensions, too long), kUnsupportedTransport (a transport token other than UDP/TCP). Positions
// are byte offsets of the offending field.
Result<Candidate> parse_candidate(std::string_view text);

// "candidate:842163049 1 udp 1677729535 198.51.100.7 61234 typ srflx raddr 10.0.0.2 rport 5000
// generation 0 ufrag EsAw network-id 1": the trickle form (prefix "a=" for an SDP line).
// parse_candidate(serialize(c)) == c for any parsed candidate.
std::string serialize(const Candidate& candidate);

// One line per field, for the inspector.
std::string describe(const Candidate& candidate);

}  // namespace tern::ice

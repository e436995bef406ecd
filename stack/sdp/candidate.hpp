#pragma once
// a=candidate (RFC 8839 §5.1): one ICE candidate, in an SDP or trickled on its own (RFC 8840).
//
//   candidate:<foundation> <component> <transport> <priority> <address> <port> typ <type>
//             [raddr <related address>] [rport <related port>] [tcptype <tcp type>]
//             *(<extension name> <extension value>)
//
//   candidate:3328651449 1 udp 2122260223 127.0.0.1 47090 typ host generation 0 network-id 1
//             |          | |   |          |         |         |    +-- extension pairs, in order
//             |          | |   |          |         |         +------- host/srflx/prflx/relay
//             |          | |   |          |         +----------------- port 0-65535
//             |          | |   |          +--------------------------- IPv4, IPv6, FQDN or
//             |          | |   |                                        mDNS "<uuid>.local"
//             |          | |   +-------------------------------------- priority, 32 bits
//             |          | +------------------------------------------ "UDP" / "TCP" (any case)
//             |          +-------------------------------------------- component id 1-256
//             +------------------------------------------------------- foundation 1*32ice-char
//
// tcptype (RFC 6544 §4.5) is parsed into its own field and written right after raddr/rport,
// where every implementation puts it; other extensions (generation, ufrag, network-id,
// network-cost, ...) keep their order.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "common/error.hpp"
#include "sdp/address.hpp"
#include "sdp/errc.hpp"

namespace tern::sdp {

inline constexpr std::string_view kEndOfCandidatesAttribute = "end-of-candidates";

enum class CandidateType : uint8_t { kHost, kSrflx, kPrflx, kRelay };
enum class CandidateTransport : uint8_t { kUdp, kTcp, kOther };
enum class TcpType : uint8_t { kActive, kPassive, kSo };

// "host", "srflx", "prflx", "relay".
std::string_view candidate_type_name(CandidateType type);
// "active", "passive", "so".
std::string_view tcp_type_name(TcpType type);

struct CandidateExtension {
  std::string name;   // token
  std::string value;  // 1*VCHAR
  bool operator==(const CandidateExtension&) const = default;
};

struct Candidate {
  static constexpr std::string_view kAttributeName = "candidate";
  std::string foundation;
  uint16_t component = 1;
  std::string transport = "UDP";  // as written ("udp" from Chromium, "UDP" from libdatachannel)
  uint32_t priority = 0;
  std::string address;
  uint16_t port = 0;
  CandidateType type = CandidateType::kHost;
  std::optional<std::string> related_address;  // raddr
  std::optional<uint16_t> related_port;        // rport
  std::optional<TcpType> tcp_type;
  std::vector<CandidateExtension> extensions;

  // UDP or TCP compared case-insensitively (RFC 8839 §5.1 transport is a token; RFC 6544 adds TCP).
  CandidateTransport transport_kind() const;
  // The kind of `address` (valid after parse_candidate).
  std::optional<AddressKind> address_kind() const { return classify_address(address); }
  // True for an mDNS host name (draft-ietf-mmusic-mdns-ice-candidates): resolve before use.
  bool is_mdns() const { return is_mdns_name(address); }
  // The value of the first extension called `name` ("generation", "ufrag", "network-id", ...).
  std::optional<std::string_view> extension(std::string_view name) const;
  bool operator==(const Candidate&) const = default;
};

// Parses a candidate: the a=candidate attribute value, or a trickled candidate string with or
// without a leading "candidate:" or "a=candidate:" (and one trailing CRLF or LF, which is
// ignored). kBadCandidate names the first field that is wrong: too few fields, foundation,
// component, transport, priority, address, port, "typ" and its type, raddr/rport, tcptype, or an
// extension without a value.
Result<Candidate> parse_candidate(std::string_view text);
// Parses exactly an a=candidate attribute value (no prefix, no line ending), as parse() of a
// whole description does.
Result<Candidate> parse_candidate_value(std::string_view value);
// The attribute value: "3328651449 1 udp 2122260223 127.0.0.1 47090 typ host generation 0".
std::string serialize(const Candidate& candidate);
// The trickle form RTCIceCandidate.candidate uses: "candidate:" + serialize(candidate).
std::string serialize_trickle(const Candidate& candidate);

}  // namespace tern::sdp

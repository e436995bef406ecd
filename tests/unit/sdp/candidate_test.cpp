// a=candidate (RFC 8839 §5.1) and trickled candidate strings (RFC 8840).
#include <string>
#include <vector>

#include <catch2/catch.hpp>

#include "sdp/candidate.hpp"

namespace tern::sdp {
namespace {

Candidate make(std::string foundation, uint16_t component, std::string transport, uint32_t priority,
               std::string address, uint16_t port, CandidateType type) {
  Candidate c;
  c.foundation = std::move(foundation);
  c.component = component;
  c.transport = std::move(transport);
  c.priority = priority;
  c.address = std::move(address);
  c.port = port;
  c.type = type;
  return c;
}

TEST_CASE("candidate round trips", "[sdp][candidate]") {
  struct Case {
    std::string text;
    Candidate expected;
  };
  std::vector<Case> cases;
  {
    // Chromium host candidate with its extension pairs.
    Candidate c = make("3328651449", 1, "udp", 2122260223, "127.0.0.1", 47090, CandidateType::kHost);
    c.extensions = {{"generation", "0"}, {"network-id", "1"}, {"network-cost", "50"}};
    cases.push_back({"3328651449 1 udp 2122260223 127.0.0.1 47090 typ host generation 0 network-id 1 network-cost 50", c});
  }
  // libdatachannel: upper-case transport, no extensions.
  cases.push_back({"1 1 UDP 2114977791 127.0.0.1 45801 typ host",
                   make("1", 1, "UDP", 2114977791, "127.0.0.1", 45801, CandidateType::kHost)});
  {
    // Server-reflexive with related address, trickle ufrag extension.
    Candidate c = make("842163049", 1, "udp", 1677729535, "203.0.113.7", 61665, CandidateType::kSrflx);
    c.related_address = "192.168.1.10";
    c.related_port = 54400;
    c.extensions = {{"generation", "0"}, {"ufrag", "EsAw"}, {"network-id", "1"}, {"network-cost", "10"}};
    cases.push_back({"842163049 1 udp 1677729535 203.0.113.7 61665 typ srflx raddr 192.168.1.10 rport 54400 generation 0 "
                     "ufrag EsAw network-id 1 network-cost 10",
                     c});
  }
  {
    // RFC 6544 TCP candidate with tcptype.
    Candidate c = make("1052353102", 1, "tcp", 1518283007, "192.168.1.10", 9, CandidateType::kHost);
    c.tcp_type = TcpType::kActive;
    c.extensions = {{"generation", "0"}, {"network-id", "1"}};
    cases.push_back({"1052353102 1 tcp 1518283007 192.168.1.10 9 typ host tcptype active generation 0 network-id 1", c});
  }
  {
    Candidate c = make("4", 2, "TCP", 1, "2001:db8::1", 443, CandidateType::kRelay);
    c.related_address = "::";
    c.related_port = 0;
    c.tcp_type = TcpType::kSo;
    cases.push_back({"4 2 TCP 1 2001:db8::1 443 typ relay raddr :: rport 0 tcptype so", c});
  }
  {
    // mDNS host candidate (browsers hiding local addresses).
    Candidate c = make("2395300328", 1, "udp", 2113937151, "9b36eaac-bb2e-49bb-bb78-21c41c499900.local", 53210,
                       CandidateType::kHost);
    c.extensions = {{"generation", "0"}, {"network-cost", "999"}};
    cases.push_back({"2395300328 1 udp 2113937151 9b36eaac-bb2e-49bb-bb78-21c41c499900.local 53210 typ host generation 0 "
                     "network-cost 999",
                     c});
  }
  cases.push_back({"a+/Z 256 udp 4294967295 host.example.com 65535 typ prflx",
                   make("a+/Z", 256, "udp", 4294967295u, "host.example.com", 65535, CandidateType::kPrflx)});

  for (const auto& c : cases) {
    INFO(c.text);
    auto r = parse_candidate(c.text);
    INFO((r ? std::string() : r.error().to_string()));
    REQUIRE(r.ok());
    CHECK(*r == c.expected);
    CHECK(serialize(*r) == c.text);
    CHECK(serialize_trickle(*r) == "candidate:" + c.text);
    // The same candidate as a trickle string, with either prefix and with a line end.
    CHECK(*parse_candidate("candidate:" + c.text) == c.expected);
    CHECK(*parse_candidate("a=candidate:" + c.text) == c.expected);
    CHECK(*parse_candidate("a=candidate:" + c.text + "\r\n") == c.expected);
    CHECK(*parse_candidate("candidate:" + c.text + "\n") == c.expected);
    // The attribute-value parser takes the value only.
    CHECK(parse_candidate_value(c.text).ok());
    CHECK_FALSE(parse_candidate_value("candidate:" + c.text).ok());
  }
}

TEST_CASE("candidate accessors", "[sdp][candidate]") {
  auto c = parse_candidate("candidate:1 1 UdP 1 9b36eaac-bb2e-49bb-bb78-21c41c499900.local 1 typ host ufrag abcd");
  REQUIRE(c.ok());
  CHECK(c->transport_kind() == CandidateTransport::kUdp);
  CHECK(c->is_mdns());
  CHECK(c->address_kind() == AddressKind::kFqdn);
  CHECK(c->extension("ufrag") == "abcd");
  CHECK_FALSE(c->extension("generation"));
  auto other = parse_candidate("1 1 sctp 1 1.2.3.4 1 typ host");
  REQUIRE(other.ok());  // RFC 8839 §5.1: transport-extension = token
  CHECK(other->transport_kind() == CandidateTransport::kOther);
  auto tcp = parse_candidate("1 1 tcp 1 ::1 1 typ host tcptype passive");
  REQUIRE(tcp.ok());
  CHECK(tcp->transport_kind() == CandidateTransport::kTcp);
  CHECK(tcp->address_kind() == AddressKind::kIpv6);
  CHECK(tcp->tcp_type == TcpType::kPassive);
}

TEST_CASE("tcptype written after raddr/rport wherever it was read", "[sdp][candidate]") {
  auto c = parse_candidate("1 1 tcp 1 1.2.3.4 9 typ host generation 0 tcptype active");
  REQUIRE(c.ok());
  CHECK(serialize(*c) == "1 1 tcp 1 1.2.3.4 9 typ host tcptype active generation 0");
  CHECK(*parse_candidate(serialize(*c)) == *c);
}

TEST_CASE("bad candidates", "[sdp][candidate]") {
  const std::vector<std::pair<std::string, std::string>> cases = {
      {"", "candidate has fewer than 8 fields"},
      {"candidate:", "candidate has fewer than 8 fields"},
      {"1 1 udp 1 1.2.3.4 9 typ", "candidate has fewer than 8 fields"},
      {"1 1 udp 1 1.2.3.4 9", "candidate has fewer than 8 fields"},
      {"1 1 udp 1 1.2.3.4 9 typ  host", "candidate typ is not host/srflx/prflx/relay"},
      {"123456789012345678901234567890123 1 udp 1 1.2.3.4 9 typ host", "candidate foundation is not 1-32 ice-char"},
      {"a-b 1 udp 1 1.2.3.4 9 typ host", "candidate foundation is not 1-32 ice-char"},
      {"1 0 udp 1 1.2.3.4 9 typ host", "candidate component is not 1-256"},
      {"1 257 udp 1 1.2.3.4 9 typ host", "candidate component is not 1-256"},
      {"1 x udp 1 1.2.3.4 9 typ host", "candidate component is not 1-256"},
      {"1 1 u(p 1 1.2.3.4 9 typ host", "candidate transport is not a token"},
      {"1 1 udp 4294967296 1.2.3.4 9 typ host", "candidate priority is not a 32-bit integer"},
      {"1 1 udp 00000000001 1.2.3.4 9 typ host", "candidate priority is not a 32-bit integer"},
      {"1 1 udp -1 1.2.3.4 9 typ host", "candidate priority is not a 32-bit integer"},
      {"1 1 udp 1 1.2.3.999 9 typ host", "candidate address is not IPv4, IPv6 or an FQDN"},
      {"1 1 udp 1 fe80::1%1 9 typ host", "candidate address is not IPv4, IPv6 or an FQDN"},
      {"1 1 udp 1 1.2.3.4 65536 typ host", "candidate port is not 0-65535"},
      {"1 1 udp 1 1.2.3.4 x typ host", "candidate port is not 0-65535"},
      {"1 1 udp 1 1.2.3.4 9 type host", "candidate has no \"typ\" after the port"},
      {"1 1 udp 1 1.2.3.4 9 typ bogus", "candidate typ is not host/srflx/prflx/relay"},
      {"1 1 udp 1 1.2.3.4 9 typ HOST", "candidate typ is not host/srflx/prflx/relay"},
      {"1 1 udp 1 1.2.3.4 9 typ srflx raddr", "candidate extension has no value"},
      {"1 1 udp 1 1.2.3.4 9 typ srflx raddr 1.2.3 rport 1", "candidate raddr is not IPv4, IPv6 or an FQDN"},
      {"1 1 udp 1 1.2.3.4 9 typ srflx raddr 1.2.3.4 rport 70000", "candidate rport is not 0-65535"},
      {"1 1 udp 1 1.2.3.4 9 typ srflx rport 1 raddr 1.2.3.4", "candidate raddr is repeated or out of place"},
      {"1 1 udp 1 1.2.3.4 9 typ srflx generation 0 raddr 1.2.3.4", "candidate raddr is repeated or out of place"},
      {"1 1 tcp 1 1.2.3.4 9 typ host tcptype both", "candidate tcptype is not active/passive/so"},
      {"1 1 tcp 1 1.2.3.4 9 typ host tcptype active tcptype so", "candidate tcptype is repeated"},
      {"1 1 udp 1 1.2.3.4 9 typ host generation", "candidate extension has no value"},
      {"1 1 udp 1 1.2.3.4 9 typ host generation 0 ", "candidate extension has no value"},
      {"1 1 udp 1 1.2.3.4 9 typ host gen(eration 0", "candidate extension name is not a token"},
      {"1 1 udp 1 1.2.3.4 9 typ host generation  0", "candidate extension value is empty"},
  };
  for (const auto& [text, detail] : cases) {
    INFO(text);
    auto r = parse_candidate(text);
    REQUIRE_FALSE(r.ok());
    CHECK(r.error().is(SdpErrc::kBadCandidate));
    CHECK(std::string(r.error().detail()) == detail);
  }
}

}  // namespace
}  // namespace tern::sdp

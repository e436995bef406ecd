// Candidate strings (RFC 8839 §5.1, RFC 6544 §4.5, the browsers' extensions): round trips and the
// failure table.
#include <catch2/catch.hpp>

#include <string>

#include "ice/candidate.hpp"
#include "sim/catch_support.hpp"

namespace tern::ice {
namespace {

SocketAddress addr(const char* text) {
  auto a = SocketAddress::parse(text);
  REQUIRE(a);
  return *a;
}

TEST_CASE("candidate strings: parse, compare fields, serialize, parse again", "[ice][candidate]") {
  struct Row {
    const char* name;
    const char* text;
    const char* canonical;  // serialize(parse(text))
    Candidate expected;
  };
  auto make = [](auto fill) {
    Candidate c;
    fill(c);
    return c;
  };
  const Row rows[] = {
      {"Chromium host with its extensions",
       "candidate:3328651449 1 udp 2122260223 192.168.1.10 47090 typ host generation 0 ufrag EsAw network-id 1 "
       "network-cost 10",
       "candidate:3328651449 1 udp 2122260223 192.168.1.10 47090 typ host generation 0 ufrag EsAw network-id 1 "
       "network-cost 10",
       make([&](Candidate& c) {
         c.foundation = "3328651449";
         c.priority = 2122260223;
         c.address = addr("192.168.1.10:47090");
         c.generation = 0;
         c.ufrag = "EsAw";
         c.network_id = 1;
         c.network_cost = 10;
       })},
      {"Firefox srflx: upper-case UDP, raddr/rport",
       "candidate:1 1 UDP 1686052607 203.0.113.7 61234 typ srflx raddr 192.168.1.10 rport 61234",
       "candidate:1 1 udp 1686052607 203.0.113.7 61234 typ srflx raddr 192.168.1.10 rport 61234",
       make([&](Candidate& c) {
         c.foundation = "1";
         c.priority = 1686052607;
         c.address = addr("203.0.113.7:61234");
         c.type = CandidateType::kServerReflexive;
         c.related = addr("192.168.1.10:61234");
       })},
      {"SDP line prefix, IPv6, CRLF",
       "a=candidate:2 1 udp 2122262783 2001:DB8:0:0::1 50000 typ host generation 0\r\n",
       "candidate:2 1 udp 2122262783 2001:db8::1 50000 typ host generation 0",
       make([&](Candidate& c) {
         c.foundation = "2";
         c.priority = 2122262783;
         c.address = addr("[2001:db8::1]:50000");
         c.generation = 0;
       })},
      {"no prefix at all (the bare attribute value)", "4 1 udp 16777215 198.51.100.9 3478 typ relay",
       "candidate:4 1 udp 16777215 198.51.100.9 3478 typ relay",
       make([&](Candidate& c) {
         c.foundation = "4";
         c.priority = 16777215;
         c.address = addr("198.51.100.9:3478");
         c.type = CandidateType::kRelayed;
       })},
      {"mDNS host name",
       "candidate:1 1 udp 2122260223 f3b5a9c2-1d6b-4b6e-8d1f-0c9e0a1b2c3d.local 54321 typ host generation 0",
       "candidate:1 1 udp 2122260223 f3b5a9c2-1d6b-4b6e-8d1f-0c9e0a1b2c3d.local 54321 typ host generation 0",
       make([&](Candidate& c) {
         c.foundation = "1";
         c.priority = 2122260223;
         c.hostname = "f3b5a9c2-1d6b-4b6e-8d1f-0c9e0a1b2c3d.local";
         c.address = SocketAddress(IpAddress(), 54321);
         c.generation = 0;
       })},
      {"Chromium srflx hiding its base behind an mDNS raddr: the name is not kept",
       "candidate:7 1 udp 1685987071 203.0.113.7 61234 typ srflx raddr x.local rport 0",
       "candidate:7 1 udp 1685987071 203.0.113.7 61234 typ srflx raddr 0.0.0.0 rport 0",
       make([&](Candidate& c) {
         c.foundation = "7";
         c.priority = 1685987071;
         c.address = addr("203.0.113.7:61234");
         c.type = CandidateType::kServerReflexive;
         c.related = addr("0.0.0.0:0");
       })},
      {"TCP with tcptype (RFC 6544)", "candidate:6 1 TCP 1518280447 192.168.1.10 9 typ host tcptype active generation 0",
       "candidate:6 1 tcp 1518280447 192.168.1.10 9 typ host tcptype active generation 0",
       make([&](Candidate& c) {
         c.foundation = "6";
         c.transport = TransportProtocol::kTcp;
         c.priority = 1518280447;
         c.address = addr("192.168.1.10:9");
         c.tcp_type = TcpType::kActive;
         c.generation = 0;
       })},
      {"prflx, foundation with + and /, unknown extensions kept in order",
       "candidate:a+b/C 1 udp 1853824767 10.0.0.1 1 typ prflx x-foo bar x-baz 1",
       "candidate:a+b/C 1 udp 1853824767 10.0.0.1 1 typ prflx x-foo bar x-baz 1",
       make([&](Candidate& c) {
         c.foundation = "a+b/C";
         c.priority = 1853824767;
         c.address = addr("10.0.0.1:1");
         c.type = CandidateType::kPeerReflexive;
         c.extensions = {{"x-foo", "bar"}, {"x-baz", "1"}};
       })},
      {"extra spaces are tolerated", "candidate:1  1 udp 1 10.0.0.1 1   typ host ",
       "candidate:1 1 udp 1 10.0.0.1 1 typ host",
       make([&](Candidate& c) {
         c.foundation = "1";
         c.priority = 1;
         c.address = addr("10.0.0.1:1");
       })},
      {"component 256 and the largest priority", "candidate:9 256 udp 4294967295 10.0.0.1 65535 typ host",
       "candidate:9 256 udp 4294967295 10.0.0.1 65535 typ host",
       make([&](Candidate& c) {
         c.foundation = "9";
         c.component = 256;
         c.priority = 4294967295u;
         c.address = addr("10.0.0.1:65535");
       })},
  };
  for (const Row& row : rows) {
    INFO(row.name);
    auto parsed = parse_candidate(row.text);
    REQUIRE(parsed.ok());
    CHECK(parsed->foundation == row.expected.foundation);
    CHECK(parsed->component == row.expected.component);
    CHECK(parsed->transport == row.expected.transport);
    CHECK(parsed->priority == row.expected.priority);
    CHECK(parsed->address == row.expected.address);
    CHECK(parsed->hostname == row.expected.hostname);
    CHECK(parsed->type == row.expected.type);
    CHECK(parsed->related == row.expected.related);
    CHECK(parsed->tcp_type == row.expected.tcp_type);
    CHECK(parsed->generation == row.expected.generation);
    CHECK(parsed->ufrag == row.expected.ufrag);
    CHECK(parsed->network_id == row.expected.network_id);
    CHECK(parsed->network_cost == row.expected.network_cost);
    CHECK(parsed->extensions == row.expected.extensions);
    CHECK(*parsed == row.expected);
    const std::string text = serialize(*parsed);
    CHECK(text == row.canonical);
    auto again = parse_candidate(text);
    REQUIRE(again.ok());
    CHECK(*again == *parsed);
  }
}

TEST_CASE("candidate strings: the failure table", "[ice][candidate]") {
  struct Row {
    std::string text;
    IceErrc code;
    uint32_t position;
  };
  std::string many = "candidate:1 1 udp 1 10.0.0.1 1 typ host";
  for (int i = 0; i < 17; ++i) many += " x" + std::to_string(i) + " v";
  const Row rows[] = {
      {"", IceErrc::kBadCandidate, 0},
      {"candidate:", IceErrc::kBadCandidate, 0},
      {"candidate:" + std::string(33, 'a') + " 1 udp 1 10.0.0.1 1 typ host", IceErrc::kBadCandidate, 10},
      {"candidate:f-1 1 udp 1 10.0.0.1 1 typ host", IceErrc::kBadCandidate, 10},
      {"candidate:1", IceErrc::kBadCandidate, 10},
      {"candidate:1 0 udp 1 10.0.0.1 1 typ host", IceErrc::kBadCandidate, 12},
      {"candidate:1 257 udp 1 10.0.0.1 1 typ host", IceErrc::kBadCandidate, 12},
      {"candidate:1 x udp 1 10.0.0.1 1 typ host", IceErrc::kBadCandidate, 12},
      {"candidate:1 1 sctp 1 10.0.0.1 1 typ host", IceErrc::kUnsupportedTransport, 14},
      {"candidate:1 1 u@p 1 10.0.0.1 1 typ host", IceErrc::kBadCandidate, 14},
      {"candidate:1 1 udp 4294967296 10.0.0.1 1 typ host", IceErrc::kBadCandidate, 18},
      {"candidate:1 1 udp -1 10.0.0.1 1 typ host", IceErrc::kBadCandidate, 18},
      {"candidate:1 1 udp 12345678901 10.0.0.1 1 typ host", IceErrc::kBadCandidate, 18},
      {"candidate:1 1 udp 1 1.2.3 1 typ host", IceErrc::kBadCandidate, 20},
      {"candidate:1 1 udp 1 300.1.1.1 1 typ host", IceErrc::kBadCandidate, 20},
      {"candidate:1 1 udp 1 ::g 1 typ host", IceErrc::kBadCandidate, 20},
      {"candidate:1 1 udp 1 [::1] 1 typ host", IceErrc::kBadCandidate, 20},
      {"candidate:1 1 udp 1 bad_host! 1 typ host", IceErrc::kBadCandidate, 20},
      {"candidate:1 1 udp 1 10.0.0.1 65536 typ host", IceErrc::kBadCandidate, 29},
      {"candidate:1 1 udp 1 10.0.0.1 +1 typ host", IceErrc::kBadCandidate, 29},
      {"candidate:1 1 udp 1 10.0.0.1 1 type host", IceErrc::kBadCandidate, 31},
      {"candidate:1 1 udp 1 10.0.0.1 1", IceErrc::kBadCandidate, 29},
      {"candidate:1 1 udp 1 10.0.0.1 1 typ", IceErrc::kBadCandidate, 31},
      {"candidate:1 1 udp 1 10.0.0.1 1 typ local", IceErrc::kBadCandidate, 35},
      {"candidate:1 1 udp 1 10.0.0.1 1 typ host generation", IceErrc::kBadCandidate, 40},
      {"candidate:1 1 udp 1 10.0.0.1 1 typ host generation x", IceErrc::kBadCandidate, 51},
      {"candidate:1 1 udp 1 10.0.0.1 1 typ host generation 0 generation 1", IceErrc::kBadCandidate, 53},
      {"candidate:1 1 udp 1 10.0.0.1 1 typ host ufrag a:b", IceErrc::kBadCandidate, 46},
      {"candidate:1 1 udp 1 10.0.0.1 1 typ host ufrag ab ufrag cd", IceErrc::kBadCandidate, 49},
      {"candidate:1 1 udp 1 10.0.0.1 1 typ host network-id -2", IceErrc::kBadCandidate, 51},
      {"candidate:1 1 udp 1 10.0.0.1 1 typ host network-cost 1e3", IceErrc::kBadCandidate, 53},
      {"candidate:1 1 udp 1 10.0.0.1 1 typ srflx raddr 1.2.3.4.5 rport 1", IceErrc::kBadCandidate, 47},
      {"candidate:1 1 udp 1 10.0.0.1 1 typ srflx raddr 1.2.3.4 rport 70000", IceErrc::kBadCandidate, 61},
      {"candidate:1 1 udp 1 10.0.0.1 1 typ srflx generation 0 raddr 1.2.3.4", IceErrc::kBadCandidate, 54},
      {"candidate:1 1 udp 1 10.0.0.1 1 typ srflx rport 1 raddr 1.2.3.4", IceErrc::kBadCandidate, 49},
      {"candidate:1 1 udp 1 10.0.0.1 1 typ host tcptype bogus", IceErrc::kBadCandidate, 48},
      {"candidate:1 1 udp 1 10.0.0.1 1 typ host x(y) 1", IceErrc::kBadCandidate, 40},
      {many, IceErrc::kBadCandidate, static_cast<uint32_t>(many.size() - 5)},
      {"candidate:1 1 udp 1 10.0.0.1 1 typ host x " + std::string(1100, 'v'), IceErrc::kBadCandidate, 0},
  };
  for (const Row& row : rows) {
    INFO(row.text);
    auto r = parse_candidate(row.text);
    REQUIRE_FALSE(r.ok());
    CHECK(r.error().is(row.code));
    CHECK(r.error().position() == row.position);
  }
}

TEST_CASE("candidate helpers", "[ice][candidate]") {
  auto mdns = parse_candidate("candidate:1 1 udp 1 abc.LOCAL 9 typ host");
  REQUIRE(mdns.ok());
  CHECK(mdns->is_mdns());
  CHECK(mdns->needs_resolution());
  auto fqdn = parse_candidate("candidate:1 1 udp 1 turn.example.com 9 typ relay");
  REQUIRE(fqdn.ok());
  CHECK_FALSE(fqdn->is_mdns());
  CHECK(fqdn->needs_resolution());
  auto ip = parse_candidate("candidate:1 1 udp 1 10.0.0.1 9 typ host");
  REQUIRE(ip.ok());
  CHECK_FALSE(ip->needs_resolution());

  CHECK(candidate_type_name(CandidateType::kHost) == "host");
  CHECK(candidate_type_name(CandidateType::kServerReflexive) == "srflx");
  CHECK(candidate_type_name(CandidateType::kPeerReflexive) == "prflx");
  CHECK(candidate_type_name(CandidateType::kRelayed) == "relay");
  CHECK(tcp_type_name(TcpType::kSimultaneousOpen) == "so");

  auto c = parse_candidate("candidate:1 1 udp 2122260223 10.0.0.1 9 typ srflx raddr 10.0.0.2 rport 8 ufrag abcd");
  REQUIRE(c.ok());
  CHECK(describe(*c) ==
        "candidate\n"
        "  foundation: 1\n"
        "  component: 1\n"
        "  transport: udp\n"
        "  priority: 2122260223 (type preference 126, local preference 32542, component 1)\n"
        "  address: 10.0.0.1:9\n"
        "  type: srflx\n"
        "  related: 10.0.0.2:8\n"
        "  ufrag: abcd\n");
}

}  // namespace
}  // namespace tern::ice

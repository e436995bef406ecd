// Priorities (RFC 8445 §5.1.2, §6.1.2.3), foundations (§5.1.1.3) and credentials (RFC 8839 §5.4).
#include <catch2/catch.hpp>

#include <set>

#include "common/rng.hpp"
#include "ice/credentials.hpp"
#include "ice/foundation.hpp"
#include "ice/priority.hpp"

namespace tern::ice {
namespace {

TEST_CASE("candidate priority formula and type preferences", "[ice][priority]") {
  struct Row {
    CandidateType type;
    uint16_t local_pref;
    uint16_t component;
    uint32_t expected;
  };
  const Row rows[] = {
      // 2^24 * 126 + 2^8 * 65535 + (256 - 1)
      {CandidateType::kHost, 65535, 1, 2130706431u},
      // The values browsers send: local preference 32542 ("2122260223" host, "1686052607" srflx).
      {CandidateType::kHost, 32542, 1, 2122260223u},
      {CandidateType::kServerReflexive, 32542, 1, 1686052607u},
      {CandidateType::kPeerReflexive, 32542, 1, 1853824767u},
      {CandidateType::kRelayed, 32542, 1, 8331007u},
      // Component 2 (RTCP without rtcp-mux) loses one.
      {CandidateType::kHost, 32542, 2, 2122260222u},
      {CandidateType::kRelayed, 0, 256, 0u},
  };
  for (const Row& r : rows) {
    CHECK(candidate_priority(r.type, r.local_pref, r.component) == r.expected);
  }
  CHECK(type_preference(CandidateType::kHost) == 126);
  CHECK(type_preference(CandidateType::kPeerReflexive) == 110);
  CHECK(type_preference(CandidateType::kServerReflexive) == 100);
  CHECK(type_preference(CandidateType::kRelayed) == 0);
  // RFC 8445 §7.1.1: PRIORITY in a check = the priority recomputed as peer-reflexive.
  CHECK(peer_reflexive_priority(2122260223u) == 1853824767u);
  CHECK(peer_reflexive_priority(candidate_priority(CandidateType::kRelayed, 7, 1)) ==
        candidate_priority(CandidateType::kPeerReflexive, 7, 1));
  CHECK(local_preference_of(2122260223u) == 32542);
}

TEST_CASE("pair priority (RFC 8445 §6.1.2.3)", "[ice][priority]") {
  const uint64_t g = 2130706431u, d = 1694498815u;
  // 2^32 * MIN(G, D) + 2 * MAX(G, D) + (G > D ? 1 : 0)
  CHECK(pair_priority(g, d) == (uint64_t{d} << 32) + 2 * g + 1);
  CHECK(pair_priority(d, g) == (uint64_t{d} << 32) + 2 * g + 0);
  CHECK(pair_priority(g, g) == (uint64_t{g} << 32) + 2 * g);
  // The two agents agree on the order of their pairs although each computes with G = controlling.
  CHECK(pair_priority(g, d) > pair_priority(d, g));
  CHECK(pair_priority(0xFFFFFFFFu, 0xFFFFFFFFu) == 0xFFFFFFFFull * (1ull << 32) + 2ull * 0xFFFFFFFFull);
}

TEST_CASE("local preference ranks address classes, then interface order (RFC 8421)", "[ice][priority]") {
  const auto v6_global = *IpAddress::parse("2001:db8::1");
  const auto v4 = IpAddress::v4(192, 168, 1, 10);
  const auto v4_public = IpAddress::v4(203, 0, 113, 5);
  const auto v6_ula = *IpAddress::parse("fd00::1");
  const auto v4_link = IpAddress::v4(169, 254, 1, 1);
  const auto v6_link = *IpAddress::parse("fe80::1");
  const auto loop = IpAddress::v4(127, 0, 0, 1);
  CHECK(local_preference(v6_global) > local_preference(v4));
  CHECK(local_preference(v4) == local_preference(v4_public));
  CHECK(local_preference(v4) > local_preference(v6_ula));
  CHECK(local_preference(v6_ula) > local_preference(v4_link));
  CHECK(local_preference(v4_link) > local_preference(v6_link));
  CHECK(local_preference(v6_link) > local_preference(loop));
  // Within a class, earlier interfaces rank higher; a late IPv6 interface still beats IPv4.
  CHECK(local_preference(v4, 0) > local_preference(v4, 1));
  CHECK(local_preference(v6_global, 100) > local_preference(v4, 0));
  CHECK(local_preference(v6_global, 0) == 0xFFFF);
  CHECK(local_preference(v4, 60000) == (6 << 13));  // the index saturates
}

TEST_CASE("foundations follow type, base IP, server IP and transport (RFC 8445 §5.1.1.3)", "[ice][foundation]") {
  FoundationRegistry r;
  const auto a = IpAddress::v4(10, 0, 0, 1), b = IpAddress::v4(10, 0, 0, 2), s = IpAddress::v4(198, 51, 100, 1),
             s2 = IpAddress::v4(198, 51, 100, 2);
  const std::string host_a = r.foundation(CandidateType::kHost, a, std::nullopt, TransportProtocol::kUdp);
  CHECK(host_a == "1");
  CHECK(r.foundation(CandidateType::kHost, a, std::nullopt, TransportProtocol::kUdp) == host_a);
  std::set<std::string> all{host_a};
  for (auto f : {r.foundation(CandidateType::kHost, b, std::nullopt, TransportProtocol::kUdp),
                 r.foundation(CandidateType::kHost, a, std::nullopt, TransportProtocol::kTcp),
                 r.foundation(CandidateType::kServerReflexive, a, s, TransportProtocol::kUdp),
                 r.foundation(CandidateType::kServerReflexive, a, s2, TransportProtocol::kUdp),
                 r.foundation(CandidateType::kRelayed, a, s, TransportProtocol::kUdp),
                 r.foundation(CandidateType::kPeerReflexive, a, std::nullopt, TransportProtocol::kUdp)}) {
    CHECK(all.insert(f).second);  // each different
  }
  CHECK(r.foundation(CandidateType::kServerReflexive, a, s, TransportProtocol::kUdp) == "4");
  CHECK(r.size() == 7);
  CHECK(pair_foundation("1", "abc") == "1:abc");
}

TEST_CASE("credentials: generation and the RFC 8839 §5.4 limits", "[ice][credentials]") {
  SeededRng rng(7);
  const Credentials c = generate_credentials(rng);
  CHECK(c.ufrag.size() == 8);
  CHECK(c.pwd.size() == 24);
  CHECK(validate_credentials(c.ufrag, c.pwd).ok());
  CHECK(generate_credentials(rng) != c);
  struct Row {
    std::string ufrag, pwd;
    bool ok;
  };
  const std::string pwd22(22, 'p');
  const Row rows[] = {
      {"abcd", pwd22, true},
      {"a+/9", pwd22 + "+/", true},
      {"abc", pwd22, false},
      {"ab:d", pwd22, false},
      {std::string(257, 'u'), pwd22, false},
      {"abcd", std::string(21, 'p'), false},
      {"abcd", pwd22 + " ", false},
      {"abcd", std::string(257, 'p'), false},
  };
  for (const Row& r : rows) {
    INFO(r.ufrag << " / " << r.pwd);
    auto s = validate_credentials(r.ufrag, r.pwd);
    CHECK(s.ok() == r.ok);
    if (!r.ok) CHECK(s.error().is(IceErrc::kBadCredentials));
  }
}

}  // namespace
}  // namespace tern::ice

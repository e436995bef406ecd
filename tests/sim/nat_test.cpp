// NAT behaviour per RFC 4787, checked with probe packets: mapping (§4.1), filtering (§5),
// refresh and expiry (§4.3), port allocation (§4.2), hairpinning (§6), and nested NATs.
#include "sim/catch_support.hpp"

#include <set>
#include <string>
#include <vector>

#include "sim/nat.hpp"
#include "sim/network.hpp"
#include "sim/probe.hpp"

namespace tern::sim {
namespace {

const IpAddress kNatPublic = IpAddress::v4(203, 0, 113, 1);
const IpAddress kNatInside = IpAddress::v4(192, 168, 1, 1);
const IpAddress kAliceIp = IpAddress::v4(192, 168, 1, 10);
const IpAddress kBobIp = IpAddress::v4(192, 168, 1, 11);
const IpAddress kServer1 = IpAddress::v4(198, 51, 100, 1);
const IpAddress kServer2 = IpAddress::v4(198, 51, 100, 2);

// alice (and bob) behind a NAT; two servers on the internet with probes on ports 3478 and 3479.
struct NatLab {
  explicit NatLab(NatConfig config, uint64_t seed = 1) : net(seed) {
    Realm& lan = net.add_realm("lan");
    nat = &net.add_nat("nat", config, net.internet(), kNatPublic, lan, kNatInside,
                       LinkConfig::delay(Duration::millis(5)), LinkConfig::delay(Duration::millis(5)));
    Host& alice_host = net.add_host("alice");
    Host& bob_host = net.add_host("bob");
    Host& s1 = net.add_host("server1");
    Host& s2 = net.add_host("server2");
    net.attach(alice_host, lan, kAliceIp);
    net.attach(bob_host, lan, kBobIp);
    net.attach(s1, net.internet(), kServer1, LinkConfig::delay(Duration::millis(10)),
               LinkConfig::delay(Duration::millis(10)));
    net.attach(s2, net.internet(), kServer2, LinkConfig::delay(Duration::millis(10)),
               LinkConfig::delay(Duration::millis(10)));
    REQUIRE(net.bind(alice_host, alice, SocketAddress(kAliceIp, 5000)).ok());
    REQUIRE(net.bind(bob_host, bob, SocketAddress(kBobIp, 5000)).ok());
    REQUIRE(net.bind(s1, s1a, SocketAddress(kServer1, 3478)).ok());
    REQUIRE(net.bind(s1, s1b, SocketAddress(kServer1, 3479)).ok());
    REQUIRE(net.bind(s2, s2a, SocketAddress(kServer2, 3478)).ok());
  }
  // alice sends to `to`; returns the source address `server` saw (the external mapping).
  SocketAddress observed_from_alice(UdpProbe& server, const SocketAddress& to) {
    const size_t before = server.received().size();
    alice.send(to, "probe");
    REQUIRE(net.run_until([&] { return server.received().size() > before; }, Duration::seconds(1)));
    return server.received().back().source;
  }
  // `server` sends to `to`; true if alice received it within a second.
  bool reaches_alice(UdpProbe& server, const SocketAddress& to) {
    const size_t before = alice.received().size();
    server.send(to, "inbound");
    net.run_for(Duration::seconds(1));
    return alice.received().size() > before;
  }
  Network net;
  Nat* nat = nullptr;
  UdpProbe alice, bob, s1a, s1b, s2a;
};

const SocketAddress kS1a(kServer1, 3478);
const SocketAddress kS1b(kServer1, 3479);
const SocketAddress kS2a(kServer2, 3478);

TEST_CASE("mapping behaviour: which destinations share an external port (RFC 4787 4.1)",
          "[sim][nat]") {
  struct Row {
    const char* name;
    MappingBehavior mapping;
    bool same_for_other_port;  // S1:3478 vs S1:3479
    bool same_for_other_ip;    // S1:3478 vs S2:3478
  };
  const Row rows[] = {
      {"EIM", MappingBehavior::kEndpointIndependent, true, true},
      {"ADM", MappingBehavior::kAddressDependent, true, false},
      {"APDM", MappingBehavior::kAddressAndPortDependent, false, false},
  };
  for (const Row& row : rows) {
    INFO(row.name);
    NatConfig config;
    config.mapping = row.mapping;
    NatLab lab(config);
    const SocketAddress m1 = lab.observed_from_alice(lab.s1a, kS1a);
    const SocketAddress m2 = lab.observed_from_alice(lab.s1b, kS1b);
    const SocketAddress m3 = lab.observed_from_alice(lab.s2a, kS2a);
    CHECK(m1.ip() == kNatPublic);
    CHECK(m1.port() == 49152);  // sequential allocation starts at port_min
    CHECK((m2 == m1) == row.same_for_other_port);
    CHECK((m3 == m1) == row.same_for_other_ip);
    // Sending again to the first destination reuses its mapping.
    CHECK(lab.observed_from_alice(lab.s1a, kS1a) == m1);
    CHECK(lab.nat->counters().outbound == 4);
    // Each server saw alice's translated address; alice's probe saw nothing.
    CHECK(lab.alice.received().empty());
  }
}

TEST_CASE("filtering behaviour: who may send to a mapping (RFC 4787 5)", "[sim][nat]") {
  struct Row {
    const char* name;
    NatConfig config;
    bool from_same_endpoint;  // S1:3478, which alice contacted
    bool from_other_port;     // S1:3479
    bool from_other_ip;       // S2:3478
  };
  const Row rows[] = {
      {"full cone (EIM+EIF)", NatConfig::full_cone(), true, true, true},
      {"restricted cone (EIM+ADF)", NatConfig::restricted_cone(), true, true, false},
      {"port restricted (EIM+APDF)", NatConfig::port_restricted(), true, false, false},
      {"symmetric (APDM+APDF)", NatConfig::symmetric(), true, false, false},
  };
  for (const Row& row : rows) {
    INFO(row.name);
    NatLab lab(row.config);
    const SocketAddress mapped = lab.observed_from_alice(lab.s1a, kS1a);
    CHECK(lab.reaches_alice(lab.s1b, mapped) == row.from_other_port);
    CHECK(lab.reaches_alice(lab.s2a, mapped) == row.from_other_ip);
    CHECK(lab.reaches_alice(lab.s1a, mapped) == row.from_same_endpoint);
    const int refused = !row.from_other_port + !row.from_other_ip;
    CHECK(lab.nat->counters().dropped_filtered == static_cast<uint64_t>(refused));
    // What reached alice came from the real remote address, to her private address.
    REQUIRE(!lab.alice.received().empty());
    CHECK(lab.alice.received().back().source == kS1a);
    CHECK(lab.alice.received().back().destination == SocketAddress(kAliceIp, 5000));
  }
}

TEST_CASE("symmetric NAT: a different external port per destination", "[sim][nat]") {
  NatLab lab(NatConfig::symmetric());
  std::set<uint16_t> ports;
  ports.insert(lab.observed_from_alice(lab.s1a, kS1a).port());
  ports.insert(lab.observed_from_alice(lab.s1b, kS1b).port());
  ports.insert(lab.observed_from_alice(lab.s2a, kS2a).port());
  CHECK(ports.size() == 3);
  CHECK(lab.nat->active_mappings(lab.net.now()) == 3);
  // A server learning alice's mapping via S1:3478 cannot use it from S2 (the essence of why
  // symmetric NATs defeat STUN-only traversal).
  const SocketAddress via_s1 = lab.nat->find_mapping(lab.net.now(), SocketAddress(kAliceIp, 5000), kS1a).value();
  CHECK_FALSE(lab.reaches_alice(lab.s2a, via_s1));
}

TEST_CASE("inbound with no mapping is dropped", "[sim][nat]") {
  NatLab lab(NatConfig::full_cone());
  CHECK_FALSE(lab.reaches_alice(lab.s1a, SocketAddress(kNatPublic, 49152)));
  CHECK(lab.nat->counters().dropped_no_mapping == 1);
  // Sending straight to a private address from the internet has no route.
  CHECK_FALSE(lab.reaches_alice(lab.s1a, SocketAddress(kAliceIp, 5000)));
  CHECK(lab.net.counters().dropped_no_route == 1);
}

TEST_CASE("mapping timeout: outbound refreshes, idle mappings expire (RFC 4787 4.3)",
          "[sim][nat]") {
  NatConfig config = NatConfig::full_cone();
  config.mapping_timeout = Duration::seconds(30);
  NatLab lab(config);
  // The LAN side is ideal, so the mapping is created (and refreshed) at t=0.
  const SocketAddress mapped = lab.observed_from_alice(lab.s1a, kS1a);

  SECTION("expires after the timeout without traffic") {
    lab.net.run_until([] { return false; }, Timestamp::from_millis(28000));
    CHECK(lab.reaches_alice(lab.s1a, mapped));  // reaches the NAT at 28.015 s: still alive
    lab.net.run_until([] { return false; }, Timestamp::from_millis(31000));
    CHECK_FALSE(lab.reaches_alice(lab.s1a, mapped));  // inbound does not refresh by default
    CHECK(lab.nat->counters().mappings_expired == 1);
    CHECK(lab.nat->active_mappings(lab.net.now()) == 0);
    // A new outbound packet creates a fresh mapping on the next sequential port.
    const SocketAddress again = lab.observed_from_alice(lab.s1a, kS1a);
    CHECK(again.port() == mapped.port() + 1);
    CHECK(lab.nat->counters().mappings_created == 2);
  }
  SECTION("outbound keepalives keep it alive") {
    for (int i = 1; i <= 4; ++i) {
      lab.net.run_until([] { return false; }, Timestamp::from_millis(i * 20000));
      CHECK(lab.observed_from_alice(lab.s1a, kS1a) == mapped);
    }
    lab.net.run_until([] { return false; }, Timestamp::from_millis(100000));
    CHECK(lab.reaches_alice(lab.s1a, mapped));
    CHECK(lab.nat->counters().mappings_created == 1);
    CHECK(lab.nat->counters().mappings_expired == 0);
  }
  SECTION("inbound refresh, when configured, keeps it alive too") {
    NatConfig refreshing = config;
    refreshing.inbound_refresh = true;
    NatLab lab2(refreshing);
    const SocketAddress m = lab2.observed_from_alice(lab2.s1a, kS1a);
    for (int i = 1; i <= 3; ++i) {
      lab2.net.run_until([] { return false; }, Timestamp::from_millis(i * 20000));
      CHECK(lab2.reaches_alice(lab2.s1a, m));
    }
  }
}

TEST_CASE("port allocation: sequential, random, preserving (RFC 4787 4.2)", "[sim][nat]") {
  auto ports_for = [](NatConfig config, uint64_t seed) {
    NatLab lab(config, seed);
    std::vector<uint16_t> ports;
    ports.push_back(lab.observed_from_alice(lab.s1a, kS1a).port());
    ports.push_back(lab.observed_from_alice(lab.s1b, kS1b).port());
    const size_t before = lab.s2a.received().size();
    lab.bob.send(kS2a, "bob");
    REQUIRE(lab.net.run_until([&] { return lab.s2a.received().size() > before; }, Duration::seconds(1)));
    ports.push_back(lab.s2a.received().back().source.port());
    return ports;
  };
  NatConfig sequential = NatConfig::symmetric();
  CHECK(ports_for(sequential, 1) == std::vector<uint16_t>{49152, 49153, 49154});

  NatConfig random = NatConfig::symmetric();
  random.port_allocation = PortAllocation::kRandom;
  random.port_min = 10000;
  random.port_max = 60000;
  const std::vector<uint16_t> r1 = ports_for(random, 9);
  for (uint16_t p : r1) {
    CHECK(p >= 10000);
    CHECK(p <= 60000);
  }
  CHECK(r1 != std::vector<uint16_t>{10000, 10001, 10002});
  CHECK(ports_for(random, 9) == r1);  // same seed, same ports
  CHECK(ports_for(random, 10) != r1);

  NatConfig preserve = NatConfig::port_restricted();
  preserve.port_allocation = PortAllocation::kPreserve;
  preserve.port_min = 1024;
  // alice keeps 5000; bob also uses 5000 internally, so he gets the next free one.
  CHECK(ports_for(preserve, 1) == std::vector<uint16_t>{5000, 5000, 1024});
}

TEST_CASE("port exhaustion drops new flows", "[sim][nat]") {
  NatConfig config = NatConfig::symmetric();
  config.port_min = 40000;
  config.port_max = 40001;
  NatLab lab(config);
  lab.observed_from_alice(lab.s1a, kS1a);
  lab.observed_from_alice(lab.s1b, kS1b);
  lab.alice.send(kS2a, "third flow");
  lab.net.run_for(Duration::seconds(1));
  CHECK(lab.s2a.received().empty());
  CHECK(lab.nat->counters().dropped_ports_exhausted == 1);
}

TEST_CASE("hairpinning (RFC 4787 6)", "[sim][nat]") {
  auto setup = [](NatConfig config) {
    auto lab = std::make_unique<NatLab>(config);
    // bob learns his mapping through server 1, alice hers through server 2.
    lab->bob.send(kS1a, "bob");
    lab->net.run_for(Duration::millis(100));
    return lab;
  };
  SECTION("on: the peer sees the sender's external mapping") {
    NatConfig config = NatConfig::full_cone();
    config.hairpinning = true;
    auto lab = setup(config);
    const SocketAddress bob_mapped = lab->s1a.received().back().source;
    lab->alice.send(bob_mapped, "via public address");
    lab->net.run_for(Duration::millis(100));
    REQUIRE(lab->bob.received().size() == 1);
    const SocketAddress alice_mapped =
        lab->nat->find_mapping(lab->net.now(), SocketAddress(kAliceIp, 5000), bob_mapped).value();
    CHECK(lab->bob.received()[0].source == alice_mapped);
    CHECK(lab->bob.received()[0].source.ip() == kNatPublic);
    CHECK(lab->nat->counters().hairpinned == 1);
    // bob can answer through the same path.
    lab->bob.send(alice_mapped, "reply");
    lab->net.run_for(Duration::millis(100));
    REQUIRE(lab->alice.received().size() == 1);
    CHECK(lab->alice.received()[0].source == bob_mapped);
  }
  SECTION("on, but the target mapping's filtering still applies") {
    NatConfig config = NatConfig::port_restricted();
    config.hairpinning = true;
    auto lab = setup(config);
    lab->alice.send(lab->s1a.received().back().source, "unsolicited");
    lab->net.run_for(Duration::millis(100));
    CHECK(lab->bob.received().empty());
    CHECK(lab->nat->counters().dropped_filtered == 1);
  }
  SECTION("off: dropped") {
    auto lab = setup(NatConfig::full_cone());
    lab->alice.send(lab->s1a.received().back().source, "lost");
    lab->net.run_for(Duration::millis(100));
    CHECK(lab->bob.received().empty());
    CHECK(lab->nat->counters().dropped_hairpin == 1);
  }
  SECTION("the LAN still routes directly between private addresses") {
    auto lab = setup(NatConfig::symmetric());
    lab->alice.send(SocketAddress(kBobIp, 5000), "direct");
    lab->net.run_for(Duration::millis(100));
    REQUIRE(lab->bob.received().size() == 1);
    CHECK(lab->bob.received()[0].source == SocketAddress(kAliceIp, 5000));
  }
}

// Hole punching across nested NATs: alice behind a home NAT behind a carrier-grade NAT, bob
// behind his own home NAT. Both learn their reflexive address from a reflector, exchange them
// (out of band), then send to each other at the same time.
struct PunchLab {
  PunchLab(NatConfig alice_home, NatConfig cgnat, NatConfig bob_home) : net(11) {
    Realm& isp = net.add_realm("isp");
    Realm& alice_lan = net.add_realm("alice-lan");
    Realm& bob_lan = net.add_realm("bob-lan");
    const LinkConfig access = LinkConfig::delay(Duration::millis(10));
    cg = &net.add_nat("cgnat", cgnat, net.internet(), IpAddress::v4(203, 0, 113, 100), isp,
                      IpAddress::v4(100, 64, 0, 1), access, access);
    a_nat = &net.add_nat("alice-nat", alice_home, isp, IpAddress::v4(100, 64, 0, 2), alice_lan,
                         IpAddress::v4(192, 168, 0, 1), access, access);
    b_nat = &net.add_nat("bob-nat", bob_home, net.internet(), IpAddress::v4(203, 0, 113, 200),
                         bob_lan, IpAddress::v4(192, 168, 0, 1), access, access);
    Host& a = net.add_host("alice");
    Host& b = net.add_host("bob");
    Host& s = net.add_host("reflector");
    net.attach(a, alice_lan, IpAddress::v4(192, 168, 0, 10));
    net.attach(b, bob_lan, IpAddress::v4(192, 168, 0, 10));  // same private IP: separate realms
    net.attach(s, net.internet(), kServer1);
    REQUIRE(net.bind(a, alice, SocketAddress(IpAddress::v4(192, 168, 0, 10), 4000)).ok());
    REQUIRE(net.bind(b, bob, SocketAddress(IpAddress::v4(192, 168, 0, 10), 4000)).ok());
    REQUIRE(net.bind(s, reflector, SocketAddress(kServer1, 3478)).ok());
  }
  // Returns true when both sides received the other's punch.
  bool punch() {
    alice.send(kS1a, "who am i");
    bob.send(kS1a, "who am i");
    REQUIRE(net.run_until([&] { return reflector.received().size() == 2; }, Duration::seconds(1)));
    // bob is one NAT closer, so his request arrives first.
    const SocketAddress bob_public = reflector.received()[0].source;
    const SocketAddress alice_public = reflector.received()[1].source;
    CHECK(alice_public.ip() == IpAddress::v4(203, 0, 113, 100));  // the outermost NAT's address
    CHECK(bob_public.ip() == IpAddress::v4(203, 0, 113, 200));
    for (int i = 0; i < 3; ++i) {
      net.schedule(net.now() + Duration::millis(50 * i), [&, alice_public, bob_public] {
        alice.send(bob_public, "punch");
        bob.send(alice_public, "punch");
      });
    }
    return net.run_until([&] { return !alice.received().empty() && !bob.received().empty(); },
                         Duration::seconds(2));
  }
  Network net;
  Nat* cg = nullptr;
  Nat* a_nat = nullptr;
  Nat* b_nat = nullptr;
  UdpProbe alice, bob, reflector;
};

TEST_CASE("nested NATs: hole punching succeeds through cones, fails between symmetric NATs",
          "[sim][nat]") {
  SECTION("port-restricted everywhere: simultaneous punches open both paths") {
    PunchLab lab(NatConfig::port_restricted(), NatConfig::port_restricted(),
                 NatConfig::port_restricted());
    CHECK(lab.punch());
    CHECK(lab.alice.received()[0].source.ip() == IpAddress::v4(203, 0, 113, 200));
    CHECK(lab.bob.received()[0].source.ip() == IpAddress::v4(203, 0, 113, 100));
  }
  SECTION("symmetric on both ends: the reflexive addresses are useless") {
    PunchLab lab(NatConfig::symmetric(), NatConfig::full_cone(), NatConfig::symmetric());
    CHECK_FALSE(lab.punch());
    CHECK(lab.alice.received().empty());
    CHECK(lab.bob.received().empty());
    CHECK(lab.b_nat->counters().dropped_no_mapping + lab.b_nat->counters().dropped_filtered > 0);
  }
}

}  // namespace
}  // namespace tern::sim

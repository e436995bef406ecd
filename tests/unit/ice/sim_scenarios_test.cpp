// Two full agents on the simulated network (tests/sim): LAN, NATs of every RFC 4787 flavour with a
// STUN server, loss, role conflicts, late trickle, consent expiry, ICE restart, mDNS, an ICE-lite
// peer and a relay.
#include <catch2/catch.hpp>

#include <memory>
#include <string>
#include <vector>

#include "agent_endpoint.hpp"
#include "crypto/hmac.hpp"
#include "fake_relay.hpp"
#include "ice/check_message.hpp"
#include "sim/catch_support.hpp"
#include "sim/network.hpp"
#include "stun/attributes.hpp"
#include "stun/message.hpp"
#include "stun_server_endpoint.hpp"

namespace tern::ice {
namespace {

using test::AgentEndpoint;

const IpAddress kStunIp = IpAddress::v4(198, 51, 100, 100);
const SocketAddress kStun(kStunIp, 3478);
const IpAddress kAlicePublic = IpAddress::v4(203, 0, 113, 1);
const IpAddress kBobPublic = IpAddress::v4(203, 0, 113, 2);
const IpAddress kAlicePrivate = IpAddress::v4(192, 168, 1, 10);
const IpAddress kBobPrivate = IpAddress::v4(192, 168, 2, 20);

AgentConfig config(Role role, bool with_stun = false) {
  AgentConfig c;
  c.role = role;
  if (with_stun) c.stun_servers = {kStun};
  return c;
}

// A network with a STUN server and two hosts, each either on the internet or behind its own NAT.
struct World {
  sim::Network net;
  test::StunServerEndpoint stun;
  std::unique_ptr<AgentEndpoint> alice;
  std::unique_ptr<AgentEndpoint> bob;
  sim::Interface* alice_iface = nullptr;
  sim::Interface* bob_iface = nullptr;

  explicit World(uint64_t seed) : net(seed) {
    auto& s = net.add_host("stun");
    net.attach(s, net.internet(), kStunIp, sim::LinkConfig::delay(Duration::millis(5)),
               sim::LinkConfig::delay(Duration::millis(5)));
    REQUIRE(net.bind(s, stun, kStun).ok());
  }

  // A host with its access link; behind `nat` it gets `private_ip` in its own LAN and the NAT owns
  // `public_ip`, otherwise it sits on the internet with `public_ip`.
  sim::Host& host(const std::string& name, std::optional<sim::NatConfig> nat, IpAddress public_ip, IpAddress private_ip,
                  sim::LinkConfig access, sim::Interface** iface) {
    auto& h = net.add_host(name);
    if (nat) {
      auto& lan = net.add_realm(name + "-lan");
      auto b = private_ip.bytes();
      auto& n = net.add_nat(name + "-nat", *nat, net.internet(), public_ip, lan, IpAddress::v4(b[0], b[1], b[2], 1),
                            access, access);
      (void)n;
      *iface = &net.attach(h, lan, private_ip);
    } else {
      *iface = &net.attach(h, net.internet(), public_ip, access, access);
    }
    return h;
  }

  std::unique_ptr<AgentEndpoint> agent(sim::Host& h, const std::string& name, const AgentConfig& c,
                                       const std::vector<SocketAddress>& bases) {
    auto a = std::make_unique<AgentEndpoint>(name, c, net.derive_seed());
    for (const auto& base : bases) {
      REQUIRE(net.bind(h, *a, base).ok());
      a->agent().add_local_address(net.now(), base);
    }
    return a;
  }

  // Typical set-up: alice (controlling) and bob (controlled) behind optional NATs.
  void pair(std::optional<sim::NatConfig> alice_nat, std::optional<sim::NatConfig> bob_nat, bool with_stun,
            sim::LinkConfig access = sim::LinkConfig::delay(Duration::millis(20))) {
    auto& a = host("alice", alice_nat, kAlicePublic, kAlicePrivate, access, &alice_iface);
    auto& b = host("bob", bob_nat, kBobPublic, kBobPrivate, access, &bob_iface);
    const IpAddress a_ip = alice_nat ? kAlicePrivate : kAlicePublic;
    const IpAddress b_ip = bob_nat ? kBobPrivate : kBobPublic;
    alice = agent(a, "alice", config(Role::kControlling, with_stun), {SocketAddress(a_ip, 5000)});
    bob = agent(b, "bob", config(Role::kControlled, with_stun), {SocketAddress(b_ip, 6000)});
  }

  void start() {
    test::connect_signalling(*alice, *bob, [this] { return net.now(); });
    alice->agent().start_gathering(net.now());
    bob->agent().start_gathering(net.now());
    alice->drain_events();
    bob->drain_events();
  }

  bool run_until_connected(Duration limit) {
    return net.run_until([this] { return alice->connected() && bob->connected(); }, limit);
  }

  // Data both ways over the selected pairs.
  void exchange_data() {
    alice->data.clear();
    bob->data.clear();
    REQUIRE(alice->send_data(net.now(), "ping from alice"));
    REQUIRE(bob->send_data(net.now(), "pong from bob"));
    REQUIRE(net.run_until([this] { return !alice->data.empty() && !bob->data.empty(); }, Duration::seconds(2)));
    CHECK(std::string(bob->data[0].begin(), bob->data[0].end()) == "ping from alice");
    CHECK(std::string(alice->data[0].begin(), alice->data[0].end()) == "pong from bob");
  }
};

bool has_type(const std::vector<Candidate>& list, CandidateType type) {
  for (const auto& c : list) {
    if (c.type == type) return true;
  }
  return false;
}

TEST_CASE("same LAN: host pair, nominated by the controlling agent, data both ways", "[ice][sim]") {
  World w(1);
  w.pair(std::nullopt, std::nullopt, false);
  w.start();
  REQUIRE(w.run_until_connected(Duration::seconds(5)));
  CHECK(w.net.now() < Timestamp::from_millis(500));
  auto a = w.alice->agent().selected_pair();
  auto b = w.bob->agent().selected_pair();
  REQUIRE(a);
  REQUIRE(b);
  CHECK(a->local.type == CandidateType::kHost);
  CHECK(a->remote.address == SocketAddress(kBobPublic, 6000));
  CHECK(b->remote.address == SocketAddress(kAlicePublic, 5000));
  w.exchange_data();
  // Both sides gathered (host only), signalled end-of-candidates, and finish checking.
  REQUIRE(w.net.run_until([&] {
    return w.alice->agent().connection_state() == ConnectionState::kCompleted &&
           w.bob->agent().connection_state() == ConnectionState::kCompleted;
  }, Duration::seconds(5)));
  w.alice->drain_events();
  w.bob->drain_events();
  CHECK(w.alice->states.front() == ConnectionState::kChecking);
  CHECK(w.alice->saw(ConnectionState::kConnected));
  CHECK(w.alice->gathering_states == std::vector<GatheringState>{GatheringState::kGathering, GatheringState::kComplete});
  CHECK(w.alice->selected.size() == 1);
  CHECK(w.bob->selected.size() == 1);
  CHECK(w.alice->roles.empty());
  CHECK(w.alice->agent().counters().unauthorized_requests == 0);
  CHECK(w.alice->agent().counters().stun_malformed == 0);
  // Consent keeps the pair alive well past 30 s.
  w.net.run_for(Duration::seconds(60));
  CHECK(w.alice->connected());
  CHECK(w.bob->connected());
  CHECK(w.alice->agent().counters().consent_probes_sent >= 10);
  w.exchange_data();
}

TEST_CASE("both behind full-cone NATs with a STUN server: srflx candidates connect", "[ice][sim][nat]") {
  World w(2);
  w.pair(sim::NatConfig::full_cone(), sim::NatConfig::full_cone(), true);
  w.start();
  REQUIRE(w.run_until_connected(Duration::seconds(10)));
  CHECK(has_type(w.alice->local_candidates, CandidateType::kServerReflexive));
  CHECK(has_type(w.bob->local_candidates, CandidateType::kServerReflexive));
  for (const auto& c : w.alice->local_candidates) {
    if (c.type != CandidateType::kServerReflexive) continue;
    CHECK(c.address.ip() == kAlicePublic);
    CHECK(c.related == SocketAddress(kAlicePrivate, 5000));
  }
  CHECK(w.stun.requests() >= 2);
  auto a = w.alice->agent().selected_pair();
  REQUIRE(a);
  CHECK(a->local.address == SocketAddress(kAlicePrivate, 5000));
  CHECK(a->remote.address.ip() == kBobPublic);
  w.exchange_data();
}

TEST_CASE("NAT combinations (RFC 4787): which connect without a relay", "[ice][sim][nat]") {
  struct Row {
    const char* name;
    sim::NatConfig alice;
    sim::NatConfig bob;
    bool connects;
  };
  const Row rows[] = {
      {"port-restricted both", sim::NatConfig::port_restricted(), sim::NatConfig::port_restricted(), true},
      {"full cone vs symmetric", sim::NatConfig::full_cone(), sim::NatConfig::symmetric(), true},
      // Bob's symmetric NAT maps its checks to a new port: Alice only learns it from Bob's check,
      // as a peer-reflexive candidate (RFC 8445 §7.3.1.3), and her address-restricted NAT lets it
      // in because she already sent to Bob's IP.
      {"address-restricted vs symmetric (peer-reflexive)", sim::NatConfig::restricted_cone(),
       sim::NatConfig::symmetric(), true},
      // The classic case that needs TURN: Alice's filter wants Bob's exact port, which the
      // symmetric NAT never reveals. Every pair fails; both agents end "failed".
      {"port-restricted vs symmetric (needs a relay)", sim::NatConfig::port_restricted(), sim::NatConfig::symmetric(),
       false},
      {"symmetric both (needs a relay)", sim::NatConfig::symmetric(), sim::NatConfig::symmetric(), false},
  };
  uint64_t seed = 10;
  for (const Row& row : rows) {
    SECTION(row.name) {
      World w(++seed);
      w.pair(row.alice, row.bob, true);
      w.start();
      if (row.connects) {
        REQUIRE(w.run_until_connected(Duration::seconds(15)));
        auto a = w.alice->agent().selected_pair();
        REQUIRE(a);
        CHECK(a->remote.address.ip() == kBobPublic);
        w.exchange_data();
      } else {
        REQUIRE(w.net.run_until([&] {
          return w.alice->agent().connection_state() == ConnectionState::kFailed &&
                 w.bob->agent().connection_state() == ConnectionState::kFailed;
        }, Duration::seconds(30)));
        CHECK_FALSE(w.alice->agent().selected_pair());
        CHECK_FALSE(w.alice->send_data(w.net.now(), "nope"));
      }
    }
  }
}

TEST_CASE("10% loss on every access link: still connects", "[ice][sim][loss]") {
  for (uint64_t seed : {21, 22, 23}) {
    INFO("seed " << seed);
    World w(seed);
    sim::LinkConfig lossy = sim::LinkConfig::delay(Duration::millis(30));
    lossy.loss = 0.10;
    w.pair(sim::NatConfig::port_restricted(), sim::NatConfig::full_cone(), true, lossy);
    w.start();
    REQUIRE(w.run_until_connected(Duration::seconds(20)));
    // Data may be lost too: retry a few times.
    bool delivered = false;
    for (int i = 0; i < 10 && !delivered; ++i) {
      REQUIRE(w.alice->send_data(w.net.now(), "x"));
      delivered = w.net.run_until([&] { return !w.bob->data.empty(); }, Duration::millis(200));
    }
    CHECK(delivered);
  }
}

TEST_CASE("duplication, reordering and jitter: still connects, duplicates are harmless", "[ice][sim][loss]") {
  World w(24);
  sim::LinkConfig messy = sim::LinkConfig::delay(Duration::millis(25));
  messy.jitter = Duration::millis(30);
  messy.duplicate = 0.3;
  messy.reorder = 0.2;
  w.pair(sim::NatConfig::full_cone(), sim::NatConfig::port_restricted(), true, messy);
  w.start();
  REQUIRE(w.run_until_connected(Duration::seconds(20)));
  w.net.run_for(Duration::seconds(20));
  CHECK(w.alice->connected());
  CHECK(w.bob->connected());
  // Duplicated responses find their transaction gone: counted, nothing else.
  CHECK(w.alice->agent().counters().stale_responses + w.bob->agent().counters().stale_responses > 0);
  CHECK(w.alice->agent().counters().stun_malformed == 0);
  w.exchange_data();
}

TEST_CASE("determinism: the same seed gives the same packet trace", "[ice][sim]") {
  auto run = [](uint64_t seed) {
    World w(seed);
    sim::LinkConfig lossy = sim::LinkConfig::delay(Duration::millis(15));
    lossy.loss = 0.05;
    lossy.jitter = Duration::millis(10);
    w.pair(sim::NatConfig::port_restricted(), sim::NatConfig::symmetric(), true, lossy);
    w.net.set_trace_enabled(true);
    w.start();
    (void)w.run_until_connected(Duration::seconds(10));
    w.net.run_for(Duration::seconds(10));
    return w.net.trace();
  };
  const auto a = run(99);
  const auto b = run(99);
  CHECK(a.size() > 50);
  CHECK(a == b);
}

TEST_CASE("role conflict: both controlling or both controlled resolves (RFC 8445 §7.3.1.1)", "[ice][sim][role]") {
  for (Role both : {Role::kControlling, Role::kControlled}) {
    INFO(role_name(both));
    World w(both == Role::kControlling ? 31 : 32);
    w.pair(std::nullopt, std::nullopt, false);
    w.bob->agent().set_role(both);
    w.alice->agent().set_role(both);
    w.start();
    REQUIRE(w.run_until_connected(Duration::seconds(10)));
    w.alice->drain_events();
    w.bob->drain_events();
    // Exactly one of them switched, so they now hold opposite roles.
    CHECK(w.alice->agent().role() != w.bob->agent().role());
    CHECK(w.alice->roles.size() + w.bob->roles.size() == 1);
    CHECK(w.alice->agent().counters().role_conflicts + w.bob->agent().counters().role_conflicts >= 1);
    // The agent with the larger tie-breaker is controlling.
    const bool alice_wins = w.alice->agent().tie_breaker() >= w.bob->agent().tie_breaker();
    CHECK((w.alice->agent().role() == Role::kControlling) == alice_wins);
    w.exchange_data();
  }
}

TEST_CASE("trickle: candidates arriving late still form pairs and connect (RFC 8838)", "[ice][sim][trickle]") {
  World w(41);
  w.pair(sim::NatConfig::port_restricted(), sim::NatConfig::port_restricted(), true);
  // Credentials now; candidates are held back by the signalling channel for 2 s.
  const auto& ac = w.alice->agent().local_credentials();
  const auto& bc = w.bob->agent().local_credentials();
  REQUIRE(w.bob->agent().set_remote_credentials(ac.ufrag, ac.pwd).ok());
  REQUIRE(w.alice->agent().set_remote_credentials(bc.ufrag, bc.pwd).ok());
  auto delay = [&w](AgentEndpoint* to) {
    return [&w, to](const Candidate& c) {
      w.net.schedule(w.net.now() + Duration::seconds(2), [&w, to, c] {
        CHECK(to->agent().add_remote_candidate(w.net.now(), serialize(c)).ok());
      });
    };
  };
  w.alice->on_candidate = delay(w.bob.get());
  w.bob->on_candidate = delay(w.alice.get());
  w.alice->on_gathering_complete = [&w] {
    w.net.schedule(w.net.now() + Duration::seconds(3), [&w] { w.bob->agent().end_of_remote_candidates(w.net.now()); });
  };
  w.bob->on_gathering_complete = [&w] {
    w.net.schedule(w.net.now() + Duration::seconds(3), [&w] { w.alice->agent().end_of_remote_candidates(w.net.now()); });
  };
  w.alice->agent().start_gathering(w.net.now());
  w.bob->agent().start_gathering(w.net.now());
  w.alice->drain_events();
  w.bob->drain_events();
  w.net.run_for(Duration::millis(1900));
  CHECK(w.alice->agent().check_list().size() == 0);
  CHECK_FALSE(w.alice->connected());
  REQUIRE(w.run_until_connected(Duration::seconds(15)));
  CHECK(w.net.now() > Timestamp::from_millis(2000));
  // A candidate of another generation is refused without harm.
  auto stale = parse_candidate("candidate:9 1 udp 1 10.9.9.9 9 typ host ufrag OLDX");
  REQUIRE(stale.ok());
  auto r = w.alice->agent().add_remote_candidate(w.net.now(), *stale);
  REQUIRE_FALSE(r.ok());
  CHECK(r.error().is(IceErrc::kStaleCandidate));
  CHECK(w.alice->agent().counters().remote_candidates_stale == 1);
  w.exchange_data();
}

TEST_CASE("consent: a silent peer makes the pair disconnected, then failed (RFC 7675)", "[ice][sim][consent]") {
  World w(51);
  w.pair(std::nullopt, std::nullopt, false);
  w.start();
  REQUIRE(w.run_until_connected(Duration::seconds(5)));
  w.net.run_for(Duration::seconds(10));
  REQUIRE(w.alice->connected());
  // Bob's link goes down in both directions.
  const Timestamp cut = w.net.now();
  w.bob_iface->uplink().set_down(true);
  w.bob_iface->downlink().set_down(true);
  REQUIRE(w.net.run_until([&] { return w.alice->agent().connection_state() == ConnectionState::kDisconnected; },
                          Duration::seconds(15)));
  // Disconnected within ConsentConfig::disconnected_after (8 s) of the last response.
  CHECK(w.net.now() - cut <= Duration::seconds(9));
  CHECK(w.net.now() - cut >= Duration::seconds(2));
  CHECK(w.alice->send_data(w.net.now(), "still allowed while disconnected"));
  REQUIRE(w.net.run_until([&] {
    return w.alice->agent().connection_state() == ConnectionState::kFailed &&
           w.bob->agent().connection_state() == ConnectionState::kFailed;
  }, Duration::seconds(40)));
  CHECK(w.net.now() - cut <= Duration::seconds(31));
  CHECK(w.net.now() - cut >= Duration::seconds(24));
  // RFC 7675 §5.1: no more sending.
  auto refused = w.alice->agent().send(w.net.now(), std::vector<uint8_t>{1});
  REQUIRE_FALSE(refused.ok());
  CHECK(refused.error().is(IceErrc::kConsentExpired));
  w.alice->drain_events();
  CHECK(w.alice->states.back() == ConnectionState::kFailed);
  CHECK(w.alice->saw(ConnectionState::kDisconnected));
}

TEST_CASE("consent: a path that comes back returns to connected", "[ice][sim][consent]") {
  World w(52);
  w.pair(std::nullopt, std::nullopt, false);
  w.start();
  REQUIRE(w.run_until_connected(Duration::seconds(5)));
  w.bob_iface->uplink().set_down(true);
  REQUIRE(w.net.run_until([&] { return w.alice->agent().connection_state() == ConnectionState::kDisconnected; },
                          Duration::seconds(15)));
  w.bob_iface->uplink().set_down(false);
  REQUIRE(w.net.run_until([&] { return w.alice->connected(); }, Duration::seconds(3)));
  w.exchange_data();
}

TEST_CASE("ICE restart after the path dies: the other interface takes over (RFC 8445 §9)", "[ice][sim][restart]") {
  World w(61);
  const IpAddress a1 = IpAddress::v4(198, 51, 100, 1), a2 = IpAddress::v4(198, 51, 100, 2);
  auto& ah = w.net.add_host("alice");
  auto& if1 = w.net.attach(ah, w.net.internet(), a1, sim::LinkConfig::delay(Duration::millis(10)),
                           sim::LinkConfig::delay(Duration::millis(10)));
  w.net.attach(ah, w.net.internet(), a2, sim::LinkConfig::delay(Duration::millis(40)),
               sim::LinkConfig::delay(Duration::millis(40)));
  auto& bh = w.host("bob", std::nullopt, kBobPublic, kBobPrivate, sim::LinkConfig::delay(Duration::millis(10)), &w.bob_iface);
  w.alice = w.agent(ah, "alice", config(Role::kControlling), {SocketAddress(a1, 5000), SocketAddress(a2, 5000)});
  w.bob = w.agent(bh, "bob", config(Role::kControlled), {SocketAddress(kBobPublic, 6000)});
  w.start();
  REQUIRE(w.run_until_connected(Duration::seconds(5)));
  // The first interface ranks higher (RFC 8445 §5.1.2.1 local preference) and is selected.
  REQUIRE(w.alice->agent().selected_pair()->local.address == SocketAddress(a1, 5000));
  const auto old_ufrag = w.alice->agent().local_credentials().ufrag;

  if1.uplink().set_down(true);
  if1.downlink().set_down(true);
  REQUIRE(w.net.run_until([&] { return w.alice->agent().connection_state() == ConnectionState::kDisconnected; },
                          Duration::seconds(15)));

  // Both restart; signalling carries the new credentials, then the new candidates.
  w.alice->agent().restart(w.net.now());
  w.bob->agent().restart(w.net.now());
  CHECK(w.alice->agent().local_credentials().ufrag != old_ufrag);
  CHECK(w.alice->agent().generation() == 1);
  const auto& ac = w.alice->agent().local_credentials();
  const auto& bc = w.bob->agent().local_credentials();
  REQUIRE(w.bob->agent().set_remote_credentials(ac.ufrag, ac.pwd).ok());
  REQUIRE(w.alice->agent().set_remote_credentials(bc.ufrag, bc.pwd).ok());
  w.alice->drain_events();
  w.bob->drain_events();
  REQUIRE(w.net.run_until([&] {
    auto s = w.alice->agent().selected_pair();
    return s && s->local.address == SocketAddress(a2, 5000) && w.alice->connected() && w.bob->connected();
  }, Duration::seconds(20)));
  // The restarted candidates carry the new generation and ufrag.
  const Candidate& last = w.alice->local_candidates.back();
  CHECK(last.generation == 1u);
  CHECK(last.ufrag == ac.ufrag);
  w.exchange_data();
}

TEST_CASE("mDNS remote candidates: pending without a resolver, connected through prflx", "[ice][sim][mdns]") {
  for (bool with_resolver : {false, true}) {
    INFO("resolver " << with_resolver);
    World w(with_resolver ? 72 : 71);
    auto& a = w.host("alice", std::nullopt, kAlicePublic, kAlicePrivate, sim::LinkConfig::delay(Duration::millis(5)),
                     &w.alice_iface);
    auto& b = w.host("bob", std::nullopt, kBobPublic, kBobPrivate, sim::LinkConfig::delay(Duration::millis(5)),
                     &w.bob_iface);
    AgentConfig ac = config(Role::kControlling);
    if (with_resolver) {
      ac.hostname_resolver = [](std::string_view name) -> std::optional<IpAddress> {
        if (name == "0b1e4f6a-bob.local") return kBobPublic;
        return std::nullopt;
      };
    }
    w.alice = w.agent(a, "alice", ac, {SocketAddress(kAlicePublic, 5000)});
    w.bob = w.agent(b, "bob", config(Role::kControlled), {SocketAddress(kBobPublic, 6000)});
    test::connect_signalling(*w.alice, *w.bob, [&w] { return w.net.now(); });
    // Bob hides his address behind an mDNS name, as browsers do.
    w.bob->on_candidate = [&w](const Candidate& c) {
      Candidate hidden = c;
      hidden.hostname = "0b1e4f6a-bob.local";
      hidden.address = SocketAddress(IpAddress(), c.address.port());
      CHECK(w.alice->agent().add_remote_candidate(w.net.now(), serialize(hidden)).ok());
    };
    w.alice->agent().start_gathering(w.net.now());
    w.bob->agent().start_gathering(w.net.now());
    w.alice->drain_events();
    w.bob->drain_events();
    REQUIRE(w.run_until_connected(Duration::seconds(10)));
    auto s = w.alice->agent().selected_pair();
    REQUIRE(s);
    CHECK(s->remote.address == SocketAddress(kBobPublic, 6000));
    if (with_resolver) {
      CHECK(s->remote.type == CandidateType::kHost);
      CHECK(w.alice->agent().counters().remote_hostnames_pending == 0);
    } else {
      CHECK(s->remote.type == CandidateType::kPeerReflexive);
      CHECK(w.alice->agent().counters().remote_hostnames_pending == 1);
      // Resolving later upgrades the peer-reflexive candidate to the signalled host one.
      REQUIRE(w.alice->agent().resolve_mdns(w.net.now(), "0b1e4f6a-bob.local", kBobPublic).ok());
      CHECK(w.alice->agent().remote_candidates()[0].type == CandidateType::kHost);
      CHECK(w.alice->agent().resolve_mdns(w.net.now(), "nobody.local", kBobPublic).error().is(IceErrc::kUnknownHostname));
    }
    w.exchange_data();
  }
}

// An ICE-lite peer (RFC 8445 §2.5): answers checks, never sends any, relies on our nomination.
struct LitePeer final : sim::SimEndpoint {
  Credentials credentials{"LITE", "litepassword0123456789xx"};
  std::unique_ptr<crypto::Hmac> key = std::make_unique<crypto::Hmac>(
      crypto::HashAlgorithm::kSha1, std::span<const uint8_t>(reinterpret_cast<const uint8_t*>(credentials.pwd.data()),
                                                             credentials.pwd.size()));
  std::deque<Transmit> out;
  int nominations = 0;
  std::vector<std::string> data;

  void handle_input(Timestamp, const Datagram& d) override {
    auto m = stun::Message::parse(d.payload);
    if (!m) {
      data.emplace_back(d.payload.begin(), d.payload.end());
      return;
    }
    auto v = validate_check_request(*m, credentials.ufrag, *key);
    if (v.error != 0) return;
    if (v.info.use_candidate) ++nominations;
    out.push_back(Transmit{d.destination, d.source, TransportProtocol::kUdp, build_check_success(*m, d.source, *key)});
  }
  std::optional<Transmit> poll_transmit() override {
    if (out.empty()) return std::nullopt;
    Transmit t = std::move(out.front());
    out.pop_front();
    return t;
  }
  std::optional<Timestamp> poll_timeout() override { return std::nullopt; }
  void handle_timeout(Timestamp) override {}
};

TEST_CASE("ICE-lite peer: the full agent takes control and nominates", "[ice][sim][lite]") {
  World w(81);
  auto& a = w.host("alice", std::nullopt, kAlicePublic, kAlicePrivate, sim::LinkConfig::delay(Duration::millis(5)),
                   &w.alice_iface);
  auto& l = w.net.add_host("lite");
  w.net.attach(l, w.net.internet(), kBobPublic);
  LitePeer lite;
  REQUIRE(w.net.bind(l, lite, SocketAddress(kBobPublic, 443)).ok());
  // Even configured as controlled (an answerer), the agent must control a lite peer.
  w.alice = w.agent(a, "alice", config(Role::kControlled), {SocketAddress(kAlicePublic, 5000)});
  Agent& agent = w.alice->agent();
  agent.set_remote_lite(true);
  CHECK(agent.role() == Role::kControlling);
  agent.set_role(Role::kControlled);
  CHECK(agent.role() == Role::kControlling);
  REQUIRE(agent.set_remote_credentials(lite.credentials.ufrag, lite.credentials.pwd).ok());
  REQUIRE(agent.add_remote_candidate(w.net.now(), "candidate:1 1 udp 2130706431 203.0.113.2 443 typ host").ok());
  agent.end_of_remote_candidates(w.net.now());
  agent.start_gathering(w.net.now());
  REQUIRE(w.net.run_until([&] { return w.alice->connected(); }, Duration::seconds(5)));
  CHECK(lite.nominations >= 1);
  REQUIRE(w.alice->send_data(w.net.now(), "to the lite peer"));
  REQUIRE(w.net.run_until([&] { return !lite.data.empty(); }, Duration::seconds(1)));
  CHECK(lite.data[0] == "to the lite peer");
  REQUIRE(w.net.run_until([&] { return agent.connection_state() == ConnectionState::kCompleted; }, Duration::seconds(3)));
}

TEST_CASE("relayed candidates through the RelayAllocator interface: symmetric NATs connect", "[ice][sim][relay]") {
  World w(91);
  w.pair(sim::NatConfig::symmetric(), sim::NatConfig::symmetric(), true);
  auto& rh = w.net.add_host("relay");
  const IpAddress relay_ip = IpAddress::v4(198, 51, 100, 200);
  w.net.attach(rh, w.net.internet(), relay_ip, sim::LinkConfig::delay(Duration::millis(5)),
               sim::LinkConfig::delay(Duration::millis(5)));
  test::FakeRelayServer server(SocketAddress(relay_ip, 3478), SocketAddress(relay_ip, 40000));
  REQUIRE(w.net.bind(rh, server, SocketAddress(relay_ip, 3478)).ok());
  REQUIRE(w.net.bind(rh, server, SocketAddress(relay_ip, 40000)).ok());
  auto allocator = std::make_unique<test::FakeRelayAllocator>(SocketAddress(relay_ip, 3478),
                                                              SocketAddress(kAlicePrivate, 5000));
  auto* fake = allocator.get();
  w.alice->agent().add_relay(std::move(allocator));
  w.start();
  REQUIRE(w.run_until_connected(Duration::seconds(30)));
  REQUIRE(has_type(w.alice->local_candidates, CandidateType::kRelayed));
  for (const auto& c : w.alice->local_candidates) {
    if (c.type != CandidateType::kRelayed) continue;
    CHECK(c.address == SocketAddress(relay_ip, 40000));
    CHECK(c.related);
    CHECK(c.related->ip() == kAlicePublic);
    CHECK(c.priority >> 24 == 0);  // RFC 8445 §5.1.2.2: relayed type preference 0
  }
  auto a = w.alice->agent().selected_pair();
  auto b = w.bob->agent().selected_pair();
  REQUIRE(a);
  REQUIRE(b);
  CHECK(a->local.type == CandidateType::kRelayed);
  CHECK(b->remote.address == SocketAddress(relay_ip, 40000));
  w.exchange_data();
  CHECK(fake->sent() > 0);
  CHECK(server.relayed_packets() > 0);
  w.alice->agent().close(w.net.now());
  CHECK(fake->closed());
  CHECK(w.alice->agent().connection_state() == ConnectionState::kClosed);
}

}  // namespace
}  // namespace tern::ice

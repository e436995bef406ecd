// One agent driven by hand: gathering events, bad input (dropped and counted, 400/401/420),
// early checks and peer-reflexive candidates, triggered checks, nomination on the controlled side,
// role conflicts both ways, the symmetric-address rule and the remote-candidate failure table.
#include <catch2/catch.hpp>

#include <variant>
#include <vector>

#include "common/rng.hpp"
#include "crypto/hmac.hpp"
#include "ice/agent.hpp"
#include "ice/check_message.hpp"
#include "ice/describe.hpp"
#include "ice/priority.hpp"
#include "sim/catch_support.hpp"
#include "stun/attributes.hpp"
#include "stun/builder.hpp"
#include "stun/integrity.hpp"

namespace tern::ice {
namespace {

const SocketAddress kBase(IpAddress::v4(10, 0, 0, 1), 5000);
const SocketAddress kPeer(IpAddress::v4(10, 0, 0, 2), 6000);
const Credentials kLocal{"LOCL", "localpassword0123456789x"};
const Credentials kRemote{"REMO", "remotepassword012345678x"};

crypto::Hmac key(const std::string& pwd) {
  return crypto::Hmac(crypto::HashAlgorithm::kSha1,
                      std::span<const uint8_t>(reinterpret_cast<const uint8_t*>(pwd.data()), pwd.size()));
}

stun::TransactionId txid(uint8_t n) {
  stun::TransactionId t{};
  t.fill(n);
  return t;
}

// The test plays the peer.
struct Harness {
  SeededRng rng{5};
  Agent agent;
  Timestamp now;
  std::vector<Event> events;

  explicit Harness(Role role) : agent(make_config(role), rng) {
    agent.add_local_address(now, kBase);
    agent.start_gathering(now);
    drain();
  }
  static AgentConfig make_config(Role role) {
    AgentConfig c;
    c.role = role;
    c.credentials = kLocal;
    return c;
  }
  void drain() {
    while (auto e = agent.poll_event()) events.push_back(*e);
  }
  Received input(const std::vector<uint8_t>& bytes, SocketAddress from = kPeer, SocketAddress to = kBase) {
    Datagram d{from, to, TransportProtocol::kUdp, bytes};
    auto r = agent.handle_input(now, d);
    drain();
    return r;
  }
  std::vector<Transmit> transmits() {
    std::vector<Transmit> out;
    while (auto t = agent.poll_transmit()) out.push_back(std::move(*t));
    return out;
  }
  void advance(Duration d) {
    const Timestamp until = now + d;
    for (int guard = 0; guard < 10000; ++guard) {
      auto t = agent.poll_timeout();
      if (!t || *t > until) break;
      now = std::max(now, *t);
      agent.handle_timeout(now);
      drain();
    }
    now = until;
  }
  // A check from the peer, as the peer would build it.
  std::vector<uint8_t> peer_check(uint8_t id, bool controlling, uint64_t tie_breaker, bool use_candidate,
                                  uint32_t priority = 1853824767u) {
    CheckRequestParams p;
    p.remote_ufrag = kLocal.ufrag;
    p.local_ufrag = kRemote.ufrag;
    p.priority = priority;
    p.controlling = controlling;
    p.tie_breaker = tie_breaker;
    p.use_candidate = use_candidate;
    auto k = key(kLocal.pwd);
    return build_check_request(txid(id), p, k);
  }
  template <class T>
  size_t count_events() const {
    size_t n = 0;
    for (const auto& e : events) n += std::holds_alternative<T>(e) ? 1 : 0;
    return n;
  }
};

stun::Message parse(const Transmit& t) {
  auto m = stun::Message::parse(t.payload);
  REQUIRE(m.ok());
  return *m;
}

TEST_CASE("gathering host candidates: events and candidate fields", "[ice][agent]") {
  Harness h(Role::kControlling);
  REQUIRE(h.events.size() == 4);
  CHECK(std::get<GatheringStateEvent>(h.events[0]).state == GatheringState::kGathering);
  const Candidate& c = std::get<LocalCandidateEvent>(h.events[1]).candidate;
  CHECK(c.type == CandidateType::kHost);
  CHECK(c.address == kBase);
  CHECK(c.component == 1);
  CHECK(c.priority == candidate_priority(CandidateType::kHost, local_preference(kBase.ip(), 0)));
  CHECK(c.ufrag == "LOCL");
  CHECK(c.generation == 0u);
  CHECK(std::get<GatheringStateEvent>(h.events[2]).state == GatheringState::kComplete);
  CHECK(std::holds_alternative<GatheringCompleteEvent>(h.events[3]));
  CHECK(h.agent.gathering_state() == GatheringState::kComplete);
  CHECK(h.agent.connection_state() == ConnectionState::kNew);
  CHECK(h.transmits().empty());
  // Its text form parses back to the same candidate.
  auto again = parse_candidate(serialize(c));
  REQUIRE(again.ok());
  CHECK(*again == c);
}

TEST_CASE("bad input is dropped and counted, never fatal", "[ice][agent][bad-input]") {
  Harness h(Role::kControlled);
  const auto& counters = h.agent.counters();

  // Not STUN, from nobody we know.
  CHECK(h.input({0x17, 0xfe, 0xfd, 1, 2, 3}).kind == Received::Kind::kDropped);
  CHECK(counters.data_unknown_source == 1);
  // To a local address the agent does not have.
  CHECK(h.input({0x17}, kPeer, SocketAddress(IpAddress::v4(10, 0, 0, 9), 1)).kind == Received::Kind::kDropped);
  CHECK(counters.unknown_local_address == 1);
  // STUN-shaped with a broken FINGERPRINT.
  auto bytes = h.peer_check(1, true, 1, false);
  bytes.back() ^= 0xFF;
  CHECK(h.input(bytes).kind == Received::Kind::kDropped);
  CHECK(counters.stun_malformed == 1);
  // STUN header with truncated attributes.
  std::vector<uint8_t> truncated = {0x00, 0x01, 0x00, 0x08, 0x21, 0x12, 0xa4, 0x42, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12,
                                    0x00, 0x06, 0x00, 0x10, 'a', 'b', 'c', 'd'};
  CHECK(h.input(truncated).kind == Received::Kind::kDropped);
  CHECK(counters.stun_malformed == 2);
  CHECK(h.transmits().empty());

  // Wrong password: 401 without MESSAGE-INTEGRITY.
  {
    CheckRequestParams p;
    p.remote_ufrag = kLocal.ufrag;
    p.local_ufrag = kRemote.ufrag;
    p.priority = 1;
    auto wrong = key("not-the-right-password-xx");
    h.input(build_check_request(txid(2), p, wrong));
    auto out = h.transmits();
    REQUIRE(out.size() == 1);
    auto m = parse(out[0]);
    CHECK(m.message_class() == stun::MessageClass::kErrorResponse);
    CHECK(stun::get<stun::ErrorCode>(m)->code == 401);
    CHECK_FALSE(m.has(stun::AttributeType::kMessageIntegrity));
    CHECK(out[0].destination == kPeer);
    CHECK(out[0].source == kBase);
    CHECK(counters.unauthorized_requests == 1);
  }
  // Missing PRIORITY: 400 (authenticated, so with MESSAGE-INTEGRITY).
  {
    std::vector<uint8_t> out;
    stun::MessageBuilder b(out, {stun::Method::kBinding, stun::MessageClass::kRequest}, txid(3));
    b.add(stun::Username{"LOCL:REMO"});
    b.add(stun::IceControlling{1});
    auto k = key(kLocal.pwd);
    b.add_message_integrity(k);
    b.add_fingerprint();
    REQUIRE(b.finish().ok());
    h.input(out);
    auto sent = h.transmits();
    REQUIRE(sent.size() == 1);
    auto m = parse(sent[0]);
    CHECK(stun::get<stun::ErrorCode>(m)->code == 400);
    auto verify = key(kLocal.pwd);
    CHECK(stun::verify_message_integrity(m, verify).ok());
    CHECK(counters.bad_requests == 1);
  }
  // Unknown comprehension-required attribute: 420 listing it.
  {
    std::vector<uint8_t> out;
    stun::MessageBuilder b(out, {stun::Method::kBinding, stun::MessageClass::kRequest}, txid(4));
    b.add(stun::Username{"LOCL:REMO"});
    b.add(stun::Priority{5});
    b.add(stun::IceControlling{1});
    b.add_raw(static_cast<stun::AttributeType>(0x7001), std::vector<uint8_t>{0, 0, 0, 0});
    auto k = key(kLocal.pwd);
    b.add_message_integrity(k);
    b.add_fingerprint();
    REQUIRE(b.finish().ok());
    h.input(out);
    auto sent = h.transmits();
    REQUIRE(sent.size() == 1);
    auto m = parse(sent[0]);
    CHECK(stun::get<stun::ErrorCode>(m)->code == 420);
    CHECK(stun::get<stun::UnknownAttributes>(m)->contains(0x7001));
    CHECK(counters.unknown_attribute_requests == 1);
  }
  // A response nobody asked for.
  {
    std::vector<uint8_t> out;
    stun::MessageBuilder b(out, {stun::Method::kBinding, stun::MessageClass::kSuccessResponse}, txid(9));
    b.add(stun::XorMappedAddress{kBase});
    b.add_fingerprint();
    REQUIRE(b.finish().ok());
    CHECK(h.input(out).kind == Received::Kind::kConsumed);
    CHECK(counters.stale_responses == 1);
  }
  // Indications are keepalives.
  {
    std::vector<uint8_t> out;
    stun::MessageBuilder b(out, {stun::Method::kBinding, stun::MessageClass::kIndication}, txid(10));
    b.add_fingerprint();
    REQUIRE(b.finish().ok());
    h.input(out);
    CHECK(counters.ignored_stun == 1);
  }
  // None of this created candidates, pairs or state changes.
  CHECK(h.agent.remote_candidates().empty());
  CHECK(h.agent.check_list().size() == 0);
  CHECK(h.agent.connection_state() == ConnectionState::kNew);
  CHECK(h.transmits().empty());
}

TEST_CASE("an early check: answered, peer-reflexive remote, triggered check once credentials arrive, nominated",
          "[ice][agent]") {
  Harness h(Role::kControlled);
  // The controlling peer checks before our answer reached it (RFC 8445 §7.3: respond anyway).
  h.input(h.peer_check(1, true, 77, /*use_candidate=*/true, 1853824767u));
  auto out = h.transmits();
  REQUIRE(out.size() == 1);
  auto response = parse(out[0]);
  CHECK(response.message_class() == stun::MessageClass::kSuccessResponse);
  CHECK(stun::get<stun::XorMappedAddress>(response)->address == kPeer);
  auto k = key(kLocal.pwd);
  CHECK(stun::verify_message_integrity(response, k).ok());
  // RFC 8445 §7.3.1.3: a peer-reflexive remote candidate with the request's PRIORITY.
  REQUIRE(h.agent.remote_candidates().size() == 1);
  CHECK(h.agent.remote_candidates()[0].type == CandidateType::kPeerReflexive);
  CHECK(h.agent.remote_candidates()[0].priority == 1853824767u);
  CHECK(h.agent.remote_candidates()[0].address == kPeer);
  REQUIRE(h.agent.check_list().size() == 1);
  CHECK(h.agent.check_list()[0].state == PairState::kWaiting);
  CHECK(h.agent.check_list()[0].nominate_on_success);
  // No credentials: no check yet.
  h.advance(Duration::millis(200));
  CHECK(h.transmits().empty());

  REQUIRE(h.agent.set_remote_credentials(kRemote.ufrag, kRemote.pwd).ok());
  h.advance(Duration::millis(1));
  out = h.transmits();
  REQUIRE(out.size() == 1);
  CHECK(out[0].source == kBase);
  CHECK(out[0].destination == kPeer);
  auto check = parse(out[0]);
  CHECK(stun::get<stun::Username>(check)->text == "REMO:LOCL");
  CHECK(check.has(stun::AttributeType::kIceControlled));
  CHECK_FALSE(check.has(stun::AttributeType::kUseCandidate));
  CHECK(stun::get<stun::Priority>(check)->priority ==
        peer_reflexive_priority(h.agent.local_candidates()[0].candidate.priority));
  auto rk = key(kRemote.pwd);
  CHECK(stun::verify_message_integrity(check, rk).ok());
  CHECK(h.agent.connection_state() == ConnectionState::kChecking);

  // A response with a bad MESSAGE-INTEGRITY is ignored; the real one makes the pair valid.
  auto wrong = key("some-other-password-01234");
  h.input(build_check_success(check, kBase, wrong));
  CHECK(h.agent.counters().response_integrity_failures == 1);
  CHECK(h.agent.check_list()[0].state == PairState::kInProgress);
  h.input(build_check_success(check, kBase, rk));
  CHECK(h.agent.check_list()[0].state == PairState::kSucceeded);
  CHECK(h.agent.check_list()[0].valid);
  CHECK(h.agent.check_list()[0].nominated);
  CHECK(h.agent.check_list()[0].mapped_local == 0u);
  REQUIRE(h.agent.selected_pair());
  CHECK(h.agent.selected_pair()->remote.address == kPeer);
  CHECK(h.agent.connection_state() == ConnectionState::kConnected);
  CHECK(h.count_events<SelectedPairEvent>() == 1);

  // The data path.
  auto r = h.input({0x16, 0xfe, 0xfd, 0, 1});
  CHECK(r.kind == Received::Kind::kData);
  CHECK(r.from == kPeer);
  CHECK(r.data.size() == 5);
  auto t = h.agent.send(h.now, std::vector<uint8_t>{0x80, 1, 2});
  REQUIRE(t.ok());
  CHECK(t->source == kBase);
  CHECK(t->destination == kPeer);
  CHECK(t->payload == std::vector<uint8_t>{0x80, 1, 2});
  auto route = h.agent.data_route();
  REQUIRE(route);
  CHECK(route->source == kBase);
  CHECK(route->destination == kPeer);
  CHECK_FALSE(route->relayed);

  const std::string dump = describe(h.agent);
  CHECK(dump.find("  role: controlled\n") != std::string::npos);
  CHECK(dump.find("  connection: connected\n") != std::string::npos);
  CHECK(dump.find("  local[0]: host 10.0.0.1:5000 priority ") != std::string::npos);
  CHECK(dump.find("  remote[0]: prflx 10.0.0.2:6000 priority 1853824767 foundation prflx1\n") != std::string::npos);
  CHECK(dump.find(" succeeded priority ") != std::string::npos);
  CHECK(dump.find(" valid nominated") != std::string::npos);
  CHECK(dump.find("  selected: host 10.0.0.1:5000") != std::string::npos);
  CHECK(dump.find("  response_integrity_failures: 1\n") != std::string::npos);

  h.agent.close(h.now);
  CHECK(h.agent.send(h.now, std::vector<uint8_t>{1}).error().is(IceErrc::kClosed));
  CHECK(h.agent.connection_state() == ConnectionState::kClosed);
}

TEST_CASE("role conflict on a received check (RFC 8445 §7.3.1.1)", "[ice][agent][role]") {
  SECTION("we are controlling, the peer too: the larger tie-breaker keeps the role") {
    Harness h(Role::kControlling);
    REQUIRE(h.agent.set_remote_credentials(kRemote.ufrag, kRemote.pwd).ok());
    const uint64_t ours = h.agent.tie_breaker();
    REQUIRE(ours > 0);
    REQUIRE(ours < UINT64_MAX);
    h.input(h.peer_check(1, true, ours - 1, false));
    auto out = h.transmits();
    REQUIRE_FALSE(out.empty());
    auto m = parse(out[0]);
    CHECK(stun::get<stun::ErrorCode>(m)->code == 487);
    CHECK(h.agent.role() == Role::kControlling);
    h.input(h.peer_check(2, true, ours + 1, false));
    out = h.transmits();
    REQUIRE_FALSE(out.empty());
    CHECK(parse(out[0]).message_class() == stun::MessageClass::kSuccessResponse);
    CHECK(h.agent.role() == Role::kControlled);
    CHECK(h.count_events<RoleEvent>() == 1);
  }
  SECTION("we are controlled, the peer too: the larger tie-breaker takes control") {
    Harness h(Role::kControlled);
    const uint64_t ours = h.agent.tie_breaker();
    h.input(h.peer_check(1, false, ours + 1, false));
    CHECK(stun::get<stun::ErrorCode>(parse(h.transmits().at(0)))->code == 487);
    CHECK(h.agent.role() == Role::kControlled);
    h.input(h.peer_check(2, false, ours - 1, false));
    CHECK(parse(h.transmits().at(0)).message_class() == stun::MessageClass::kSuccessResponse);
    CHECK(h.agent.role() == Role::kControlling);
  }
}

TEST_CASE("487 to our check switches the role and checks again (RFC 8445 §7.2.5.1)", "[ice][agent][role]") {
  Harness h(Role::kControlling);
  REQUIRE(h.agent.set_remote_credentials(kRemote.ufrag, kRemote.pwd).ok());
  REQUIRE(h.agent.add_remote_candidate(h.now, "candidate:1 1 udp 2122260223 10.0.0.2 6000 typ host").ok());
  h.advance(Duration::millis(1));
  auto out = h.transmits();
  REQUIRE(out.size() == 1);
  auto check = parse(out[0]);
  CHECK(check.has(stun::AttributeType::kIceControlling));
  const uint64_t before = h.agent.check_list()[0].priority;
  auto rk = key(kRemote.pwd);
  h.input(build_check_error(check, 487, &rk));
  CHECK(h.agent.role() == Role::kControlled);
  CHECK(h.agent.check_list()[0].state == PairState::kWaiting);
  CHECK(h.agent.check_list()[0].priority != before);  // recomputed with G and D swapped
  h.advance(Duration::millis(60));
  out = h.transmits();
  REQUIRE(out.size() == 1);
  CHECK(parse(out[0]).has(stun::AttributeType::kIceControlled));
  // Any other error fails the pair.
  h.input(build_check_error(parse(out[0]), 400, &rk));
  CHECK(h.agent.check_list()[0].state == PairState::kFailed);
}

TEST_CASE("a response from another address fails the pair (RFC 8445 §7.2.5.2.1)", "[ice][agent]") {
  Harness h(Role::kControlling);
  REQUIRE(h.agent.set_remote_credentials(kRemote.ufrag, kRemote.pwd).ok());
  REQUIRE(h.agent.add_remote_candidate(h.now, "candidate:1 1 udp 2122260223 10.0.0.2 6000 typ host").ok());
  h.agent.end_of_remote_candidates(h.now);
  h.advance(Duration::millis(1));
  auto out = h.transmits();
  REQUIRE(out.size() == 1);
  auto rk = key(kRemote.pwd);
  const SocketAddress elsewhere(IpAddress::v4(10, 0, 0, 3), 6000);
  h.input(build_check_success(parse(out[0]), kBase, rk), elsewhere);
  CHECK(h.agent.check_list()[0].state == PairState::kFailed);
  // Every pair failed, gathering is complete and the peer sent end-of-candidates: failed.
  CHECK(h.agent.connection_state() == ConnectionState::kFailed);
  CHECK(h.agent.send(h.now, std::vector<uint8_t>{1}).error().is(IceErrc::kNoSelectedPair));
}

TEST_CASE("a mapped address we do not know is a local peer-reflexive candidate (RFC 8445 §7.2.5.3.1)",
          "[ice][agent]") {
  Harness h(Role::kControlled);
  REQUIRE(h.agent.set_remote_credentials(kRemote.ufrag, kRemote.pwd).ok());
  REQUIRE(h.agent.add_remote_candidate(h.now, "candidate:1 1 udp 2122260223 10.0.0.2 6000 typ host").ok());
  h.advance(Duration::millis(1));
  auto out = h.transmits();
  REQUIRE(out.size() == 1);
  auto check = parse(out[0]);
  const uint32_t sent_priority = stun::get<stun::Priority>(check)->priority;
  auto rk = key(kRemote.pwd);
  const SocketAddress natted(IpAddress::v4(203, 0, 113, 50), 40000);
  const size_t signalled = h.count_events<LocalCandidateEvent>();
  h.input(build_check_success(check, natted, rk));
  REQUIRE(h.agent.local_candidates().size() == 2);
  const auto& prflx = h.agent.local_candidates()[1];
  CHECK(prflx.candidate.type == CandidateType::kPeerReflexive);
  CHECK(prflx.candidate.address == natted);
  CHECK(prflx.candidate.priority == sent_priority);
  CHECK(prflx.base == kBase);
  CHECK(h.agent.check_list()[0].mapped_local == 1u);
  CHECK(h.count_events<LocalCandidateEvent>() == signalled);  // never signalled
  // Controlled and not nominated: valid but not selected.
  CHECK(h.agent.check_list()[0].valid);
  CHECK_FALSE(h.agent.selected_pair());
  // The nomination arrives: selected at once (the pair already succeeded, §7.3.1.5).
  h.input(h.peer_check(7, true, 1, true));
  CHECK(h.agent.selected_pair());
}

TEST_CASE("remote candidates: the refusal table", "[ice][agent]") {
  AgentConfig c;
  c.max_remote_candidates = 2;
  SeededRng rng(1);
  Agent agent(c, rng);
  REQUIRE(agent.set_remote_credentials(kRemote.ufrag, kRemote.pwd).ok());
  const Timestamp now;
  CHECK(agent.add_remote_candidate(now, "candidate:1 2 udp 1 10.0.0.2 1 typ host").error().is(IceErrc::kUnsupportedComponent));
  CHECK(agent.add_remote_candidate(now, "candidate:1 1 tcp 1 10.0.0.2 9 typ host tcptype active").error().is(IceErrc::kUnsupportedTransport));
  CHECK(agent.add_remote_candidate(now, "candidate:1 1 udp 1 10.0.0.2 1 typ host ufrag OTHR").error().is(IceErrc::kStaleCandidate));
  CHECK(agent.add_remote_candidate(now, "not a candidate").error().is(IceErrc::kBadCandidate));
  CHECK(agent.add_remote_candidate(now, "candidate:1 1 udp 1 10.0.0.2 1 typ host ufrag REMO").ok());
  CHECK(agent.add_remote_candidate(now, "candidate:2 1 udp 1 10.0.0.2 1 typ host").ok());  // duplicate: ignored
  CHECK(agent.counters().remote_candidates_duplicate == 1);
  // An FQDN without a resolver is ignored (counted), never fatal.
  CHECK(agent.add_remote_candidate(now, "candidate:3 1 udp 1 turn.example.com 3478 typ relay").ok());
  CHECK(agent.counters().remote_hostnames_unresolved == 1);
  CHECK(agent.add_remote_candidate(now, "candidate:4 1 udp 1 10.0.0.3 1 typ host").ok());
  CHECK(agent.add_remote_candidate(now, "candidate:5 1 udp 1 10.0.0.4 1 typ host").error().is(IceErrc::kTooManyCandidates));
  CHECK(agent.remote_candidates().size() == 2);
  CHECK(agent.set_remote_credentials("ab", "short").error().is(IceErrc::kBadCredentials));
  agent.close(now);
  CHECK(agent.add_remote_candidate(now, "candidate:6 1 udp 1 10.0.0.5 1 typ host").error().is(IceErrc::kClosed));
}

TEST_CASE("server-reflexive gathering times out into completion without a server", "[ice][agent]") {
  SeededRng rng(2);
  AgentConfig c;
  c.stun_servers = {SocketAddress(IpAddress::v4(198, 51, 100, 100), 3478),
                    SocketAddress(*IpAddress::parse("2001:db8::3478"), 3478)};  // other family: skipped
  Agent agent(c, rng);
  Timestamp now;
  agent.add_local_address(now, kBase);
  agent.start_gathering(now);
  CHECK(agent.gathering_state() == GatheringState::kGathering);
  std::vector<Timestamp> sends;
  for (int guard = 0; guard < 100 && agent.gathering_state() != GatheringState::kComplete; ++guard) {
    while (auto t = agent.poll_transmit()) {
      CHECK(t->destination == c.stun_servers[0]);
      sends.push_back(now);
    }
    auto next = agent.poll_timeout();
    REQUIRE(next);
    now = std::max(now, *next);
    agent.handle_timeout(now);
  }
  CHECK(agent.gathering_state() == GatheringState::kComplete);
  // AgentConfig::gather_transaction: 4 transmissions (0, 0.5, 1.5, 3.5 s), given up at 5.5 s.
  CHECK(sends.size() == 4);
  CHECK(now == Timestamp::from_millis(5500));
}

}  // namespace
}  // namespace tern::ice

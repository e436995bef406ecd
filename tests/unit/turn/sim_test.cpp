// The TURN client against the fake TURN server on the simulated network (tern_sim), in virtual
// time: allocation, data both ways by Send/Data indications and by ChannelData, refresh timing over
// half an hour, stale nonces, wrong passwords, expiry, loss, and TCP streams cut at arbitrary
// chunk boundaries.
#include "sim/catch_support.hpp"

#include <algorithm>
#include <memory>
#include <string>

#include "fake_turn_server.hpp"
#include "sim/network.hpp"
#include "turn/client.hpp"

namespace tern::turn::test {
namespace {

const SocketAddress kListen(IpAddress::v4(203, 0, 113, 1), 3478);
const IpAddress kRelayIp = IpAddress::v4(203, 0, 113, 2);
const SocketAddress kAliceAddr(IpAddress::v4(198, 51, 100, 10), 5000);
const SocketAddress kBobAddr(IpAddress::v4(198, 51, 100, 20), 5000);

std::vector<uint8_t> bytes_of(const std::string& s) { return {s.begin(), s.end()}; }

// A TURN client as a simulated endpoint. Stream transports: its output is cut into chunks of
// 1..max_chunk bytes before it goes on the wire.
class ClientEndpoint final : public sim::SimEndpoint {
 public:
  ClientEndpoint(ClientConfig config, uint64_t seed, size_t max_chunk)
      : rng_(seed), chunk_rng_(seed + 1), client(std::move(config), rng_), max_chunk_(max_chunk) {}

  void handle_input(Timestamp now, const Datagram& d) override {
    client.handle_input(now, d);
    collect();
  }
  std::optional<Transmit> poll_transmit() override {
    collect();
    if (chunks_.empty()) {
      auto t = client.poll_transmit();
      if (!t) return std::nullopt;
      if (!is_stream(client.config().transport)) return t;
      size_t at = 0;
      while (at < t->payload.size()) {
        const size_t n = std::min(t->payload.size() - at, size_t{1} + chunk_rng_.uniform(static_cast<uint32_t>(max_chunk_)));
        Transmit c{t->source, t->destination, t->protocol,
                   std::vector<uint8_t>(t->payload.begin() + static_cast<std::ptrdiff_t>(at),
                                        t->payload.begin() + static_cast<std::ptrdiff_t>(at + n))};
        chunks_.push_back(std::move(c));
        at += n;
      }
    }
    Transmit t = std::move(chunks_.front());
    chunks_.pop_front();
    return t;
  }
  std::optional<Timestamp> poll_timeout() override { return client.poll_timeout(); }
  void handle_timeout(Timestamp now) override {
    client.handle_timeout(now);
    collect();
  }

  void collect() {
    while (auto e = client.poll_event()) {
      if (auto* d = std::get_if<Data>(&*e)) received.push_back(*d);
      events.push_back(std::move(*e));
    }
  }
  template <class T>
  size_t count() const {
    return static_cast<size_t>(std::count_if(events.begin(), events.end(), [](const Event& e) { return std::holds_alternative<T>(e); }));
  }
  template <class T>
  const T* last() const {
    for (auto it = events.rbegin(); it != events.rend(); ++it) {
      if (auto* v = std::get_if<T>(&*it)) return v;
    }
    return nullptr;
  }
  SocketAddress relayed() const { return client.relayed_address().value_or(SocketAddress()); }

 private:
  SeededRng rng_;
  SeededRng chunk_rng_;

 public:
  Client client;
  std::vector<Event> events;
  std::vector<Data> received;

 private:
  size_t max_chunk_;
  std::deque<Transmit> chunks_;
};

struct Options {
  FakeTurnConfig server;
  ServerTransport alice_transport = ServerTransport::kUdp;
  ServerTransport bob_transport = ServerTransport::kUdp;
  std::string bob_password = "bob-pw";
  sim::LinkConfig link = sim::LinkConfig::delay(Duration::millis(10));
  size_t client_chunk = 5;
  uint64_t seed = 1;
};

// alice and bob on the internet, each with a TURN client to one server with a separate relay IP.
struct World {
  explicit World(const Options& o)
      : net(o.seed),
        server_host(net.add_host("turn")),
        alice_host(net.add_host("alice")),
        bob_host(net.add_host("bob")),
        server(o.server, net, server_host, kRelayIp, o.seed + 10),
        alice(config(kAliceAddr, "alice", "alice-pw", o.alice_transport), o.seed + 20, o.client_chunk),
        bob(config(kBobAddr, "bob", o.bob_password, o.bob_transport), o.seed + 30, o.client_chunk) {
    net.attach(server_host, net.internet(), kListen.ip());
    net.attach(server_host, net.internet(), kRelayIp);
    net.attach(alice_host, net.internet(), kAliceAddr.ip(), o.link, o.link);
    net.attach(bob_host, net.internet(), kBobAddr.ip(), o.link, o.link);
    REQUIRE(net.bind(server_host, server, kListen).ok());
    REQUIRE(net.bind(alice_host, alice, kAliceAddr).ok());
    REQUIRE(net.bind(bob_host, bob, kBobAddr).ok());
  }

  static ClientConfig config(SocketAddress local, const char* user, std::string password, ServerTransport t) {
    ClientConfig c;
    c.server = kListen;
    c.local = local;
    c.transport = t;
    c.username = user;
    c.password = std::move(password);
    return c;
  }

  // Runs `fn` on the network's clock (so the transmits it causes are drained), then until `done`.
  bool call_and_run(const std::function<void()>& fn, const std::function<bool()>& done,
                    Duration timeout = Duration::seconds(60)) {
    net.schedule(net.now(), fn);
    return net.run_until(done, timeout);
  }

  void allocate_both() {
    REQUIRE(call_and_run([&] {
      REQUIRE(alice.client.allocate(net.now()).ok());
      REQUIRE(bob.client.allocate(net.now()).ok());
    }, [&] { return alice.count<Allocated>() == 1 && bob.count<Allocated>() == 1; }));
    CHECK(alice.last<Allocated>()->mapped == kAliceAddr);
    CHECK(alice.relayed().ip() == kRelayIp);
    CHECK(bob.relayed().ip() == kRelayIp);
    CHECK(alice.relayed() != bob.relayed());
  }

  void permit_both() {
    REQUIRE(call_and_run([&] {
      REQUIRE(alice.client.create_permission(net.now(), bob.relayed().ip()).ok());
      REQUIRE(bob.client.create_permission(net.now(), alice.relayed().ip()).ok());
    }, [&] { return alice.count<PermissionCreated>() == 1 && bob.count<PermissionCreated>() == 1; }));
  }

  void bind_both() {
    REQUIRE(call_and_run([&] {
      REQUIRE(alice.client.bind_channel(net.now(), bob.relayed()).ok());
      REQUIRE(bob.client.bind_channel(net.now(), alice.relayed()).ok());
    }, [&] { return alice.count<ChannelBound>() == 1 && bob.count<ChannelBound>() == 1; }));
  }

  // alice -> bob and back; returns when both arrived.
  void exchange(const std::string& there, const std::string& back, bool via_channel) {
    const size_t bob_before = bob.received.size();
    const size_t alice_before = alice.received.size();
    REQUIRE(call_and_run([&] { REQUIRE(alice.client.send_to(bob.relayed(), bytes_of(there)).ok()); },
                         [&] { return bob.received.size() == bob_before + 1; }));
    const Data& at_bob = bob.received.back();
    CHECK(at_bob.peer == alice.relayed());
    CHECK(at_bob.bytes == bytes_of(there));
    CHECK(at_bob.via_channel == via_channel);
    REQUIRE(call_and_run([&] { REQUIRE(bob.client.send_to(alice.relayed(), bytes_of(back)).ok()); },
                         [&] { return alice.received.size() == alice_before + 1; }));
    const Data& at_alice = alice.received.back();
    CHECK(at_alice.peer == bob.relayed());
    CHECK(at_alice.bytes == bytes_of(back));
    CHECK(at_alice.via_channel == via_channel);
  }

  sim::Network net;
  sim::Host& server_host;
  sim::Host& alice_host;
  sim::Host& bob_host;
  FakeTurnServer server;
  ClientEndpoint alice;
  ClientEndpoint bob;
};

TEST_CASE("relay to relay: Send/Data indications, then ChannelData, over UDP", "[turn][sim]") {
  World w(Options{});
  w.allocate_both();
  w.permit_both();
  w.exchange("ping", "pong", false);
  CHECK(w.server.counters().send_indications == 2);
  CHECK(w.server.counters().data_indications == 2);
  w.bind_both();
  w.exchange("over a channel", "back over one", true);
  CHECK(w.server.counters().channel_data_in == 2);
  CHECK(w.server.counters().channel_data_out == 2);
  CHECK(w.server.counters().dropped_no_permission == 0);
  CHECK(w.alice.client.counters().malformed == 0);
}

TEST_CASE("without a permission the server drops the peer's data", "[turn][sim]") {
  World w(Options{});
  w.allocate_both();
  // Only bob permits alice: bob -> alice is dropped at alice's relay (no permission for bob).
  REQUIRE(w.call_and_run([&] { REQUIRE(w.bob.client.create_permission(w.net.now(), w.alice.relayed().ip()).ok()); },
                         [&] { return w.bob.count<PermissionCreated>() == 1; }));
  REQUIRE(w.call_and_run([&] { REQUIRE(w.bob.client.send_to(w.alice.relayed(), bytes_of("lost")).ok()); },
                         [&] { return w.server.counters().dropped_no_permission == 1; }));
  w.net.run_for(Duration::seconds(1));
  CHECK(w.alice.received.empty());
}

TEST_CASE("TCP and TLS-style streams: every message cut at arbitrary chunk boundaries", "[turn][sim][tcp]") {
  struct Row {
    const char* name;
    ServerTransport alice;
    ServerTransport bob;
    size_t client_chunk;
    size_t server_chunk;
  };
  const Row rows[] = {
      {"tcp/udp, 1-byte chunks", ServerTransport::kTcp, ServerTransport::kUdp, 1, 1},
      {"tcp/tls, chunks up to 3", ServerTransport::kTcp, ServerTransport::kTls, 3, 3},
      {"tls/tls, chunks up to 7 and 64", ServerTransport::kTls, ServerTransport::kTls, 64, 7},
  };
  for (const Row& row : rows) {
    INFO(row.name);
    Options o;
    o.alice_transport = row.alice;
    o.bob_transport = row.bob;
    o.client_chunk = row.client_chunk;
    o.server.max_chunk = row.server_chunk;
    World w(o);
    w.allocate_both();
    w.permit_both();
    w.exchange("stream ping", "pong", false);
    w.bind_both();
    // Odd lengths exercise the ChannelData padding of RFC 8656 §12.5.
    for (const char* text : {"a", "bb", "ccc", "dddd", "eeeee"}) w.exchange(text, std::string(text) + "!", true);
    // A burst: 20 messages back to back keep their order through the framing.
    const size_t before = w.bob.received.size();
    REQUIRE(w.call_and_run([&] {
      for (int i = 0; i < 20; ++i) {
        REQUIRE(w.alice.client.send_to(w.bob.relayed(), bytes_of("m" + std::to_string(i))).ok());
      }
    }, [&] { return w.bob.received.size() == before + 20; }));
    for (int i = 0; i < 20; ++i) CHECK(w.bob.received[before + static_cast<size_t>(i)].bytes == bytes_of("m" + std::to_string(i)));
    CHECK(w.alice.client.counters().malformed == 0);
    CHECK(w.server.counters().malformed == 0);
  }
}

TEST_CASE("half an hour: Refresh every 540 s, permissions within 240 s, ChannelBind every 540 s",
          "[turn][sim][refresh]") {
  World w(Options{});
  w.allocate_both();
  w.permit_both();
  w.bind_both();
  const Timestamp start = w.net.now();
  // Data every minute keeps flowing through the channel.
  int sent = 0;
  for (int minute = 1; minute <= 30; ++minute) {
    w.net.schedule(start + Duration::seconds(60 * minute), [&] {
      REQUIRE(w.alice.client.send_to(w.bob.relayed(), bytes_of("tick")).ok());
      ++sent;
    });
  }
  w.net.run_for(Duration::seconds(30 * 60 + 5));
  CHECK(sent == 30);
  CHECK(w.bob.received.size() == 30);
  CHECK(w.alice.count<Failed>() == 0);
  CHECK(w.alice.count<PermissionFailed>() == 0);
  CHECK(w.alice.count<ChannelBindFailed>() == 0);
  CHECK(w.server.has_allocation(kAliceAddr));
  CHECK(w.server.counters().dropped_no_permission == 0);
  CHECK(w.alice.count<Refreshed>() >= 3);

  // The server's view of alice's requests.
  std::vector<Timestamp> refreshes, binds, permission_updates;
  for (const RequestRecord& r : w.server.log()) {
    if (r.client != kAliceAddr || r.response_code != 0) continue;
    if (r.method == stun::Method::kRefresh) refreshes.push_back(r.at);
    if (r.method == stun::Method::kChannelBind) binds.push_back(r.at);
    // Both CreatePermission and ChannelBind refresh the permission (RFC 8656 §12.2).
    if (r.method == stun::Method::kChannelBind || r.method == stun::Method::kCreatePermission) {
      permission_updates.push_back(r.at);
    }
  }
  auto gaps = [](const std::vector<Timestamp>& t) {
    std::vector<Duration> out;
    for (size_t i = 1; i < t.size(); ++i) out.push_back(t[i] - t[i - 1]);
    return out;
  };
  REQUIRE(refreshes.size() >= 3);
  for (Duration g : gaps(refreshes)) {
    CHECK(g >= Duration::seconds(539));
    CHECK(g <= Duration::seconds(541));
  }
  REQUIRE(binds.size() >= 3);
  for (Duration g : gaps(binds)) {
    CHECK(g >= Duration::seconds(539));
    CHECK(g <= Duration::seconds(541));
  }
  REQUIRE(permission_updates.size() >= 8);
  for (Duration g : gaps(permission_updates)) CHECK(g <= Duration::seconds(241));
}

TEST_CASE("stale nonces: the server rotates them every 100 s and the client follows", "[turn][sim][nonce]") {
  Options o;
  o.server.nonce_lifetime = Duration::seconds(100);
  World w(o);
  w.allocate_both();
  w.permit_both();
  w.bind_both();
  w.net.run_for(Duration::seconds(20 * 60));
  CHECK(w.alice.count<Failed>() == 0);
  CHECK(w.bob.count<Failed>() == 0);
  size_t stale = 0;
  for (const RequestRecord& r : w.server.log()) stale += r.response_code == 438;
  CHECK(stale >= 4);
  w.exchange("still", "alive", true);
  // And an immediate nonce change.
  w.server.expire_nonces();
  REQUIRE(w.call_and_run([&] { REQUIRE(w.alice.client.refresh(w.net.now()).ok()); },
                         [&] { return w.alice.count<Refreshed>() >= 1 && w.alice.client.state() == Client::State::kAllocated &&
                                      w.alice.client.credentials().nonce().find("g1") == 0; }));
}

TEST_CASE("wrong password: 401 after the signed retries, then Failed(unauthenticated)", "[turn][sim]") {
  Options o;
  o.bob_password = "not-bobs";
  World w(o);
  REQUIRE(w.call_and_run([&] { REQUIRE(w.bob.client.allocate(w.net.now()).ok()); },
                         [&] { return w.bob.count<Failed>() == 1; }));
  CHECK(w.bob.last<Failed>()->reason == FailureReason::kUnauthenticated);
  CHECK(w.bob.last<Failed>()->error_code == 401);
  CHECK(w.server.allocation_count() == 0);
  CHECK(w.server.log().size() == 3);
  CHECK_FALSE(w.bob.client.poll_timeout());
}

TEST_CASE("server-side refusals: quota and capacity", "[turn][sim]") {
  for (uint16_t code : {uint16_t{486}, uint16_t{508}}) {
    Options o;
    o.server.allocate_error = code;
    World w(o);
    REQUIRE(w.call_and_run([&] { REQUIRE(w.alice.client.allocate(w.net.now()).ok()); },
                           [&] { return w.alice.count<Failed>() == 1; }));
    CHECK(w.alice.last<Failed>()->error_code == code);
    CHECK(w.alice.last<Failed>()->reason ==
          (code == 486 ? FailureReason::kQuotaReached : FailureReason::kInsufficientCapacity));
  }
}

TEST_CASE("expiry: the server deletes an unrefreshed allocation; a client cut off sees it expire",
          "[turn][sim][expiry]") {
  World w(Options{});
  w.allocate_both();
  const Timestamp allocated_at = w.net.now();
  const Timestamp alice_expiry = *w.alice.client.expires_at();
  // The server becomes unreachable: alice's refreshes time out and are retried until the lifetime
  // runs out; bob is silenced (unbound), so the server expires his allocation.
  w.net.unbind(w.bob);
  for (sim::Interface* i : w.alice_host.interfaces()) i->uplink().set_down(true);
  w.net.run_until([&] { return w.alice.count<Failed>() == 1; }, Duration::seconds(700));
  REQUIRE(w.alice.count<Failed>() == 1);
  CHECK(w.alice.last<Failed>()->reason == FailureReason::kAllocationExpired);
  CHECK(w.net.now() == alice_expiry);
  w.net.run_for(Duration::seconds(30));
  CHECK(w.server.counters().expired_allocations == 2);
  CHECK(w.server.allocation_count() == 0);
  CHECK(w.net.now() - allocated_at < Duration::seconds(640));
}

TEST_CASE("deallocate removes the allocation on the server", "[turn][sim]") {
  World w(Options{});
  w.allocate_both();
  w.permit_both();
  REQUIRE(w.call_and_run([&] { REQUIRE(w.alice.client.deallocate(w.net.now()).ok()); },
                         [&] { return w.alice.count<Deallocated>() == 1; }));
  CHECK_FALSE(w.server.has_allocation(kAliceAddr));
  CHECK(w.server.has_allocation(kBobAddr));
  CHECK(w.alice.client.state() == Client::State::kClosed);
  CHECK_FALSE(w.alice.client.poll_timeout());
}

TEST_CASE("30% loss each way: retransmissions still allocate, permit, bind and relay", "[turn][sim][loss]") {
  Options o;
  o.link.loss = 0.3;
  o.seed = 42;
  World w(o);
  w.allocate_both();
  w.permit_both();
  w.bind_both();
  // Data is not retransmitted: send until one arrives each way.
  REQUIRE(w.call_and_run([&] {
    for (int i = 0; i < 20; ++i) REQUIRE(w.alice.client.send_to(w.bob.relayed(), bytes_of("x")).ok());
  }, [&] { return !w.bob.received.empty(); }, Duration::seconds(5)));
  CHECK(w.alice.count<Failed>() == 0);
}

TEST_CASE("an RFC 8489 server: SHA-256 password algorithm and MESSAGE-INTEGRITY-SHA256", "[turn][sim]") {
  Options o;
  o.server.rfc8489 = true;
  World w(o);
  w.allocate_both();
  w.permit_both();
  w.exchange("sha", "256", false);
  size_t authenticated = 0;
  for (const RequestRecord& r : w.server.log()) {
    if (!r.authenticated) continue;
    ++authenticated;
    CHECK(r.sha256_integrity);
    CHECK(r.algorithm == stun::PasswordAlgorithm::kSha256);
  }
  CHECK(authenticated >= 4);
}

}  // namespace
}  // namespace tern::turn::test

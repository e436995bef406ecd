// The driver: binding, routing, deadlines, bounded runs, stall detection and determinism.
#include "sim/catch_support.hpp"

#include <optional>
#include <string>
#include <vector>

#include "sim/network.hpp"
#include "sim/probe.hpp"

namespace tern::sim {
namespace {

const IpAddress kA = IpAddress::v4(198, 51, 100, 1);
const IpAddress kA2 = IpAddress::v4(198, 51, 100, 11);
const IpAddress kB = IpAddress::v4(198, 51, 100, 2);

TEST_CASE("bind: explicit, ephemeral, wildcard and the failure table", "[sim][network]") {
  Network net(1);
  Host& a = net.add_host("a");
  Host& b = net.add_host("b");
  net.attach(a, net.internet(), kA);
  net.attach(a, net.internet(), kA2);
  net.attach(b, net.internet(), kB);
  UdpProbe p1, p2, p3, p4;

  Result<SocketAddress> r = net.bind(a, p1, SocketAddress(kA, 1000));
  REQUIRE(r.ok());
  CHECK(*r == SocketAddress(kA, 1000));
  // Ephemeral ports are sequential per host.
  CHECK(*net.bind(a, p1, SocketAddress(kA, 0)) == SocketAddress(kA, 50000));
  CHECK(*net.bind(a, p1, SocketAddress(kA2, 0)) == SocketAddress(kA2, 50001));
  CHECK(*net.bind(b, p2, SocketAddress(kB, 0)) == SocketAddress(kB, 50000));
  // Same port on another address of the host is fine.
  CHECK(net.bind(a, p3, SocketAddress(kA2, 1000)).ok());

  struct Row {
    const char* name;
    Host* host;
    SimEndpoint* endpoint;
    SocketAddress local;
    SimErrc code;
  };
  const Row rows[] = {
      {"same address twice", &a, &p4, SocketAddress(kA, 1000), SimErrc::kAddressInUse},
      {"wildcard over a specific binding", &a, &p4, SocketAddress(IpAddress(), 1000),
       SimErrc::kAddressInUse},
      {"address of another host", &a, &p4, SocketAddress(kB, 7), SimErrc::kNotLocalAddress},
      {"IPv6 address the host lacks", &a, &p4,
       SocketAddress(*IpAddress::parse("2001:db8::1"), 7), SimErrc::kNotLocalAddress},
      {"endpoint already on host a", &b, &p1, SocketAddress(kB, 9), SimErrc::kEndpointOnOtherHost},
  };
  for (const Row& row : rows) {
    INFO(row.name);
    Result<SocketAddress> bad = net.bind(*row.host, *row.endpoint, row.local);
    REQUIRE_FALSE(bad.ok());
    CHECK(bad.error().is(row.code));
  }

  // Unbinding frees the addresses.
  net.unbind(p1);
  CHECK(net.bind(a, p4, SocketAddress(kA, 1000)).ok());
}

TEST_CASE("wildcard binding receives on every address and sends from the right one",
          "[sim][network]") {
  Network net(2);
  Host& a = net.add_host("a");
  Host& b = net.add_host("b");
  net.attach(a, net.internet(), kA);
  net.attach(a, net.internet(), kA2);
  net.attach(b, net.internet(), kB);
  UdpProbe server, client;
  REQUIRE(net.bind(a, server, SocketAddress(IpAddress(), 3478)).ok());
  REQUIRE(net.bind(b, client, SocketAddress(kB, 6000)).ok());
  server.set_echo(true);
  client.send(SocketAddress(kA, 3478), "one");
  client.send(SocketAddress(kA2, 3478), "two");
  REQUIRE(net.run_until([&] { return client.received().size() == 2; }, Duration::seconds(1)));
  CHECK(server.received()[0].destination == SocketAddress(kA, 3478));
  CHECK(server.received()[1].destination == SocketAddress(kA2, 3478));
  // The echo goes out from the address each request arrived on.
  CHECK(client.received()[0].source == SocketAddress(kA, 3478));
  CHECK(client.received()[1].source == SocketAddress(kA2, 3478));
}

TEST_CASE("routing drops: no listener, no route, bad source", "[sim][network]") {
  Network net(3);
  Host& a = net.add_host("a");
  Host& b = net.add_host("b");
  net.attach(a, net.internet(), kA);
  net.attach(b, net.internet(), kB);
  UdpProbe p;
  REQUIRE(net.bind(a, p, SocketAddress(kA, 1000)).ok());
  net.set_trace_enabled(true);
  p.send(SocketAddress(kB, 9), "nobody listens");
  p.send(SocketAddress(IpAddress::v4(192, 0, 2, 99), 9), "nowhere");
  p.send(SocketAddress(kB, 9), "forged", SocketAddress(kB, 1000));
  net.run_for(Duration::millis(10));
  CHECK(net.counters().dropped_no_listener == 1);
  CHECK(net.counters().dropped_no_route == 1);
  CHECK(net.counters().dropped_bad_source == 1);
  CHECK(net.counters().sent == 2);
  CHECK(net.counters().delivered == 0);
  int drops = 0;
  for (const TraceEvent& e : net.trace()) drops += e.kind == TraceKind::kDrop;
  CHECK(drops == 3);
}

TEST_CASE("IPv6 hosts talk directly; a v4 NAT does not route v6", "[sim][network]") {
  Network net(4);
  const IpAddress v6a = *IpAddress::parse("2001:db8::a");
  const IpAddress v6b = *IpAddress::parse("2001:db8::b");
  Host& a = net.add_host("a");
  Host& b = net.add_host("b");
  net.attach(a, net.internet(), v6a, LinkConfig::delay(Duration::millis(7)));
  net.attach(b, net.internet(), v6b);
  UdpProbe pa, pb;
  REQUIRE(net.bind(a, pa, SocketAddress(v6a, 1)).ok());
  REQUIRE(net.bind(b, pb, SocketAddress(v6b, 2)).ok());
  pa.send(SocketAddress(v6b, 2), "v6");
  REQUIRE(net.run_until([&] { return pb.received().size() == 1; }, Duration::seconds(1)));
  CHECK(pb.received()[0].source == SocketAddress(v6a, 1));
  CHECK(pb.received()[0].at == Timestamp::from_millis(7));

  Realm& lan = net.add_realm("lan");
  Nat& nat = net.add_nat("nat", NatConfig::full_cone(), net.internet(), IpAddress::v4(203, 0, 113, 1),
                         lan, IpAddress::v4(10, 0, 0, 1));
  Host& c = net.add_host("c");
  const IpAddress v6c = *IpAddress::parse("fd00::c");
  net.attach(c, lan, v6c);
  UdpProbe pc;
  REQUIRE(net.bind(c, pc, SocketAddress(v6c, 3)).ok());
  pc.send(SocketAddress(v6b, 2), "v6 through a v4 NAT");
  net.run_for(Duration::millis(50));
  CHECK(pb.received().size() == 1);
  CHECK(net.counters().dropped_no_route == 1);
  CHECK(nat.counters().outbound == 0);
}

// A ping-pong machine: sends a ping every `interval` until `count` pongs are back, records RTTs.
class Pinger final : public SimEndpoint {
 public:
  Pinger(SocketAddress peer, Duration interval, int count)
      : peer_(peer), interval_(interval), count_(count) {}
  void handle_input(Timestamp now, const Datagram&) override {
    rtts.push_back(now - sent_at_);
  }
  std::optional<Transmit> poll_transmit() override {
    if (!pending_) return std::nullopt;
    pending_ = false;
    Transmit t;
    t.destination = peer_;
    t.payload = {1, 2, 3};
    return t;
  }
  std::optional<Timestamp> poll_timeout() override {
    if (static_cast<int>(rtts.size()) >= count_) return std::nullopt;
    return next_;
  }
  void handle_timeout(Timestamp now) override {
    timeouts.push_back(now);
    sent_at_ = now;
    pending_ = true;
    next_ = now + interval_;
  }
  std::vector<Duration> rtts;
  std::vector<Timestamp> timeouts;

 private:
  SocketAddress peer_;
  Duration interval_;
  int count_;
  Timestamp next_ = Timestamp::from_millis(100);
  Timestamp sent_at_;
  bool pending_ = false;
};

TEST_CASE("driver: deadlines fire on time, run_until stops early, deadlines bound runs",
          "[sim][network]") {
  Network net(5);
  Host& a = net.add_host("a");
  Host& b = net.add_host("b");
  net.attach(a, net.internet(), kA, LinkConfig::delay(Duration::millis(15)));
  net.attach(b, net.internet(), kB, LinkConfig::delay(Duration::millis(25)));
  UdpProbe echo;
  echo.set_echo(true);
  Pinger pinger(SocketAddress(kB, 7), Duration::millis(200), 5);
  REQUIRE(net.bind(a, pinger, SocketAddress(kA, 0)).ok());
  REQUIRE(net.bind(b, echo, SocketAddress(kB, 7)).ok());

  // Stops as soon as the condition holds, not at the deadline.
  CHECK(net.run_until([&] { return pinger.rtts.size() == 2; }, Duration::seconds(10)));
  CHECK(net.now() == Timestamp::from_millis(300 + 40));
  // Finishes the rest; the machine goes quiet (no deadline), so the clock jumps to the deadline.
  CHECK_FALSE(net.run_until([] { return false; }, Timestamp::from_millis(5000)));
  CHECK(net.now() == Timestamp::from_millis(5000));
  REQUIRE(pinger.rtts.size() == 5);
  // 15 ms on a's uplink out, 25 ms on b's uplink back.
  for (Duration rtt : pinger.rtts) CHECK(rtt == Duration::millis(40));
  const std::vector<Timestamp> expected = {Timestamp::from_millis(100), Timestamp::from_millis(300),
                                           Timestamp::from_millis(500), Timestamp::from_millis(700),
                                           Timestamp::from_millis(900)};
  CHECK(pinger.timeouts == expected);
  CHECK(net.pending_events() == 0);

  // run_for always advances the clock by exactly its duration.
  net.run_for(Duration::millis(250));
  CHECK(net.now() == Timestamp::from_millis(5250));
}

TEST_CASE("a deadline that never advances is reported as a stall, not a hang", "[sim][network]") {
  Network net(6);
  Host& a = net.add_host("a");
  net.attach(a, net.internet(), kA);
  FunctionEndpoint stuck;
  int calls = 0;
  stuck.on_poll_timeout = [&]() -> std::optional<Timestamp> { return net.now(); };
  stuck.on_timeout = [&](Timestamp) { ++calls; };
  REQUIRE(net.bind(a, stuck, SocketAddress(kA, 1)).ok());
  net.set_max_steps_per_instant(1000);
  CHECK_FALSE(net.run_until([] { return false; }, Duration::seconds(1)));
  CHECK(net.stalled());
  CHECK(calls == 1000);
}

TEST_CASE("scheduled callbacks run in time order, ties in scheduling order", "[sim][network]") {
  Network net(7, Timestamp::from_millis(1000));
  std::vector<int> order;
  net.schedule(Timestamp::from_millis(1300), [&] { order.push_back(3); });
  net.schedule(Timestamp::from_millis(1100), [&] { order.push_back(1); });
  net.schedule(Timestamp::from_millis(1100), [&] { order.push_back(2); });
  net.schedule(Timestamp::from_millis(10), [&] { order.push_back(0); });  // past: runs now
  net.schedule(Timestamp::from_millis(9000), [&] { order.push_back(4); });  // beyond the run
  net.run_for(Duration::seconds(1));
  CHECK(order == std::vector<int>{0, 1, 2, 3});
  CHECK(net.now() == Timestamp::from_millis(2000));
  CHECK(net.pending_events() == 1);
}

// A busy scenario with every random element: jitter, loss, duplication, reordering, a rate cap,
// and a NAT with random port allocation. Returns the full trace.
std::vector<TraceEvent> busy_trace(uint64_t seed) {
  Network net(seed);
  net.set_trace_enabled(true);
  Realm& lan = net.add_realm("lan");
  NatConfig nc = NatConfig::port_restricted();
  nc.port_allocation = PortAllocation::kRandom;
  LinkConfig rough;
  rough.latency = Duration::millis(20);
  rough.jitter = Duration::millis(15);
  rough.loss = 0.05;
  rough.duplicate = 0.02;
  rough.reorder = 0.05;
  rough.rate_bps = 2000000;
  rough.queue_bytes = 20000;
  net.add_nat("nat", nc, net.internet(), IpAddress::v4(203, 0, 113, 1), lan,
              IpAddress::v4(10, 0, 0, 1), rough, rough);
  Host& a = net.add_host("a");
  Host& b = net.add_host("b");
  net.attach(a, lan, IpAddress::v4(10, 0, 0, 2));
  net.attach(b, net.internet(), kB, rough, rough);
  UdpProbe pa, pb;
  pb.set_echo(true);
  REQUIRE(net.bind(a, pa, SocketAddress(IpAddress::v4(10, 0, 0, 2), 0)).ok());
  REQUIRE(net.bind(b, pb, SocketAddress(kB, 9)).ok());
  for (int i = 0; i < 400; ++i)
    net.schedule(Timestamp::from_millis(2 * i), [&pa, i] {
      pa.send(SocketAddress(kB, 9), std::vector<uint8_t>(300 + i, static_cast<uint8_t>(i)));
    });
  net.run_for(Duration::seconds(3));
  return net.trace();
}

TEST_CASE("determinism: the same seed gives the same trace", "[sim][network]") {
  const std::vector<TraceEvent> first = busy_trace(1234);
  REQUIRE(first.size() > 800);
  const std::vector<TraceEvent> second = busy_trace(1234);
  CHECK(first == second);
  const std::vector<TraceEvent> other = busy_trace(4321);
  CHECK(first != other);
  // The trace is readable: time, kind, where, addresses, size, payload CRC.
  CHECK(describe(first.front()).rfind("0.000000 send a 10.0.0.2:50000 -> 198.51.100.2:9 300B crc=", 0) == 0);
}

}  // namespace
}  // namespace tern::sim

// Link impairments: latency, jitter, loss (Bernoulli and Gilbert-Elliott), reordering,
// duplication, MTU, link down and the bandwidth cap with its tail-drop queue.
#include "sim/catch_support.hpp"

#include <cstdint>
#include <string>
#include <vector>

#include "sim/link.hpp"
#include "sim/network.hpp"
#include "sim/probe.hpp"

namespace tern::sim {
namespace {

const IpAddress kAlice = IpAddress::v4(198, 51, 100, 1);
const IpAddress kBob = IpAddress::v4(198, 51, 100, 2);

// Two hosts on the internet with a probe each: alice:1000 and bob:2000.
struct TwoHosts {
  explicit TwoHosts(uint64_t seed, LinkConfig alice_up = {}, LinkConfig bob_down = {})
      : net(seed) {
    Host& a = net.add_host("alice");
    Host& b = net.add_host("bob");
    alice_if = &net.attach(a, net.internet(), kAlice, alice_up);
    bob_if = &net.attach(b, net.internet(), kBob, {}, bob_down);
    REQUIRE(net.bind(a, alice, SocketAddress(kAlice, 1000)).ok());
    REQUIRE(net.bind(b, bob, SocketAddress(kBob, 2000)).ok());
  }
  // Sends `count` numbered packets of `size` bytes from alice to bob, one every `interval`.
  void send_numbered(int count, size_t size, Duration interval) {
    for (int i = 0; i < count; ++i) {
      net.schedule(net.now() + interval * i, [this, i, size] {
        std::vector<uint8_t> payload(size, 0);
        payload[0] = static_cast<uint8_t>(i >> 8);
        payload[1] = static_cast<uint8_t>(i);
        alice.send(SocketAddress(kBob, 2000), std::move(payload));
      });
    }
  }
  std::vector<int> received_numbers() const {
    std::vector<int> out;
    for (const auto& r : bob.received()) out.push_back(r.payload[0] << 8 | r.payload[1]);
    return out;
  }
  Network net;
  Interface* alice_if = nullptr;
  Interface* bob_if = nullptr;
  UdpProbe alice;
  UdpProbe bob;
};

TEST_CASE("latency is exact: uplink plus downlink", "[sim][link]") {
  TwoHosts t(1, LinkConfig::delay(Duration::millis(20)), LinkConfig::delay(Duration::millis(30)));
  t.net.schedule(Timestamp::from_millis(5), [&] { t.alice.send(SocketAddress(kBob, 2000), "hi"); });
  REQUIRE(t.net.run_until([&] { return !t.bob.received().empty(); }, Duration::seconds(1)));
  CHECK(t.bob.received()[0].at == Timestamp::from_millis(55));
  CHECK(t.bob.received()[0].source == SocketAddress(kAlice, 1000));
  CHECK(t.bob.received()[0].destination == SocketAddress(kBob, 2000));
  CHECK(t.net.now() == Timestamp::from_millis(55));
  CHECK(t.alice_if->uplink().counters().delivered == 1);
  CHECK(t.bob_if->downlink().counters().delivered == 1);
}

TEST_CASE("jitter stays within [latency, latency + jitter]", "[sim][link]") {
  LinkConfig c;
  c.latency = Duration::millis(40);
  c.jitter = Duration::millis(10);
  TwoHosts t(2, c);
  t.send_numbered(500, 100, Duration::millis(20));
  t.net.run_for(Duration::seconds(11));
  REQUIRE(t.bob.received().size() == 500);
  int64_t min_delay = INT64_MAX, max_delay = 0;
  for (const auto& r : t.bob.received()) {
    const int n = r.payload[0] << 8 | r.payload[1];
    const int64_t delay = (r.at - Timestamp::from_millis(20 * n)).as_micros();
    min_delay = std::min(min_delay, delay);
    max_delay = std::max(max_delay, delay);
  }
  CHECK(min_delay >= 40000);
  CHECK(max_delay <= 50000);
  CHECK(max_delay - min_delay > 9000);  // the spread is really used
}

TEST_CASE("jitter_keeps_order never reorders", "[sim][link]") {
  LinkConfig c;
  c.latency = Duration::millis(10);
  c.jitter = Duration::millis(30);
  c.jitter_keeps_order = true;
  TwoHosts t(3, c);
  t.send_numbered(300, 50, Duration::millis(1));
  t.net.run_for(Duration::seconds(1));
  const std::vector<int> got = t.received_numbers();
  REQUIRE(got.size() == 300);
  for (size_t i = 0; i < got.size(); ++i) CHECK(got[i] == static_cast<int>(i));
}

TEST_CASE("Bernoulli loss: near the configured rate, exact for a fixed seed", "[sim][link]") {
  LinkConfig c;
  c.loss = 0.1;
  auto run = [&](uint64_t seed) {
    Link link("l", c, seed);
    uint64_t delivered = 0;
    for (int i = 0; i < 10000; ++i) delivered += link.submit(Timestamp(), 100).count;
    CHECK(link.counters().sent == 10000);
    CHECK(link.counters().dropped_loss + delivered == 10000);
    return link.counters().dropped_loss;
  };
  const uint64_t lost = run(42);
  // Binomial(10000, 0.1): sd = 30; 5 sd either side.
  CHECK(lost > 850);
  CHECK(lost < 1150);
  CHECK(run(42) == lost);  // deterministic
  CHECK(run(43) != lost);  // and the seed matters
}

TEST_CASE("Gilbert-Elliott loss comes in bursts at the stationary rate", "[sim][link]") {
  LinkConfig c;
  // Stationary P(bad) = 0.02 / (0.02 + 0.18) = 0.1; mean burst length 1 / 0.18 ~ 5.6.
  c.burst_loss = GilbertElliott{0.02, 0.18, 0.0, 1.0};
  Link link("ge", c, 7);
  int lost = 0, bursts = 0;
  bool prev_lost = false;
  for (int i = 0; i < 20000; ++i) {
    const bool is_lost = link.submit(Timestamp(), 10).count == 0;
    lost += is_lost;
    if (is_lost && !prev_lost) ++bursts;
    prev_lost = is_lost;
  }
  const double rate = lost / 20000.0;
  CHECK(rate > 0.07);
  CHECK(rate < 0.13);
  const double mean_burst = static_cast<double>(lost) / bursts;
  CHECK(mean_burst > 4.0);  // Bernoulli loss at 10% would give ~1.1
  CHECK(link.counters().dropped_loss == static_cast<uint64_t>(lost));
}

TEST_CASE("reordering holds packets back so later ones overtake them", "[sim][link]") {
  LinkConfig c;
  c.latency = Duration::millis(5);
  c.reorder = 0.1;
  c.reorder_delay = Duration::millis(10);
  TwoHosts t(4, c);
  t.send_numbered(1000, 20, Duration::millis(1));
  t.net.run_for(Duration::seconds(2));
  const std::vector<int> got = t.received_numbers();
  REQUIRE(got.size() == 1000);
  int inversions = 0;
  for (size_t i = 1; i < got.size(); ++i) inversions += got[i] < got[i - 1];
  const uint64_t reordered = t.alice_if->uplink().counters().reordered;
  CHECK(reordered > 60);
  CHECK(reordered < 140);
  CHECK(inversions > 0);
  CHECK(static_cast<uint64_t>(inversions) <= reordered);
}

TEST_CASE("duplication delivers extra copies and counts them", "[sim][link]") {
  LinkConfig c;
  c.latency = Duration::millis(3);
  c.duplicate = 0.05;
  TwoHosts t(5, c);
  t.send_numbered(2000, 30, Duration::millis(1));
  t.net.run_for(Duration::seconds(3));
  const LinkCounters& lc = t.alice_if->uplink().counters();
  CHECK(lc.duplicated > 60);
  CHECK(lc.duplicated < 140);
  CHECK(t.bob.received().size() == 2000 + lc.duplicated);
  CHECK(lc.delivered == lc.sent + lc.duplicated - lc.dropped());
}

TEST_CASE("bandwidth cap: serialization delay and tail drop", "[sim][link]") {
  LinkConfig c;
  c.rate_bps = 1000000;  // 1000 bytes take 8 ms
  c.queue_bytes = 5000;
  c.latency = Duration::millis(10);

  SECTION("back-to-back packets leave one serialization time apart") {
    Link link("cap", c, 1);
    for (int i = 0; i < 5; ++i) {
      const Link::Outcome o = link.submit(Timestamp(), 1000);
      REQUIRE(o.count == 1);
      CHECK(o.arrivals[0] == Timestamp::from_millis(8 * (i + 1) + 10));
    }
    CHECK(link.backlog_bytes(Timestamp()) == 5000);
    // The queue is full: the sixth is tail-dropped.
    const Link::Outcome full = link.submit(Timestamp(), 1000);
    CHECK(full.count == 0);
    CHECK(full.drop == DropReason::kQueue);
    // After the first packet is serialized there is room for one more, queued behind the rest.
    CHECK(link.backlog_bytes(Timestamp::from_millis(8)) == 4000);
    const Link::Outcome later = link.submit(Timestamp::from_millis(8), 1000);
    REQUIRE(later.count == 1);
    CHECK(later.arrivals[0] == Timestamp::from_millis(48 + 10));
    CHECK(link.counters().dropped_queue == 1);
  }

  SECTION("offered 2 Mbit/s, a 1 Mbit/s link delivers 1 Mbit/s and drops the rest") {
    c.queue_bytes = 10000;
    TwoHosts t(6, c);
    t.send_numbered(500, 1000, Duration::millis(4));  // 2 Mbit/s for 2 s
    t.net.run_for(Duration::seconds(3));
    const auto& got = t.bob.received();
    const LinkCounters& lc = t.alice_if->uplink().counters();
    CHECK(lc.sent == 500);
    CHECK(lc.dropped_queue + got.size() == 500);
    CHECK(lc.dropped_queue > 230);
    // Steady state: one 1000-byte packet per 8 ms, exactly.
    REQUIRE(got.size() > 200);
    for (size_t i = 1; i < got.size(); ++i) CHECK((got[i].at - got[i - 1].at) == Duration::millis(8));
    const double seconds = (got.back().at - got.front().at).as_seconds();
    const double throughput_bps = (got.size() - 1) * 8000.0 / seconds;
    CHECK(throughput_bps == Approx(1000000).epsilon(0.001));
  }
}

TEST_CASE("MTU and link-down drops", "[sim][link]") {
  LinkConfig c;
  c.mtu = 1200;
  TwoHosts t(8, c);
  t.alice.send(SocketAddress(kBob, 2000), std::vector<uint8_t>(1200, 1));
  t.alice.send(SocketAddress(kBob, 2000), std::vector<uint8_t>(1201, 2));
  t.net.run_for(Duration::millis(10));
  CHECK(t.bob.received().size() == 1);
  CHECK(t.alice_if->uplink().counters().dropped_mtu == 1);

  // Take the link down mid-run from a scheduled callback, then bring it back.
  t.net.schedule(t.net.now() + Duration::millis(5), [&] { t.alice_if->uplink().set_down(true); });
  t.net.schedule(t.net.now() + Duration::millis(15), [&] { t.alice_if->uplink().set_down(false); });
  t.send_numbered(3, 10, Duration::millis(10));  // at +0, +10 (down), +20
  t.net.run_for(Duration::millis(50));
  CHECK(t.bob.received().size() == 3);
  CHECK(t.alice_if->uplink().counters().dropped_down == 1);
}

}  // namespace
}  // namespace tern::sim

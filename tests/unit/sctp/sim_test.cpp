// Two associations on the simulated network (tests/sim): loss, reordering, duplication and a
// bandwidth cap, in virtual time. Reliable streams must deliver every message exactly once (in
// order when ordered), partially reliable ones must never stall the association, and a capped
// link must be used close to its capacity.
#include "sim/catch_support.hpp"

#include <algorithm>
#include <map>
#include <set>
#include <vector>

#include "sctp/errc.hpp"
#include "sctp_harness.hpp"
#include "sim/network.hpp"

namespace tern::sctp {
namespace {

using testing::SimAssociation;
using testing::Side;

const IpAddress kAddrA = IpAddress::v4(10, 0, 0, 1);
const IpAddress kAddrB = IpAddress::v4(10, 0, 0, 2);

// Message i of a run: its first 4 bytes carry i, the rest a pattern, so the receiver can check
// content, identity and order.
std::vector<uint8_t> message(uint32_t i, size_t size) {
  std::vector<uint8_t> m(std::max<size_t>(size, 4));
  store_be32(m.data(), i);
  for (size_t k = 4; k < m.size(); ++k) m[k] = static_cast<uint8_t>(i * 31 + k);
  return m;
}

struct World {
  sim::Network net;
  Side a;
  Side b;
  SimAssociation ea;
  SimAssociation eb;

  World(uint64_t seed, const sim::LinkConfig& link, Config config = {})
      : net(seed), a(config, seed * 3 + 1), b(config, seed * 3 + 2),
        ea(a, SocketAddress(kAddrB, 5000)), eb(b, SocketAddress(kAddrA, 5000)) {
    sim::Host& ha = net.add_host("a");
    sim::Host& hb = net.add_host("b");
    net.attach(ha, net.internet(), kAddrA, link, link);
    net.attach(hb, net.internet(), kAddrB, link, link);
    TERN_ASSERT(net.bind(ha, ea, SocketAddress(kAddrA, 5000)).ok(), "bind a");
    TERN_ASSERT(net.bind(hb, eb, SocketAddress(kAddrB, 5000)).ok(), "bind b");
  }

  bool connect() {
    net.schedule(net.now(), [&] {
      TERN_ASSERT(a.assoc.connect(net.now()).ok(), "connect a");
      TERN_ASSERT(b.assoc.connect(net.now()).ok(), "connect b");
    });
    return net.run_until([&] { return a.count<Connected>() == 1 && b.count<Connected>() == 1; }, Duration::seconds(30));
  }
};

sim::LinkConfig lossy_link() {
  sim::LinkConfig link;
  link.latency = Duration::millis(20);
  link.jitter = Duration::millis(5);
  link.loss = 0.10;
  link.duplicate = 0.05;
  link.reorder = 0.05;
  link.reorder_delay = Duration::millis(15);
  return link;
}

TEST_CASE("sim: reliable ordered streams deliver every message once, in order, at 10% loss", "[sctp][sim]") {
  for (uint64_t seed : {1u, 2u, 3u}) {
    INFO("seed " << seed);
    World w(seed, lossy_link());
    REQUIRE(w.connect());
    SeededRng sizes(seed);
    constexpr uint32_t kMessages = 150;
    std::map<uint16_t, std::vector<uint32_t>> sent;  // per stream, in send order
    for (uint32_t i = 0; i < kMessages; ++i) {
      const uint16_t stream = static_cast<uint16_t>(i % 3);
      const size_t size = 1 + sizes.uniform(i % 10 == 0 ? 64 * 1024 : 3000);
      REQUIRE(w.a.assoc.send(w.net.now(), StreamId(stream), 51, message(i, size)).ok());
      sent[stream].push_back(i);
    }
    REQUIRE(w.net.run_until([&] { return w.b.message_count() >= kMessages; }, Duration::seconds(120)));
    w.net.run_for(Duration::seconds(2));
    const auto got = w.b.messages();
    REQUIRE(got.size() == kMessages);
    std::map<uint16_t, std::vector<uint32_t>> received;
    for (const auto& m : got) {
      const uint32_t i = load_be32(m.payload.data());
      received[m.stream.value].push_back(i);
      CHECK(m.payload == message(i, m.payload.size()));
    }
    CHECK(received == sent);
    CHECK(w.a.assoc.stats().data_chunks_retransmitted > 0);
    CHECK(w.b.assoc.stats().duplicate_data_chunks > 0);
    CHECK(w.a.count<Aborted>() == 0);
    CHECK(w.b.count<Aborted>() == 0);
  }
}

TEST_CASE("sim: unordered reliable messages all arrive exactly once", "[sctp][sim]") {
  World w(11, lossy_link());
  REQUIRE(w.connect());
  SendOptions unordered;
  unordered.unordered = true;
  constexpr uint32_t kMessages = 200;
  for (uint32_t i = 0; i < kMessages; ++i) {
    REQUIRE(w.a.assoc.send(w.net.now(), StreamId(7), 53, message(i, 1 + (i * 977) % 4000), unordered).ok());
  }
  REQUIRE(w.net.run_until([&] { return w.b.message_count() >= kMessages; }, Duration::seconds(120)));
  w.net.run_for(Duration::seconds(2));
  const auto got = w.b.messages();
  REQUIRE(got.size() == kMessages);
  std::set<uint32_t> ids;
  bool reordered = false;
  uint32_t last = 0;
  for (const auto& m : got) {
    const uint32_t i = load_be32(m.payload.data());
    CHECK(m.unordered);
    CHECK(m.payload == message(i, m.payload.size()));
    ids.insert(i);
    if (i < last) reordered = true;
    last = i;
  }
  CHECK(ids.size() == kMessages);
  CHECK(reordered);  // unordered delivery did not wait for retransmissions
}

TEST_CASE("sim: max_retransmits = 0 loses messages but never stalls", "[sctp][sim]") {
  for (bool ordered : {true, false}) {
    INFO((ordered ? "ordered" : "unordered"));
    World w(21 + (ordered ? 1 : 0), lossy_link());
    REQUIRE(w.connect());
    SendOptions unreliable;
    unreliable.max_retransmits = 0;
    unreliable.unordered = !ordered;
    constexpr uint32_t kMessages = 300;
    for (uint32_t i = 0; i < kMessages; ++i) {
      REQUIRE(w.a.assoc.send(w.net.now(), StreamId(2), 51, message(i, 1 + (i * 131) % 2500), unreliable).ok());
    }
    // A reliable message behind them on the same stream.
    REQUIRE(w.a.assoc.send(w.net.now(), StreamId(2), 51, message(kMessages, 10)).ok());
    auto done = [&] {
      for (const auto& m : w.b.messages()) {
        if (load_be32(m.payload.data()) == kMessages) return true;
      }
      return false;
    };
    REQUIRE(w.net.run_until(done, Duration::seconds(60)));
    w.net.run_for(Duration::seconds(3));
    const auto got = w.b.messages();
    std::set<uint32_t> ids;
    uint32_t last = 0;
    bool in_order = true;
    for (const auto& m : got) {
      const uint32_t i = load_be32(m.payload.data());
      CHECK(m.payload == message(i, m.payload.size()));
      CHECK(ids.insert(i).second);  // never twice
      if (i < last) in_order = false;
      last = i;
    }
    if (ordered) CHECK(in_order);
    CHECK(got.size() < kMessages + 1);  // some were lost for good
    CHECK(got.size() > kMessages / 2);
    CHECK(w.a.assoc.stats().messages_abandoned > 0);
    CHECK(w.a.assoc.stats().forward_tsns_sent > 0);
    // Nothing is left waiting on either side.
    CHECK(w.a.assoc.flight_size() == 0);
    CHECK(w.a.count<Aborted>() == 0);
  }
}

TEST_CASE("sim: throughput under a bandwidth cap approaches the cap", "[sctp][sim]") {
  sim::LinkConfig capped;
  capped.latency = Duration::millis(25);
  capped.rate_bps = 4'000'000;
  capped.queue_bytes = 64 * 1024;
  World w(31, capped);
  REQUIRE(w.connect());
  constexpr size_t kBytes = 4 * 1024 * 1024;
  constexpr size_t kMessage = 16 * 1024;
  for (size_t sent = 0; sent < kBytes; sent += kMessage) {
    REQUIRE(w.a.assoc.send(w.net.now(), StreamId(0), 53, message(static_cast<uint32_t>(sent / kMessage), kMessage)).ok());
  }
  const Timestamp start = w.net.now();
  REQUIRE(w.net.run_until([&] { return w.b.message_count() == kBytes / kMessage; }, Duration::seconds(60)));
  const double seconds = (w.net.now() - start).as_seconds();
  const double goodput_bps = kBytes * 8.0 / seconds;
  INFO("goodput " << goodput_bps / 1e6 << " Mbit/s over " << seconds << " s, cwnd " << w.a.assoc.cwnd());
  // Headers (12 + 16 bytes per ~1172-byte chunk, plus IP/UDP-less sim framing) cost ~3%; slow
  // start and queue-overflow recovery cost a little more.
  CHECK(goodput_bps > 0.80 * 4'000'000);
  WARN("goodput " << goodput_bps / 1e6 << " Mbit/s, cwnd " << w.a.assoc.cwnd() << ", retransmitted " << w.a.assoc.stats().data_chunks_retransmitted);
  CHECK(goodput_bps <= 4'000'000);
}

TEST_CASE("sim: stream reset and shutdown complete under loss", "[sctp][sim]") {
  World w(41, lossy_link());
  REQUIRE(w.connect());
  for (uint32_t i = 0; i < 20; ++i) REQUIRE(w.a.assoc.send(w.net.now(), StreamId(4), 51, message(i, 900)).ok());
  const StreamId four[] = {StreamId(4)};
  REQUIRE(w.a.assoc.reset_streams(w.net.now(), four).ok());
  REQUIRE(w.net.run_until([&] { return w.b.count<IncomingStreamsReset>() == 1; }, Duration::seconds(60)));
  CHECK(w.b.message_count() == 20);
  REQUIRE(w.b.assoc.reset_streams(w.net.now(), four).ok());
  REQUIRE(w.net.run_until([&] { return w.a.count<IncomingStreamsReset>() == 1 && w.a.count<OutgoingStreamsReset>() == 1 &&
                                      w.b.count<OutgoingStreamsReset>() == 1; },
                          Duration::seconds(60)));
  REQUIRE(w.a.assoc.shutdown(w.net.now()).ok());
  REQUIRE(w.net.run_until([&] { return w.a.count<Closed>() == 1 && w.b.count<Closed>() == 1; }, Duration::seconds(60)));
}

TEST_CASE("sim: both directions at once, mixed reliability, burst loss, small MTU", "[sctp][sim]") {
  for (uint64_t seed : {51u, 52u, 53u, 54u}) {
    INFO("seed " << seed);
    sim::LinkConfig link = lossy_link();
    link.loss = 0;
    link.burst_loss = sim::GilbertElliott{0.02, 0.3, 0.01, 0.6};  // bursts of consecutive losses
    Config config;
    config.mtu = seed % 2 == 0 ? 500 : 1200;
    World w(seed, link, config);
    REQUIRE(w.connect());
    // Each message says how it was sent: stream 0 reliable ordered, 1 reliable unordered,
    // 2 unreliable ordered (1 retransmission), 3 unreliable unordered (no retransmission).
    SeededRng pick(seed);
    constexpr uint32_t kMessages = 120;
    for (uint32_t i = 0; i < kMessages; ++i) {
      for (Side* from : {&w.a, &w.b}) {
        const uint16_t stream = static_cast<uint16_t>(pick.uniform(4));
        SendOptions options;
        options.unordered = stream % 2 == 1;
        if (stream == 2) options.max_retransmits = 1;
        if (stream == 3) options.max_retransmits = 0;
        REQUIRE(from->assoc.send(w.net.now(), StreamId(stream), 51, message(i, 1 + pick.uniform(5000)), options).ok());
      }
    }
    // A reliable ordered marker closes each direction.
    REQUIRE(w.a.assoc.send(w.net.now(), StreamId(0), 51, message(kMessages, 8)).ok());
    REQUIRE(w.b.assoc.send(w.net.now(), StreamId(0), 51, message(kMessages, 8)).ok());
    auto has_marker = [&](const Side& side) {
      for (const Event& e : side.events) {
        const auto* m = std::get_if<MessageReceived>(&e);
        if (m && m->stream == StreamId(0) && load_be32(m->payload.data()) == kMessages) return true;
      }
      return false;
    };
    REQUIRE(w.net.run_until([&] { return has_marker(w.a) && has_marker(w.b); }, Duration::seconds(300)));
    // Unordered retransmissions may still be on their way behind the ordered marker.
    REQUIRE(w.net.run_until([&] { return w.a.assoc.flight_size() == 0 && w.b.assoc.flight_size() == 0 &&
                                         w.a.assoc.total_buffered_amount() == 0 &&
                                         w.b.assoc.total_buffered_amount() == 0; },
                            Duration::seconds(120)));
    w.net.run_for(Duration::seconds(5));
    for (const Side* side : {&w.a, &w.b}) {
      std::map<uint16_t, std::vector<uint32_t>> got;
      for (const auto& m : side->messages()) {
        const uint32_t i = load_be32(m.payload.data());
        CHECK(m.payload == message(i, m.payload.size()));
        got[m.stream.value].push_back(i);
      }
      for (const auto& [stream, ids] : got) {
        std::set<uint32_t> unique(ids.begin(), ids.end());
        CHECK(unique.size() == ids.size());                                // never twice
        if (stream % 2 == 0) CHECK(std::is_sorted(ids.begin(), ids.end()));  // ordered streams
      }
    }
    // Reliable streams (0 and 1) lost nothing: compare with what the other side sent.
    auto count_sent = [&](uint64_t s) {
      SeededRng replay(s);
      std::map<uint16_t, size_t> a_sent, b_sent;
      for (uint32_t i = 0; i < kMessages; ++i) {
        const uint16_t sa = static_cast<uint16_t>(replay.uniform(4));
        replay.uniform(5000);
        a_sent[sa]++;
        const uint16_t sb = static_cast<uint16_t>(replay.uniform(4));
        replay.uniform(5000);
        b_sent[sb]++;
      }
      return std::make_pair(a_sent, b_sent);
    };
    auto [a_sent, b_sent] = count_sent(seed);
    std::map<uint16_t, size_t> at_b, at_a;
    for (const auto& m : w.b.messages()) at_b[m.stream.value]++;
    for (const auto& m : w.a.messages()) at_a[m.stream.value]++;
    CHECK(at_b[0] == a_sent[0] + 1);
    CHECK(at_b[1] == a_sent[1]);
    CHECK(at_a[0] == b_sent[0] + 1);
    CHECK(at_a[1] == b_sent[1]);
    CHECK(w.a.count<Aborted>() == 0);
    CHECK(w.b.count<Aborted>() == 0);
  }
}

}  // namespace
}  // namespace tern::sctp

#pragma once
// Test harness for associations: an HMAC-SHA256 cookie signer (the production wiring lives in
// peer/), an in-memory pair driven by a virtual clock with per-packet hooks, and an adapter that
// runs an association on the simulated network (tests/sim).
#include <algorithm>
#include <functional>
#include <optional>
#include <queue>
#include <vector>

#include "common/rng.hpp"
#include "common/socket_address.hpp"
#include "crypto/hmac.hpp"
#include "sctp/association.hpp"
#include "sim/endpoint.hpp"

namespace tern::sctp::testing {

class HmacCookieSigner final : public CookieSigner {
 public:
  explicit HmacCookieSigner(Rng& rng) : hmac_(crypto::HashAlgorithm::kSha256, make_key(rng)) {}
  size_t mac_size() const override { return 32; }
  void sign(std::span<const uint8_t> data, std::span<uint8_t> mac) override {
    const crypto::Digest d = hmac_.compute(data);
    std::copy_n(d.bytes.begin(), mac.size(), mac.begin());
  }

 private:
  static std::vector<uint8_t> make_key(Rng& rng) {
    std::vector<uint8_t> key(32);
    rng.fill(key);
    return key;
  }
  crypto::Hmac hmac_;
};

// One side: its rng, signer and association.
struct Side {
  SeededRng rng;
  HmacCookieSigner signer;
  Association assoc;
  std::vector<Event> events;

  Side(Config config, uint64_t seed) : rng(seed), signer(rng), assoc(create(config, rng, signer)) {}

  static Association create(Config config, Rng& rng, CookieSigner& signer) {
    config.cookie_signer = &signer;
    auto r = Association::create(config, rng);
    TERN_ASSERT(r.ok(), "test config");
    return std::move(r).value();
  }
  void drain_events() {
    while (auto e = assoc.poll_event()) events.push_back(std::move(*e));
  }
  template <class E>
  size_t count() const {
    return static_cast<size_t>(std::count_if(events.begin(), events.end(),
                                             [](const Event& e) { return std::holds_alternative<E>(e); }));
  }
  template <class E>
  const E* last() const {
    for (auto it = events.rbegin(); it != events.rend(); ++it) {
      if (const E* e = std::get_if<E>(&*it)) return e;
    }
    return nullptr;
  }
  // Number of MessageReceived events (cheap: for run_until predicates).
  size_t message_count() const { return count<MessageReceived>(); }
  std::vector<MessageReceived> messages() const {
    std::vector<MessageReceived> out;
    for (const Event& e : events) {
      if (const auto* m = std::get_if<MessageReceived>(&e)) out.push_back(*m);
    }
    return out;
  }
};

// Two associations wired back to back in memory, with a fixed one-way latency, in virtual time.
// `filter(from_a, packet)` sees every packet in flight: return false to drop it (it may modify it).
class Pair {
 public:
  explicit Pair(Config config_a = {}, Config config_b = {}, uint64_t seed = 1)
      : a(config_a, seed * 2 + 1), b(config_b, seed * 2 + 2) {}

  Side a;
  Side b;
  Timestamp now = Timestamp::from_millis(1000);
  Duration latency = Duration::millis(10);
  std::function<bool(bool from_a, std::vector<uint8_t>& packet)> filter;
  uint64_t packets_a_to_b = 0;
  uint64_t packets_b_to_a = 0;

  // Both connect (as WebRTC peers do) and run until both report Connected.
  bool connect_both(Duration timeout = Duration::seconds(5)) {
    if (!a.assoc.connect(now).ok() || !b.assoc.connect(now).ok()) return false;
    return run_until([&] { return a.count<Connected>() == 1 && b.count<Connected>() == 1; }, timeout);
  }

  // Flushes transmits, then handles events in time order until `done()` or `timeout` passes.
  bool run_until(const std::function<bool()>& done, Duration timeout) {
    const Timestamp deadline = now + timeout;
    for (;;) {
      flush();
      if (done()) return true;
      std::optional<Timestamp> next;
      auto consider = [&](std::optional<Timestamp> t) {
        if (t && (!next || *t < *next)) next = t;
      };
      if (!in_flight_.empty()) consider(in_flight_.top().at);
      consider(a.assoc.poll_timeout());
      consider(b.assoc.poll_timeout());
      if (!next || *next > deadline) {
        now = deadline;
        return done();
      }
      now = std::max(now, *next);
      while (!in_flight_.empty() && in_flight_.top().at <= now) {
        Packet p = in_flight_.top();
        in_flight_.pop();
        (p.to_a ? a : b).assoc.handle_input(now, p.bytes);
        // Like a real event loop, drain the transmits after every datagram.
        flush();
      }
      for (Side* s : {&a, &b}) {
        if (auto t = s->assoc.poll_timeout(); t && *t <= now) s->assoc.handle_timeout(now);
      }
    }
  }
  void run_for(Duration d) {
    run_until([] { return false; }, d);
  }
  void flush() {
    for (bool from_a : {true, false}) {
      Side& s = from_a ? a : b;
      while (auto p = s.assoc.poll_transmit()) {
        (from_a ? packets_a_to_b : packets_b_to_a)++;
        if (filter && !filter(from_a, *p)) continue;
        in_flight_.push(Packet{now + latency, seq_++, !from_a, std::move(*p)});
      }
      s.drain_events();
    }
  }

 private:
  struct Packet {
    Timestamp at;
    uint64_t seq;
    bool to_a;
    std::vector<uint8_t> bytes;
    bool operator>(const Packet& o) const { return at != o.at ? at > o.at : seq > o.seq; }
  };
  std::priority_queue<Packet, std::vector<Packet>, std::greater<>> in_flight_;
  uint64_t seq_ = 0;
};

// Runs an association on the simulated network, sending every packet to `remote`.
class SimAssociation final : public sim::SimEndpoint {
 public:
  SimAssociation(Side& side, SocketAddress remote) : side_(side), remote_(remote) {}
  void handle_input(Timestamp now, const Datagram& datagram) override {
    side_.assoc.handle_input(now, datagram.payload);
    side_.drain_events();
  }
  std::optional<Transmit> poll_transmit() override {
    auto p = side_.assoc.poll_transmit();
    side_.drain_events();
    if (!p) return std::nullopt;
    Transmit t;
    t.destination = remote_;
    t.payload = std::move(*p);
    return t;
  }
  std::optional<Timestamp> poll_timeout() override { return side_.assoc.poll_timeout(); }
  void handle_timeout(Timestamp now) override {
    side_.assoc.handle_timeout(now);
    side_.drain_events();
  }

 private:
  Side& side_;
  SocketAddress remote_;
};

}  // namespace tern::sctp::testing

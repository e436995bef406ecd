#pragma once
// Test harness for the data channel layer: a fake SCTP port that records what the manager asks
// of the association, and two managers over two real in-memory sctp::Associations driven by a
// virtual clock (with an optional per-packet filter for loss).
#include <algorithm>
#include <cstring>
#include <functional>
#include <map>
#include <optional>
#include <queue>
#include <string>
#include <utility>
#include <vector>

#include "common/rng.hpp"
#include "datachannel/channel_manager.hpp"
#include "datachannel/errc.hpp"
#include "sctp/association.hpp"
#include "sctp/errc.hpp"

namespace tern::datachannel::testing {

// A keyed checksum standing in for HMAC (the data channel tests need working cookies, not
// cryptographic ones).
class TestSigner final : public sctp::CookieSigner {
 public:
  explicit TestSigner(uint64_t key) : key_(key) {}
  size_t mac_size() const override { return 16; }
  void sign(std::span<const uint8_t> data, std::span<uint8_t> mac) override {
    uint64_t h1 = 0x9e3779b97f4a7c15ull ^ key_, h2 = 0xc2b2ae3d27d4eb4full + key_;
    for (uint8_t b : data) {
      h1 = (h1 ^ b) * 0x100000001b3ull;
      h2 = (h2 + b) * 0xff51afd7ed558ccdull;
    }
    std::memcpy(mac.data(), &h1, 8);
    std::memcpy(mac.data() + 8, &h2, 8);
  }

 private:
  uint64_t key_;
};

// Records sends and resets; its answers are set by the test.
class FakePort final : public SctpTransportPort {
 public:
  struct Sent {
    StreamId stream{0};
    uint32_t ppid = 0;
    std::vector<uint8_t> payload;
    sctp::SendOptions options;
  };

  bool is_established = true;
  uint16_t streams = 1024;
  std::optional<Error> send_error;
  std::optional<Error> reset_error;
  std::vector<Sent> sent;
  std::vector<StreamId> resets;
  std::map<uint16_t, size_t> thresholds;
  std::map<uint16_t, size_t> buffered;

  bool established() const override { return is_established; }
  uint16_t stream_count() const override { return is_established ? streams : 0; }
  Status send(Timestamp, StreamId stream, uint32_t ppid, std::vector<uint8_t>&& payload,
              const sctp::SendOptions& options) override {
    if (send_error) return *send_error;
    sent.push_back(Sent{stream, ppid, std::move(payload), options});
    return {};
  }
  Status reset_streams(Timestamp, std::span<const StreamId> ids) override {
    if (reset_error) return *reset_error;
    resets.insert(resets.end(), ids.begin(), ids.end());
    return {};
  }
  size_t buffered_amount(StreamId stream) const override {
    auto it = buffered.find(stream.value);
    return it == buffered.end() ? 0 : it->second;
  }
  void set_buffered_amount_low_threshold(StreamId stream, size_t bytes) override { thresholds[stream.value] = bytes; }

  std::vector<Sent> take_sent() { return std::exchange(sent, {}); }
};

inline std::vector<uint8_t> bytes_of(std::string_view s) { return std::vector<uint8_t>(s.begin(), s.end()); }
inline std::string string_of(const std::vector<uint8_t>& v) { return std::string(v.begin(), v.end()); }

// Drained manager events, with typed accessors.
struct EventLog {
  std::vector<Event> events;

  template <class E>
  std::vector<E> all() const {
    std::vector<E> out;
    for (const Event& e : events) {
      if (const E* x = std::get_if<E>(&e)) out.push_back(*x);
    }
    return out;
  }
  template <class E>
  size_t count() const {
    return all<E>().size();
  }
  template <class E>
  size_t count_for(ChannelHandle h) const {
    size_t n = 0;
    for (const E& e : all<E>()) n += e.channel == h ? 1 : 0;
    return n;
  }
  std::vector<ChannelMessage> messages_for(ChannelHandle h) const {
    std::vector<ChannelMessage> out;
    for (const ChannelMessage& m : all<ChannelMessage>()) {
      if (m.channel == h) out.push_back(m);
    }
    return out;
  }
  // The variant indices of the events of one channel, in order (for sequence checks).
  std::vector<size_t> sequence_for(ChannelHandle h) const {
    std::vector<size_t> out;
    for (const Event& e : events) {
      std::visit([&](const auto& x) { if (x.channel == h) out.push_back(e.index()); }, e);
    }
    return out;
  }
  void drain(DataChannelManager& m) {
    while (auto e = m.poll_event()) events.push_back(std::move(*e));
  }
};

// One end: association, port, manager, and what the manager reported.
struct Peer {
  SeededRng rng;
  TestSigner signer;
  sctp::Association assoc;
  AssociationPort port;
  DataChannelManager manager;
  EventLog log;
  std::vector<sctp::Event> sctp_events;  // everything the association reported (copied)

  Peer(sctp::Config config, uint64_t seed, ManagerConfig mc)
      : rng(seed), signer(seed * 7919), assoc(create(config, rng, signer)), port(assoc), manager(port, mc) {}

  static sctp::Association create(sctp::Config config, Rng& rng, sctp::CookieSigner& signer) {
    config.cookie_signer = &signer;
    auto r = sctp::Association::create(config, rng);
    TERN_ASSERT(r.ok(), "test config");
    return std::move(r).value();
  }
  void pump_events(Timestamp now) {
    while (auto e = assoc.poll_event()) {
      sctp_events.push_back(*e);
      manager.handle_sctp_event(now, std::move(*e));
    }
    log.drain(manager);
  }
};

// The DTLS client (a) and server (b) over an in-memory link with a fixed one-way latency.
class Pair {
 public:
  explicit Pair(sctp::Config ca = {}, sctp::Config cb = {}, ManagerConfig ma = client_config(),
                ManagerConfig mb = server_config(), uint64_t seed = 1)
      : a(ca, seed * 2 + 1, ma), b(cb, seed * 2 + 2, mb) {}

  static ManagerConfig client_config() {
    ManagerConfig c;
    c.dtls_role = DtlsRole::kClient;
    return c;
  }
  static ManagerConfig server_config() {
    ManagerConfig c;
    c.dtls_role = DtlsRole::kServer;
    return c;
  }

  Peer a;
  Peer b;
  Timestamp now = Timestamp::from_millis(1000);
  Duration latency = Duration::millis(5);
  // Sees every packet in flight; return false to drop it.
  std::function<bool(bool from_a, std::vector<uint8_t>& packet)> filter;

  bool connect(Duration timeout = Duration::seconds(5)) {
    if (!a.assoc.connect(now).ok() || !b.assoc.connect(now).ok()) return false;
    return run_until([&] { return a.port.established() && b.port.established(); }, timeout);
  }

  // Flushes, then handles packets and timers in time order until done() or the timeout.
  bool run_until(const std::function<bool()>& done, Duration timeout = Duration::seconds(10)) {
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
        flush();
        return done();
      }
      now = std::max(now, *next);
      while (!in_flight_.empty() && in_flight_.top().at <= now) {
        Packet p = in_flight_.top();
        in_flight_.pop();
        (p.to_a ? a : b).assoc.handle_input(now, p.bytes);
        flush();
      }
      for (Peer* s : {&a, &b}) {
        if (auto t = s->assoc.poll_timeout(); t && *t <= now) s->assoc.handle_timeout(now);
      }
    }
  }
  void run_for(Duration d) {
    run_until([] { return false; }, d);
  }
  void flush() {
    for (int round = 0; round < 4; ++round) {
      for (bool from_a : {true, false}) {
        Peer& s = from_a ? a : b;
        s.pump_events(now);
        while (auto p = s.assoc.poll_transmit()) {
          if (filter && !filter(from_a, *p)) continue;
          in_flight_.push(Packet{now + latency, seq_++, !from_a, std::move(*p)});
        }
        s.pump_events(now);
      }
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

}  // namespace tern::datachannel::testing

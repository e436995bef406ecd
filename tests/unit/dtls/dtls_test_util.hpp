#pragma once
// Shared helpers for the DTLS unit tests: identities and an in-memory two-endpoint network with
// a simulated clock and a per-direction packet policy (drop, duplicate, reorder).
#include <algorithm>
#include <cstdint>
#include <functional>
#include <optional>
#include <span>
#include <vector>

#include "common/hex.hpp"
#include "common/rng.hpp"
#include "crypto/certificate.hpp"
#include "crypto/signature.hpp"
#include "dtls/connection.hpp"

namespace tern::dtls::test {

inline std::vector<uint8_t> hex(std::string_view text) { return from_hex(text).value(); }

struct Identity {
  crypto::PrivateKey key;
  crypto::Certificate certificate;
};

inline Identity make_identity(Rng& rng, bool rsa = false) {
  Identity id;
  id.key = rsa ? crypto::PrivateKey::generate_rsa(2048) : crypto::PrivateKey::generate_ecdsa_p256(rng);
  id.certificate = crypto::Certificate::generate_self_signed(id.key, "tern", rng, 1700000000, 1700000000 + 86400 * 30).value();
  return id;
}

// One RSA identity for the whole test binary (RSA key generation is slow).
inline const Identity& shared_rsa_identity() {
  static SeededRng rng(99);
  static Identity id = make_identity(rng, true);
  return id;
}

inline Config make_config(Role role, const Identity& id) {
  Config c;
  c.role = role;
  c.certificate = id.certificate;
  c.private_key = id.key;
  return c;
}

// A datagram in flight: which flight-ordinal datagram of its sender it is (0-based).
struct Packet {
  size_t index = 0;
  std::vector<uint8_t> bytes;
};

enum class Direction { kClientToServer, kServerToClient };

// Two connections joined by an in-memory link. Each step moves every pending datagram of one
// side through `policy` (which may drop, duplicate or reorder the batch) into the other side.
class Pair {
 public:
  using Policy = std::function<void(Direction, std::vector<Packet>&)>;

  Pair(Config client_config, Config server_config, Rng& client_rng, Rng& server_rng)
      : client(Connection::create(std::move(client_config), client_rng).value()),
        server(Connection::create(std::move(server_config), server_rng).value()) {}

  Connection client;
  Connection server;
  Timestamp now = Timestamp::from_millis(0);
  Policy policy;
  std::vector<Event> client_events;
  std::vector<Event> server_events;
  std::vector<std::vector<uint8_t>> client_sent;  // every datagram the client produced
  std::vector<std::vector<uint8_t>> server_sent;

  // Runs until both sides are quiet and neither has a pending deadline before `limit`.
  void run(Duration limit = Duration::seconds(600)) {
    Timestamp end = now + limit;
    if (client.state() == ConnectionState::kIdle) client.start(now);
    for (int i = 0; i < 100000; ++i) {
      bool moved = pump(client, server, Direction::kClientToServer, client_sent);
      moved = pump(server, client, Direction::kServerToClient, server_sent) || moved;
      drain();
      if (moved) continue;
      std::optional<Timestamp> next;
      for (auto t : {client.poll_timeout(), server.poll_timeout()})
        if (t && (!next || *t < *next)) next = t;
      if (!next || *next > end) break;
      now = std::max(now, *next);
      client.handle_timeout(now);
      server.handle_timeout(now);
    }
    drain();
  }

  bool connected() const {
    return client.state() == ConnectionState::kConnected && server.state() == ConnectionState::kConnected;
  }

  template <class E>
  static const E* find(const std::vector<Event>& events) {
    for (const auto& e : events)
      if (auto* p = std::get_if<E>(&e)) return p;
    return nullptr;
  }

 private:
  bool pump(Connection& from, Connection& to, Direction dir, std::vector<std::vector<uint8_t>>& log) {
    std::vector<Packet> batch;
    while (auto d = from.poll_transmit()) {
      log.push_back(*d);
      batch.push_back(Packet{log.size() - 1, std::move(*d)});
    }
    if (batch.empty()) return false;
    if (policy) policy(dir, batch);
    for (auto& p : batch) to.handle_input(now, p.bytes);
    return true;
  }
  void drain() {
    while (auto e = client.poll_event()) client_events.push_back(std::move(*e));
    while (auto e = server.poll_event()) server_events.push_back(std::move(*e));
  }
};

}  // namespace tern::dtls::test

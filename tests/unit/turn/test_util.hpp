#pragma once
// Helpers for the TURN client tests: a client wired to fixed addresses, and a scripted server side
// that answers the client's requests message by message.
#include <catch2/catch.hpp>

#include <functional>
#include <string>
#include <variant>
#include <vector>

#include "common/rng.hpp"
#include "stun/attributes.hpp"
#include "stun/builder.hpp"
#include "stun/integrity.hpp"
#include "turn/client.hpp"

namespace tern::turn::test {

inline const SocketAddress kServer(IpAddress::v4(192, 0, 2, 1), 3478);
inline const SocketAddress kLocal(IpAddress::v4(10, 0, 0, 1), 5000);
inline const SocketAddress kMapped(IpAddress::v4(198, 51, 100, 7), 40000);
inline const SocketAddress kRelayed(IpAddress::v4(192, 0, 2, 1), 49152);
inline const SocketAddress kPeer(IpAddress::v4(203, 0, 113, 5), 6000);
inline constexpr const char* kRealm = "tern.test";
inline constexpr const char* kNonce = "nonce-1";

inline ClientConfig default_config(ServerTransport transport = ServerTransport::kUdp) {
  ClientConfig c;
  c.server = kServer;
  c.local = kLocal;
  c.transport = transport;
  c.username = "alice";
  c.password = "alice-pw";
  c.software = "tern test";
  return c;
}

inline std::vector<uint8_t> key_for(std::string_view realm = kRealm,
                                    stun::PasswordAlgorithm algorithm = stun::PasswordAlgorithm::kMd5) {
  auto k = stun::long_term_key("alice", realm, "alice-pw", algorithm);
  REQUIRE(k.ok());
  return {k->view().begin(), k->view().end()};
}

// A request the client sent, kept with its bytes so the parsed view stays valid.
struct Sent {
  std::vector<uint8_t> bytes;
  stun::Message message;
};

// The next transmit, which must be a STUN message to the server.
inline std::unique_ptr<Sent> next_message(Client& client) {
  auto t = client.poll_transmit();
  REQUIRE(t);
  CHECK(t->destination == kServer);
  CHECK(t->source == client.config().local);
  auto s = std::make_unique<Sent>();
  s->bytes = std::move(t->payload);
  REQUIRE(stun::parse(s->bytes, s->message).ok());
  return s;
}

using AddFn = std::function<void(stun::MessageBuilder&)>;

// A response to `request`: code 0 = success; signed with `key` when it is not empty.
inline std::vector<uint8_t> response(const stun::Message& request, uint16_t code, const AddFn& add,
                                     const std::vector<uint8_t>& key) {
  std::vector<uint8_t> out;
  const auto c = code ? stun::MessageClass::kErrorResponse : stun::MessageClass::kSuccessResponse;
  stun::MessageBuilder b(out, {request.method(), c}, request.transaction_id());
  if (code) b.add(stun::ErrorCode{code, stun::default_reason_phrase(code)});
  if (add) add(b);
  if (!key.empty()) b.add_message_integrity(key);
  b.add_fingerprint();
  REQUIRE(b.finish().ok());
  return out;
}

inline AddFn challenge(std::string nonce = kNonce) {
  return [nonce](stun::MessageBuilder& b) {
    b.add(stun::Realm{kRealm});
    b.add(stun::Nonce{nonce});
  };
}

inline void deliver(Client& client, Timestamp now, const std::vector<uint8_t>& bytes, SocketAddress from = kServer) {
  Datagram d;
  d.source = from;
  d.destination = client.config().local;
  d.payload = bytes;
  client.handle_input(now, d);
}

template <class T>
std::vector<T> events_of(Client& client) {
  std::vector<T> out;
  while (auto e = client.poll_event()) {
    if (auto* v = std::get_if<T>(&*e)) out.push_back(*v);
  }
  return out;
}

// Runs the 401 dance and the success response; returns the client's Allocated event.
inline Allocated allocate(Client& client, Timestamp now, uint32_t lifetime = 600) {
  REQUIRE(client.allocate(now).ok());
  auto first = next_message(client);
  deliver(client, now, response(first->message, 401, challenge(), {}));
  auto second = next_message(client);
  REQUIRE(second->message.has(stun::AttributeType::kMessageIntegrity));
  deliver(client, now, response(second->message, 0, [&](stun::MessageBuilder& b) {
    b.add(stun::XorRelayedAddress{kRelayed});
    b.add(stun::Lifetime{lifetime});
    b.add(stun::XorMappedAddress{kMapped});
  }, key_for()));
  auto allocated = events_of<Allocated>(client);
  REQUIRE(allocated.size() == 1);
  REQUIRE(client.state() == Client::State::kAllocated);
  return allocated[0];
}

}  // namespace tern::turn::test

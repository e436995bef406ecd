// The TURN client against a scripted server, message by message: RFC 8656 §7 (Allocate and the
// long-term credential dance of RFC 8489 §9.2), §8 (Refresh), §9 (CreatePermission), §11 (Send and
// Data indications), §12 (ChannelBind and ChannelData), and the failure table of §7.4.
#include <catch2/catch.hpp>

#include "stun/fingerprint.hpp"
#include "stun/nonce.hpp"
#include "test_util.hpp"
#include "turn/describe.hpp"

namespace tern::turn::test {
namespace {

const Timestamp kT0 = Timestamp::from_millis(1000);

TEST_CASE("Allocate: no credentials first, then USERNAME/REALM/NONCE/MESSAGE-INTEGRITY after the 401",
          "[turn][client]") {
  SeededRng rng(1);
  Client client(default_config(), rng);
  REQUIRE(client.allocate(kT0).ok());
  CHECK(client.state() == Client::State::kAllocating);

  auto first = next_message(client);
  const stun::Message& m1 = first->message;
  CHECK(m1.method() == stun::Method::kAllocate);
  CHECK(m1.message_class() == stun::MessageClass::kRequest);
  // RFC 8656 §7.1: REQUESTED-TRANSPORT UDP (17), the requested LIFETIME, no credentials yet.
  auto transport = stun::get<stun::RequestedTransport>(m1);
  REQUIRE(transport.ok());
  CHECK(transport->protocol == 17);
  CHECK(stun::get<stun::Lifetime>(m1)->seconds == 600);
  CHECK_FALSE(m1.has(stun::AttributeType::kRequestedAddressFamily));  // IPv4: omitted
  CHECK_FALSE(m1.has(stun::AttributeType::kUsername));
  CHECK_FALSE(m1.has(stun::AttributeType::kMessageIntegrity));
  CHECK(stun::get<stun::Software>(m1)->text == "tern test");
  CHECK(stun::verify_fingerprint(m1).ok());
  CHECK_FALSE(client.poll_transmit());

  deliver(client, kT0, response(m1, 401, challenge(), {}));
  CHECK(client.credentials().ready());
  CHECK(client.credentials().realm() == kRealm);
  auto second = next_message(client);
  const stun::Message& m2 = second->message;
  CHECK(m2.method() == stun::Method::kAllocate);
  CHECK(m2.transaction_id() != m1.transaction_id());  // a new transaction (RFC 8489 §9.2.5)
  CHECK(stun::get<stun::Username>(m2)->text == "alice");
  CHECK(stun::get<stun::Realm>(m2)->text == kRealm);
  CHECK(stun::get<stun::Nonce>(m2)->text == kNonce);
  CHECK(stun::get<stun::RequestedTransport>(m2).ok());
  // RFC 8489 §9.2.2: key = MD5(username ":" realm ":" password).
  CHECK(stun::verify_message_integrity(m2, key_for()).ok());
  // An RFC 5389 server (no nonce cookie): no MESSAGE-INTEGRITY-SHA256, no PASSWORD-ALGORITHM.
  CHECK_FALSE(m2.has(stun::AttributeType::kMessageIntegritySha256));
  CHECK_FALSE(m2.has(stun::AttributeType::kPasswordAlgorithm));
  CHECK(stun::verify_fingerprint(m2).ok());

  const Timestamp t1 = kT0 + Duration::millis(30);
  deliver(client, t1, response(m2, 0, [](stun::MessageBuilder& b) {
    b.add(stun::XorRelayedAddress{kRelayed});
    b.add(stun::Lifetime{600});
    b.add(stun::XorMappedAddress{kMapped});
  }, key_for()));
  auto e = client.poll_event();
  REQUIRE(e);
  auto* allocated = std::get_if<Allocated>(&*e);
  REQUIRE(allocated);
  CHECK(allocated->relayed == kRelayed);
  CHECK(allocated->mapped == kMapped);
  CHECK(allocated->lifetime == Duration::seconds(600));
  CHECK(client.state() == Client::State::kAllocated);
  CHECK(client.relayed_address() == kRelayed);
  CHECK(client.mapped_address() == kMapped);
  // The lifetime counts from when the request was sent; the refresh is due a minute early.
  CHECK(client.expires_at() == kT0 + Duration::seconds(600));
  CHECK(client.poll_timeout() == kT0 + Duration::seconds(540));
  CHECK(describe(*e) == "Allocated relayed=192.0.2.1:49152 mapped=198.51.100.7:40000 lifetime=600s");
  const std::string dump = describe(client, t1);
  CHECK(dump.find("state allocated") != std::string::npos);
  CHECK(dump.find("relayed: 192.0.2.1:49152") != std::string::npos);
}

TEST_CASE("IPv6 relay: REQUESTED-ADDRESS-FAMILY and the IPv6 XOR-RELAYED-ADDRESS of a dual answer",
          "[turn][client]") {
  SeededRng rng(2);
  ClientConfig config = default_config();
  config.relay_family = IpFamily::kV6;
  Client client(config, rng);
  REQUIRE(client.allocate(kT0).ok());
  auto first = next_message(client);
  auto family = stun::get<stun::RequestedAddressFamily>(first->message);
  REQUIRE(family.ok());
  CHECK(family->family == stun::AddressFamily::kIpv6);
  deliver(client, kT0, response(first->message, 401, challenge(), {}));
  auto second = next_message(client);
  const SocketAddress relayed6(*IpAddress::parse("2001:db8::1"), 50000);
  deliver(client, kT0, response(second->message, 0, [&](stun::MessageBuilder& b) {
    b.add(stun::XorRelayedAddress{kRelayed});  // an IPv4 one first: not what was asked for
    b.add(stun::XorRelayedAddress{relayed6});
    b.add(stun::Lifetime{600});
    b.add(stun::XorMappedAddress{kMapped});
  }, key_for()));
  auto allocated = events_of<Allocated>(client);
  REQUIRE(allocated.size() == 1);
  CHECK(allocated[0].relayed == relayed6);
  // Peers must be of the relayed family (RFC 8656 §10.2).
  auto bad = client.create_permission(kT0, kPeer.ip());
  REQUIRE_FALSE(bad.ok());
  CHECK(bad.error().is(TurnErrc::kFamilyMismatch));
}

TEST_CASE("Allocate error responses end the client with the matching failure", "[turn][client]") {
  struct Row {
    uint16_t code;
    FailureReason reason;
  };
  const Row rows[] = {
      {437, FailureReason::kAllocationMismatch},   {441, FailureReason::kWrongCredentials},
      {486, FailureReason::kQuotaReached},         {508, FailureReason::kInsufficientCapacity},
      {440, FailureReason::kAddressFamilyNotSupported}, {442, FailureReason::kUnsupportedTransport},
      {403, FailureReason::kForbidden},            {500, FailureReason::kServerError},
      {400, FailureReason::kServerError},
  };
  for (const Row& row : rows) {
    INFO("error " << row.code);
    SeededRng rng(row.code);
    Client client(default_config(), rng);
    REQUIRE(client.allocate(kT0).ok());
    auto first = next_message(client);
    deliver(client, kT0, response(first->message, 401, challenge(), {}));
    auto second = next_message(client);
    deliver(client, kT0, response(second->message, row.code, {}, key_for()));
    auto failed = events_of<Failed>(client);
    REQUIRE(failed.size() == 1);
    CHECK(failed[0].reason == row.reason);
    CHECK(failed[0].error_code == row.code);
    CHECK(client.state() == Client::State::kFailed);
    CHECK_FALSE(client.poll_timeout());
    CHECK_FALSE(client.poll_transmit());
  }
}

TEST_CASE("401 after credentials: bounded retries, then kUnauthenticated", "[turn][client]") {
  SeededRng rng(3);
  Client client(default_config(), rng);  // max_auth_retries = 2
  REQUIRE(client.allocate(kT0).ok());
  int requests = 0;
  while (auto t = client.poll_transmit()) {
    ++requests;
    stun::Message m;
    REQUIRE(stun::parse(t->payload, m).ok());
    deliver(client, kT0, response(m, 401, challenge(), {}));
    REQUIRE(requests < 10);
  }
  CHECK(requests == 3);  // unauthenticated, then two signed attempts
  auto failed = events_of<Failed>(client);
  REQUIRE(failed.size() == 1);
  CHECK(failed[0].reason == FailureReason::kUnauthenticated);
  CHECK(failed[0].error_code == 401);
  CHECK(describe(Event{failed[0]}) == "Failed unauthenticated (error 401)");
}

TEST_CASE("438 Stale Nonce: retry with the new nonce; a loop of them fails", "[turn][client]") {
  SeededRng rng(4);
  Client client(default_config(), rng);
  allocate(client, kT0);
  REQUIRE(client.create_permission(kT0, kPeer.ip()).ok());
  auto req = next_message(client);
  CHECK(req->message.method() == stun::Method::kCreatePermission);
  CHECK(stun::get<stun::XorPeerAddress>(req->message)->address == SocketAddress(kPeer.ip(), 0));
  deliver(client, kT0, response(req->message, 438, challenge("nonce-2"), {}));
  auto retry = next_message(client);
  CHECK(stun::get<stun::Nonce>(retry->message)->text == "nonce-2");
  CHECK(stun::verify_message_integrity(retry->message, key_for()).ok());
  deliver(client, kT0, response(retry->message, 0, {}, key_for()));
  auto created = events_of<PermissionCreated>(client);
  REQUIRE(created.size() == 1);
  CHECK(created[0].peer == kPeer.ip());
  CHECK(client.has_permission(kPeer.ip()));

  // Now a server that keeps answering 438 to the Refresh.
  REQUIRE(client.refresh(kT0).ok());
  int n = 0;
  while (auto t = client.poll_transmit()) {
    stun::Message m;
    REQUIRE(stun::parse(t->payload, m).ok());
    CHECK(m.method() == stun::Method::kRefresh);
    deliver(client, kT0, response(m, 438, challenge("nonce-" + std::to_string(10 + n++)), {}));
    REQUIRE(n < 10);
  }
  CHECK(n == 4);  // the first try and max_stale_nonce_retries (3) retries
  auto failed = events_of<Failed>(client);
  REQUIRE(failed.size() == 1);
  CHECK(failed[0].reason == FailureReason::kStaleNonceLoop);
}

TEST_CASE("responses that fail integrity are dropped; the transaction keeps waiting", "[turn][client]") {
  SeededRng rng(5);
  Client client(default_config(), rng);
  REQUIRE(client.allocate(kT0).ok());
  auto first = next_message(client);
  deliver(client, kT0, response(first->message, 401, challenge(), {}));
  auto second = next_message(client);
  auto add = [](stun::MessageBuilder& b) {
    b.add(stun::XorRelayedAddress{kRelayed});
    b.add(stun::Lifetime{600});
  };
  deliver(client, kT0, response(second->message, 0, add, {}));                                // unsigned
  deliver(client, kT0, response(second->message, 0, add, key_for("other.realm")));             // wrong key
  CHECK(client.counters().integrity_failures == 2);
  CHECK(client.state() == Client::State::kAllocating);
  deliver(client, kT0, response(second->message, 0, add, key_for()));
  CHECK(client.state() == Client::State::kAllocated);
  // A late duplicate matches nothing.
  deliver(client, kT0, response(second->message, 0, add, key_for()));
  CHECK(client.counters().unmatched_responses == 1);
}

TEST_CASE("a success without XOR-RELAYED-ADDRESS or LIFETIME is a bad response", "[turn][client]") {
  for (int missing = 0; missing < 2; ++missing) {
    SeededRng rng(6);
    Client client(default_config(), rng);
    REQUIRE(client.allocate(kT0).ok());
    auto first = next_message(client);
    deliver(client, kT0, response(first->message, 401, challenge(), {}));
    auto second = next_message(client);
    deliver(client, kT0, response(second->message, 0, [&](stun::MessageBuilder& b) {
      if (missing != 0) b.add(stun::XorRelayedAddress{kRelayed});
      if (missing != 1) b.add(stun::Lifetime{600});
    }, key_for()));
    auto failed = events_of<Failed>(client);
    REQUIRE(failed.size() == 1);
    CHECK(failed[0].reason == FailureReason::kBadResponse);
  }
}

TEST_CASE("an unanswered Allocate times out after the RFC 8489 §6.2.1 schedule", "[turn][client]") {
  SeededRng rng(7);
  Client client(default_config(), rng);
  REQUIRE(client.allocate(kT0).ok());
  int sends = 0;
  std::optional<Timestamp> last;
  for (int guard = 0; guard < 20 && client.state() == Client::State::kAllocating; ++guard) {
    while (client.poll_transmit()) ++sends;
    last = client.poll_timeout();
    REQUIRE(last);
    client.handle_timeout(*last);
  }
  CHECK(sends == 7);
  CHECK(*last == kT0 + Duration::millis(39500));
  auto failed = events_of<Failed>(client);
  REQUIRE(failed.size() == 1);
  CHECK(failed[0].reason == FailureReason::kTimeout);
}

TEST_CASE("calls in the wrong state return clear errors", "[turn][client]") {
  SeededRng rng(8);
  Client client(default_config(), rng);
  const std::vector<uint8_t> data = {1, 2, 3};
  CHECK(client.send_to(kPeer, data).error().is(TurnErrc::kNotAllocated));
  CHECK(client.create_permission(kT0, kPeer.ip()).error().is(TurnErrc::kNotAllocated));
  CHECK(client.bind_channel(kT0, kPeer).error().is(TurnErrc::kNotAllocated));
  CHECK(client.refresh(kT0).error().is(TurnErrc::kNotAllocated));
  CHECK(client.deallocate(kT0).error().is(TurnErrc::kNotAllocated));
  CHECK(client.handle_stream_data(kT0, data).error().is(TurnErrc::kNotAStreamTransport));
  CHECK_FALSE(client.poll_timeout());

  allocate(client, kT0);
  CHECK(client.allocate(kT0).error().is(TurnErrc::kAlreadyStarted));
  CHECK(client.send_to(kPeer, data).error().is(TurnErrc::kNoPermission));
  const SocketAddress v6_peer(*IpAddress::parse("2001:db8::5"), 9);
  CHECK(client.send_to(v6_peer, data).error().is(TurnErrc::kFamilyMismatch));
  CHECK(client.bind_channel(kT0, v6_peer).error().is(TurnErrc::kFamilyMismatch));

  ClientConfig long_name = default_config();
  long_name.username = std::string(600, 'u');  // RFC 8489 §14.3: fewer than 509 bytes
  SeededRng rng2(9);
  Client bad(long_name, rng2);
  auto s = bad.allocate(kT0);
  REQUIRE_FALSE(s.ok());
  CHECK(s.error().is(stun::StunErrc::kValueTooLong));
  CHECK(bad.state() == Client::State::kIdle);
}

TEST_CASE("Send and Data indications; channels switch sending to ChannelData", "[turn][client]") {
  SeededRng rng(10);
  Client client(default_config(), rng);
  allocate(client, kT0);
  REQUIRE(client.create_permission(kT0, kPeer.ip()).ok());
  auto perm = next_message(client);
  // Before the permission is confirmed, sending is allowed (the server may drop it).
  const std::vector<uint8_t> hello = {'h', 'e', 'l', 'l', 'o'};
  REQUIRE(client.send_to(kPeer, hello).ok());
  auto send = next_message(client);
  CHECK(send->message.method() == stun::Method::kSend);
  CHECK(send->message.message_class() == stun::MessageClass::kIndication);
  CHECK(stun::get<stun::XorPeerAddress>(send->message)->address == kPeer);
  auto payload = stun::get<stun::Data>(send->message);
  CHECK(std::vector<uint8_t>(payload->data.begin(), payload->data.end()) == hello);
  // RFC 8656 §11.1: no MESSAGE-INTEGRITY on indications.
  CHECK_FALSE(send->message.has(stun::AttributeType::kMessageIntegrity));
  deliver(client, kT0, response(perm->message, 0, {}, key_for()));

  // A Data indication from the peer.
  auto data_indication = [&](const SocketAddress& from, const std::vector<uint8_t>& bytes, bool with_peer) {
    std::vector<uint8_t> out;
    stun::MessageBuilder b(out, {stun::Method::kData, stun::MessageClass::kIndication}, stun::TransactionId{});
    if (with_peer) b.add(stun::XorPeerAddress{from});
    b.add(stun::Data{bytes});
    REQUIRE(b.finish().ok());
    return out;
  };
  deliver(client, kT0, data_indication(kPeer, hello, true));
  auto data = events_of<Data>(client);
  REQUIRE(data.size() == 1);
  CHECK(data[0].peer == kPeer);
  CHECK(data[0].bytes == hello);
  CHECK_FALSE(data[0].via_channel);
  // RFC 8656 §11.4: no XOR-PEER-ADDRESS -> discarded; a peer without permission -> discarded.
  deliver(client, kT0, data_indication(kPeer, hello, false));
  deliver(client, kT0, data_indication(SocketAddress(IpAddress::v4(203, 0, 113, 99), 1), hello, true));
  CHECK(events_of<Data>(client).empty());
  CHECK(client.counters().malformed == 1);
  CHECK(client.counters().no_permission == 1);
  // RFC 8656 §11.6: an ICMP report (ICMP attribute, no DATA) is neither data nor malformed.
  std::vector<uint8_t> icmp;
  stun::MessageBuilder ib(icmp, {stun::Method::kData, stun::MessageClass::kIndication}, stun::TransactionId{});
  ib.add(stun::XorPeerAddress{kPeer});
  ib.add(stun::Icmp{3, 3, 0});
  REQUIRE(ib.finish().ok());
  deliver(client, kT0, icmp);
  CHECK(events_of<Data>(client).empty());
  CHECK(client.counters().ignored == 1);
  CHECK(client.counters().malformed == 1);

  // ChannelBind.
  auto number = client.bind_channel(kT0, kPeer);
  REQUIRE(number.ok());
  CHECK(*number == 0x4000);
  CHECK(*client.bind_channel(kT0, kPeer) == 0x4000);  // idempotent
  auto bind = next_message(client);
  CHECK(bind->message.method() == stun::Method::kChannelBind);
  CHECK(stun::get<stun::ChannelNumber>(bind->message)->channel == 0x4000);
  CHECK(stun::get<stun::XorPeerAddress>(bind->message)->address == kPeer);
  CHECK(stun::verify_message_integrity(bind->message, key_for()).ok());
  // Until bound: still a Send indication.
  REQUIRE(client.send_to(kPeer, hello).ok());
  CHECK(next_message(client)->message.method() == stun::Method::kSend);
  deliver(client, kT0, response(bind->message, 0, {}, key_for()));
  auto bound = events_of<ChannelBound>(client);
  REQUIRE(bound.size() == 1);
  CHECK(bound[0].channel == 0x4000);
  CHECK(client.channel_of(kPeer) == 0x4000);

  REQUIRE(client.send_to(kPeer, hello).ok());
  auto t = client.poll_transmit();
  REQUIRE(t);
  // RFC 8656 §12.4: channel number, length, data; UDP: no padding.
  CHECK(t->payload == std::vector<uint8_t>{0x40, 0x00, 0x00, 0x05, 'h', 'e', 'l', 'l', 'o'});

  // ChannelData from the server, on our channel and on an unknown one (RFC 8656 §12.6).
  deliver(client, kT0, {0x40, 0x00, 0x00, 0x02, 'o', 'k', 0, 0});
  deliver(client, kT0, {0x40, 0x07, 0x00, 0x01, 'x'});
  data = events_of<Data>(client);
  REQUIRE(data.size() == 1);
  CHECK(data[0].peer == kPeer);
  CHECK(data[0].bytes == std::vector<uint8_t>{'o', 'k'});
  CHECK(data[0].via_channel);
  CHECK(client.counters().unknown_channel == 1);

  std::vector<uint8_t> huge(70000);
  CHECK(client.send_to(kPeer, huge).error().is(TurnErrc::kDataTooLarge));
}

TEST_CASE("handle_input: only datagrams from the server that are ours are consumed", "[turn][client]") {
  SeededRng rng(11);
  Client client(default_config(), rng);
  allocate(client, kT0);
  Datagram d;
  d.destination = kLocal;
  const std::vector<uint8_t> garbage = {0xFF, 0x00, 0x01};
  d.payload = garbage;
  d.source = kPeer;
  CHECK_FALSE(client.handle_input(kT0, d));  // not from the server
  d.source = kServer;
  CHECK_FALSE(client.handle_input(kT0, d));  // from the server, but not STUN/ChannelData
  CHECK(client.counters().malformed == 1);
  // A Binding response for someone else's transaction (e.g. ICE sharing the socket).
  std::vector<uint8_t> other;
  stun::MessageBuilder b(other, {stun::Method::kBinding, stun::MessageClass::kSuccessResponse}, stun::TransactionId{});
  REQUIRE(b.finish().ok());
  d.payload = other;
  CHECK_FALSE(client.handle_input(kT0, d));
  // A corrupted FINGERPRINT is dropped.
  std::vector<uint8_t> bad_fp;
  stun::MessageBuilder b2(bad_fp, {stun::Method::kData, stun::MessageClass::kIndication}, stun::TransactionId{});
  b2.add(stun::XorPeerAddress{kPeer});
  b2.add_fingerprint();
  REQUIRE(b2.finish().ok());
  bad_fp.back() ^= 1;
  d.payload = bad_fp;
  client.handle_input(kT0, d);
  CHECK(client.counters().bad_fingerprint == 1);
  CHECK(client.state() == Client::State::kAllocated);
}

TEST_CASE("Refresh: automatic before expiry; 437 loses the allocation; errors retry until expiry",
          "[turn][client]") {
  SeededRng rng(12);
  Client client(default_config(), rng);
  allocate(client, kT0, 600);
  const Timestamp due = kT0 + Duration::seconds(540);
  CHECK(client.poll_timeout() == due);
  client.handle_timeout(due);
  auto refresh = next_message(client);
  CHECK(refresh->message.method() == stun::Method::kRefresh);
  CHECK(stun::get<stun::Lifetime>(refresh->message)->seconds == 600);
  CHECK(stun::verify_message_integrity(refresh->message, key_for()).ok());
  deliver(client, due, response(refresh->message, 0, [](stun::MessageBuilder& b) { b.add(stun::Lifetime{300}); },
                                key_for()));
  auto refreshed = events_of<Refreshed>(client);
  REQUIRE(refreshed.size() == 1);
  CHECK(refreshed[0].lifetime == Duration::seconds(300));
  CHECK(client.expires_at() == due + Duration::seconds(300));
  CHECK(client.poll_timeout() == due + Duration::seconds(240));

  SECTION("437 to a Refresh: the allocation is gone") {
    REQUIRE(client.refresh(due).ok());
    auto r = next_message(client);
    deliver(client, due, response(r->message, 437, {}, key_for()));
    auto failed = events_of<Failed>(client);
    REQUIRE(failed.size() == 1);
    CHECK(failed[0].reason == FailureReason::kAllocationMismatch);
  }
  SECTION("500 to every Refresh: retried half-way to expiry, then kAllocationExpired") {
    const Timestamp expiry = *client.expires_at();
    int refreshes = 0;
    for (int guard = 0; guard < 100 && client.state() == Client::State::kAllocated; ++guard) {
      auto next = client.poll_timeout();
      REQUIRE(next);
      REQUIRE(*next <= expiry);
      client.handle_timeout(*next);
      while (auto t = client.poll_transmit()) {
        stun::Message m;
        REQUIRE(stun::parse(t->payload, m).ok());
        ++refreshes;
        deliver(client, *next, response(m, 500, {}, key_for()));
      }
    }
    CHECK(refreshes > 3);
    auto failed = events_of<Failed>(client);
    REQUIRE(failed.size() == 1);
    CHECK(failed[0].reason == FailureReason::kAllocationExpired);
  }
}

TEST_CASE("deallocate: Refresh with LIFETIME 0, then Deallocated (437 counts as done)", "[turn][client]") {
  for (uint16_t code : {uint16_t{0}, uint16_t{437}}) {
    INFO("answer " << code);
    SeededRng rng(13);
    Client client(default_config(), rng);
    allocate(client, kT0);
    REQUIRE(client.create_permission(kT0, kPeer.ip()).ok());
    (void)next_message(client);
    REQUIRE(client.deallocate(kT0).ok());
    CHECK(client.state() == Client::State::kDeallocating);
    auto r = next_message(client);
    CHECK(r->message.method() == stun::Method::kRefresh);
    CHECK(stun::get<stun::Lifetime>(r->message)->seconds == 0);
    deliver(client, kT0, response(r->message, code, [&](stun::MessageBuilder& b) {
      if (code == 0) b.add(stun::Lifetime{0});
    }, key_for()));
    CHECK(events_of<Deallocated>(client).size() == 1);
    CHECK(client.state() == Client::State::kClosed);
    CHECK(client.permissions().size() == 0);
    CHECK_FALSE(client.poll_timeout());
  }
}

TEST_CASE("permission and channel failures are per peer; lapsed ones are reported", "[turn][client]") {
  SeededRng rng(14);
  Client client(default_config(), rng);
  allocate(client, kT0);
  REQUIRE(client.create_permission(kT0, kPeer.ip()).ok());
  auto perm = next_message(client);
  deliver(client, kT0, response(perm->message, 403, {}, key_for()));
  auto failed = events_of<PermissionFailed>(client);
  REQUIRE(failed.size() == 1);
  CHECK(failed[0].peer == kPeer.ip());
  CHECK(failed[0].error_code == 403);
  CHECK(client.state() == Client::State::kAllocated);
  CHECK(client.permissions().size() == 0);

  REQUIRE(client.bind_channel(kT0, kPeer).ok());
  auto bind = next_message(client);
  deliver(client, kT0, response(bind->message, 400, {}, key_for()));
  auto bind_failed = events_of<ChannelBindFailed>(client);
  REQUIRE(bind_failed.size() == 1);
  CHECK(bind_failed[0].channel == 0x4000);
  CHECK(bind_failed[0].error_code == 400);
  // A new bind gets the next number (numbers are not reused at once, RFC 8656 §12).
  CHECK(*client.bind_channel(kT0, kPeer) == 0x4001);
}

TEST_CASE("PASSWORD-ALGORITHMS from an RFC 8489 server: SHA-256 key, list echoed, SHA-256 integrity",
          "[turn][client]") {
  SeededRng rng(15);
  Client client(default_config(), rng);
  REQUIRE(client.allocate(kT0).ok());
  auto first = next_message(client);
  const std::string nonce = stun::make_nonce(stun::security_features::kPasswordAlgorithms, "abc");
  deliver(client, kT0, response(first->message, 401, [&](stun::MessageBuilder& b) {
    b.add(stun::Realm{kRealm});
    b.add(stun::Nonce{nonce});
    stun::PasswordAlgorithms list;
    list.push({static_cast<stun::PasswordAlgorithm>(0x7777), {}});  // unknown: skipped
    list.push({stun::PasswordAlgorithm::kSha256, {}});
    list.push({stun::PasswordAlgorithm::kMd5, {}});
    b.add(list);
  }, {}));
  CHECK(client.credentials().algorithm() == stun::PasswordAlgorithm::kSha256);
  CHECK(client.credentials().uses_sha256_integrity());
  auto second = next_message(client);
  auto echoed = stun::get<stun::PasswordAlgorithms>(second->message);
  REQUIRE(echoed.ok());
  CHECK(echoed->count == 3);
  CHECK(stun::get<stun::PasswordAlgorithmAttribute>(second->message)->entry.algorithm ==
        stun::PasswordAlgorithm::kSha256);
  const auto key = key_for(kRealm, stun::PasswordAlgorithm::kSha256);
  CHECK(key.size() == 32);
  CHECK(stun::verify_message_integrity(second->message, key).ok());
  CHECK(stun::verify_message_integrity_sha256(second->message, key).ok());
}

}  // namespace
}  // namespace tern::turn::test

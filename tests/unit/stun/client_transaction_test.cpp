// ClientTransaction: RFC 8489 §6.2.1 (UDP retransmissions, Rc, Rm) and §6.2.2 (TCP, Ti).
#include <catch2/catch.hpp>

#include <vector>

#include "stun/builder.hpp"
#include "stun/client_transaction.hpp"
#include "test_util.hpp"

namespace tern::stun {
namespace {

const TransactionId kTxid = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12};
const SocketAddress kServer = test::v4({192, 0, 2, 1}, 3478);
const SocketAddress kLocal = test::v4({10, 0, 0, 1}, 5000);

std::vector<uint8_t> request(const TransactionId& id = kTxid) {
  std::vector<uint8_t> out;
  MessageBuilder b(out, {Method::kBinding, MessageClass::kRequest}, id);
  b.add_fingerprint();
  REQUIRE(b.finish().ok());
  return out;
}

std::vector<uint8_t> response(MessageClass c, const TransactionId& id = kTxid) {
  std::vector<uint8_t> out;
  MessageBuilder b(out, {Method::kBinding, c}, id);
  REQUIRE(b.finish().ok());
  return out;
}

// Drives the transaction like an event loop with nothing answering; returns the send times (ms)
// and the time it gave up (ms).
std::pair<std::vector<int64_t>, int64_t> run_silent(ClientTransaction& t) {
  std::vector<int64_t> sends;
  auto first = t.poll_transmit();
  REQUIRE(first);
  CHECK(first->destination == t.destination());
  CHECK(first->source == t.source());
  sends.push_back(0);
  CHECK_FALSE(t.poll_transmit());  // one transmission per due time
  for (int guard = 0; guard < 100; ++guard) {
    auto deadline = t.poll_timeout();
    REQUIRE(deadline);
    t.handle_timeout(*deadline);
    if (t.running()) {
      REQUIRE(t.poll_transmit());
      sends.push_back(deadline->as_millis());
    } else {
      auto e = t.poll_event();
      REQUIRE(e);
      CHECK(e->kind == TransactionEvent::Kind::kTimeout);
      CHECK(e->transmissions == sends.size());
      return {sends, deadline->as_millis()};
    }
  }
  FAIL("transaction never ended");
  return {};
}

TEST_CASE("UDP: Rc=7 transmissions at 0, RTO, 3RTO, ... and failure after Rm*RTO", "[stun][transaction]") {
  struct Row {
    const char* name;
    TransactionConfig config;
    std::vector<int64_t> sends;
    int64_t gives_up;
  };
  TransactionConfig capped;
  capped.max_rto = Duration::millis(1600);
  TransactionConfig short_rto;
  short_rto.rto = Duration::millis(100);
  short_rto.max_transmissions = 3;
  short_rto.final_wait_factor = 4;
  const Row rows[] = {
      // RFC 8489 §6.2.1: "...requests would be sent at times 0 ms, 500 ms, 1500 ms, 3500 ms, 7500 ms,
      // 15500 ms, and 31500 ms. If the client has not received a response after 39500 ms, the
      // client will consider the transaction to have timed out."
      {"RFC defaults", {}, {0, 500, 1500, 3500, 7500, 15500, 31500}, 39500},
      {"interval capped at 1.6 s", capped, {0, 500, 1500, 3100, 4700, 6300, 7900}, 15900},
      {"configured RTO, Rc, Rm", short_rto, {0, 100, 300}, 700},
  };
  for (const auto& row : rows) {
    SECTION(row.name) {
      ClientTransaction t(Timestamp(), request(), kTxid, kServer, kLocal, TransportProtocol::kUdp, row.config);
      auto [sends, gave_up] = run_silent(t);
      CHECK(sends == row.sends);
      CHECK(gave_up == row.gives_up);
      CHECK(t.state() == ClientTransaction::State::kTimedOut);
      CHECK(t.transmissions() == row.sends.size());
      CHECK_FALSE(t.poll_timeout());
      CHECK_FALSE(t.poll_transmit());
    }
  }
}

TEST_CASE("TCP: one transmission, failure after Ti = 39.5 s", "[stun][transaction]") {
  ClientTransaction t(Timestamp::from_millis(1000), request(), kTxid, kServer, kLocal, TransportProtocol::kTcp, {});
  auto tx = t.poll_transmit();
  REQUIRE(tx);
  CHECK(tx->protocol == TransportProtocol::kTcp);
  CHECK_FALSE(t.poll_transmit());
  REQUIRE(t.poll_timeout() == Timestamp::from_millis(40500));
  t.handle_timeout(Timestamp::from_millis(40499));  // early: nothing happens
  CHECK(t.running());
  t.handle_timeout(Timestamp::from_millis(40500));
  CHECK_FALSE(t.poll_transmit());
  auto e = t.poll_event();
  REQUIRE(e);
  CHECK(e->kind == TransactionEvent::Kind::kTimeout);
  CHECK(e->transmissions == 1);
}

TEST_CASE("a response ends the transaction; RTT only without retransmission", "[stun][transaction]") {
  const auto bytes = request();
  SECTION("first transmission answered") {
    ClientTransaction t(Timestamp::from_millis(10), bytes, kTxid, kServer, kLocal, TransportProtocol::kUdp, {});
    auto tx = t.poll_transmit();
    REQUIRE(tx);
    CHECK(tx->payload == bytes);
    const auto ok = response(MessageClass::kSuccessResponse);
    auto m = Message::parse(ok);
    REQUIRE(m.ok());
    CHECK(t.matches(*m));
    CHECK(t.handle_response(Timestamp::from_millis(52), *m));
    auto e = t.poll_event();
    REQUIRE(e);
    CHECK(e->kind == TransactionEvent::Kind::kResponse);
    CHECK(e->response_class == MessageClass::kSuccessResponse);
    CHECK(e->rtt == Duration::millis(42));
    CHECK_FALSE(t.poll_event());
    CHECK_FALSE(t.poll_timeout());
    // A duplicate response is not taken twice.
    CHECK_FALSE(t.handle_response(Timestamp::from_millis(60), *m));
  }
  SECTION("answered after a retransmission: error class, no RTT") {
    ClientTransaction t(Timestamp(), bytes, kTxid, kServer, kLocal, TransportProtocol::kUdp, {});
    REQUIRE(t.poll_transmit());
    t.handle_timeout(Timestamp::from_millis(500));
    REQUIRE(t.poll_transmit());
    const auto err = response(MessageClass::kErrorResponse);
    auto m = Message::parse(err);
    REQUIRE(m.ok());
    CHECK(t.handle_response(Timestamp::from_millis(700), *m));
    auto e = t.poll_event();
    REQUIRE(e);
    CHECK(e->response_class == MessageClass::kErrorResponse);
    CHECK_FALSE(e->rtt);
    CHECK(e->transmissions == 2);
  }
}

TEST_CASE("responses that do not belong are refused", "[stun][transaction]") {
  ClientTransaction t(Timestamp(), request(), kTxid, kServer, kLocal, TransportProtocol::kUdp, {});
  REQUIRE(t.poll_transmit());
  const TransactionId other = {9, 9, 9, 9, 9, 9, 9, 9, 9, 9, 9, 9};
  const auto wrong_id = response(MessageClass::kSuccessResponse, other);
  const auto a_request = request();
  std::vector<uint8_t> indication;
  {
    MessageBuilder b(indication, {Method::kBinding, MessageClass::kIndication}, kTxid);
    REQUIRE(b.finish().ok());
  }
  for (const std::vector<uint8_t>* bytes : std::initializer_list<const std::vector<uint8_t>*>{&wrong_id, &a_request, &indication}) {
    auto m = Message::parse(*bytes);
    REQUIRE(m.ok());
    CHECK_FALSE(t.matches(*m));
    CHECK_FALSE(t.handle_response(Timestamp::from_millis(1), *m));
  }
  CHECK(t.running());
  CHECK_FALSE(t.poll_event());
}

TEST_CASE("cancel stops without an event; a late timeout is harmless", "[stun][transaction]") {
  ClientTransaction t(Timestamp(), request(), kTxid, kServer, kLocal, TransportProtocol::kUdp, {});
  REQUIRE(t.poll_transmit());
  t.handle_timeout(Timestamp::from_millis(100));  // before the RTO: no retransmission
  CHECK_FALSE(t.poll_transmit());
  t.cancel();
  CHECK(t.state() == ClientTransaction::State::kCancelled);
  CHECK_FALSE(t.poll_timeout());
  t.handle_timeout(Timestamp::from_millis(100000));
  CHECK_FALSE(t.poll_transmit());
  CHECK_FALSE(t.poll_event());
}

TEST_CASE("a late driver does not stretch the schedule", "[stun][transaction]") {
  ClientTransaction t(Timestamp(), request(), kTxid, kServer, kLocal, TransportProtocol::kUdp, {});
  REQUIRE(t.poll_transmit());
  t.handle_timeout(Timestamp::from_millis(650));  // 150 ms late
  REQUIRE(t.poll_transmit());
  // The next one is still due at 1500 ms (500 + 2 * 500), not 650 + 1000.
  CHECK(t.poll_timeout() == Timestamp::from_millis(1500));
}

}  // namespace
}  // namespace tern::stun

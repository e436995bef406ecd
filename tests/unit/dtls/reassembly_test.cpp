// RFC 6347 §4.2.3 fragmentation / reassembly, §4.2.4 flights and the retransmission timer,
// §4.2.1 cookies.
#include <catch2/catch.hpp>

#include "dtls/cookie.hpp"
#include "dtls/flight.hpp"
#include "dtls/reassembler.hpp"
#include "dtls_test_util.hpp"

using namespace tern;
using namespace tern::dtls;

namespace {
HandshakeFragment fragment(HandshakeType type, uint16_t seq, const std::vector<uint8_t>& body, uint32_t offset,
                           uint32_t length) {
  HandshakeFragment f;
  f.header = HandshakeHeader{type, static_cast<uint32_t>(body.size()), seq, offset, length};
  f.body = std::span(body).subspan(offset, length);
  return f;
}
std::vector<uint8_t> pattern(size_t n) {
  std::vector<uint8_t> v(n);
  for (size_t i = 0; i < n; ++i) v[i] = static_cast<uint8_t>(i * 7 + 1);
  return v;
}
}  // namespace

TEST_CASE("reassembler: in order, out of order, overlapping, duplicated", "[dtls][reassembler]") {
  auto body = pattern(100);
  Reassembler r;
  // Fragments in reverse order with an overlap and a duplicate.
  CHECK(r.add(fragment(HandshakeType::kCertificate, 0, body, 60, 40), 0) == Reassembler::Outcome::kAccepted);
  CHECK_FALSE(r.pop());
  CHECK(r.add(fragment(HandshakeType::kCertificate, 0, body, 30, 40), 0) == Reassembler::Outcome::kAccepted);
  CHECK(r.add(fragment(HandshakeType::kCertificate, 0, body, 30, 40), 0) == Reassembler::Outcome::kAccepted);
  CHECK_FALSE(r.pop());
  CHECK(r.add(fragment(HandshakeType::kCertificate, 0, body, 0, 31), 0) == Reassembler::Outcome::kAccepted);
  auto m = r.pop();
  REQUIRE(m);
  CHECK(m->type == HandshakeType::kCertificate);
  CHECK(m->message_seq == 0);
  CHECK(m->body == body);
  CHECK(r.next_seq() == 1);
  // A retransmission of the message just delivered is recognised as old.
  CHECK(r.add(fragment(HandshakeType::kCertificate, 0, body, 0, 100), 0) == Reassembler::Outcome::kOld);
}

TEST_CASE("reassembler releases messages in message_seq order", "[dtls][reassembler]") {
  auto a = pattern(10), b = pattern(20), empty = std::vector<uint8_t>{};
  Reassembler r;
  r.reset(3);
  CHECK(r.add(fragment(HandshakeType::kServerHelloDone, 5, empty, 0, 0), 1) == Reassembler::Outcome::kAccepted);
  CHECK(r.add(fragment(HandshakeType::kServerKeyExchange, 4, b, 0, 20), 0) == Reassembler::Outcome::kAccepted);
  CHECK_FALSE(r.pop());  // 3 is missing
  CHECK(r.add(fragment(HandshakeType::kCertificate, 3, a, 0, 10), 0) == Reassembler::Outcome::kAccepted);
  auto m3 = r.pop();
  auto m4 = r.pop();
  auto m5 = r.pop();
  REQUIRE(m3);
  REQUIRE(m4);
  REQUIRE(m5);
  CHECK(m3->message_seq == 3);
  CHECK(m4->body == b);
  CHECK(m5->body.empty());
  CHECK(m5->epoch == 1);
  CHECK_FALSE(r.pop());
}

TEST_CASE("reassembler drop table", "[dtls][reassembler]") {
  auto body = pattern(50);
  Reassembler r;
  r.reset(10);
  CHECK(r.add(fragment(HandshakeType::kFinished, 9, body, 0, 50), 0) == Reassembler::Outcome::kOld);
  CHECK(r.add(fragment(HandshakeType::kFinished, 10 + Reassembler::kMaxAhead, body, 0, 50), 0) ==
        Reassembler::Outcome::kTooFarAhead);
  CHECK(r.add(fragment(HandshakeType::kFinished, 10, body, 0, 10), 0) == Reassembler::Outcome::kAccepted);
  // Same message_seq, different type / length / epoch: inconsistent, dropped.
  CHECK(r.add(fragment(HandshakeType::kCertificate, 10, body, 10, 10), 0) == Reassembler::Outcome::kInconsistent);
  auto longer = pattern(60);
  CHECK(r.add(fragment(HandshakeType::kFinished, 10, longer, 10, 10), 0) == Reassembler::Outcome::kInconsistent);
  CHECK(r.add(fragment(HandshakeType::kFinished, 10, body, 10, 10), 1) == Reassembler::Outcome::kInconsistent);
  HandshakeFragment huge;
  huge.header = HandshakeHeader{HandshakeType::kCertificate, Reassembler::kMaxMessageSize + 1, 11, 0, 0};
  CHECK(r.add(huge, 0) == Reassembler::Outcome::kTooLarge);
  // The consistent fragments still complete the message.
  CHECK(r.add(fragment(HandshakeType::kFinished, 10, body, 10, 40), 0) == Reassembler::Outcome::kAccepted);
  auto m = r.pop();
  REQUIRE(m);
  CHECK(m->body == body);
}

TEST_CASE("reassembler caps disjoint ranges per message", "[dtls][reassembler]") {
  auto body = pattern(1000);
  Reassembler r;
  Reassembler::Outcome last = Reassembler::Outcome::kAccepted;
  // Every other byte: ranges never merge.
  for (uint32_t i = 0; i <= Reassembler::kMaxRanges && last == Reassembler::Outcome::kAccepted; ++i)
    last = r.add(fragment(HandshakeType::kCertificate, 0, body, i * 2, 1), 0);
  CHECK(last == Reassembler::Outcome::kTooLarge);
  // The message was forgotten; a clean retransmission still works.
  CHECK(r.add(fragment(HandshakeType::kCertificate, 0, body, 0, 1000), 0) == Reassembler::Outcome::kAccepted);
  REQUIRE(r.pop());
}

TEST_CASE("flights pack into MTU-sized datagrams and fragment large messages", "[dtls][flight]") {
  Flight flight;
  flight.add(OutgoingMessage{false, HandshakeType::kServerHello, 0, 0, pattern(80)});
  flight.add(OutgoingMessage{false, HandshakeType::kCertificate, 1, 0, pattern(1000)});
  flight.add(OutgoingMessage{false, HandshakeType::kServerHelloDone, 2, 0, {}});
  for (size_t mtu : {size_t{1500}, size_t{300}, size_t{128}}) {
    CAPTURE(mtu);
    RecordLayer records;
    std::vector<std::vector<uint8_t>> datagrams;
    REQUIRE(flight.emit(records, mtu, datagrams).ok());
    if (mtu == 1500) CHECK(datagrams.size() == 1);  // everything shares one datagram
    Reassembler r;
    for (const auto& d : datagrams) {
      CHECK(d.size() <= mtu);
      size_t offset = 0;
      while (offset < d.size()) {
        auto record = parse_record(std::span(d).subspan(offset));
        REQUIRE(record.ok());
        auto payload = record->fragment;
        while (!payload.empty()) {
          auto f = parse_handshake_fragment(payload);
          REQUIRE(f.ok());
          CHECK(r.add(*f, 0) == Reassembler::Outcome::kAccepted);
          payload = payload.subspan(f->size());
        }
        offset += record->size();
      }
    }
    for (const auto& m : flight.messages()) {
      auto got = r.pop();
      REQUIRE(got);
      CHECK(got->type == m.type);
      CHECK(got->body == m.body);
    }
  }
  RecordLayer records;
  std::vector<std::vector<uint8_t>> datagrams;
  auto too_small = flight.emit(records, kRecordHeaderSize + kHandshakeHeaderSize, datagrams);
  REQUIRE_FALSE(too_small.ok());
  CHECK(too_small.error().is(DtlsErrc::kTooLarge));
}

TEST_CASE("retransmission timer doubles to the cap and gives up (RFC 6347 §4.2.4.1)", "[dtls][flight][timer]") {
  RetransmitTimer t(Duration::seconds(1), Duration::seconds(60), 8);
  Timestamp now = Timestamp::from_millis(0);
  CHECK_FALSE(t.deadline());
  t.start(now);
  REQUIRE(t.deadline());
  CHECK(*t.deadline() == now + Duration::seconds(1));
  CHECK_FALSE(t.expired(now + Duration::millis(999)));
  const int64_t expected[] = {2, 4, 8, 16, 32, 60, 60, 60};
  for (int64_t secs : expected) {
    now = *t.deadline();
    REQUIRE(t.expired(now));
    REQUIRE(t.backoff(now));
    CHECK(*t.deadline() - now == Duration::seconds(secs));
  }
  now = *t.deadline();
  CHECK_FALSE(t.backoff(now));
  CHECK_FALSE(t.deadline());
  CHECK(t.retransmits() == 8);
  t.start(now);  // a new flight starts from the initial value again
  CHECK(*t.deadline() - now == Duration::seconds(1));
}

TEST_CASE("HelloVerifyRequest cookies bind the ClientHello parameters", "[dtls][cookie]") {
  SeededRng rng(11);
  CookieAuthority authority(rng);
  ClientHello hello;
  hello.random.fill(5);
  hello.cipher_suites = {0xc02b};
  hello.cookie = authority.make(hello);
  CHECK(hello.cookie.size() == CookieAuthority::kCookieSize);
  CHECK(authority.verify(hello));
  // The cookie does not depend on extensions (clients may not change anything, but the cookie
  // covers what matters: version, random, session_id, suites, compression).
  ClientHello changed = hello;
  changed.random[0] ^= 1;
  CHECK_FALSE(authority.verify(changed));
  changed = hello;
  changed.cipher_suites.push_back(0xc02c);
  CHECK_FALSE(authority.verify(changed));
  auto peer = test::hex("7f00000113881388");
  CHECK_FALSE(authority.verify(hello, peer));
  SeededRng other_rng(12);
  CookieAuthority other(other_rng);
  CHECK_FALSE(other.verify(hello));
  ClientHello none = hello;
  none.cookie.clear();
  CHECK_FALSE(authority.verify(none));
}

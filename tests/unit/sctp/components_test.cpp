// The association's building blocks on their own: RTO estimation, congestion control, receive-side
// TSN tracking, reassembly, the send queue and the retransmission queue.
#include <catch2/catch.hpp>

#include <numeric>
#include <vector>

#include "sctp/congestion_control.hpp"
#include "sctp/errc.hpp"
#include "sctp/reassembly.hpp"
#include "sctp/retransmission_queue.hpp"
#include "sctp/rto_estimator.hpp"
#include "sctp/send_queue.hpp"
#include "sctp/state_cookie.hpp"
#include "sctp/stream_reset.hpp"
#include "sctp_harness.hpp"
#include "sctp/tsn.hpp"
#include "sctp/tsn_tracker.hpp"

namespace tern::sctp {
namespace {

constexpr Timestamp kT0 = Timestamp::from_millis(1000);

TEST_CASE("TSN unwrapping crosses the 32-bit boundary", "[sctp][tsn]") {
  const uint64_t ref = initial_unwrapped_tsn(Tsn(0xfffffffe));
  CHECK(unwrap_tsn(Tsn(0xffffffff), ref) == ref + 1);
  CHECK(unwrap_tsn(Tsn(0), ref) == ref + 2);
  CHECK(unwrap_tsn(Tsn(0xfffffff0), ref) == ref - 14);
  CHECK(wrap_tsn(ref + 2) == Tsn(0));
}

TEST_CASE("RTO estimator follows RFC 9260 §6.3.1", "[sctp][rto]") {
  RtoEstimator rto({Duration::seconds(3), Duration::millis(100), Duration::seconds(60)});
  CHECK(rto.rto() == Duration::seconds(3));  // RTO.Initial before any measurement
  rto.observe(Duration::millis(200));
  // C2: SRTT = R, RTTVAR = R/2, RTO = SRTT + 4 * RTTVAR.
  CHECK(rto.srtt() == Duration::millis(200));
  CHECK(rto.rttvar() == Duration::millis(100));
  CHECK(rto.rto() == Duration::millis(600));
  rto.observe(Duration::millis(100));
  // C3: RTTVAR = 3/4 * 100 + 1/4 * |200 - 100| = 100; SRTT = 7/8 * 200 + 1/8 * 100 = 187.5.
  CHECK(rto.rttvar() == Duration::millis(100));
  CHECK(rto.srtt() == Duration::micros(187500));
  CHECK(rto.rto() == Duration::micros(587500));
  rto.back_off();
  CHECK(rto.rto() == Duration::micros(1175000));
  for (int i = 0; i < 10; ++i) rto.back_off();
  CHECK(rto.rto() == Duration::seconds(60));  // capped at RTO.Max
  // Identical samples drive RTTVAR down, but the RTO stays at or above RTO.Min.
  for (int i = 0; i < 200; ++i) rto.observe(Duration::millis(10));
  CHECK(rto.rto() == Duration::millis(100));
}

TEST_CASE("congestion control: slow start, avoidance, fast recovery, timeout", "[sctp][cc]") {
  const size_t mtu = 1200;
  CongestionControl cc(mtu, 100000);
  CHECK(cc.cwnd() == 4380);  // min(4 * MTU, max(2 * MTU, 4380))
  CHECK(cc.in_slow_start());
  // Slow start: +min(acked, MTU) per SACK that advances the cumulative ack with cwnd in use.
  cc.on_sack(2400, 4800, true, 10, 2400);
  CHECK(cc.cwnd() == 4380 + 1200);
  // Not fully utilized: no growth.
  cc.on_sack(1200, 1000, true, 11, 0);
  CHECK(cc.cwnd() == 5580);
  // Fast retransmit: ssthresh = max(cwnd / 2, 4 * MTU) = 4800, cwnd = ssthresh.
  CHECK(cc.on_fast_retransmit(50));
  CHECK(cc.ssthresh() == 4800);
  CHECK(cc.cwnd() == 4800);
  CHECK(cc.in_fast_recovery());
  CHECK_FALSE(cc.on_fast_retransmit(60));  // no second reduction during recovery
  cc.on_sack(1200, 6000, true, 40, 4800);   // below the exit point: still recovering, no growth
  CHECK(cc.in_fast_recovery());
  CHECK(cc.cwnd() == 4800);
  cc.on_sack(1200, 6000, true, 50, 4800);   // exit point acknowledged
  CHECK_FALSE(cc.in_fast_recovery());
  // Congestion avoidance (cwnd > ssthresh after one more MTU): +1 MTU per cwnd of acked bytes.
  CongestionControl ca(mtu, 4000);
  CHECK_FALSE(ca.in_slow_start());
  ca.on_sack(2400, 4400, true, 1, 2000);
  CHECK(ca.cwnd() == 4380);
  CHECK(ca.partial_bytes_acked() == 2400);
  ca.on_sack(2400, 4400, true, 2, 2000);
  CHECK(ca.cwnd() == 4380 + 1200);
  CHECK(ca.partial_bytes_acked() == 4800 - 4380);
  // T3-rtx: cwnd = 1 MTU.
  ca.on_retransmission_timeout();
  CHECK(ca.cwnd() == 1200);
  CHECK(ca.ssthresh() == 4800);
  // Idle decay halves a large window down to 4 MTU, and never grows a small one.
  CongestionControl idle(mtu, 1000000);
  for (int i = 0; i < 40; ++i) idle.on_sack(1200, 100000, true, static_cast<uint64_t>(i), 100000);
  CHECK(idle.cwnd() == 4380 + 40 * 1200);
  idle.on_idle();
  CHECK(idle.cwnd() == (4380 + 40 * 1200) / 2);
  for (int i = 0; i < 10; ++i) idle.on_idle();
  CHECK(idle.cwnd() == 4 * mtu);
  ca.on_idle();
  CHECK(ca.cwnd() == 1200);
}

TEST_CASE("state cookie: signed round trip; tampering and wrong keys are rejected", "[sctp][cookie]") {
  SeededRng rng(5);
  testing::HmacCookieSigner signer(rng);
  testing::HmacCookieSigner other(rng);
  StateCookie c;
  c.created_at = kT0;
  c.expires_at = kT0 + Duration::seconds(60);
  c.local_tag = 0x01020304;
  c.peer_tag = 0x05060708;
  c.local_tie_tag = 9;
  c.peer_tie_tag = 10;
  c.local_initial_tsn = Tsn(11);
  c.peer_initial_tsn = Tsn(0xfffffff0);
  c.peer_a_rwnd = 131072;
  c.outbound_streams = 1024;
  c.inbound_streams = 65535;
  c.capabilities = StateCookie::kPeerForwardTsn | StateCookie::kPeerReconfig;
  const std::vector<uint8_t> bytes = serialize_signed(c, signer);
  CHECK(bytes.size() == StateCookie::kBodySize + 32);
  auto back = parse_signed(bytes, signer);
  REQUIRE(back.ok());
  CHECK(*back == c);
  // Any flipped bit breaks the MAC (RFC 9260 §5.1.5 step 2).
  for (size_t i = 0; i < bytes.size(); i += 7) {
    auto tampered = bytes;
    tampered[i] ^= 0x10;
    auto r = parse_signed(tampered, signer);
    REQUIRE_FALSE(r.ok());
    CHECK(r.error().is(SctpErrc::kBadValue));
  }
  auto foreign = parse_signed(bytes, other);
  REQUIRE_FALSE(foreign.ok());
  CHECK(foreign.error().is(SctpErrc::kBadValue));
  auto truncated = parse_signed(std::span<const uint8_t>(bytes).first(bytes.size() - 1), signer);
  REQUIRE_FALSE(truncated.ok());
  CHECK(truncated.error().is(SctpErrc::kBadLength));
}

TEST_CASE("stream reset: request sequence numbers and deferred resets (RFC 6525)", "[sctp][stream_reset]") {
  StreamReset r(Tsn(100), Tsn(500));
  // Outgoing: requests start at our Initial TSN and answer the peer's last sequence number.
  const StreamId streams[] = {StreamId(3), StreamId(1), StreamId(3)};
  r.request(streams);
  CHECK(r.pending().size() == 2);
  CHECK(r.is_resetting(StreamId(1)));
  OutgoingSsnResetRequest req = r.make_request(Tsn(42));
  CHECK(req.request_sequence == 100);
  CHECK(req.response_sequence == 499);
  CHECK(req.senders_last_assigned_tsn == Tsn(42));
  CHECK(req.streams == std::vector<StreamId>{StreamId(1), StreamId(3)});
  CHECK(r.request_outstanding());
  // A response to another sequence number is ignored; "In progress" puts the streams back.
  CHECK(r.handle_response({99, ReconfigResult::kSuccessPerformed, {}, {}}).kind ==
        StreamReset::ResponseOutcome::Kind::kIgnored);
  CHECK(r.handle_response({100, ReconfigResult::kInProgress, {}, {}}).kind == StreamReset::ResponseOutcome::Kind::kRetry);
  CHECK(r.pending().size() == 2);
  req = r.make_request(Tsn(42));
  CHECK(req.request_sequence == 101);
  auto done = r.handle_response({101, ReconfigResult::kSuccessPerformed, {}, {}});
  CHECK(done.kind == StreamReset::ResponseOutcome::Kind::kPerformed);
  CHECK(done.streams.size() == 2);
  CHECK_FALSE(r.is_resetting(StreamId(1)));

  // Incoming: the expected sequence number is processed, deferred until the cumulative ack.
  OutgoingSsnResetRequest in;
  in.request_sequence = 500;
  in.streams = {StreamId(7)};
  auto d = r.handle_outgoing_request(in, 1000, 990);
  CHECK(d.result == ReconfigResult::kInProgress);
  CHECK(d.defer);
  CHECK_FALSE(r.on_cumulative_ack(999).has_value());
  auto performed = r.on_cumulative_ack(1000);
  REQUIRE(performed.has_value());
  CHECK(*performed == std::vector<StreamId>{StreamId(7)});
  // The retransmitted request gets the (now final) answer; a retry with a new number is not reset
  // twice; a wrong number is refused.
  CHECK(r.handle_outgoing_request(in, 1000, 1000).result == ReconfigResult::kSuccessPerformed);
  in.request_sequence = 501;
  auto retry = r.handle_outgoing_request(in, 1000, 1000);
  CHECK(retry.result == ReconfigResult::kSuccessPerformed);
  CHECK_FALSE(retry.perform);
  in.request_sequence = 700;
  CHECK(r.handle_outgoing_request(in, 1000, 1000).result == ReconfigResult::kErrorBadSequenceNumber);
  CHECK(r.handle_unsupported_request(502) == ReconfigResult::kDenied);
  CHECK(r.last_peer_request() == 502);
}

TEST_CASE("TSN tracker: cumulative ack, gap blocks, duplicates, FORWARD TSN", "[sctp][tsn]") {
  TsnTracker t(Tsn(0xfffffffe));
  CHECK(t.cumulative_ack() == Tsn(0xfffffffd));
  CHECK(t.check(Tsn(0xfffffffe)) == TsnTracker::Outcome::kNew);
  t.add(Tsn(0xfffffffe));
  CHECK(t.cumulative_ack() == Tsn(0xfffffffe));
  t.add(Tsn(1));  // 0xffffffff and 0 missing
  t.add(Tsn(2));
  t.add(Tsn(5));
  CHECK(t.has_gaps());
  auto gaps = t.gap_blocks(10);
  REQUIRE(gaps.size() == 2);
  CHECK(gaps[0] == GapAckBlock{3, 4});
  CHECK(gaps[1] == GapAckBlock{7, 7});
  CHECK(t.check(Tsn(2)) == TsnTracker::Outcome::kDuplicate);
  CHECK(t.check(Tsn(0xfffffffe)) == TsnTracker::Outcome::kDuplicate);
  CHECK(t.check(wrap_tsn(0xfffffffeu + TsnTracker::kMaxTsnAhead + 1)) == TsnTracker::Outcome::kTooFarAhead);
  t.add(Tsn(0xffffffff));
  t.add(Tsn(0));  // fills the gap: cumulative ack jumps to 2
  CHECK(t.cumulative_ack() == Tsn(2));
  REQUIRE(t.gap_blocks(10).size() == 1);
  CHECK(t.gap_blocks(10)[0] == GapAckBlock{3, 3});
  t.add_duplicate(Tsn(1));
  CHECK(t.take_duplicates() == std::vector<Tsn>{Tsn(1)});
  CHECK(t.take_duplicates().empty());
  // FORWARD TSN to 3 also absorbs the received 5? No: 4 is still missing.
  CHECK(t.forward_to(Tsn(3)));
  CHECK(t.cumulative_ack() == Tsn(3));
  CHECK(t.forward_to(Tsn(4)));
  CHECK(t.cumulative_ack() == Tsn(5));
  CHECK_FALSE(t.has_gaps());
  CHECK_FALSE(t.forward_to(Tsn(1)));
}

DataChunk fragment(uint16_t stream, uint16_t ssn, bool b, bool e, const std::vector<uint8_t>& data,
                   bool unordered = false) {
  DataChunk d;
  d.stream = StreamId(stream);
  d.ssn = ssn;
  d.ppid = 51;
  d.beginning = b;
  d.ending = e;
  d.unordered = unordered;
  d.payload = data;
  return d;
}

TEST_CASE("reassembly: ordered messages leave in SSN order, fragments in any order", "[sctp][reassembly]") {
  Reassembly r(1000);
  const std::vector<uint8_t> a{1, 2}, b{3}, c{4, 5, 6}, d{7};
  // SSN 1 (TSN 13, single) arrives before SSN 0 (TSNs 10-12, fragments out of order).
  REQUIRE(r.add(13, fragment(0, 1, true, true, d)).ok());
  CHECK_FALSE(r.has_message());
  REQUIRE(r.add(12, fragment(0, 0, false, true, c)).ok());
  REQUIRE(r.add(10, fragment(0, 0, true, false, a)).ok());
  CHECK_FALSE(r.has_message());
  CHECK(r.buffered_bytes() == 6);
  REQUIRE(r.add(11, fragment(0, 0, false, false, b)).ok());
  REQUIRE(r.has_message());
  ReceivedMessage m = r.pop();
  CHECK(m.payload == std::vector<uint8_t>{1, 2, 3, 4, 5, 6});
  CHECK(m.ppid == 51);
  REQUIRE(r.has_message());
  CHECK(r.pop().payload == d);
  CHECK(r.buffered_bytes() == 0);
}

TEST_CASE("reassembly: unordered messages leave as soon as complete", "[sctp][reassembly]") {
  Reassembly r(1000);
  const std::vector<uint8_t> a{1}, b{2}, c{3};
  REQUIRE(r.add(21, fragment(2, 0, false, true, b, true)).ok());
  REQUIRE(r.add(30, fragment(2, 0, true, true, c, true)).ok());
  REQUIRE(r.has_message());
  CHECK(r.pop().payload == c);
  REQUIRE(r.add(20, fragment(2, 0, true, false, a, true)).ok());
  REQUIRE(r.has_message());
  ReceivedMessage m = r.pop();
  CHECK(m.unordered);
  CHECK(m.payload == std::vector<uint8_t>{1, 2});
}

TEST_CASE("reassembly: messages above max_message_size are refused", "[sctp][reassembly]") {
  Reassembly r(4);
  const std::vector<uint8_t> three{1, 2, 3};
  REQUIRE(r.add(1, fragment(0, 0, true, false, three)).ok());
  Status s = r.add(2, fragment(0, 0, false, true, three));
  REQUIRE_FALSE(s.ok());
  CHECK(s.error().is(SctpErrc::kMessageTooLarge));
  CHECK(r.buffered_bytes() == 0);
  REQUIRE(r.add(3, fragment(1, 0, true, false, three, true)).ok());
  s = r.add(4, fragment(1, 0, false, true, three, true));
  REQUIRE_FALSE(s.ok());
  CHECK(s.error().is(SctpErrc::kMessageTooLarge));
  CHECK(r.buffered_bytes() == 0);
}

TEST_CASE("reassembly: FORWARD TSN skips abandoned messages and releases the ones behind", "[sctp][reassembly]") {
  Reassembly r(1000);
  const std::vector<uint8_t> x{9};
  // SSN 0: only the first fragment (TSN 1) arrived; SSN 1 complete (TSN 3); SSN 2 complete (TSN 4).
  REQUIRE(r.add(1, fragment(0, 0, true, false, x)).ok());
  REQUIRE(r.add(3, fragment(0, 1, true, true, x)).ok());
  REQUIRE(r.add(4, fragment(0, 2, true, true, x)).ok());
  REQUIRE(r.add(5, fragment(1, 0, true, false, x, true)).ok());  // unordered, abandoned
  CHECK_FALSE(r.has_message());
  const ForwardTsnChunk::SkippedStream skip[] = {{StreamId(0), 0}};
  r.forward(5, skip);
  REQUIRE(r.has_message());
  r.pop();
  REQUIRE(r.has_message());
  r.pop();
  CHECK_FALSE(r.has_message());
  CHECK(r.buffered_bytes() == 0);
}

TEST_CASE("reassembly: deferred stream reset holds newer DATA until performed", "[sctp][reassembly]") {
  Reassembly r(1000);
  const std::vector<uint8_t> x{1};
  REQUIRE(r.add(1, fragment(3, 0, true, true, x)).ok());
  r.pop();
  const StreamId streams[] = {StreamId(3)};
  r.defer_reset(streams, 2);                                  // TSN 2 (SSN 1) still missing
  REQUIRE(r.add(3, fragment(3, 0, true, true, x)).ok());      // post-reset SSN 0: held back
  CHECK_FALSE(r.has_message());
  REQUIRE(r.add(2, fragment(3, 1, true, true, x)).ok());      // pre-reset SSN 1
  REQUIRE(r.has_message());
  r.pop();
  REQUIRE(r.perform_reset(streams).ok());
  REQUIRE(r.has_message());                                   // the held SSN 0 is delivered
  r.pop();
  CHECK(r.buffered_bytes() == 0);
}

TEST_CASE("send queue: fragmentation, round robin, lifetimes, buffered amount", "[sctp][send_queue]") {
  SendQueue q;
  q.push(kT0, StreamId(1), 51, std::vector<uint8_t>(250, 1), {});
  q.push(kT0, StreamId(2), 53, std::vector<uint8_t>(10, 2), {});
  q.push(kT0, StreamId(1), 51, std::vector<uint8_t>(5, 3), {});
  CHECK(q.buffered_amount(StreamId(1)) == 255);
  CHECK(q.total_buffered() == 265);
  q.set_buffered_amount_low_threshold(StreamId(1), 100);
  // Stream 1's first message goes out in 100-byte fragments back to back.
  auto f1 = q.produce(kT0, 100);
  REQUIRE(f1);
  CHECK(f1->stream == StreamId(1));
  CHECK(f1->beginning);
  CHECK_FALSE(f1->ending);
  CHECK(f1->ssn == 0);
  auto f2 = q.produce(kT0, 100);
  CHECK(f2->stream == StreamId(1));
  // 255 - 200 = 55 bytes left on stream 1: it fell below the threshold of 100.
  CHECK(q.take_buffered_amount_low() == std::vector<StreamId>{StreamId(1)});
  auto f3 = q.produce(kT0, 100);
  CHECK(f3->ending);
  CHECK(f3->length == 50);
  // Then stream 2 gets its turn before stream 1's second message.
  auto f4 = q.produce(kT0, 100);
  CHECK(f4->stream == StreamId(2));
  CHECK(f4->beginning);
  CHECK(f4->ending);
  auto f5 = q.produce(kT0, 100);
  CHECK(f5->stream == StreamId(1));
  CHECK(f5->ssn == 1);
  CHECK_FALSE(q.produce(kT0, 100));
  CHECK(q.total_buffered() == 0);

  // A message whose lifetime ended before it was sent is dropped without an SSN.
  SendOptions ttl;
  ttl.max_lifetime = Duration::millis(10);
  q.push(kT0, StreamId(4), 51, std::vector<uint8_t>(5, 4), ttl);
  q.push(kT0, StreamId(4), 51, std::vector<uint8_t>(5, 5), {});
  auto f6 = q.produce(kT0 + Duration::millis(20), 100);
  REQUIRE(f6);
  CHECK(f6->ssn == 0);
  CHECK((*f6->message)[0] == 5);
  CHECK(q.expired_unsent() == 1);
}

TEST_CASE("send queue: buffered amount low fires on the downward crossing", "[sctp][send_queue]") {
  SendQueue q;
  q.set_buffered_amount_low_threshold(StreamId(1), 100);
  q.push(kT0, StreamId(1), 51, std::vector<uint8_t>(250, 1), {});
  q.produce(kT0, 100);  // 150 left
  CHECK(q.take_buffered_amount_low().empty());
  q.produce(kT0, 100);  // 50 left: crossed
  CHECK(q.take_buffered_amount_low() == std::vector<StreamId>{StreamId(1)});
  q.produce(kT0, 100);  // 0 left: already below
  CHECK(q.take_buffered_amount_low().empty());
}

TEST_CASE("send queue: stream idleness and the SSN reset", "[sctp][send_queue]") {
  SendQueue q;
  q.push(kT0, StreamId(1), 51, std::vector<uint8_t>(150, 1), {});
  q.push(kT0, StreamId(1), 51, std::vector<uint8_t>(10, 2), {});
  CHECK(q.stream_idle(StreamId(1)));
  auto f = q.produce(kT0, 100);
  CHECK(f->ssn == 0);
  CHECK_FALSE(q.stream_idle(StreamId(1)));  // half of the first message is out
  CHECK(q.produce(kT0, 100)->ending);
  CHECK(q.stream_idle(StreamId(1)));
  CHECK(q.produce(kT0, 100)->ssn == 1);
  q.reset_stream(StreamId(1));
  q.push(kT0, StreamId(1), 51, std::vector<uint8_t>(10, 3), {});
  auto g = q.produce(kT0, 100);
  REQUIRE(g);
  CHECK(g->ssn == 0);
}

OutgoingFragment frag(uint64_t message_id, size_t length, bool ordered = true, uint16_t ssn = 0) {
  static const auto bytes = std::make_shared<const std::vector<uint8_t>>(2000, 0);
  OutgoingFragment f;
  f.stream = StreamId(1);
  f.ssn = ssn;
  f.unordered = !ordered;
  f.beginning = f.ending = true;
  f.message = bytes;
  f.length = length;
  f.message_id = message_id;
  return f;
}

SackChunk sack(uint64_t cum, std::vector<GapAckBlock> gaps = {}) {
  SackChunk s;
  s.cumulative_tsn_ack = wrap_tsn(cum);
  s.a_rwnd = 100000;
  s.gap_ack_blocks = std::move(gaps);
  return s;
}

TEST_CASE("retransmission queue: SACK processing and fast retransmit", "[sctp][retransmission]") {
  RetransmissionQueue q(Tsn(100));
  const uint64_t base = initial_unwrapped_tsn(Tsn(100));
  for (uint64_t i = 0; i < 6; ++i) q.add(frag(i + 1, 100), kT0);
  CHECK(q.flight_size() == 600);
  // A stale SACK (below the cumulative ack point) is ignored.
  CHECK_FALSE(q.handle_sack(sack(base - 2), kT0).accepted);
  // TSN base acked cumulatively; base+2 by a gap block: base+1 gets a miss indication.
  auto r = q.handle_sack(sack(base, {{2, 2}}), kT0 + Duration::millis(50));
  CHECK(r.accepted);
  CHECK(r.cum_advanced);
  CHECK(r.bytes_acked == 200);
  CHECK(r.rtt == Duration::millis(50));
  CHECK(q.flight_size() == 400);
  CHECK(q.outstanding_bytes() == 400);
  CHECK_FALSE(r.new_fast_retransmits);
  r = q.handle_sack(sack(base, {{2, 3}}), kT0);
  CHECK(r.bytes_acked == 100);
  CHECK_FALSE(r.cum_advanced);
  r = q.handle_sack(sack(base, {{2, 4}}), kT0);
  CHECK(r.new_fast_retransmits);  // third miss indication for base+1
  CHECK(q.has_fast_retransmissions());
  CHECK(q.flight_size() == 100);  // base+5 in flight; base+1 waiting
  auto* item = q.next_retransmission(kT0);
  REQUIRE(item != nullptr);
  CHECK(item->tsn == base + 1);
  q.mark_retransmitted(*item, kT0);
  CHECK_FALSE(q.has_retransmissions());
  // The retransmitted chunk is acked: no RTT sample from it (Karn).
  r = q.handle_sack(sack(base + 4), kT0 + Duration::millis(70));
  CHECK(r.bytes_acked == 100);
  CHECK_FALSE(r.rtt.has_value());
  CHECK(q.size() == 1);
}

TEST_CASE("retransmission queue: reneged gap acks become outstanding again", "[sctp][retransmission]") {
  RetransmissionQueue q(Tsn(1));
  const uint64_t base = initial_unwrapped_tsn(Tsn(1));
  for (int i = 0; i < 3; ++i) q.add(frag(i + 1, 100), kT0);
  q.handle_sack(sack(base - 1, {{2, 3}}), kT0);
  CHECK(q.flight_size() == 100);
  q.handle_sack(sack(base - 1), kT0);
  CHECK(q.flight_size() == 300);
}

TEST_CASE("retransmission queue: T3 expiry and PR-SCTP abandonment", "[sctp][retransmission]") {
  RetransmissionQueue q(Tsn(0xffffffff));
  const uint64_t base = initial_unwrapped_tsn(Tsn(0xffffffff));
  OutgoingFragment unreliable = frag(1, 100, true, 7);
  unreliable.max_retransmits = 0;
  q.add(unreliable, kT0);                 // base: abandoned on the first loss
  q.add(frag(2, 100, true, 8), kT0);      // base+1: reliable
  OutgoingFragment timed = frag(3, 100, false);
  timed.expires_at = kT0 + Duration::millis(100);
  q.add(timed, kT0);                      // base+2: lifetime 100 ms
  q.handle_t3_expiry(kT0 + Duration::millis(50));
  CHECK(q.flight_size() == 0);
  CHECK(q.outstanding_bytes() == 200);
  CHECK(q.take_abandoned_messages() == std::vector<uint64_t>{1});
  CHECK(q.advanced_peer_ack_point() == base);
  CHECK(q.forward_tsn_needed());
  ForwardTsnChunk f = q.make_forward_tsn();
  CHECK(f.new_cumulative_tsn == wrap_tsn(base));
  REQUIRE(f.skipped.size() == 1);
  CHECK(f.skipped[0] == ForwardTsnChunk::SkippedStream{StreamId(1), 7});
  // The timed chunk's lifetime is over by the time it would be retransmitted.
  auto* item = q.next_retransmission(kT0 + Duration::millis(150));
  REQUIRE(item != nullptr);
  CHECK(item->tsn == base + 1);
  q.mark_retransmitted(*item, kT0 + Duration::millis(150));
  CHECK(q.next_retransmission(kT0 + Duration::millis(150)) == nullptr);
  CHECK(q.take_abandoned_messages() == std::vector<uint64_t>{3});
  // The peer acknowledges through the FORWARD TSN and base+1; base+2 is abandoned.
  q.handle_sack(sack(base + 1), kT0 + Duration::millis(200));
  CHECK(q.advanced_peer_ack_point() == base + 2);
  q.handle_sack(sack(base + 2), kT0 + Duration::millis(200));
  CHECK_FALSE(q.has_unacked());
  CHECK(q.chunks_abandoned() == 2);
}

}  // namespace
}  // namespace tern::sctp

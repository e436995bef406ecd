// The association state machine on an in-memory link: handshake and INIT collisions, data
// transfer, acknowledgements, retransmission and congestion control, PR-SCTP, stream reset,
// shutdown and abort, heartbeats, and the handling of hostile packets.
#include "sim/catch_support.hpp"

#include <numeric>
#include <string>
#include <vector>

#include "common/byte_reader.hpp"
#include "sctp/chunks/any_chunk.hpp"
#include "sctp/errc.hpp"
#include "sctp/packet.hpp"
#include "sctp_harness.hpp"

namespace tern::sctp {
namespace {

using testing::Pair;
using testing::Side;

std::vector<uint8_t> pattern(size_t n, uint8_t seed) {
  std::vector<uint8_t> v(n);
  for (size_t i = 0; i < n; ++i) v[i] = static_cast<uint8_t>(seed + i * 7);
  return v;
}

// The chunk types in a packet, in order.
std::vector<ChunkType> chunk_types(const std::vector<uint8_t>& packet) {
  std::vector<ChunkType> out;
  auto view = parse_packet(packet);
  if (!view) return out;
  for (const RawChunk& c : view->chunks) out.push_back(c.chunk_type());
  return out;
}

[[maybe_unused]] bool has_chunk(const std::vector<uint8_t>& packet, ChunkType type) {
  auto types = chunk_types(packet);
  return std::find(types.begin(), types.end(), type) != types.end();
}

TEST_CASE("Association::create validates the configuration", "[sctp][association]") {
  SeededRng rng(1);
  testing::HmacCookieSigner signer(rng);
  struct Row {
    const char* name;
    std::function<void(Config&)> change;
  };
  const Row rows[] = {
      {"no cookie signer", [](Config& c) { c.cookie_signer = nullptr; }},
      {"mtu too small", [](Config& c) { c.mtu = 100; }},
      {"receive window too small", [](Config& c) { c.receive_window = 1000; }},
      {"zero outbound streams", [](Config& c) { c.outbound_streams = 0; }},
      {"RTO min above max", [](Config& c) { c.rto.min = Duration::seconds(100); }},
      {"delayed ack above 500 ms", [](Config& c) { c.delayed_ack_timeout = Duration::millis(600); }},
  };
  for (const Row& row : rows) {
    INFO(row.name);
    Config c;
    c.cookie_signer = &signer;
    row.change(c);
    auto r = Association::create(c, rng);
    REQUIRE_FALSE(r.ok());
    CHECK(r.error().is(SctpErrc::kBadConfig));
  }
  Config ok;
  ok.cookie_signer = &signer;
  CHECK(Association::create(ok, rng).ok());
}

TEST_CASE("handshake: one side connects, the other answers", "[sctp][association]") {
  Config small;
  small.outbound_streams = 16;
  small.inbound_streams = 8;
  Pair p(Config{}, small);
  std::vector<std::vector<ChunkType>> a_to_b;
  p.filter = [&](bool from_a, std::vector<uint8_t>& packet) {
    if (from_a) a_to_b.push_back(chunk_types(packet));
    return true;
  };
  REQUIRE(p.a.assoc.connect(p.now).ok());
  CHECK(p.a.assoc.state() == AssociationState::kCookieWait);
  REQUIRE(p.run_until([&] { return p.a.count<Connected>() && p.b.count<Connected>(); }, Duration::seconds(1)));
  CHECK(p.a.assoc.state() == AssociationState::kEstablished);
  CHECK(p.b.assoc.state() == AssociationState::kEstablished);
  // INIT, then COOKIE ECHO: the four-way handshake took two round trips.
  REQUIRE(a_to_b.size() >= 2);
  CHECK(a_to_b[0] == std::vector<ChunkType>{ChunkType::kInit});
  CHECK(a_to_b[1][0] == ChunkType::kCookieEcho);
  CHECK(p.a.assoc.local_verification_tag() == p.b.assoc.peer_verification_tag());
  CHECK(p.b.assoc.local_verification_tag() == p.a.assoc.peer_verification_tag());
  // Negotiated streams: min(OS, peer MIS) each way.
  CHECK(p.a.assoc.outbound_streams() == 8);
  CHECK(p.a.assoc.inbound_streams() == 16);
  CHECK(p.b.assoc.outbound_streams() == 16);
  CHECK(p.b.assoc.inbound_streams() == 8);
  CHECK(p.a.assoc.peer_supports_partial_reliability());
  CHECK(p.a.assoc.peer_supports_stream_reset());
  CHECK(p.b.assoc.peer_supports_stream_reset());
  // connect() twice is refused.
  auto again = p.a.assoc.connect(p.now);
  REQUIRE_FALSE(again.ok());
  CHECK(again.error().is(SctpErrc::kBadState));
}

TEST_CASE("INIT collision: both peers connect at once and end with one association", "[sctp][association]") {
  // RFC 9260 §5.2.1 / §5.2.4: WebRTC peers both call connect (RFC 8841). Vary who starts first
  // relative to the one-way latency.
  for (int offset_ms : {0, 3, 10, 15, 25}) {
    INFO("second connect after " << offset_ms << " ms");
    Pair p(Config{}, Config{}, static_cast<uint64_t>(offset_ms) + 7);
    REQUIRE(p.a.assoc.connect(p.now).ok());
    if (offset_ms > 0) p.run_for(Duration::millis(offset_ms));
    if (p.b.assoc.state() == AssociationState::kClosed && !p.b.assoc.terminated()) {
      REQUIRE(p.b.assoc.connect(p.now).ok());
    }
    REQUIRE(p.run_until([&] { return p.a.count<Connected>() && p.b.count<Connected>(); }, Duration::seconds(5)));
    p.run_for(Duration::seconds(2));
    CHECK(p.a.count<Connected>() == 1);
    CHECK(p.b.count<Connected>() == 1);
    CHECK(p.a.count<Aborted>() == 0);
    CHECK(p.b.count<Aborted>() == 0);
    CHECK(p.a.assoc.local_verification_tag() == p.b.assoc.peer_verification_tag());
    CHECK(p.b.assoc.local_verification_tag() == p.a.assoc.peer_verification_tag());
    // And the association works both ways.
    REQUIRE(p.a.assoc.send(p.now, StreamId(1), 51, pattern(3000, 1)).ok());
    REQUIRE(p.b.assoc.send(p.now, StreamId(2), 53, pattern(10, 2)).ok());
    REQUIRE(p.run_until([&] { return p.a.message_count() == 1 && p.b.message_count() == 1; },
                        Duration::seconds(2)));
    CHECK(p.b.messages()[0].payload == pattern(3000, 1));
    CHECK(p.a.messages()[0].payload == pattern(10, 2));
  }
}

TEST_CASE("data: ordered messages of every size up to max arrive once, in order", "[sctp][association]") {
  Pair p;
  REQUIRE(p.connect_both());
  std::vector<std::vector<uint8_t>> sent;
  for (size_t size : {size_t{1}, size_t{2}, size_t{3}, size_t{4}, size_t{1171}, size_t{1172}, size_t{1173},
                      size_t{2344}, size_t{5000}, size_t{65536}, size_t{256 * 1024}}) {
    sent.push_back(pattern(size, static_cast<uint8_t>(size)));
    REQUIRE(p.a.assoc.send(p.now, StreamId(3), 53, sent.back()).ok());
  }
  REQUIRE(p.run_until([&] { return p.b.message_count() == sent.size(); }, Duration::seconds(10)));
  auto got = p.b.messages();
  for (size_t i = 0; i < sent.size(); ++i) {
    INFO("message " << i);
    CHECK(got[i].stream == StreamId(3));
    CHECK(got[i].ppid == 53);
    CHECK_FALSE(got[i].unordered);
    CHECK(got[i].payload == sent[i]);
  }
  // Fragments fill the packets: no DATA packet exceeds the MTU.
  CHECK(p.a.assoc.stats().data_chunks_retransmitted == 0);
  CHECK(p.a.assoc.buffered_amount(StreamId(3)) == 0);
}

TEST_CASE("data: unordered messages and several streams", "[sctp][association]") {
  Pair p;
  REQUIRE(p.connect_both());
  SendOptions unordered;
  unordered.unordered = true;
  for (int i = 0; i < 20; ++i) {
    REQUIRE(p.a.assoc.send(p.now, StreamId(static_cast<uint16_t>(i % 4)), 51, pattern(100 + 500 * i, 9),
                           unordered).ok());
  }
  REQUIRE(p.run_until([&] { return p.b.message_count() == 20; }, Duration::seconds(10)));
  for (const auto& m : p.b.messages()) CHECK(m.unordered);
}

TEST_CASE("send() failure table", "[sctp][association]") {
  Config limited;
  limited.max_outgoing_message_size = 1000;
  limited.max_send_buffer = 5000;
  limited.outbound_streams = 4;
  Pair p(limited, Config{});
  // Before the handshake.
  auto early = p.a.assoc.send(p.now, StreamId(0), 51, pattern(1, 0));
  REQUIRE_FALSE(early.ok());
  CHECK(early.error().is(SctpErrc::kNotConnected));
  REQUIRE(p.connect_both());
  struct Row {
    const char* name;
    uint16_t stream;
    size_t size;
    SctpErrc code;
  };
  const Row rows[] = {
      {"stream beyond the outbound streams", 4, 10, SctpErrc::kInvalidStream},
      {"empty message", 0, 0, SctpErrc::kEmptyMessage},
      {"above max_outgoing_message_size", 0, 1001, SctpErrc::kMessageTooLarge},
  };
  for (const Row& row : rows) {
    INFO(row.name);
    auto r = p.a.assoc.send(p.now, StreamId(row.stream), 51, pattern(row.size, 0));
    REQUIRE_FALSE(r.ok());
    CHECK(r.error().is(row.code));
  }
  for (int i = 0; i < 5; ++i) REQUIRE(p.a.assoc.send(p.now, StreamId(0), 51, pattern(1000, 0)).ok());
  auto full = p.a.assoc.send(p.now, StreamId(0), 51, pattern(1, 0));
  REQUIRE_FALSE(full.ok());
  CHECK(full.error().is(SctpErrc::kSendBufferFull));
}

TEST_CASE("acknowledgement: delayed SACK for one packet, immediate for every second", "[sctp][association]") {
  Pair p;
  REQUIRE(p.connect_both());
  p.run_for(Duration::seconds(1));
  std::vector<std::pair<Timestamp, std::vector<ChunkType>>> b_to_a;
  p.filter = [&](bool from_a, std::vector<uint8_t>& packet) {
    if (!from_a) b_to_a.emplace_back(p.now, chunk_types(packet));
    return true;
  };
  const Timestamp start = p.now;
  REQUIRE(p.a.assoc.send(p.now, StreamId(0), 51, pattern(10, 0)).ok());
  REQUIRE(p.run_until([&] { return !b_to_a.empty(); }, Duration::seconds(1)));
  // RFC 9260 §6.2: one DATA packet is acknowledged after the 200 ms delay (plus 10 ms latency).
  CHECK(b_to_a[0].second == std::vector<ChunkType>{ChunkType::kSack});
  CHECK(b_to_a[0].first - start == Duration::millis(210));
  b_to_a.clear();
  // Two packets: the second one triggers the SACK at once.
  const Timestamp second = p.now;
  REQUIRE(p.a.assoc.send(p.now, StreamId(0), 51, pattern(2000, 0)).ok());
  REQUIRE(p.run_until([&] { return !b_to_a.empty(); }, Duration::seconds(1)));
  CHECK(b_to_a[0].first - second == Duration::millis(10));
  // The I bit asks for an immediate SACK too (RFC 9260 §3.3.1) - covered by the codec; a reply in
  // the other direction carries the SACK bundled with DATA.
  b_to_a.clear();
  REQUIRE(p.a.assoc.send(p.now, StreamId(0), 51, pattern(10, 0)).ok());
  p.run_for(Duration::millis(15));
  REQUIRE(p.b.assoc.send(p.now, StreamId(0), 51, pattern(10, 0)).ok());
  p.flush();
  REQUIRE_FALSE(b_to_a.empty());
  CHECK(b_to_a.back().second == (std::vector<ChunkType>{ChunkType::kSack, ChunkType::kData}));
}

TEST_CASE("loss: fast retransmit after three miss indications, cwnd shrinks", "[sctp][association]") {
  Pair p;
  REQUIRE(p.connect_both());
  // Drop the 3rd DATA packet from a once.
  int data_packets = 0;
  size_t dropped_chunks = 0;
  p.filter = [&](bool from_a, std::vector<uint8_t>& packet) {
    if (from_a && has_chunk(packet, ChunkType::kData) && ++data_packets == 3) {
      dropped_chunks = chunk_types(packet).size();
      return false;
    }
    return true;
  };
  for (int i = 0; i < 40; ++i) REQUIRE(p.a.assoc.send(p.now, StreamId(0), 51, pattern(1000, static_cast<uint8_t>(i))).ok());
  const size_t cwnd_before = p.a.assoc.cwnd();
  REQUIRE(p.run_until([&] { return p.b.message_count() == 40; }, Duration::seconds(10)));
  CHECK(p.a.assoc.stats().fast_retransmits == 1);
  CHECK(p.a.assoc.stats().t3_expiries == 0);
  // Exactly the chunks of the lost packet went out again (fragments fill packets, so a packet may
  // hold the tail of one message and the head of the next).
  CHECK(dropped_chunks >= 1);
  CHECK(p.a.assoc.stats().data_chunks_retransmitted == dropped_chunks);
  // RFC 9260 §7.2.4: ssthresh = max(cwnd / 2, 4 * MTU).
  CHECK(p.a.assoc.ssthresh() >= 4 * 1200);
  CHECK(p.a.assoc.ssthresh() < 100000);
  const auto got = p.b.messages();
  for (int i = 0; i < 40; ++i) CHECK(got[static_cast<size_t>(i)].payload == pattern(1000, static_cast<uint8_t>(i)));
  (void)cwnd_before;
}

TEST_CASE("congestion window grows in slow start and collapses on T3-rtx", "[sctp][association]") {
  Pair p;
  REQUIRE(p.connect_both());
  const size_t initial = p.a.assoc.cwnd();
  CHECK(initial == 4380);
  for (int i = 0; i < 50; ++i) REQUIRE(p.a.assoc.send(p.now, StreamId(0), 51, pattern(1100, 1)).ok());
  REQUIRE(p.run_until([&] { return p.b.message_count() == 50; }, Duration::seconds(10)));
  const size_t grown = p.a.assoc.cwnd();
  CHECK(grown > initial + 5 * 1200);
  // Cut the link: T3-rtx fires, cwnd drops to one MTU and the RTO backs off.
  bool cut = true;
  p.filter = [&](bool, std::vector<uint8_t>&) { return !cut; };
  REQUIRE(p.a.assoc.send(p.now, StreamId(0), 51, pattern(5000, 2)).ok());
  const Duration rto = p.a.assoc.rto();
  REQUIRE(p.run_until([&] { return p.a.assoc.stats().t3_expiries >= 1; }, Duration::seconds(10)));
  CHECK(p.a.assoc.cwnd() == 1200);
  CHECK(p.a.assoc.rto() == rto * 2);
  cut = false;
  REQUIRE(p.run_until([&] { return p.b.message_count() == 51; }, Duration::seconds(20)));
  CHECK(p.b.messages().back().payload == pattern(5000, 2));
}

TEST_CASE("retransmission limit: an unreachable peer ends the association", "[sctp][association]") {
  Config fast;
  fast.rto.initial = Duration::millis(100);
  fast.rto.min = Duration::millis(100);
  fast.rto.max = Duration::millis(400);
  fast.max_retransmits = 3;
  Pair p(fast, fast);
  REQUIRE(p.connect_both());
  p.filter = [](bool, std::vector<uint8_t>&) { return false; };
  REQUIRE(p.a.assoc.send(p.now, StreamId(0), 51, pattern(10, 0)).ok());
  REQUIRE(p.run_until([&] { return p.a.count<Aborted>() == 1; }, Duration::seconds(10)));
  CHECK(p.a.last<Aborted>()->error.is(SctpErrc::kRetransmitLimit));
  CHECK(p.a.assoc.terminated());
  CHECK(p.a.assoc.stats().t3_expiries == 4);
}

TEST_CASE("T1-init: lost INITs are retransmitted; Max.Init.Retransmits ends the attempt", "[sctp][association]") {
  Pair p;
  int inits = 0;
  p.filter = [&](bool from_a, std::vector<uint8_t>& packet) {
    return !(from_a && has_chunk(packet, ChunkType::kInit) && ++inits <= 2);
  };
  REQUIRE(p.a.assoc.connect(p.now).ok());
  REQUIRE(p.run_until([&] { return p.a.count<Connected>() == 1; }, Duration::seconds(10)));
  CHECK(inits == 3);

  Config quick;
  quick.max_init_retransmits = 2;
  Pair q(quick, Config{});
  q.filter = [](bool from_a, std::vector<uint8_t>&) { return !from_a; };
  REQUIRE(q.a.assoc.connect(q.now).ok());
  REQUIRE(q.run_until([&] { return q.a.count<Aborted>() == 1; }, Duration::seconds(30)));
  CHECK(q.a.last<Aborted>()->error.is(SctpErrc::kInitTimeout));
  // 1 + 2 retransmissions at 1 s and 2 s: the attempt ends at the third expiry (1 + 2 + 4 s).
  CHECK(q.packets_a_to_b == 3);
}

TEST_CASE("a stale cookie is answered with Stale Cookie and the handshake restarts", "[sctp][association]") {
  Config short_life;
  short_life.valid_cookie_life = Duration::millis(50);
  Pair p(Config{}, short_life);
  p.latency = Duration::millis(30);  // the cookie needs 60 ms to come back
  int stale_errors = 0;
  p.filter = [&](bool from_a, std::vector<uint8_t>& packet) {
    if (!from_a && has_chunk(packet, ChunkType::kError)) ++stale_errors;
    if (stale_errors >= 2) p.latency = Duration::millis(10);
    return true;
  };
  REQUIRE(p.a.assoc.connect(p.now).ok());
  REQUIRE(p.run_until([&] { return p.a.count<Connected>() == 1; }, Duration::seconds(20)));
  CHECK(stale_errors >= 1);
  CHECK(p.b.count<Connected>() == 1);
}

TEST_CASE("PR-SCTP: max_retransmits = 0 drops lost messages without stalling", "[sctp][association]") {
  Pair p;
  REQUIRE(p.connect_both());
  SendOptions unreliable;
  unreliable.max_retransmits = 0;
  // Lose every 5th DATA packet from a, for good.
  int data_packets = 0;
  uint64_t forward_tsns = 0;
  p.filter = [&](bool from_a, std::vector<uint8_t>& packet) {
    if (!from_a) return true;
    if (has_chunk(packet, ChunkType::kForwardTsn)) ++forward_tsns;
    if (has_chunk(packet, ChunkType::kData) && ++data_packets % 5 == 0) return false;
    return true;
  };
  for (int i = 0; i < 100; ++i) {
    std::vector<uint8_t> m = pattern(200, static_cast<uint8_t>(i));
    m[0] = static_cast<uint8_t>(i);
    REQUIRE(p.a.assoc.send(p.now, StreamId(1), 51, m, unreliable).ok());
  }
  // A reliable message after them must still get through (the ordered stream skips the gaps).
  REQUIRE(p.a.assoc.send(p.now, StreamId(1), 51, pattern(7, 7)).ok());
  REQUIRE(p.run_until([&] {
    auto got = p.b.messages();
    return !got.empty() && got.back().payload == pattern(7, 7);
  }, Duration::seconds(30)));
  const auto got = p.b.messages();
  CHECK(got.size() < 101);
  CHECK(got.size() > 50);
  // In order, no duplicates.
  for (size_t i = 1; i + 1 < got.size(); ++i) CHECK(got[i].payload[0] > got[i - 1].payload[0]);
  CHECK(forward_tsns >= 1);
  CHECK(p.a.assoc.stats().messages_abandoned >= 1);
  CHECK(p.a.assoc.stats().data_chunks_retransmitted == 0);
}

TEST_CASE("PR-SCTP: max_lifetime abandons messages that cannot be delivered in time", "[sctp][association]") {
  Pair p;
  REQUIRE(p.connect_both());
  SendOptions timed;
  timed.max_lifetime = Duration::millis(50);
  timed.unordered = true;
  bool cut = true;
  p.filter = [&](bool from_a, std::vector<uint8_t>&) { return !(from_a && cut); };
  for (int i = 0; i < 10; ++i) REQUIRE(p.a.assoc.send(p.now, StreamId(2), 51, pattern(500, 1), timed).ok());
  p.run_for(Duration::millis(500));
  cut = false;
  REQUIRE(p.a.assoc.send(p.now, StreamId(2), 51, pattern(9, 9)).ok());
  REQUIRE(p.run_until([&] { return p.b.message_count() == 1; }, Duration::seconds(10)));
  p.run_for(Duration::seconds(1));
  CHECK(p.b.message_count() == 1);
  CHECK(p.b.messages()[0].payload == pattern(9, 9));
  CHECK(p.a.assoc.stats().messages_abandoned >= 1);
  CHECK(p.a.assoc.flight_size() == 0);
}

TEST_CASE("stream reset both ways, then the stream is reused from SSN 0", "[sctp][association]") {
  Pair p;
  REQUIRE(p.connect_both());
  for (int i = 0; i < 3; ++i) REQUIRE(p.a.assoc.send(p.now, StreamId(5), 51, pattern(3000, 1)).ok());
  const StreamId five[] = {StreamId(5)};
  // The reset waits for the queued messages; new sends on the stream are refused meanwhile.
  REQUIRE(p.a.assoc.reset_streams(p.now, five).ok());
  auto refused = p.a.assoc.send(p.now, StreamId(5), 51, pattern(1, 1));
  REQUIRE_FALSE(refused.ok());
  CHECK(refused.error().is(SctpErrc::kStreamResetPending));
  REQUIRE(p.run_until([&] { return p.a.count<OutgoingStreamsReset>() == 1; }, Duration::seconds(5)));
  CHECK(p.b.message_count() == 3);
  REQUIRE(p.b.count<IncomingStreamsReset>() == 1);
  CHECK(p.b.last<IncomingStreamsReset>()->streams == std::vector<StreamId>{StreamId(5)});
  CHECK(p.a.last<OutgoingStreamsReset>()->streams == std::vector<StreamId>{StreamId(5)});
  // The other side closes its half too (RFC 8831 §6.7).
  REQUIRE(p.b.assoc.reset_streams(p.now, five).ok());
  REQUIRE(p.run_until([&] { return p.a.count<IncomingStreamsReset>() == 1; }, Duration::seconds(5)));
  REQUIRE(p.run_until([&] { return p.b.count<OutgoingStreamsReset>() == 1; }, Duration::seconds(5)));
  // Reused: SSNs restart at 0 on both ends, so ordered delivery continues.
  REQUIRE(p.a.assoc.send(p.now, StreamId(5), 51, pattern(10, 3)).ok());
  REQUIRE(p.a.assoc.send(p.now, StreamId(5), 51, pattern(11, 4)).ok());
  REQUIRE(p.run_until([&] { return p.b.message_count() == 5; }, Duration::seconds(5)));
  CHECK(p.b.messages()[4].payload == pattern(11, 4));
}

TEST_CASE("stream reset: deferred until the last assigned TSN arrives", "[sctp][association]") {
  Pair p;
  REQUIRE(p.connect_both());
  // The message's only DATA packet is lost once, so the request overtakes it.
  bool dropped = false;
  std::vector<std::string> b_responses;
  p.filter = [&](bool from_a, std::vector<uint8_t>& packet) {
    if (from_a && !dropped && has_chunk(packet, ChunkType::kData)) {
      dropped = true;
      return false;
    }
    return true;
  };
  REQUIRE(p.a.assoc.send(p.now, StreamId(1), 51, pattern(100, 1)).ok());
  const StreamId one[] = {StreamId(1)};
  REQUIRE(p.a.assoc.reset_streams(p.now, one).ok());
  REQUIRE(p.run_until([&] { return p.a.count<OutgoingStreamsReset>() == 1; }, Duration::seconds(20)));
  REQUIRE(p.b.message_count() == 1);
  CHECK(p.b.count<IncomingStreamsReset>() == 1);
  // The message arrived before the reset was reported.
  size_t message_at = 0, reset_at = 0;
  for (size_t i = 0; i < p.b.events.size(); ++i) {
    if (std::holds_alternative<MessageReceived>(p.b.events[i])) message_at = i;
    if (std::holds_alternative<IncomingStreamsReset>(p.b.events[i])) reset_at = i;
  }
  CHECK(message_at < reset_at);
}

TEST_CASE("reset_streams() failure table", "[sctp][association]") {
  Config no_reconfig;
  no_reconfig.stream_reset = false;
  Pair p(Config{}, no_reconfig);
  const StreamId one[] = {StreamId(1)};
  auto early = p.a.assoc.reset_streams(p.now, one);
  REQUIRE_FALSE(early.ok());
  CHECK(early.error().is(SctpErrc::kNotConnected));
  REQUIRE(p.connect_both());
  auto unsupported = p.a.assoc.reset_streams(p.now, one);
  REQUIRE_FALSE(unsupported.ok());
  CHECK(unsupported.error().is(SctpErrc::kNotSupported));
}

TEST_CASE("shutdown delivers queued data first, then both sides close", "[sctp][association]") {
  Pair p;
  REQUIRE(p.connect_both());
  for (int i = 0; i < 10; ++i) REQUIRE(p.a.assoc.send(p.now, StreamId(0), 51, pattern(4000, 1)).ok());
  REQUIRE(p.a.assoc.shutdown(p.now).ok());
  CHECK(p.a.assoc.state() == AssociationState::kShutdownPending);
  auto refused = p.a.assoc.send(p.now, StreamId(0), 51, pattern(1, 1));
  REQUIRE_FALSE(refused.ok());
  CHECK(refused.error().is(SctpErrc::kClosed));
  REQUIRE(p.run_until([&] { return p.a.count<Closed>() == 1 && p.b.count<Closed>() == 1; }, Duration::seconds(10)));
  CHECK(p.b.message_count() == 10);
  CHECK(p.a.assoc.terminated());
  CHECK(p.b.assoc.terminated());
  CHECK_FALSE(p.a.assoc.poll_timeout().has_value());
  CHECK_FALSE(p.b.assoc.poll_timeout().has_value());
}

TEST_CASE("shutdown survives loss of every first SHUTDOWN-phase chunk", "[sctp][association]") {
  Pair p;
  REQUIRE(p.connect_both());
  int shutdown_chunks = 0;
  p.filter = [&](bool, std::vector<uint8_t>& packet) {
    const bool phase = has_chunk(packet, ChunkType::kShutdown) || has_chunk(packet, ChunkType::kShutdownAck);
    return !(phase && ++shutdown_chunks % 2 == 1);
  };
  REQUIRE(p.b.assoc.shutdown(p.now).ok());
  REQUIRE(p.run_until([&] { return p.a.count<Closed>() == 1 && p.b.count<Closed>() == 1; }, Duration::seconds(30)));
}

TEST_CASE("abort: the peer learns the reason", "[sctp][association]") {
  Pair p;
  REQUIRE(p.connect_both());
  p.a.assoc.abort(p.now, "user went away");
  REQUIRE(p.a.count<Aborted>() == 0);  // events are drained by the harness on flush
  REQUIRE(p.run_until([&] { return p.b.count<Aborted>() == 1; }, Duration::seconds(1)));
  CHECK(p.a.last<Aborted>()->error.is(SctpErrc::kUserAbort));
  CHECK(p.b.last<Aborted>()->error.is(SctpErrc::kPeerAborted));
  CHECK(p.b.last<Aborted>()->reason == "user went away");
  // Later input is ignored.
  CHECK(p.b.assoc.terminated());
}

TEST_CASE("heartbeats keep an idle association measured; silence ends it", "[sctp][association]") {
  Config hb;
  hb.heartbeat_interval = Duration::seconds(1);
  hb.rto.initial = Duration::millis(200);
  hb.rto.min = Duration::millis(100);
  hb.rto.max = Duration::millis(800);
  hb.max_retransmits = 2;
  Pair p(hb, hb);
  REQUIRE(p.connect_both());
  p.run_for(Duration::seconds(5));
  CHECK(p.a.assoc.stats().heartbeats_sent >= 2);
  REQUIRE(p.a.assoc.srtt().has_value());
  CHECK(*p.a.assoc.srtt() == Duration::millis(20));
  p.filter = [](bool from_a, std::vector<uint8_t>&) { return from_a; };  // b's answers are lost
  REQUIRE(p.run_until([&] { return p.a.count<Aborted>() == 1; }, Duration::seconds(30)));
  CHECK(p.a.last<Aborted>()->error.is(SctpErrc::kRetransmitLimit));
}

TEST_CASE("buffered amount and BufferedAmountLow per stream", "[sctp][association]") {
  Pair p;
  REQUIRE(p.connect_both());
  p.a.assoc.set_buffered_amount_low_threshold(StreamId(4), 10000);
  REQUIRE(p.a.assoc.send(p.now, StreamId(4), 51, pattern(50000, 1)).ok());
  CHECK(p.a.assoc.buffered_amount(StreamId(4)) == 50000);
  CHECK(p.a.assoc.buffered_amount(StreamId(5)) == 0);
  REQUIRE(p.run_until([&] { return p.a.count<BufferedAmountLow>() == 1; }, Duration::seconds(5)));
  CHECK(p.a.last<BufferedAmountLow>()->stream == StreamId(4));
  CHECK(p.a.assoc.buffered_amount(StreamId(4)) <= 10000);
  REQUIRE(p.run_until([&] { return p.b.message_count() == 1; }, Duration::seconds(5)));
  CHECK(p.a.assoc.total_buffered_amount() == 0);
}

// ---- hostile and unusual packets ----

// A packet from b's side (ports 5000/5000) with b's view of the tags.
std::vector<uint8_t> packet_to(const Association& to, std::span<const uint8_t> chunk, std::optional<uint32_t> tag = {}) {
  PacketBuilder b({5000, 5000, tag.value_or(to.local_verification_tag()), 0}, 1200);
  b.add_serialized(chunk);
  return b.finish();
}

TEST_CASE("a DATA chunk without user data aborts the association (No User Data)", "[sctp][association]") {
  Pair p;
  REQUIRE(p.connect_both());
  std::vector<std::vector<uint8_t>> from_b;
  p.filter = [&](bool from_a, std::vector<uint8_t>& packet) {
    if (!from_a) from_b.push_back(packet);
    return true;
  };
  // TSN 5, stream 0, length 16: no payload.
  const std::vector<uint8_t> empty_data{0x00, 0x03, 0x00, 0x10, 0, 0, 0, 5, 0, 0, 0, 0, 0, 0, 0, 0x33};
  p.b.assoc.handle_input(p.now, packet_to(p.b.assoc, empty_data));
  p.flush();
  REQUIRE(p.b.count<Aborted>() == 1);
  CHECK(p.b.last<Aborted>()->error.is(SctpErrc::kNoUserData));
  REQUIRE(from_b.size() == 1);
  auto view = parse_packet(from_b[0]);
  REQUIRE(view.ok());
  auto abort = AbortChunk::parse(view->chunks[0]);
  REQUIRE(abort.ok());
  REQUIRE(abort->causes.size() == 1);
  CHECK(abort->causes[0].code == static_cast<uint16_t>(ErrorCauseCode::kNoUserData));
  CHECK(load_be32(abort->causes[0].info.data()) == 5);
  REQUIRE(p.run_until([&] { return p.a.count<Aborted>() == 1; }, Duration::seconds(1)));
  CHECK(p.a.last<Aborted>()->error.is(SctpErrc::kPeerAborted));
}

TEST_CASE("a message above max_message_size aborts the receiver", "[sctp][association]") {
  Config small;
  small.max_message_size = 4000;
  Pair p(Config{}, small);
  REQUIRE(p.connect_both());
  REQUIRE(p.a.assoc.send(p.now, StreamId(0), 51, pattern(3999, 1)).ok());
  REQUIRE(p.a.assoc.send(p.now, StreamId(0), 51, pattern(10000, 1)).ok());
  REQUIRE(p.run_until([&] { return p.b.count<Aborted>() == 1; }, Duration::seconds(5)));
  CHECK(p.b.last<Aborted>()->error.is(SctpErrc::kMessageTooLarge));
  CHECK(p.b.message_count() == 1);
  REQUIRE(p.run_until([&] { return p.a.count<Aborted>() == 1; }, Duration::seconds(1)));
}

TEST_CASE("packets with a wrong tag, port or checksum are dropped", "[sctp][association]") {
  Pair p;
  REQUIRE(p.connect_both());
  const auto before = p.b.assoc.stats().packets_dropped;
  const std::vector<uint8_t> data{0x00, 0x03, 0x00, 0x11, 0, 0, 0, 5, 0, 0, 0, 0, 0, 0, 0, 0x33, 0x41, 0, 0, 0};
  // Wrong verification tag.
  p.b.assoc.handle_input(p.now, packet_to(p.b.assoc, data, p.b.assoc.local_verification_tag() + 1));
  // Bad checksum.
  auto bad = packet_to(p.b.assoc, data);
  bad[8] ^= 1;
  p.b.assoc.handle_input(p.now, bad);
  // Wrong port.
  PacketBuilder wrong_port({5001, 5000, p.b.assoc.local_verification_tag(), 0}, 1200);
  wrong_port.add_serialized(data);
  p.b.assoc.handle_input(p.now, wrong_port.finish());
  // Garbage.
  const std::vector<uint8_t> junk{1, 2, 3};
  p.b.assoc.handle_input(p.now, junk);
  CHECK(p.b.assoc.stats().packets_dropped == before + 4);
  CHECK(p.b.assoc.stats().data_chunks_received == 0);
  CHECK(p.b.assoc.state() == AssociationState::kEstablished);
  // An ABORT with a wrong tag does not end the association either.
  const std::vector<uint8_t> abort{0x06, 0x00, 0x00, 0x04};
  p.b.assoc.handle_input(p.now, packet_to(p.b.assoc, abort, 12345));
  CHECK_FALSE(p.b.assoc.terminated());
  // A forged COOKIE ECHO (bad MAC) is ignored.
  std::vector<uint8_t> cookie(4 + 56 + 32, 0x5a);
  cookie[0] = 0x0a;
  cookie[1] = 0;
  store_be16(cookie.data() + 2, static_cast<uint16_t>(cookie.size()));
  p.b.assoc.handle_input(p.now, packet_to(p.b.assoc, cookie, 0x5a5a5a5a));
  CHECK(p.b.assoc.state() == AssociationState::kEstablished);
}

TEST_CASE("unknown chunk types follow their upper two bits", "[sctp][association]") {
  Pair p;
  REQUIRE(p.connect_both());
  // Capture (and hold back) four real DATA chunks from a, to bundle behind unknown chunks.
  std::vector<std::vector<uint8_t>> data_chunks;
  std::vector<std::vector<uint8_t>> from_b;
  p.filter = [&](bool from_a, std::vector<uint8_t>& packet) {
    if (!from_a) {
      from_b.push_back(packet);
      return true;
    }
    auto view = parse_packet(packet);
    if (!view || !has_chunk(packet, ChunkType::kData)) return true;
    for (const RawChunk& c : view->chunks) {
      if (c.chunk_type() == ChunkType::kData) data_chunks.emplace_back(c.bytes.begin(), c.bytes.end());
    }
    return false;
  };
  for (int i = 0; i < 4; ++i) REQUIRE(p.a.assoc.send(p.now, StreamId(0), 51, pattern(10, static_cast<uint8_t>(i))).ok());
  p.flush();
  REQUIRE(data_chunks.size() == 4);
  const uint32_t tag = p.b.assoc.local_verification_tag();
  struct Row {
    uint8_t type;
    bool reported;
    bool data_processed;  // the chunks after it are processed
  };
  // RFC 9260 §3.2: 00 stop, 01 stop and report, 10 skip, 11 skip and report.
  const Row rows[] = {{0x3f, false, false}, {0x7f, true, false}, {0xbf, false, true}, {0xff, true, true}};
  for (size_t i = 0; i < 4; ++i) {
    const Row& row = rows[i];
    INFO("type " << int{row.type});
    from_b.clear();
    const uint64_t received = p.b.assoc.stats().data_chunks_received;
    PacketBuilder b({5000, 5000, tag, 0}, 1200);
    const std::vector<uint8_t> unknown{row.type, 0, 0, 4};
    b.add_serialized(unknown);
    b.add_serialized(data_chunks[i]);
    p.b.assoc.handle_input(p.now, b.finish());
    CHECK(p.b.assoc.stats().data_chunks_received == received + (row.data_processed ? 1 : 0));
    p.flush();
    bool reported = false;
    for (const auto& packet : from_b) {
      auto view = parse_packet(packet);
      for (const RawChunk& c : view->chunks) {
        if (c.chunk_type() != ChunkType::kError) continue;
        auto e = ErrorChunk::parse(c);
        REQUIRE(e.ok());
        reported = e->causes[0].code == static_cast<uint16_t>(ErrorCauseCode::kUnrecognizedChunkType) &&
                   e->causes[0].info[0] == row.type;
      }
    }
    CHECK(reported == row.reported);
  }
  CHECK(p.b.assoc.state() == AssociationState::kEstablished);
  // The held-back chunks are retransmitted later and everything arrives once, in order.
  p.filter = nullptr;
  REQUIRE(p.run_until([&] { return p.b.message_count() == 4; }, Duration::seconds(5)));
  for (int i = 0; i < 4; ++i) CHECK(p.b.messages()[static_cast<size_t>(i)].payload == pattern(10, static_cast<uint8_t>(i)));
}

TEST_CASE("an INIT with unknown parameters gets them reported in the INIT ACK", "[sctp][association]") {
  Pair p;
  std::vector<std::vector<uint8_t>> from_b;
  p.filter = [&](bool from_a, std::vector<uint8_t>& packet) {
    if (!from_a) from_b.push_back(packet);
    return true;
  };
  InitChunk init;
  init.initiate_tag = 0x11223344;
  init.a_rwnd = 100000;
  init.outbound_streams = 10;
  init.inbound_streams = 10;
  init.initial_tsn = Tsn(1);
  const std::vector<uint8_t> value{1, 2, 3, 4};
  init.other_parameters.push_back(Parameter{0xc123, value, {}});  // 11: skip and report
  init.other_parameters.push_back(Parameter{0x8124, value, {}});  // 10: skip silently
  PacketBuilder b({5000, 5000, 0, 0}, 1200);
  b.add(init);
  p.b.assoc.handle_input(p.now, b.finish());
  p.flush();
  REQUIRE(from_b.size() == 1);
  auto view = parse_packet(from_b[0]);
  REQUIRE(view.ok());
  CHECK(view->header.verification_tag == 0x11223344u);
  auto ack = InitAckChunk::parse(view->chunks[0]);
  REQUIRE(ack.ok());
  REQUIRE(ack->unrecognized_parameters.size() == 1);
  CHECK(load_be16(ack->unrecognized_parameters[0].data()) == 0xc123);
  CHECK(ack->forward_tsn_supported);
  CHECK(ack->supports_extension(ChunkType::kReconfig));
  // b kept no state: still CLOSED until the cookie returns.
  CHECK(p.b.assoc.state() == AssociationState::kClosed);
}

TEST_CASE("a restarted peer (RFC 9260 §5.2.4 case A) ends the association on both ends", "[sctp][association]") {
  Pair p;
  REQUIRE(p.connect_both());
  // A new association on a's side (say, after a reload) connects to the established b.
  Side c(Config{}, 99);
  REQUIRE(c.assoc.connect(p.now).ok());
  for (int round = 0; round < 10; ++round) {
    while (auto packet = c.assoc.poll_transmit()) p.b.assoc.handle_input(p.now, *packet);
    while (auto packet = p.b.assoc.poll_transmit()) c.assoc.handle_input(p.now, *packet);
  }
  c.drain_events();
  p.b.drain_events();
  REQUIRE(p.b.count<Aborted>() == 1);
  CHECK(p.b.last<Aborted>()->error.is(SctpErrc::kPeerRestarted));
  // The ABORT reached the new association under its new tag.
  REQUIRE(c.count<Aborted>() == 1);
  CHECK(c.last<Aborted>()->error.is(SctpErrc::kPeerAborted));
  CHECK(c.count<Connected>() == 0);
}

TEST_CASE("a duplicate COOKIE ECHO after establishment is answered again (lost COOKIE ACK)", "[sctp][association]") {
  Pair p;
  std::vector<uint8_t> cookie_echo;
  p.filter = [&](bool from_a, std::vector<uint8_t>& packet) {
    if (from_a && has_chunk(packet, ChunkType::kCookieEcho)) cookie_echo = packet;
    return true;
  };
  REQUIRE(p.a.assoc.connect(p.now).ok());
  REQUIRE(p.run_until([&] { return p.a.count<Connected>() && p.b.count<Connected>(); }, Duration::seconds(1)));
  REQUIRE_FALSE(cookie_echo.empty());
  std::vector<std::vector<ChunkType>> from_b;
  p.filter = [&](bool from_a, std::vector<uint8_t>& packet) {
    if (!from_a) from_b.push_back(chunk_types(packet));
    return true;
  };
  p.b.assoc.handle_input(p.now, cookie_echo);
  p.flush();
  REQUIRE(from_b.size() == 1);
  CHECK(from_b[0] == std::vector<ChunkType>{ChunkType::kCookieAck});
  CHECK(p.b.count<Connected>() == 1);  // reported once
}

}  // namespace
}  // namespace tern::sctp

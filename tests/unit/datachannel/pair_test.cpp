// Two channel managers over two real sctp::Associations in memory (virtual time): DCEP opening by
// either side, negotiated channels, messages of every kind, unordered and partially reliable
// channels under loss, closing and stream id reuse, buffered amounts, hundreds of channels.
#include <catch2/catch.hpp>

#include <numeric>
#include <set>
#include <string>
#include <vector>

#include "datachannel/ppid.hpp"
#include "dc_harness.hpp"

namespace tern::datachannel {
namespace {

using testing::bytes_of;
using testing::Pair;
using testing::Peer;
using testing::string_of;

std::vector<uint8_t> pattern(size_t n, uint8_t seed) {
  std::vector<uint8_t> v(n);
  for (size_t i = 0; i < n; ++i) v[i] = static_cast<uint8_t>(seed + i * 13);
  return v;
}

// The handle `peer` got for the channel the other side opened with `label`.
std::optional<ChannelHandle> incoming(const Peer& peer, const std::string& label) {
  for (const IncomingChannel& in : peer.log.all<IncomingChannel>()) {
    const DataChannel* c = peer.manager.channel(in.channel);
    if (c && c->label() == label) return in.channel;
  }
  return std::nullopt;
}

TEST_CASE("pair: either side opens a channel with DCEP", "[datachannel][pair]") {
  Pair p;
  REQUIRE(p.connect());
  const ChannelHandle from_a = p.a.manager.create_channel(p.now, "from-a").value();
  DataChannelInit init;
  init.protocol = "chat-v1";
  const ChannelHandle from_b = p.b.manager.create_channel(p.now, "from-b", init).value();
  // The opener is open at once (RFC 8832 §6) ...
  CHECK(p.a.manager.ready_state(from_a) == DataChannelState::kOpen);
  CHECK(p.b.manager.ready_state(from_b) == DataChannelState::kOpen);
  CHECK(p.a.manager.channel(from_a)->id() == StreamId(0));  // DTLS client: even
  CHECK(p.b.manager.channel(from_b)->id() == StreamId(1));  // DTLS server: odd
  REQUIRE(p.run_until([&] { return incoming(p.b, "from-a") && incoming(p.a, "from-b"); }));
  // ... and learns that the peer accepted once the ACK is back.
  REQUIRE(p.run_until([&] {
    return !p.a.manager.channel(from_a)->awaiting_ack() && !p.b.manager.channel(from_b)->awaiting_ack();
  }));

  const ChannelHandle at_b = *incoming(p.b, "from-a");
  const ChannelHandle at_a = *incoming(p.a, "from-b");
  CHECK(p.b.manager.channel(at_b)->id() == StreamId(0));
  CHECK(p.a.manager.channel(at_a)->id() == StreamId(1));
  CHECK(p.a.manager.channel(at_a)->protocol() == "chat-v1");
  CHECK(p.a.manager.channel(at_a)->remote());
  CHECK(p.b.log.count_for<ChannelOpen>(at_b) == 1);

  REQUIRE(p.a.manager.send_text(p.now, from_a, "ping").ok());
  REQUIRE(p.b.manager.send_text(p.now, at_b, "pong").ok());
  REQUIRE(p.b.manager.send_text(p.now, from_b, "hello a").ok());
  REQUIRE(p.run_until([&] {
    return p.b.log.messages_for(at_b).size() == 1 && p.a.log.messages_for(from_a).size() == 1 &&
           p.a.log.messages_for(at_a).size() == 1;
  }));
  CHECK(string_of(p.b.log.messages_for(at_b)[0].data) == "ping");
  CHECK(string_of(p.a.log.messages_for(from_a)[0].data) == "pong");
  CHECK(string_of(p.a.log.messages_for(at_a)[0].data) == "hello a");
  CHECK(p.a.manager.stats().channels_opened_locally == 1);
  CHECK(p.a.manager.stats().channels_opened_remotely == 1);
}

TEST_CASE("pair: messages sent before the ACK arrive after the OPEN, in order", "[datachannel][pair]") {
  Pair p;
  REQUIRE(p.connect());
  DataChannelInit init;
  init.ordered = false;  // unordered, yet ordered until the ACK (RFC 8832 §6)
  const ChannelHandle h = p.a.manager.create_channel(p.now, "eager", init).value();
  for (int i = 0; i < 5; ++i) REQUIRE(p.a.manager.send_text(p.now, h, "m" + std::to_string(i)).ok());
  REQUIRE(p.run_until([&] {
    auto at_b = incoming(p.b, "eager");
    return at_b && p.b.log.messages_for(*at_b).size() == 5;
  }));
  const ChannelHandle at_b = *incoming(p.b, "eager");
  CHECK_FALSE(p.b.manager.channel(at_b)->ordered());
  const auto msgs = p.b.log.messages_for(at_b);
  for (int i = 0; i < 5; ++i) CHECK(string_of(msgs[static_cast<size_t>(i)].data) == "m" + std::to_string(i));
  // The receiver reported the channel before its first message.
  const auto seq = p.b.log.sequence_for(at_b);
  REQUIRE(seq.size() >= 3);
  CHECK(seq[0] == Event(IncomingChannel{}).index());
  CHECK(seq[1] == Event(ChannelOpen{}).index());
}

TEST_CASE("pair: negotiated channels open without DCEP on both sides", "[datachannel][pair]") {
  Pair p;
  DataChannelInit init;
  init.negotiated = true;
  init.id = 42;
  init.ordered = false;
  // Created before the association exists (W3C allows it): they open with it.
  const ChannelHandle a = p.a.manager.create_channel(p.now, "neg", init).value();
  const ChannelHandle b = p.b.manager.create_channel(p.now, "neg", init).value();
  CHECK(p.a.manager.ready_state(a) == DataChannelState::kConnecting);
  REQUIRE(p.connect());
  REQUIRE(p.run_until([&] {
    return p.a.manager.ready_state(a) == DataChannelState::kOpen && p.b.manager.ready_state(b) == DataChannelState::kOpen;
  }));
  REQUIRE(p.a.manager.send_text(p.now, a, "over 42").ok());
  REQUIRE(p.b.manager.send_binary(p.now, b, std::vector<uint8_t>{4, 2}).ok());
  REQUIRE(p.run_until([&] { return p.b.log.messages_for(b).size() == 1 && p.a.log.messages_for(a).size() == 1; }));
  CHECK(string_of(p.b.log.messages_for(b)[0].data) == "over 42");
  CHECK(p.b.log.messages_for(b)[0].stream == StreamId(42));
  CHECK(p.a.log.messages_for(a)[0].binary);
  CHECK(p.a.log.count<IncomingChannel>() == 0);
  CHECK(p.b.log.count<IncomingChannel>() == 0);
  CHECK(p.a.manager.stats().dcep_unexpected + p.b.manager.stats().dcep_unexpected == 0);
  // No PPID 50 message crossed the association.
  for (const Peer* peer : {&p.a, &p.b}) {
    for (const sctp::Event& e : peer->sctp_events) {
      if (const auto* m = std::get_if<sctp::MessageReceived>(&e)) CHECK(m->ppid != kPpidDcep);
    }
  }
}

TEST_CASE("pair: strings, binary and empty messages of many sizes", "[datachannel][pair]") {
  Pair p;
  REQUIRE(p.connect());
  const ChannelHandle h = p.a.manager.create_channel(p.now, "sizes").value();
  const size_t sizes[] = {0, 1, 2, 1100, 1200, 5000, 65536};
  size_t expected = 0;
  for (size_t n : sizes) {
    REQUIRE(p.a.manager.send_binary(p.now, h, pattern(n, static_cast<uint8_t>(n))).ok());
    REQUIRE(p.a.manager.send_text(p.now, h, std::string(n, 't')).ok());
    expected += 2;
  }
  REQUIRE(p.run_until([&] {
    auto at_b = incoming(p.b, "sizes");
    return at_b && p.b.log.messages_for(*at_b).size() == expected;
  }));
  const auto msgs = p.b.log.messages_for(*incoming(p.b, "sizes"));
  size_t i = 0;
  for (size_t n : sizes) {
    INFO(n);
    CHECK(msgs[i].binary);
    CHECK(msgs[i].data == pattern(n, static_cast<uint8_t>(n)));
    CHECK_FALSE(msgs[i + 1].binary);
    CHECK(msgs[i + 1].data == std::vector<uint8_t>(n, 't'));
    i += 2;
  }
  // The empty ones crossed SCTP as PPID 56/57 with one byte.
  size_t empties = 0;
  for (const sctp::Event& e : p.b.sctp_events) {
    if (const auto* m = std::get_if<sctp::MessageReceived>(&e)) {
      if (m->ppid == kPpidStringEmpty || m->ppid == kPpidBinaryEmpty) {
        CHECK(m->payload == std::vector<uint8_t>{0x00});
        ++empties;
      }
    }
  }
  CHECK(empties == 2);
}

TEST_CASE("pair: unordered partially reliable channels give up on lost messages", "[datachannel][pair]") {
  struct Row {
    const char* name;
    std::optional<uint16_t> max_retransmits;
    std::optional<uint16_t> max_packet_life_time;
  };
  const Row rows[] = {
      {"maxRetransmits 0", 0, {}},
      {"maxPacketLifeTime 30 ms", {}, 30},
  };
  for (const Row& row : rows) {
    INFO(row.name);
    Pair p;
    REQUIRE(p.connect());
    DataChannelInit init;
    init.ordered = false;
    init.max_retransmits = row.max_retransmits;
    init.max_packet_life_time = row.max_packet_life_time;
    const ChannelHandle h = p.a.manager.create_channel(p.now, "lossy", init).value();
    REQUIRE(p.run_until([&] { return !p.a.manager.channel(h)->awaiting_ack(); }));
    const ChannelHandle at_b = *incoming(p.b, "lossy");
    CHECK_FALSE(p.b.manager.channel(at_b)->ordered());
    CHECK(p.b.manager.channel(at_b)->max_retransmits() == row.max_retransmits);
    CHECK(p.b.manager.channel(at_b)->max_packet_life_time() == row.max_packet_life_time);

    // Lose every second packet from a to b while 40 messages go out.
    uint64_t seen = 0;
    p.filter = [&](bool from_a, std::vector<uint8_t>&) { return !from_a || (seen++ % 2) == 1; };
    for (int i = 0; i < 40; ++i) {
      REQUIRE(p.a.manager.send_binary(p.now, h, pattern(900, static_cast<uint8_t>(i))).ok());
      p.run_for(Duration::millis(2));
    }
    p.run_for(Duration::millis(100));
    p.filter = nullptr;
    p.run_for(Duration::seconds(5));
    REQUIRE(p.a.manager.send_text(p.now, h, "after the storm").ok());
    REQUIRE(p.run_until([&] {
      const auto m = p.b.log.messages_for(at_b);
      return !m.empty() && string_of(m.back().data) == "after the storm";
    }));
    const size_t delivered = p.b.log.messages_for(at_b).size() - 1;
    CHECK(delivered < 40);
    CHECK(delivered > 0);
    CHECK(p.a.assoc.stats().messages_abandoned > 0);
    CHECK(p.a.manager.ready_state(h) == DataChannelState::kOpen);
  }
}

TEST_CASE("pair: a reliable channel delivers everything despite loss", "[datachannel][pair]") {
  Pair p;
  REQUIRE(p.connect());
  const ChannelHandle h = p.a.manager.create_channel(p.now, "reliable").value();
  uint64_t seen = 0;
  p.filter = [&](bool, std::vector<uint8_t>&) { return (seen++ % 4) != 0; };
  for (int i = 0; i < 30; ++i) REQUIRE(p.a.manager.send_text(p.now, h, "r" + std::to_string(i)).ok());
  REQUIRE(p.run_until([&] {
    auto at_b = incoming(p.b, "reliable");
    return at_b && p.b.log.messages_for(*at_b).size() == 30;
  }, Duration::seconds(60)));
  const auto msgs = p.b.log.messages_for(*incoming(p.b, "reliable"));
  for (int i = 0; i < 30; ++i) CHECK(string_of(msgs[static_cast<size_t>(i)].data) == "r" + std::to_string(i));
}

TEST_CASE("pair: closing from either side, then the stream id is reused", "[datachannel][pair]") {
  Pair p;
  REQUIRE(p.connect());
  const ChannelHandle a1 = p.a.manager.create_channel(p.now, "one").value();
  REQUIRE(p.a.manager.send_text(p.now, a1, "last words").ok());
  REQUIRE(p.run_until([&] { return incoming(p.b, "one").has_value(); }));
  const ChannelHandle b1 = *incoming(p.b, "one");

  SECTION("the opener closes") {
    REQUIRE(p.a.manager.close(p.now, a1).ok());
    REQUIRE(p.run_until([&] {
      return p.a.log.count_for<ChannelClosed>(a1) == 1 && p.b.log.count_for<ChannelClosed>(b1) == 1;
    }));
    CHECK(p.b.log.count_for<ChannelClosing>(b1) == 1);
    CHECK(p.a.log.count_for<ChannelClosing>(a1) == 0);
  }
  SECTION("the receiver closes") {
    REQUIRE(p.b.manager.close(p.now, b1).ok());
    REQUIRE(p.run_until([&] {
      return p.a.log.count_for<ChannelClosed>(a1) == 1 && p.b.log.count_for<ChannelClosed>(b1) == 1;
    }));
    CHECK(p.a.log.count_for<ChannelClosing>(a1) == 1);
  }
  SECTION("both close at once") {
    REQUIRE(p.a.manager.close(p.now, a1).ok());
    REQUIRE(p.b.manager.close(p.now, b1).ok());
    REQUIRE(p.run_until([&] {
      return p.a.log.count_for<ChannelClosed>(a1) == 1 && p.b.log.count_for<ChannelClosed>(b1) == 1;
    }));
  }
  // The message queued before close() was delivered first.
  REQUIRE(p.b.log.messages_for(b1).size() == 1);
  CHECK(string_of(p.b.log.messages_for(b1)[0].data) == "last words");
  CHECK(p.a.manager.channel(a1) == nullptr);
  CHECK(p.b.manager.channel(b1) == nullptr);
  CHECK(p.a.log.count<ChannelError>() + p.b.log.count<ChannelError>() == 0);

  // Stream 0 is free on both sides: the next channel gets it, and works.
  const ChannelHandle a2 = p.a.manager.create_channel(p.now, "two").value();
  CHECK(p.a.manager.channel(a2)->id() == StreamId(0));
  REQUIRE(p.a.manager.send_text(p.now, a2, "fresh").ok());
  REQUIRE(p.run_until([&] {
    auto b2 = incoming(p.b, "two");
    return b2 && p.b.log.messages_for(*b2).size() == 1;
  }));
  const ChannelHandle b2 = *incoming(p.b, "two");
  CHECK(p.b.manager.channel(b2)->id() == StreamId(0));
  CHECK(string_of(p.b.log.messages_for(b2)[0].data) == "fresh");
  CHECK(p.a.manager.stats().opens_rejected + p.b.manager.stats().opens_rejected == 0);
}

TEST_CASE("pair: the peer reuses a stream id right after closing", "[datachannel][pair]") {
  Pair p;
  REQUIRE(p.connect());
  // b (odd ids) opens, closes, and reopens at once: stream 1 each time.
  const ChannelHandle first = p.b.manager.create_channel(p.now, "first").value();
  REQUIRE(p.run_until([&] { return incoming(p.a, "first").has_value(); }));
  const ChannelHandle first_at_a = *incoming(p.a, "first");
  REQUIRE(p.b.manager.close(p.now, first).ok());
  REQUIRE(p.run_until([&] { return p.b.log.count_for<ChannelClosed>(first) == 1; }));
  CHECK(p.a.log.count_for<ChannelClosing>(first_at_a) == 1);
  const ChannelHandle second = p.b.manager.create_channel(p.now, "second").value();
  CHECK(p.b.manager.channel(second)->id() == StreamId(1));
  REQUIRE(p.b.manager.send_text(p.now, second, "on the reused stream").ok());
  REQUIRE(p.run_until([&] {
    auto h = incoming(p.a, "second");
    return h && p.a.log.messages_for(*h).size() == 1;
  }));
  CHECK(p.a.log.count_for<ChannelClosed>(first_at_a) == 1);
  CHECK(p.a.manager.channel(first_at_a) == nullptr);  // forgotten once its ChannelClosed was polled
  CHECK(p.a.manager.channel(*incoming(p.a, "second"))->id() == StreamId(1));
}

TEST_CASE("pair: buffered amount and BufferedAmountLow", "[datachannel][pair]") {
  Pair p;
  REQUIRE(p.connect());
  const ChannelHandle h = p.a.manager.create_channel(p.now, "bulk").value();
  REQUIRE(p.run_until([&] { return !p.a.manager.channel(h)->awaiting_ack(); }));
  REQUIRE(p.a.manager.set_buffered_amount_low_threshold(h, 64 * 1024).ok());
  for (int i = 0; i < 20; ++i) REQUIRE(p.a.manager.send_binary(p.now, h, pattern(16 * 1024, 1)).ok());
  CHECK(p.a.manager.buffered_amount(h) > 64 * 1024);
  CHECK(p.a.manager.buffered_amount(h) <= 20 * 16 * 1024);
  REQUIRE(p.run_until([&] { return p.a.log.count_for<BufferedAmountLow>(h) == 1; }));
  CHECK(p.a.manager.buffered_amount(h) <= 64 * 1024);
  REQUIRE(p.run_until([&] { return p.a.manager.buffered_amount(h) == 0; }));
  CHECK(p.a.log.count_for<BufferedAmountLow>(h) == 1);  // one crossing, one event
  REQUIRE(p.run_until([&] {
    auto at_b = incoming(p.b, "bulk");
    return at_b && p.b.log.messages_for(*at_b).size() == 20;
  }));
}

TEST_CASE("pair: messages above the peer's max-message-size are refused", "[datachannel][pair]") {
  ManagerConfig ma = Pair::client_config();
  ma.remote_max_message_size = 2048;
  Pair p({}, {}, ma);
  REQUIRE(p.connect());
  const ChannelHandle h = p.a.manager.create_channel(p.now, "small").value();
  auto r = p.a.manager.send_binary(p.now, h, std::vector<uint8_t>(2049, 0));
  REQUIRE_FALSE(r.ok());
  CHECK(r.error().is(DataChannelErrc::kMessageTooLarge));
  REQUIRE(p.a.manager.send_binary(p.now, h, std::vector<uint8_t>(2048, 0)).ok());
  REQUIRE(p.run_until([&] {
    auto at_b = incoming(p.b, "small");
    return at_b && p.b.log.messages_for(*at_b).size() == 1;
  }));
}

TEST_CASE("pair: hundreds of channels from both sides", "[datachannel][pair]") {
  Pair p;
  REQUIRE(p.connect());
  constexpr int kPerSide = 300;
  std::vector<ChannelHandle> mine_a, mine_b;
  for (int i = 0; i < kPerSide; ++i) {
    mine_a.push_back(p.a.manager.create_channel(p.now, "a" + std::to_string(i)).value());
    mine_b.push_back(p.b.manager.create_channel(p.now, "b" + std::to_string(i)).value());
  }
  std::set<uint16_t> ids;
  for (ChannelHandle h : mine_a) {
    const uint16_t id = p.a.manager.channel(h)->id()->value;
    CHECK(id % 2 == 0);
    ids.insert(id);
  }
  for (ChannelHandle h : mine_b) {
    const uint16_t id = p.b.manager.channel(h)->id()->value;
    CHECK(id % 2 == 1);
    ids.insert(id);
  }
  CHECK(ids.size() == 2 * kPerSide);
  CHECK(*ids.rbegin() == 2 * kPerSide - 1);  // lowest free ids: 0..599

  for (int i = 0; i < kPerSide; ++i) {
    REQUIRE(p.a.manager.send_text(p.now, mine_a[static_cast<size_t>(i)], "from a" + std::to_string(i)).ok());
    REQUIRE(p.b.manager.send_text(p.now, mine_b[static_cast<size_t>(i)], "from b" + std::to_string(i)).ok());
  }
  REQUIRE(p.run_until([&] {
    return p.a.log.count<ChannelMessage>() == kPerSide && p.b.log.count<ChannelMessage>() == kPerSide;
  }, Duration::seconds(30)));
  CHECK(p.a.log.count<IncomingChannel>() == kPerSide);
  CHECK(p.b.log.count<IncomingChannel>() == kPerSide);
  // Every message reached the channel with the matching label.
  for (const Peer* peer : {&p.a, &p.b}) {
    for (const ChannelMessage& m : peer->log.all<ChannelMessage>()) {
      const DataChannel* c = peer->manager.channel(m.channel);
      REQUIRE(c != nullptr);
      CHECK(string_of(m.data) == "from " + c->label());
      CHECK(c->id() == m.stream);
    }
  }

  // a closes all of its channels: the resets are batched by the association.
  for (ChannelHandle h : mine_a) REQUIRE(p.a.manager.close(p.now, h).ok());
  REQUIRE(p.run_until([&] {
    return p.a.log.count<ChannelClosed>() == kPerSide && p.b.log.count<ChannelClosed>() == kPerSide;
  }, Duration::seconds(30)));
  CHECK(p.a.manager.channels().size() == 2 * kPerSide - kPerSide);
  CHECK(p.b.manager.channels().size() == kPerSide);
  CHECK(p.a.log.count<ChannelError>() + p.b.log.count<ChannelError>() == 0);
  // The freed even ids are available again, lowest first.
  const ChannelHandle again = p.a.manager.create_channel(p.now, "again").value();
  CHECK(p.a.manager.channel(again)->id() == StreamId(0));
}

TEST_CASE("pair: the association shutting down closes the channels", "[datachannel][pair]") {
  Pair p;
  REQUIRE(p.connect());
  const ChannelHandle h = p.a.manager.create_channel(p.now, "x").value();
  REQUIRE(p.run_until([&] { return incoming(p.b, "x").has_value(); }));
  const ChannelHandle at_b = *incoming(p.b, "x");
  REQUIRE(p.a.assoc.shutdown(p.now).ok());
  REQUIRE(p.run_until([&] {
    return p.a.log.count_for<ChannelClosed>(h) == 1 && p.b.log.count_for<ChannelClosed>(at_b) == 1;
  }));
  CHECK(p.a.log.count<ChannelError>() == 0);

  Pair q;
  REQUIRE(q.connect());
  const ChannelHandle g = q.a.manager.create_channel(q.now, "y").value();
  q.a.assoc.abort(q.now, "gone");
  q.flush();
  REQUIRE(q.a.log.count<ChannelError>() == 1);
  CHECK(q.a.log.all<ChannelError>()[0].error.is(DataChannelErrc::kTransportAborted));
  CHECK(q.a.log.count_for<ChannelClosed>(g) == 1);
}

}  // namespace
}  // namespace tern::datachannel

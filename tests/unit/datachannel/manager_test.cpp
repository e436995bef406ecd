// The channel manager against a fake SCTP port: every rule of RFC 8831 / RFC 8832 checked on what
// the manager asks of the association (sends with their PPIDs and options, stream resets) and on
// the events it reports, with association events injected by hand.
#include <catch2/catch.hpp>

#include <string>
#include <vector>

#include "datachannel/dcep_message.hpp"
#include "datachannel/ppid.hpp"
#include "dc_harness.hpp"

namespace tern::datachannel {
namespace {

using testing::bytes_of;
using testing::EventLog;
using testing::FakePort;
using testing::string_of;

const Timestamp kNow = Timestamp::from_millis(5000);

ManagerConfig with_role(DtlsRole role) {
  ManagerConfig c;
  c.dtls_role = role;
  return c;
}

std::vector<uint8_t> open_bytes(ChannelType type, uint32_t parameter, std::string label, std::string protocol = "",
                                uint16_t priority = kPriorityLow) {
  DataChannelOpen open;
  open.channel_type = type;
  open.reliability_parameter = parameter;
  open.label = std::move(label);
  open.protocol = std::move(protocol);
  open.priority = priority;
  return serialize_dcep_message(open).value();
}

sctp::MessageReceived message(uint16_t stream, uint32_t ppid, std::vector<uint8_t> payload) {
  sctp::MessageReceived m;
  m.stream = StreamId(stream);
  m.ppid = ppid;
  m.payload = std::move(payload);
  return m;
}

sctp::IncomingStreamsReset incoming_reset(std::vector<uint16_t> ids) {
  sctp::IncomingStreamsReset r;
  for (uint16_t id : ids) r.streams.push_back(StreamId(id));
  return r;
}

sctp::OutgoingStreamsReset outgoing_reset(std::vector<uint16_t> ids) {
  sctp::OutgoingStreamsReset r;
  for (uint16_t id : ids) r.streams.push_back(StreamId(id));
  return r;
}

// A manager with a channel the peer opened on `stream` (reliable, ordered).
struct WithRemoteChannel {
  FakePort port;
  DataChannelManager manager{port, with_role(DtlsRole::kClient)};
  EventLog log;
  ChannelHandle handle{0};

  explicit WithRemoteChannel(uint16_t stream = 1) {
    manager.handle_sctp_event(kNow, message(stream, kPpidDcep, open_bytes(ChannelType::kReliable, 0, "remote")));
    log.drain(manager);
    REQUIRE(log.count<IncomingChannel>() == 1);
    handle = log.all<IncomingChannel>()[0].channel;
    port.take_sent();
  }
};

TEST_CASE("stream ids: the DTLS client picks even ids, the server odd ones (RFC 8832 §6)", "[datachannel][manager]") {
  for (DtlsRole role : {DtlsRole::kClient, DtlsRole::kServer}) {
    FakePort port;
    DataChannelManager m(port, with_role(role));
    const uint16_t first = role == DtlsRole::kClient ? 0 : 1;
    for (uint16_t i = 0; i < 4; ++i) {
      auto h = m.create_channel(kNow, "c" + std::to_string(i));
      REQUIRE(h.ok());
      REQUIRE(m.channel(*h)->id().has_value());
      CHECK(m.channel(*h)->id()->value == first + 2 * i);
    }
    // Each OPEN went out on its own stream, PPID 50, ordered and fully reliable.
    REQUIRE(port.sent.size() == 4);
    for (uint16_t i = 0; i < 4; ++i) {
      const FakePort::Sent& s = port.sent[i];
      CHECK(s.stream.value == first + 2 * i);
      CHECK(s.ppid == kPpidDcep);
      CHECK_FALSE(s.options.unordered);
      CHECK_FALSE(s.options.max_retransmits.has_value());
      CHECK_FALSE(s.options.max_lifetime.has_value());
      auto open = parse_dcep_message(s.payload);
      REQUIRE(open.ok());
      CHECK(std::get<DataChannelOpen>(*open).label == "c" + std::to_string(i));
    }
  }
}

TEST_CASE("channel options become the OPEN's channel type and each message's SCTP options",
          "[datachannel][manager]") {
  struct Row {
    const char* name;
    bool ordered;
    std::optional<uint16_t> max_retransmits;
    std::optional<uint16_t> max_packet_life_time;
    ChannelType type;
    uint32_t parameter;
  };
  const Row rows[] = {
      {"reliable ordered", true, {}, {}, ChannelType::kReliable, 0},
      {"reliable unordered", false, {}, {}, ChannelType::kReliableUnordered, 0},
      {"rexmit ordered", true, 3, {}, ChannelType::kPartialReliableRexmit, 3},
      {"rexmit unordered, zero retransmissions", false, 0, {}, ChannelType::kPartialReliableRexmitUnordered, 0},
      {"timed ordered", true, {}, 250, ChannelType::kPartialReliableTimed, 250},
      {"timed unordered", false, {}, 65535, ChannelType::kPartialReliableTimedUnordered, 65535},
  };
  for (const Row& row : rows) {
    INFO(row.name);
    FakePort port;
    DataChannelManager m(port, with_role(DtlsRole::kClient));
    DataChannelInit init;
    init.ordered = row.ordered;
    init.max_retransmits = row.max_retransmits;
    init.max_packet_life_time = row.max_packet_life_time;
    init.protocol = "proto";
    init.priority = kPriorityHigh;
    auto h = m.create_channel(kNow, "label", init);
    REQUIRE(h.ok());
    REQUIRE(port.sent.size() == 1);
    auto open = DataChannelOpen::parse(port.sent[0].payload);
    REQUIRE(open.ok());
    CHECK(open->channel_type == row.type);
    CHECK(open->reliability_parameter == row.parameter);
    CHECK(open->priority == kPriorityHigh);
    CHECK(open->label == "label");
    CHECK(open->protocol == "proto");
    port.take_sent();

    // RFC 8832 §6: before the ACK, messages go ordered whatever the channel says.
    REQUIRE(m.channel(*h)->awaiting_ack());
    REQUIRE(m.send_text(kNow, *h, "early").ok());
    REQUIRE(port.sent.size() == 1);
    CHECK_FALSE(port.sent[0].options.unordered);
    CHECK(port.sent[0].options.max_retransmits == row.max_retransmits);

    m.handle_sctp_event(kNow, message(0, kPpidDcep, {kMessageTypeAck}));
    CHECK_FALSE(m.channel(*h)->awaiting_ack());
    port.take_sent();
    REQUIRE(m.send_text(kNow, *h, "late").ok());
    REQUIRE(port.sent.size() == 1);
    const sctp::SendOptions& o = port.sent[0].options;
    CHECK(o.unordered == !row.ordered);
    CHECK(o.max_retransmits == row.max_retransmits);
    if (row.max_packet_life_time) {
      REQUIRE(o.max_lifetime.has_value());
      CHECK(*o.max_lifetime == Duration::millis(*row.max_packet_life_time));
    } else {
      CHECK_FALSE(o.max_lifetime.has_value());
    }
  }
}

TEST_CASE("create_channel rejects bad arguments with exact codes", "[datachannel][manager]") {
  using E = DataChannelErrc;
  FakePort port;
  port.streams = 16;
  DataChannelManager m(port, with_role(DtlsRole::kClient));
  DataChannelInit used;
  used.negotiated = true;
  used.id = 5;
  REQUIRE(m.create_channel(kNow, "taken", used).ok());

  struct Row {
    const char* name;
    std::string label;
    DataChannelInit init;
    E code;
  };
  auto init = [](auto change) {
    DataChannelInit i;
    change(i);
    return i;
  };
  const Row rows[] = {
      {"both reliability limits", "x", init([](DataChannelInit& i) { i.max_retransmits = 1; i.max_packet_life_time = 1; }),
       E::kBadInit},
      {"negotiated without id", "x", init([](DataChannelInit& i) { i.negotiated = true; }), E::kBadInit},
      {"id 65535", "x", init([](DataChannelInit& i) { i.negotiated = true; i.id = 65535; }), E::kInvalidId},
      {"id beyond the negotiated streams", "x", init([](DataChannelInit& i) { i.negotiated = true; i.id = 16; }),
       E::kInvalidId},
      {"id in use", "x", init([](DataChannelInit& i) { i.negotiated = true; i.id = 5; }), E::kIdInUse},
      {"label above 65535 bytes", std::string(65536, 'l'), DataChannelInit{}, E::kLabelTooLong},
      {"protocol above 65535 bytes", "x", init([](DataChannelInit& i) { i.protocol = std::string(65536, 'p'); }),
       E::kProtocolTooLong},
  };
  for (const Row& row : rows) {
    INFO(row.name);
    auto r = m.create_channel(kNow, row.label, row.init);
    REQUIRE_FALSE(r.ok());
    CHECK(r.error().is(row.code));
  }
  CHECK(m.channels().size() == 1);
  // A negotiated channel sends no DCEP.
  CHECK(port.sent.empty());
}

TEST_CASE("every id of our parity in use: kNoStreamAvailable", "[datachannel][manager]") {
  FakePort port;
  port.streams = 4;  // ids 0..3: the client has 0 and 2
  DataChannelManager m(port, with_role(DtlsRole::kClient));
  REQUIRE(m.create_channel(kNow, "a").ok());
  REQUIRE(m.create_channel(kNow, "b").ok());
  auto r = m.create_channel(kNow, "c");
  REQUIRE_FALSE(r.ok());
  CHECK(r.error().is(DataChannelErrc::kNoStreamAvailable));
}

TEST_CASE("channels created before the DTLS role and the association wait for both", "[datachannel][manager]") {
  FakePort port;
  port.is_established = false;
  DataChannelManager m(port);
  EventLog log;
  auto early = m.create_channel(kNow, "early");
  REQUIRE(early.ok());
  DataChannelInit negotiated;
  negotiated.negotiated = true;
  negotiated.id = 10;
  auto pre = m.create_channel(kNow, "pre", negotiated);
  REQUIRE(pre.ok());
  CHECK(m.ready_state(*early) == DataChannelState::kConnecting);
  CHECK_FALSE(m.channel(*early)->id().has_value());  // W3C: id is null until the role is known
  CHECK(m.channel(*pre)->id() == StreamId(10));
  auto not_yet = m.send_text(kNow, *early, "x");
  REQUIRE_FALSE(not_yet.ok());
  CHECK(not_yet.error().is(DataChannelErrc::kInvalidState));

  m.set_dtls_role(kNow, DtlsRole::kServer);
  REQUIRE(m.channel(*early)->id().has_value());
  CHECK(m.channel(*early)->id()->value == 1);
  CHECK(port.sent.empty());
  log.drain(m);
  CHECK(log.events.empty());

  port.is_established = true;
  m.handle_sctp_event(kNow, sctp::Connected{});
  log.drain(m);
  CHECK(m.ready_state(*early) == DataChannelState::kOpen);
  CHECK(m.ready_state(*pre) == DataChannelState::kOpen);
  CHECK(log.count_for<ChannelOpen>(*early) == 1);
  CHECK(log.count_for<ChannelOpen>(*pre) == 1);
  REQUIRE(port.sent.size() == 1);  // only the in-band channel sends an OPEN
  CHECK(port.sent[0].stream == StreamId(1));
  CHECK(port.sent[0].ppid == kPpidDcep);
  CHECK_FALSE(m.channel(*pre)->awaiting_ack());
  CHECK(m.stats().channels_opened_locally == 2);
}

TEST_CASE("a negotiated id beyond the negotiated stream count fails once connected", "[datachannel][manager]") {
  FakePort port;
  port.is_established = false;
  port.streams = 100;
  DataChannelManager m(port, with_role(DtlsRole::kClient));
  DataChannelInit init;
  init.negotiated = true;
  init.id = 2000;
  auto h = m.create_channel(kNow, "far", init);
  REQUIRE(h.ok());  // the stream count is unknown before establishment
  port.is_established = true;
  m.handle_sctp_event(kNow, sctp::Connected{});
  EventLog log;
  log.drain(m);
  REQUIRE(log.count<ChannelError>() == 1);
  CHECK(log.all<ChannelError>()[0].error.is(DataChannelErrc::kInvalidId));
  CHECK(log.count_for<ChannelClosed>(*h) == 1);
  CHECK(m.channel(*h) == nullptr);
  CHECK(m.ready_state(*h) == DataChannelState::kClosed);
}

TEST_CASE("an incoming DATA_CHANNEL_OPEN creates the channel and is acknowledged", "[datachannel][manager]") {
  struct Row {
    ChannelType type;
    uint32_t parameter;
    bool ordered;
    std::optional<uint16_t> max_retransmits;
    std::optional<uint16_t> max_packet_life_time;
  };
  const Row rows[] = {
      {ChannelType::kReliable, 77, true, {}, {}},  // RFC 8832 §5.1: parameter ignored
      {ChannelType::kReliableUnordered, 0, false, {}, {}},
      {ChannelType::kPartialReliableRexmit, 5, true, 5, {}},
      {ChannelType::kPartialReliableRexmitUnordered, 0x12345, false, 65535, {}},  // clamped to 16 bits
      {ChannelType::kPartialReliableTimed, 3000, true, {}, 3000},
      {ChannelType::kPartialReliableTimedUnordered, 1, false, {}, 1},
  };
  for (const Row& row : rows) {
    INFO(channel_type_name(row.type));
    FakePort port;
    DataChannelManager m(port, with_role(DtlsRole::kClient));
    m.handle_sctp_event(kNow, message(7, kPpidDcep, open_bytes(row.type, row.parameter, "chat", "json", kPriorityMedium)));
    REQUIRE(port.sent.size() == 1);
    CHECK(port.sent[0].stream == StreamId(7));
    CHECK(port.sent[0].ppid == kPpidDcep);
    CHECK(port.sent[0].payload == std::vector<uint8_t>{kMessageTypeAck});
    CHECK_FALSE(port.sent[0].options.unordered);
    EventLog log;
    log.drain(m);
    REQUIRE(log.events.size() == 2);
    REQUIRE(std::holds_alternative<IncomingChannel>(log.events[0]));
    REQUIRE(std::holds_alternative<ChannelOpen>(log.events[1]));
    const ChannelHandle h = std::get<IncomingChannel>(log.events[0]).channel;
    const DataChannel* c = m.channel(h);
    REQUIRE(c != nullptr);
    CHECK(c->id() == StreamId(7));
    CHECK(c->label() == "chat");
    CHECK(c->protocol() == "json");
    CHECK(c->priority() == kPriorityMedium);
    CHECK(c->ordered() == row.ordered);
    CHECK(c->max_retransmits() == row.max_retransmits);
    CHECK(c->max_packet_life_time() == row.max_packet_life_time);
    CHECK(c->remote());
    CHECK_FALSE(c->negotiated());
    CHECK(c->ready_state() == DataChannelState::kOpen);
    CHECK(m.channel_on_stream(StreamId(7)) == h);
    CHECK(m.stats().channels_opened_remotely == 1);
  }
}

TEST_CASE("refused OPENs get a stream reset instead of an ACK (RFC 8832 §6)", "[datachannel][manager]") {
  struct Row {
    const char* name;
    uint16_t stream;
    std::vector<uint8_t> payload;
    uint64_t malformed;
  };
  const Row rows[] = {
      {"not well formed", 3, {kMessageTypeOpen, 0x00, 0x01}, 1},
      {"unknown channel type", 3, {kMessageTypeOpen, 0x05, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0}, 1},
      {"odd/even rule violated (the client's own parity)", 4, open_bytes(ChannelType::kReliable, 0, "x"), 0},
  };
  for (const Row& row : rows) {
    INFO(row.name);
    FakePort port;
    DataChannelManager m(port, with_role(DtlsRole::kClient));
    m.handle_sctp_event(kNow, message(row.stream, kPpidDcep, row.payload));
    CHECK(port.sent.empty());
    REQUIRE(port.resets.size() == 1);
    CHECK(port.resets[0] == StreamId(row.stream));
    CHECK(m.stats().opens_rejected == 1);
    CHECK(m.stats().dcep_malformed == row.malformed);
    EventLog log;
    log.drain(m);
    CHECK(log.events.empty());
    CHECK_FALSE(m.channel_on_stream(StreamId(row.stream)).has_value());
    // The id stays taken until both directions are reset, then it is free again.
    DataChannelInit init;
    init.negotiated = true;
    init.id = row.stream;
    CHECK(m.create_channel(kNow, "n", init).error().is(DataChannelErrc::kIdInUse));
    m.handle_sctp_event(kNow, outgoing_reset({row.stream}));
    m.handle_sctp_event(kNow, incoming_reset({row.stream}));
    log.drain(m);
    CHECK(log.events.empty());
    CHECK(port.resets.size() == 1);  // no second reset
    CHECK(m.create_channel(kNow, "n", init).ok());
  }
}

TEST_CASE("an OPEN on a stream in use closes the channel there (RFC 8832 §6)", "[datachannel][manager]") {
  WithRemoteChannel t(1);
  t.manager.handle_sctp_event(kNow, message(1, kPpidDcep, open_bytes(ChannelType::kReliable, 0, "again")));
  EventLog log;
  log.drain(t.manager);
  REQUIRE(log.count<ChannelError>() == 1);
  CHECK(log.all<ChannelError>()[0].error.is(DataChannelErrc::kProtocolViolation));
  CHECK(log.count_for<ChannelClosing>(t.handle) == 1);
  CHECK(t.manager.ready_state(t.handle) == DataChannelState::kClosing);
  REQUIRE(t.port.resets.size() == 1);
  CHECK(t.port.resets[0] == StreamId(1));
  CHECK(t.port.sent.empty());  // no ACK
}

TEST_CASE("ACKs out of place are counted and ignored", "[datachannel][manager]") {
  WithRemoteChannel t(1);
  t.manager.handle_sctp_event(kNow, message(1, kPpidDcep, {kMessageTypeAck}));   // never sent an OPEN there
  t.manager.handle_sctp_event(kNow, message(9, kPpidDcep, {kMessageTypeAck}));   // no channel
  t.manager.handle_sctp_event(kNow, message(9, kPpidDcep, {0x02, 0x00}));        // malformed ACK
  CHECK(t.manager.stats().dcep_unexpected == 2);
  CHECK(t.manager.stats().dcep_malformed == 1);
  CHECK(t.port.resets.empty());
  CHECK(t.manager.ready_state(t.handle) == DataChannelState::kOpen);
}

TEST_CASE("received messages by PPID (RFC 8831 §6.6, §8)", "[datachannel][manager]") {
  WithRemoteChannel t(1);
  DataChannelManager& m = t.manager;
  m.handle_sctp_event(kNow, message(1, kPpidString, bytes_of("hello")));
  m.handle_sctp_event(kNow, message(1, kPpidBinary, {0x00, 0xff, 0x10}));
  m.handle_sctp_event(kNow, message(1, kPpidStringEmpty, {0x00}));
  m.handle_sctp_event(kNow, message(1, kPpidBinaryEmpty, {0x00}));
  // Deprecated partial pieces are joined by the final piece.
  m.handle_sctp_event(kNow, message(1, kPpidStringPartial, bytes_of("ab")));
  m.handle_sctp_event(kNow, message(1, kPpidStringPartial, bytes_of("cd")));
  m.handle_sctp_event(kNow, message(1, kPpidString, bytes_of("ef")));
  m.handle_sctp_event(kNow, message(1, kPpidBinaryPartial, {1, 2}));
  m.handle_sctp_event(kNow, message(1, kPpidBinary, {3}));
  // Dropped: an unknown PPID, a stream without a channel.
  m.handle_sctp_event(kNow, message(1, 99, bytes_of("?")));
  m.handle_sctp_event(kNow, message(5, kPpidString, bytes_of("nobody")));
  EventLog log;
  log.drain(m);
  const auto msgs = log.messages_for(t.handle);
  REQUIRE(msgs.size() == 6);
  CHECK((!msgs[0].binary && string_of(msgs[0].data) == "hello"));
  CHECK((msgs[1].binary && msgs[1].data == std::vector<uint8_t>{0x00, 0xff, 0x10}));
  CHECK((!msgs[2].binary && msgs[2].data.empty()));
  CHECK((msgs[3].binary && msgs[3].data.empty()));
  CHECK((!msgs[4].binary && string_of(msgs[4].data) == "abcdef"));
  CHECK((msgs[5].binary && msgs[5].data == std::vector<uint8_t>{1, 2, 3}));
  for (const auto& msg : msgs) CHECK(msg.stream == StreamId(1));
  CHECK(m.stats().messages_received == 6);
  CHECK(m.stats().messages_dropped == 2);
}

TEST_CASE("partial pieces beyond max_receive_message_size are dropped", "[datachannel][manager]") {
  FakePort port;
  ManagerConfig config = with_role(DtlsRole::kClient);
  config.max_receive_message_size = 8;
  DataChannelManager m(port, config);
  m.handle_sctp_event(kNow, message(1, kPpidDcep, open_bytes(ChannelType::kReliable, 0, "r")));
  m.handle_sctp_event(kNow, message(1, kPpidStringPartial, bytes_of("12345")));
  m.handle_sctp_event(kNow, message(1, kPpidStringPartial, bytes_of("6789")));  // 9 > 8: all dropped
  m.handle_sctp_event(kNow, message(1, kPpidString, bytes_of("x")));             // stands alone
  m.handle_sctp_event(kNow, message(1, kPpidStringPartial, bytes_of("1234567")));
  m.handle_sctp_event(kNow, message(1, kPpidString, bytes_of("89")));            // 9 > 8: dropped
  EventLog log;
  log.drain(m);
  const auto msgs = log.all<ChannelMessage>();
  REQUIRE(msgs.size() == 1);
  CHECK(string_of(msgs[0].data) == "x");
  CHECK(m.stats().messages_dropped == 2);
}

TEST_CASE("sent messages: PPIDs, and empty messages as one 0x00 byte (RFC 8831 §6.6)", "[datachannel][manager]") {
  WithRemoteChannel t(1);
  const std::vector<uint8_t> blob{9, 8, 7};
  REQUIRE(t.manager.send_text(kNow, t.handle, "text").ok());
  REQUIRE(t.manager.send_binary(kNow, t.handle, blob).ok());
  REQUIRE(t.manager.send_text(kNow, t.handle, "").ok());
  REQUIRE(t.manager.send_binary(kNow, t.handle, {}).ok());
  REQUIRE(t.port.sent.size() == 4);
  CHECK(t.port.sent[0].ppid == kPpidString);
  CHECK(string_of(t.port.sent[0].payload) == "text");
  CHECK(t.port.sent[1].ppid == kPpidBinary);
  CHECK(t.port.sent[1].payload == blob);
  CHECK(t.port.sent[2].ppid == kPpidStringEmpty);
  CHECK(t.port.sent[2].payload == std::vector<uint8_t>{0x00});
  CHECK(t.port.sent[3].ppid == kPpidBinaryEmpty);
  CHECK(t.port.sent[3].payload == std::vector<uint8_t>{0x00});
  for (const auto& s : t.port.sent) CHECK(s.stream == StreamId(1));
  CHECK(t.manager.stats().messages_sent == 4);
  CHECK(t.manager.stats().bytes_sent == 7);
}

TEST_CASE("send errors", "[datachannel][manager]") {
  using E = DataChannelErrc;
  WithRemoteChannel t(1);
  DataChannelManager& m = t.manager;

  SECTION("above the peer's max-message-size (RFC 8841 §6)") {
    m.set_remote_max_message_size(10);
    CHECK(m.send_text(kNow, t.handle, std::string(10, 'a')).ok());
    auto r = m.send_text(kNow, t.handle, std::string(11, 'a'));
    REQUIRE_FALSE(r.ok());
    CHECK(r.error().is(E::kMessageTooLarge));
    m.set_remote_max_message_size(0);  // 0: no limit
    CHECK(m.send_binary(kNow, t.handle, std::vector<uint8_t>(100000, 1)).ok());
  }
  SECTION("unknown handle") {
    CHECK(m.send_text(kNow, ChannelHandle(999), "x").error().is(E::kUnknownChannel));
    CHECK(m.close(kNow, ChannelHandle(999)).error().is(E::kUnknownChannel));
    CHECK(m.set_buffered_amount_low_threshold(ChannelHandle(999), 1).error().is(E::kUnknownChannel));
  }
  SECTION("closing channel") {
    REQUIRE(m.close(kNow, t.handle).ok());
    CHECK(m.send_text(kNow, t.handle, "x").error().is(E::kInvalidState));
  }
  SECTION("association errors are translated") {
    t.port.send_error = Error(sctp::SctpErrc::kSendBufferFull, "full");
    CHECK(m.send_text(kNow, t.handle, "x").error().is(E::kSendBufferFull));
    t.port.send_error = Error(sctp::SctpErrc::kClosed, "closed");
    CHECK(m.send_text(kNow, t.handle, "x").error().is(E::kTransportClosed));
    t.port.send_error = Error(sctp::SctpErrc::kMessageTooLarge, "big");
    CHECK(m.send_text(kNow, t.handle, "x").error().is(E::kMessageTooLarge));
    CHECK(m.stats().messages_sent == 0);
  }
  SECTION("the OPEN cannot be queued: no channel") {
    t.port.send_error = Error(sctp::SctpErrc::kSendBufferFull, "full");
    auto r = m.create_channel(kNow, "x");
    REQUIRE_FALSE(r.ok());
    CHECK(r.error().is(E::kSendBufferFull));
    CHECK(m.channels().size() == 1);
    t.port.send_error.reset();
    auto again = m.create_channel(kNow, "x");
    REQUIRE(again.ok());
    CHECK(m.channel(*again)->id() == StreamId(0));  // the id was not leaked
  }
}

TEST_CASE("local close: reset our stream, closed when the peer resets its own (RFC 8831 §6.7)",
          "[datachannel][manager]") {
  FakePort port;
  DataChannelManager m(port, with_role(DtlsRole::kClient));
  EventLog log;
  const ChannelHandle h = m.create_channel(kNow, "bye").value();
  m.handle_sctp_event(kNow, message(0, kPpidDcep, {kMessageTypeAck}));
  REQUIRE(m.close(kNow, h).ok());
  CHECK(m.ready_state(h) == DataChannelState::kClosing);
  REQUIRE(port.resets.size() == 1);
  CHECK(port.resets[0] == StreamId(0));
  REQUIRE(m.close(kNow, h).ok());  // again: nothing more
  CHECK(port.resets.size() == 1);
  // Messages after close() are discarded (W3C: not open).
  m.handle_sctp_event(kNow, message(0, kPpidString, bytes_of("late")));

  m.handle_sctp_event(kNow, outgoing_reset({0}));
  CHECK(m.ready_state(h) == DataChannelState::kClosing);
  // The id is still in use until the peer's side is reset too.
  CHECK(m.create_channel(kNow, "other").value() != h);
  CHECK(m.channel(m.channels().back())->id() == StreamId(2));

  m.handle_sctp_event(kNow, incoming_reset({0}));
  CHECK(m.ready_state(h) == DataChannelState::kClosed);
  log.drain(m);
  // A local close reports no ChannelClosing; ChannelClosed is the last event.
  CHECK(log.count_for<ChannelClosing>(h) == 0);
  CHECK(log.count_for<ChannelClosed>(h) == 1);
  CHECK(log.count_for<ChannelMessage>(h) == 0);
  CHECK(m.channel(h) == nullptr);
  // Stream 0 is free again: the lowest even id is reused.
  auto reuse = m.create_channel(kNow, "reuse");
  REQUIRE(reuse.ok());
  CHECK(m.channel(*reuse)->id() == StreamId(0));
}

TEST_CASE("remote close: ChannelClosing, our reset, then ChannelClosed", "[datachannel][manager]") {
  WithRemoteChannel t(3);
  t.manager.handle_sctp_event(kNow, incoming_reset({3}));
  CHECK(t.manager.ready_state(t.handle) == DataChannelState::kClosing);
  REQUIRE(t.port.resets.size() == 1);
  CHECK(t.port.resets[0] == StreamId(3));
  t.manager.handle_sctp_event(kNow, incoming_reset({3}));  // duplicate report: ignored
  CHECK(t.port.resets.size() == 1);
  t.manager.handle_sctp_event(kNow, outgoing_reset({3}));
  t.log.drain(t.manager);
  const auto seq = t.log.sequence_for(t.handle);
  const std::vector<size_t> expected{
      Event(IncomingChannel{}).index(), Event(ChannelOpen{}).index(), Event(ChannelClosing{}).index(),
      Event(ChannelClosed{}).index()};
  CHECK(seq == expected);
  CHECK(t.manager.channel(t.handle) == nullptr);
  CHECK(t.manager.ready_state(t.handle) == DataChannelState::kClosed);
}

TEST_CASE("closing a channel that never reached the wire closes it at once", "[datachannel][manager]") {
  FakePort port;
  port.is_established = false;
  DataChannelManager m(port, with_role(DtlsRole::kClient));
  const ChannelHandle h = m.create_channel(kNow, "never").value();
  REQUIRE(m.close(kNow, h).ok());
  CHECK(port.resets.empty());
  EventLog log;
  log.drain(m);
  CHECK(log.count_for<ChannelClosed>(h) == 1);
  port.is_established = true;
  m.handle_sctp_event(kNow, sctp::Connected{});
  CHECK(port.sent.empty());
}

TEST_CASE("a reset before the ACK means the peer refused our OPEN (RFC 8832 §6)", "[datachannel][manager]") {
  FakePort port;
  DataChannelManager m(port, with_role(DtlsRole::kServer));
  const ChannelHandle h = m.create_channel(kNow, "refused").value();
  m.handle_sctp_event(kNow, incoming_reset({1}));
  EventLog log;
  log.drain(m);
  REQUIRE(log.count<ChannelError>() == 1);
  CHECK(log.all<ChannelError>()[0].error.is(DataChannelErrc::kOpenRejected));
  CHECK(log.count_for<ChannelClosing>(h) == 1);
  REQUIRE(port.resets.size() == 1);
  m.handle_sctp_event(kNow, outgoing_reset({1}));
  log.drain(m);
  CHECK(log.count_for<ChannelClosed>(h) == 1);
}

TEST_CASE("a refused stream reset retires the id", "[datachannel][manager]") {
  FakePort port;
  DataChannelManager m(port, with_role(DtlsRole::kClient));
  const ChannelHandle h = m.create_channel(kNow, "stuck").value();
  REQUIRE(m.close(kNow, h).ok());
  sctp::StreamResetFailed failed;
  failed.streams = {StreamId(0)};
  m.handle_sctp_event(kNow, failed);
  EventLog log;
  log.drain(m);
  REQUIRE(log.count<ChannelError>() == 1);
  CHECK(log.all<ChannelError>()[0].error.is(DataChannelErrc::kResetFailed));
  CHECK(log.count_for<ChannelClosed>(h) == 1);
  auto next = m.create_channel(kNow, "next");
  REQUIRE(next.ok());
  CHECK(m.channel(*next)->id() == StreamId(2));
}

TEST_CASE("an association without stream reset cannot close channels cleanly", "[datachannel][manager]") {
  FakePort port;
  port.reset_error = Error(sctp::SctpErrc::kNotSupported, "no RE-CONFIG");
  DataChannelManager m(port, with_role(DtlsRole::kClient));
  const ChannelHandle h = m.create_channel(kNow, "x").value();
  REQUIRE(m.close(kNow, h).ok());
  EventLog log;
  log.drain(m);
  REQUIRE(log.count<ChannelError>() == 1);
  CHECK(log.all<ChannelError>()[0].error.is(DataChannelErrc::kResetUnsupported));
  CHECK(log.count_for<ChannelClosed>(h) == 1);
  CHECK(m.channel(*m.create_channel(kNow, "y"))->id() == StreamId(2));
}

TEST_CASE("the association ending closes every channel", "[datachannel][manager]") {
  for (bool aborted : {false, true}) {
    INFO((aborted ? "Aborted" : "Closed"));
    FakePort port;
    DataChannelManager m(port, with_role(DtlsRole::kClient));
    const ChannelHandle a = m.create_channel(kNow, "a").value();
    const ChannelHandle b = m.create_channel(kNow, "b").value();
    if (aborted) {
      m.handle_sctp_event(kNow, sctp::Aborted{Error(sctp::SctpErrc::kPeerAborted, "abort"), "bye"});
    } else {
      m.handle_sctp_event(kNow, sctp::Closed{});
    }
    EventLog log;
    log.drain(m);
    CHECK(log.count<ChannelError>() == (aborted ? 2u : 0u));
    for (const ChannelError& e : log.all<ChannelError>()) CHECK(e.error.is(DataChannelErrc::kTransportAborted));
    CHECK(log.count_for<ChannelClosed>(a) == 1);
    CHECK(log.count_for<ChannelClosed>(b) == 1);
    CHECK(m.channels().empty());
    CHECK(m.create_channel(kNow, "late").error().is(DataChannelErrc::kTransportClosed));
  }
}

TEST_CASE("buffered amount and BufferedAmountLow", "[datachannel][manager]") {
  WithRemoteChannel t(1);
  REQUIRE(t.manager.set_buffered_amount_low_threshold(t.handle, 512).ok());
  CHECK(t.port.thresholds[1] == 512);
  CHECK(t.manager.channel(t.handle)->buffered_amount_low_threshold() == 512);
  t.port.buffered[1] = 4000;
  CHECK(t.manager.buffered_amount(t.handle) == 4000);
  // Only DCEP went out so far: a low report is not about user data.
  t.manager.handle_sctp_event(kNow, sctp::BufferedAmountLow{StreamId(1)});
  t.log.drain(t.manager);
  CHECK(t.log.count<BufferedAmountLow>() == 0);
  REQUIRE(t.manager.send_binary(kNow, t.handle, std::vector<uint8_t>(1000, 1)).ok());
  t.manager.handle_sctp_event(kNow, sctp::BufferedAmountLow{StreamId(1)});
  t.manager.handle_sctp_event(kNow, sctp::BufferedAmountLow{StreamId(9)});  // no channel
  t.log.drain(t.manager);
  REQUIRE(t.log.count<BufferedAmountLow>() == 1);
  CHECK(t.log.all<BufferedAmountLow>()[0].channel == t.handle);
}

TEST_CASE("a stray incoming reset is answered so the peer's close completes", "[datachannel][manager]") {
  FakePort port;
  DataChannelManager m(port, with_role(DtlsRole::kClient));
  m.handle_sctp_event(kNow, incoming_reset({7}));
  REQUIRE(port.resets.size() == 1);
  CHECK(port.resets[0] == StreamId(7));
  DataChannelInit init;
  init.negotiated = true;
  init.id = 7;
  CHECK(m.create_channel(kNow, "n", init).error().is(DataChannelErrc::kIdInUse));
  m.handle_sctp_event(kNow, outgoing_reset({7}));
  EventLog log;
  log.drain(m);
  CHECK(log.events.empty());
  CHECK(m.create_channel(kNow, "n", init).ok());
}

TEST_CASE("a stream the peer reuses before our reset completes: its messages wait", "[datachannel][manager]") {
  WithRemoteChannel t(1);
  DataChannelManager& m = t.manager;
  m.handle_sctp_event(kNow, incoming_reset({1}));  // the peer closed its channel on stream 1
  // ... and opened a new one on the same id before our own reset was acknowledged.
  m.handle_sctp_event(kNow, message(1, kPpidDcep, open_bytes(ChannelType::kReliable, 0, "second")));
  m.handle_sctp_event(kNow, message(1, kPpidString, bytes_of("first message")));
  t.log.drain(m);
  CHECK(t.log.count<IncomingChannel>() == 1);  // only the first channel so far
  CHECK(t.port.sent.empty());

  m.handle_sctp_event(kNow, outgoing_reset({1}));
  t.log.drain(m);
  CHECK(t.log.count_for<ChannelClosed>(t.handle) == 1);
  const auto incoming = t.log.all<IncomingChannel>();
  REQUIRE(incoming.size() == 2);
  const ChannelHandle second = incoming[1].channel;
  CHECK(second != t.handle);
  CHECK(m.channel(second)->label() == "second");
  CHECK(m.channel(second)->id() == StreamId(1));
  const auto msgs = t.log.messages_for(second);
  REQUIRE(msgs.size() == 1);
  CHECK(string_of(msgs[0].data) == "first message");
  REQUIRE(t.port.sent.size() == 1);  // the ACK for the second OPEN
  CHECK(t.port.sent[0].payload == std::vector<uint8_t>{kMessageTypeAck});
}

TEST_CASE("a reset of all incoming streams (empty list, RFC 6525 §4.1) closes every channel",
          "[datachannel][manager]") {
  FakePort port;
  DataChannelManager m(port, with_role(DtlsRole::kClient));
  const ChannelHandle a = m.create_channel(kNow, "a").value();
  const ChannelHandle b = m.create_channel(kNow, "b").value();
  m.handle_sctp_event(kNow, incoming_reset({}));
  CHECK(m.ready_state(a) == DataChannelState::kClosing);
  CHECK(m.ready_state(b) == DataChannelState::kClosing);
  REQUIRE(port.resets.size() == 2);
  CHECK(port.resets[0] == StreamId(0));
  CHECK(port.resets[1] == StreamId(2));
  m.handle_sctp_event(kNow, outgoing_reset({0, 2}));
  EventLog log;
  log.drain(m);
  CHECK(log.count<ChannelClosed>() == 2);
  CHECK(m.channels().empty());
}

TEST_CASE("describe(DataChannel) prints every attribute", "[datachannel][manager]") {
  WithRemoteChannel t(1);
  const std::string text = describe(*t.manager.channel(t.handle));
  CHECK(text.find("id: 1\n") != std::string::npos);
  CHECK(text.find("label: \"remote\"\n") != std::string::npos);
  CHECK(text.find("ready_state: open\n") != std::string::npos);
  CHECK(text.find("opened_by: peer\n") != std::string::npos);
  CHECK(text.find("max_retransmits: null\n") != std::string::npos);
}

}  // namespace
}  // namespace tern::datachannel

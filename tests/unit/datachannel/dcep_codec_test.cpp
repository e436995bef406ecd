// DCEP wire format (RFC 8832 §5): DATA_CHANNEL_OPEN and DATA_CHANNEL_ACK round trips from
// hand-written hex laid out as the RFC diagrams, failure tables with exact codes and positions,
// and the helpers around them (channel types, PPIDs, UTF-8).
#include <catch2/catch.hpp>

#include <string>
#include <vector>

#include "common/hex.hpp"
#include "datachannel/channel_type.hpp"
#include "datachannel/dcep_message.hpp"
#include "datachannel/errc.hpp"
#include "datachannel/ppid.hpp"
#include "datachannel/utf8.hpp"

namespace tern::datachannel {
namespace {

std::vector<uint8_t> hex(const char* text) {
  auto r = from_hex(text);
  REQUIRE(r.ok());
  return *r;
}

struct OpenRow {
  const char* name;
  const char* hex;  // type | channel type | priority ; reliability ; label len | protocol len ; label ; protocol
  ChannelType type;
  uint16_t priority;
  uint32_t reliability;
  std::string label;
  std::string protocol;
};

TEST_CASE("DATA_CHANNEL_OPEN round trips (RFC 8832 §5.1 layout)", "[datachannel][dcep]") {
  const OpenRow rows[] = {
      {"reliable, label only", "03 00 0100  00000000  0004 0000  63686174", ChannelType::kReliable, 256, 0,
       "chat", ""},
      {"reliable unordered", "03 80 0200  00000000  0001 0001  61  62", ChannelType::kReliableUnordered, 512, 0, "a",
       "b"},
      {"partial reliable rexmit", "03 01 0080  00000003  0001 0005  78  70726f746f",
       ChannelType::kPartialReliableRexmit, 128, 3, "x", "proto"},
      {"partial reliable rexmit unordered, empty strings", "03 81 0100  00000000  0000 0000",
       ChannelType::kPartialReliableRexmitUnordered, 256, 0, "", ""},
      {"partial reliable timed", "03 02 0400  000005dc  0005 0000  766964656f", ChannelType::kPartialReliableTimed,
       1024, 1500, "video", ""},
      {"partial reliable timed unordered, UTF-8 label, maximal numbers",
       "03 82 ffff  ffffffff  0005 0004  c3a974c3a9  6a736f6e", ChannelType::kPartialReliableTimedUnordered, 0xffff,
       0xffffffff, "\xc3\xa9t\xc3\xa9", "json"},
  };
  for (const OpenRow& row : rows) {
    INFO(row.name);
    const std::vector<uint8_t> wire = hex(row.hex);
    auto parsed = parse_dcep_message(wire);
    REQUIRE(parsed.ok());
    REQUIRE(std::holds_alternative<DataChannelOpen>(*parsed));
    const DataChannelOpen& open = std::get<DataChannelOpen>(*parsed);
    CHECK(open.channel_type == row.type);
    CHECK(open.priority == row.priority);
    CHECK(open.reliability_parameter == row.reliability);
    CHECK(open.label == row.label);
    CHECK(open.protocol == row.protocol);
    CHECK(open.serialized_size() == wire.size());

    auto out = serialize_dcep_message(*parsed);
    REQUIRE(out.ok());
    CHECK(to_hex(*out) == to_hex(wire));

    // Built from fields, it serializes to the same bytes.
    DataChannelOpen built;
    built.channel_type = row.type;
    built.priority = row.priority;
    built.reliability_parameter = row.reliability;
    built.label = row.label;
    built.protocol = row.protocol;
    CHECK(built == open);
    std::vector<uint8_t> buffer(built.serialized_size());
    ByteWriter w(buffer);
    REQUIRE(built.serialize(w).ok());
    CHECK(w.position() == wire.size());
    CHECK(buffer == wire);
  }
}

TEST_CASE("DATA_CHANNEL_ACK round trip (RFC 8832 §5.2)", "[datachannel][dcep]") {
  const std::vector<uint8_t> wire = hex("02");
  auto parsed = parse_dcep_message(wire);
  REQUIRE(parsed.ok());
  CHECK(std::holds_alternative<DataChannelAck>(*parsed));
  auto out = serialize_dcep_message(DataChannelAck{});
  REQUIRE(out.ok());
  CHECK(*out == wire);
  CHECK(DataChannelAck::parse(wire).ok());
}

TEST_CASE("the largest label and protocol the length fields allow round-trip", "[datachannel][dcep]") {
  DataChannelOpen open;
  open.label = std::string(kMaxLabelLength, 'L');
  open.protocol = std::string(kMaxProtocolLength, 'p');
  auto bytes = serialize_dcep_message(open);
  REQUIRE(bytes.ok());
  CHECK(bytes->size() == 12 + 65535 + 65535);
  CHECK(to_hex(std::span<const uint8_t>(*bytes).subspan(8, 4)) == "ffffffff");
  auto back = parse_dcep_message(*bytes);
  REQUIRE(back.ok());
  CHECK(std::get<DataChannelOpen>(*back) == open);
}

struct FailRow {
  const char* name;
  const char* hex;
  DataChannelErrc code;
  uint32_t position;
  const char* detail;  // nullptr: not checked
};

TEST_CASE("DCEP messages that fail to parse (exact code and position)", "[datachannel][dcep]") {
  using E = DataChannelErrc;
  const FailRow rows[] = {
      {"empty", "", E::kTruncated, 0, "Message Type"},
      {"OPEN: channel type missing", "03", E::kTruncated, 1, "Channel Type"},
      {"OPEN: priority missing", "03 00", E::kTruncated, 2, "Priority"},
      {"OPEN: half a priority", "03 00 01", E::kTruncated, 2, "Priority"},
      {"OPEN: reliability missing", "03 00 0100", E::kTruncated, 4, "Reliability Parameter"},
      {"OPEN: 3 bytes of reliability", "03 00 0100 000000", E::kTruncated, 4, "Reliability Parameter"},
      {"OPEN: label length missing", "03 00 0100 00000000", E::kTruncated, 8, "Label Length"},
      {"OPEN: protocol length missing", "03 00 0100 00000000 0000", E::kTruncated, 10, "Protocol Length"},
      {"OPEN: half a protocol length", "03 00 0100 00000000 0000 00", E::kTruncated, 10, "Protocol Length"},
      {"OPEN: label length past the end", "03 00 0100 00000000 0005 0000 63686174", E::kLengthOverrun, 12,
       "Label Length runs past the message"},
      {"OPEN: protocol length past the end", "03 00 0100 00000000 0001 0003 61 6263", E::kLengthOverrun, 13,
       "Protocol Length runs past the message"},
      {"OPEN: maximal label length, no label", "03 00 0100 00000000 ffff 0000", E::kLengthOverrun, 12, nullptr},
      {"OPEN: a byte after protocol", "03 00 0100 00000000 0001 0001 61 62 00", E::kTrailingBytes, 14, nullptr},
      {"OPEN: channel type 0x03", "03 03 0100 00000000 0000 0000", E::kUnknownChannelType, 1, "Channel Type"},
      {"OPEN: channel type 0x7f", "03 7f 0100 00000000 0000 0000", E::kUnknownChannelType, 1, nullptr},
      {"OPEN: channel type 0x83", "03 83 0100 00000000 0000 0000", E::kUnknownChannelType, 1, nullptr},
      {"OPEN: channel type 0xff", "03 ff", E::kUnknownChannelType, 1, nullptr},
      {"OPEN: label not UTF-8 (lone continuation)", "03 00 0100 00000000 0002 0000 61 80", E::kInvalidUtf8, 13,
       "Label is not UTF-8"},
      {"OPEN: label with overlong NUL", "03 00 0100 00000000 0002 0000 c080", E::kInvalidUtf8, 12, nullptr},
      {"OPEN: label with a surrogate", "03 00 0100 00000000 0003 0000 eda080", E::kInvalidUtf8, 12, nullptr},
      {"OPEN: label cut inside a sequence", "03 00 0100 00000000 0002 0000 61 e2", E::kInvalidUtf8, 13, nullptr},
      {"OPEN: protocol not UTF-8", "03 00 0100 00000000 0001 0002 61 62ff", E::kInvalidUtf8, 14,
       "Protocol is not UTF-8"},
      {"ACK: a byte after the type", "02 00", E::kTrailingBytes, 1, "bytes after Message Type"},
      {"reserved type 0x00", "00", E::kUnknownMessageType, 0, "Message Type"},
      {"reserved type 0x01", "01 00", E::kUnknownMessageType, 0, nullptr},
      {"unassigned type 0x04", "04", E::kUnknownMessageType, 0, nullptr},
      {"reserved type 0xff", "ff 00 0100 00000000 0000 0000", E::kUnknownMessageType, 0, nullptr},
  };
  for (const FailRow& row : rows) {
    INFO(row.name);
    auto r = parse_dcep_message(hex(row.hex));
    REQUIRE_FALSE(r.ok());
    INFO(r.error().to_string());
    CHECK(r.error().is(row.code));
    CHECK(r.error().position() == row.position);
    if (row.detail) CHECK(std::string(r.error().detail()) == row.detail);
  }
}

TEST_CASE("the typed parsers refuse the other message type", "[datachannel][dcep]") {
  auto open = DataChannelOpen::parse(hex("02"));
  REQUIRE_FALSE(open.ok());
  CHECK(open.error().is(DataChannelErrc::kUnknownMessageType));
  auto ack = DataChannelAck::parse(hex("03 00 0100 00000000 0000 0000"));
  REQUIRE_FALSE(ack.ok());
  CHECK(ack.error().is(DataChannelErrc::kUnknownMessageType));
  auto empty = DataChannelAck::parse({});
  REQUIRE_FALSE(empty.ok());
  CHECK(empty.error().is(DataChannelErrc::kTruncated));
}

TEST_CASE("DATA_CHANNEL_OPEN serialize errors", "[datachannel][dcep]") {
  DataChannelOpen open;
  open.label = std::string(65536, 'x');
  auto too_long = serialize_dcep_message(open);
  REQUIRE_FALSE(too_long.ok());
  CHECK(too_long.error().is(DataChannelErrc::kLabelTooLong));

  open.label = "ok";
  open.protocol = std::string(65536, 'y');
  auto protocol_long = serialize_dcep_message(open);
  REQUIRE_FALSE(protocol_long.ok());
  CHECK(protocol_long.error().is(DataChannelErrc::kProtocolTooLong));

  open.protocol = "p";
  std::vector<uint8_t> small(open.serialized_size() - 1);
  ByteWriter w(small);
  Status s = open.serialize(w);
  REQUIRE_FALSE(s.ok());
  CHECK(s.error().is(DataChannelErrc::kBufferTooSmall));
  CHECK(w.position() == 0);

  std::vector<uint8_t> none;
  ByteWriter w0(none);
  Status ack = DataChannelAck{}.serialize(w0);
  REQUIRE_FALSE(ack.ok());
  CHECK(ack.error().is(DataChannelErrc::kBufferTooSmall));
}

TEST_CASE("channel types: order bit and reliability policy (RFC 8832 §5.1)", "[datachannel][dcep]") {
  struct Row {
    uint8_t value;
    bool unordered;
    Reliability reliability;
    const char* name;
  };
  const Row rows[] = {
      {0x00, false, Reliability::kReliable, "DATA_CHANNEL_RELIABLE"},
      {0x80, true, Reliability::kReliable, "DATA_CHANNEL_RELIABLE_UNORDERED"},
      {0x01, false, Reliability::kRexmit, "DATA_CHANNEL_PARTIAL_RELIABLE_REXMIT"},
      {0x81, true, Reliability::kRexmit, "DATA_CHANNEL_PARTIAL_RELIABLE_REXMIT_UNORDERED"},
      {0x02, false, Reliability::kTimed, "DATA_CHANNEL_PARTIAL_RELIABLE_TIMED"},
      {0x82, true, Reliability::kTimed, "DATA_CHANNEL_PARTIAL_RELIABLE_TIMED_UNORDERED"},
  };
  for (const Row& row : rows) {
    INFO(row.name);
    CHECK(is_known_channel_type(row.value));
    const auto type = static_cast<ChannelType>(row.value);
    CHECK(is_unordered(type) == row.unordered);
    CHECK(reliability_of(type) == row.reliability);
    CHECK(std::string(channel_type_name(type)) == row.name);
    CHECK(make_channel_type(!row.unordered, row.reliability) == type);
  }
  int known = 0;
  for (int v = 0; v < 256; ++v) known += is_known_channel_type(static_cast<uint8_t>(v)) ? 1 : 0;
  CHECK(known == 6);
}

TEST_CASE("PPIDs (RFC 8831 §8)", "[datachannel][ppid]") {
  struct Row {
    uint32_t ppid;
    PayloadKind kind;
    const char* name;
  };
  const Row rows[] = {
      {50, PayloadKind::kDcep, "DCEP"},
      {51, PayloadKind::kString, "String"},
      {52, PayloadKind::kBinaryPartial, "Binary Partial (deprecated)"},
      {53, PayloadKind::kBinary, "Binary"},
      {54, PayloadKind::kStringPartial, "String Partial (deprecated)"},
      {55, PayloadKind::kUnknown, "unknown"},
      {56, PayloadKind::kStringEmpty, "String Empty"},
      {57, PayloadKind::kBinaryEmpty, "Binary Empty"},
      {0, PayloadKind::kUnknown, "unknown"},
      {0x33000000, PayloadKind::kUnknown, "unknown"},  // 51 in the wrong byte order
  };
  for (const Row& row : rows) {
    INFO(row.ppid);
    CHECK(classify_ppid(row.ppid) == row.kind);
    CHECK(std::string(ppid_name(row.ppid)) == row.name);
  }
}

TEST_CASE("UTF-8 validation (RFC 3629)", "[datachannel][utf8]") {
  struct Row {
    const char* name;
    const char* hex;
    std::optional<size_t> bad_at;
  };
  const Row rows[] = {
      {"empty", "", std::nullopt},
      {"ASCII", "616263", std::nullopt},
      {"2-byte é", "c3a9", std::nullopt},
      {"3-byte €", "e282ac", std::nullopt},
      {"4-byte U+1F600", "f09f9880", std::nullopt},
      {"U+10FFFF", "f48fbfbf", std::nullopt},
      {"U+D7FF (below the surrogates)", "ed9fbf", std::nullopt},
      {"lone continuation", "80", 0},
      {"overlong 2-byte", "c1bf", 0},
      {"overlong 3-byte", "e09fbf", 0},
      {"overlong 4-byte", "f08fbfbf", 0},
      {"surrogate U+D800", "eda080", 0},
      {"above U+10FFFF", "f4908080", 0},
      {"lead 0xf5", "f5808080", 0},
      {"truncated 3-byte at the end", "61e282", 1},
      {"bad continuation", "61c328", 1},
      {"0xff", "6162ff", 2},
  };
  for (const Row& row : rows) {
    INFO(row.name);
    const std::vector<uint8_t> b = hex(row.hex);
    CHECK(find_invalid_utf8(std::string_view(reinterpret_cast<const char*>(b.data()), b.size())) == row.bad_at);
  }
}

TEST_CASE("describe() prints every DCEP field on its own line", "[datachannel][dcep]") {
  const std::string open = describe_dcep_bytes(hex("03 01 0080 00000003 0001 0005 78 70726f746f"));
  CHECK(open.find("DATA_CHANNEL_OPEN") != std::string::npos);
  CHECK(open.find("channel_type: 0x01 DATA_CHANNEL_PARTIAL_RELIABLE_REXMIT\n") != std::string::npos);
  CHECK(open.find("priority: 128\n") != std::string::npos);
  CHECK(open.find("reliability_parameter: 3 (max retransmissions)\n") != std::string::npos);
  CHECK(open.find("label: \"x\"\n") != std::string::npos);
  CHECK(open.find("protocol: \"proto\"\n") != std::string::npos);
  CHECK(describe_dcep_bytes(hex("02")).find("DATA_CHANNEL_ACK") != std::string::npos);
  const std::string bad = describe_dcep_bytes(hex("03 05"));
  CHECK(bad.find("kUnknownChannelType") != std::string::npos);
}

}  // namespace
}  // namespace tern::datachannel

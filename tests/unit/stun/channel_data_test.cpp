// TURN ChannelData framing (RFC 8656 §12.4, §12.5).
#include <catch2/catch.hpp>

#include "stun/channel_data.hpp"
#include "stun/describe.hpp"
#include "test_util.hpp"

namespace tern::stun {
namespace {
using test::hex;

TEST_CASE("ChannelData round trips", "[stun][channel_data]") {
  struct Row {
    const char* name;
    uint16_t channel;
    const char* data;
    ChannelDataFraming framing;
    const char* wire;
  };
  const Row rows[] = {
      {"UDP, 5 bytes, no padding", 0x4000, "0102030405", ChannelDataFraming::kDatagram, "4000 0005 0102030405"},
      {"TCP, 5 bytes, padded", 0x4000, "0102030405", ChannelDataFraming::kStream, "4000 0005 0102030405 000000"},
      {"UDP, empty", 0x4fff, "", ChannelDataFraming::kDatagram, "4fff 0000"},
      {"TCP, empty", 0x4fff, "", ChannelDataFraming::kStream, "4fff 0000"},
      {"TCP, 4 bytes", 0x4123, "deadbeef", ChannelDataFraming::kStream, "4123 0004 deadbeef"},
  };
  for (const Row& r : rows) {
    INFO(r.name);
    const auto wire = hex(r.wire);
    const auto data = hex(r.data);
    auto parsed = parse_channel_data(wire, r.framing);
    REQUIRE(parsed.ok());
    CHECK(parsed->channel == r.channel);
    CHECK(std::vector<uint8_t>(parsed->data.begin(), parsed->data.end()) == data);
    CHECK(parsed->frame_size == wire.size());
    CHECK(channel_data_size(data.size(), r.framing) == wire.size());
    std::vector<uint8_t> out(wire.size() + 8, 0xEE);
    auto n = serialize_channel_data({r.channel, data, 0}, out, r.framing);
    REQUIRE(n.ok());
    CHECK(*n == wire.size());
    CHECK(std::vector<uint8_t>(out.begin(), out.begin() + static_cast<long>(*n)) == wire);
    CHECK(looks_like_channel_data(wire));
  }
}

TEST_CASE("ChannelData over UDP may carry padding; over TCP frames follow each other", "[stun][channel_data]") {
  const auto padded = hex("4001 0001 aa 000000");
  auto p = parse_channel_data(padded, ChannelDataFraming::kDatagram);
  REQUIRE(p.ok());
  CHECK(p->data.size() == 1);
  CHECK(p->frame_size == 8);

  const auto stream = hex("4001 0001 aa000000 4002 0002 bbbb 0000 4003");
  auto first = parse_channel_data(stream, ChannelDataFraming::kStream);
  REQUIRE(first.ok());
  CHECK(first->frame_size == 8);
  auto second = parse_channel_data(std::span<const uint8_t>(stream).subspan(8), ChannelDataFraming::kStream);
  REQUIRE(second.ok());
  CHECK(second->channel == 0x4002);
  CHECK(second->frame_size == 8);
  auto third = parse_channel_data(std::span<const uint8_t>(stream).subspan(16), ChannelDataFraming::kStream);
  CHECK(third.error().is(StunErrc::kChannelDataTruncated));
}

TEST_CASE("ChannelData failures give exact codes", "[stun][channel_data]") {
  struct Row {
    const char* name;
    const char* wire;
    ChannelDataFraming framing;
    StunErrc code;
    uint32_t position;
  };
  const Row rows[] = {
      {"3 bytes", "4000 00", ChannelDataFraming::kDatagram, StunErrc::kChannelDataTruncated, 3},
      {"channel 0x3fff", "3fff 0000", ChannelDataFraming::kDatagram, StunErrc::kBadChannelNumber, 0},
      {"channel 0x5000 (reserved)", "5000 0000", ChannelDataFraming::kDatagram, StunErrc::kBadChannelNumber, 0},
      {"STUN header", "0001 0000 2112a442", ChannelDataFraming::kDatagram, StunErrc::kBadChannelNumber, 0},
      {"length past the datagram", "4000 0005 01020304", ChannelDataFraming::kDatagram, StunErrc::kChannelDataTruncated, 2},
      {"4 bytes after the data", "4000 0001 aa 00000000", ChannelDataFraming::kDatagram, StunErrc::kChannelDataTrailingBytes, 5},
      {"TCP without padding", "4000 0001 aa", ChannelDataFraming::kStream, StunErrc::kChannelDataTruncated, 5},
  };
  for (const Row& r : rows) {
    INFO(r.name);
    const auto wire = hex(r.wire);
    auto p = parse_channel_data(wire, r.framing);
    REQUIRE_FALSE(p.ok());
    CHECK(p.error().is(r.code));
    CHECK(p.error().position() == r.position);
  }
  uint8_t out[16];
  const uint8_t data[4] = {1, 2, 3, 4};
  CHECK(serialize_channel_data({0x3fff, data, 0}, out, ChannelDataFraming::kDatagram).error().is(StunErrc::kBadChannelNumber));
  CHECK(serialize_channel_data({0x4000, data, 0}, std::span<uint8_t>(out, 7), ChannelDataFraming::kDatagram)
            .error()
            .is(StunErrc::kBufferTooSmall));
  std::vector<uint8_t> huge(0x10000);
  std::vector<uint8_t> big_out(0x10010);
  CHECK(serialize_channel_data({0x4000, huge, 0}, big_out, ChannelDataFraming::kDatagram).error().is(StunErrc::kValueTooLong));
  CHECK_FALSE(looks_like_channel_data(hex("0001 0000")));
  CHECK_FALSE(looks_like_channel_data(hex("5000 0000")));
  CHECK_FALSE(looks_like_channel_data(hex("4000 00")));
}

TEST_CASE("ChannelData describe", "[stun][channel_data]") {
  const auto wire = hex("4001 0003 616263");
  auto p = parse_channel_data(wire, ChannelDataFraming::kDatagram);
  REQUIRE(p.ok());
  CHECK(describe(*p) == "TURN ChannelData channel 0x4001, 3 bytes\n  data: 616263\n");
}

}  // namespace
}  // namespace tern::stun

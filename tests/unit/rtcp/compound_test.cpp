// Common header (RFC 3550 §6.4.1), compound packets (§6.1, §A.2) and reduced-size RTCP (RFC 5506).
#include "rtcp_test_util.hpp"

namespace tern::rtcp {
namespace {

using test::check_parse_error;
using test::hex;
using test::hex_of;

const Ssrc kSender(0x12345678);
const Ssrc kMedia(0x9abcdef0);
const ReportBlock kBlock{Ssrc(0x9abcdef0), 0x40, 5, 0x00012345, 30, 0x3c4d5e6f, 0x00018000};

constexpr const char* kSrHex =
    "81c8000c 12345678 e12b3c4d 5e6f7081 0001e240 00000064 00004e20 "
    "9abcdef0 40000005 00012345 0000001e 3c4d5e6f 00018000";
constexpr const char* kRrHex = "81c90007 12345678 9abcdef0 40000005 00012345 0000001e 3c4d5e6f 00018000";
constexpr const char* kSdesHex = "81ca0006 12345678 0110 75736572 40657861 6d706c65 2e636f6d 0000";
constexpr const char* kByeHex = "81cb0003 12345678 046c6566 74000000";
constexpr const char* kPliHex = "81ce0002 12345678 9abcdef0";
constexpr const char* kNackHex = "81cd0003 12345678 9abcdef0 03e88005";

std::string cat(std::initializer_list<const char*> parts) {
  std::string s;
  for (const char* p : parts) (s += p) += ' ';
  return s;
}

// Serializes parsed packets back and compares with the input.
void check_reserialize(const std::vector<Packet>& packets, const std::vector<uint8_t>& bytes) {
  std::vector<uint8_t> out(serialized_size(packets));
  Result<size_t> n = serialize_compound(packets, out);
  REQUIRE(n.ok());
  CHECK(*n == bytes.size());
  CHECK(hex_of(out) == hex_of(bytes));
}

TEST_CASE("SR + SDES compound (RFC 3550 §6.1)", "[rtcp][compound]") {
  const SenderReport sr{kSender, 0xe12b3c4d5e6f7081, 123456, 100, 20000, {kBlock}, {}};
  const Sdes sdes = Sdes::cname(kSender, "user@example.com");
  uint8_t buffer[256];
  CompoundBuilder builder(buffer);
  REQUIRE(builder.add(sr).ok());
  REQUIRE(builder.add(sdes).ok());
  const std::vector<uint8_t> expected = hex(cat({kSrHex, kSdesHex}));
  CHECK(hex_of(builder.bytes()) == hex_of(expected));

  auto parsed = parse_compound(expected, ParseOptions{.strict_compound = true});
  REQUIRE(parsed.ok());
  REQUIRE(parsed->size() == 2);
  CHECK(std::get<SenderReport>((*parsed)[0].body) == sr);
  CHECK(std::get<Sdes>((*parsed)[1].body) == sdes);
  check_reserialize(*parsed, expected);
}

TEST_CASE("RR + SDES + BYE compound", "[rtcp][compound]") {
  const std::vector<uint8_t> bytes = hex(cat({kRrHex, kSdesHex, kByeHex}));
  auto parsed = parse_compound(bytes, ParseOptions{.strict_compound = true});
  REQUIRE(parsed.ok());
  REQUIRE(parsed->size() == 3);
  CHECK(std::get<ReceiverReport>((*parsed)[0].body) == ReceiverReport{kSender, {kBlock}, {}});
  CHECK(std::get<Sdes>((*parsed)[1].body).chunks.at(0).items.at(0).text == "user@example.com");
  CHECK(std::get<Bye>((*parsed)[2].body) == Bye{{kSender}, "left"});
  check_reserialize(*parsed, bytes);

  std::vector<Packet> built = {{ReceiverReport{kSender, {kBlock}, {}}, 0},
                               {Sdes::cname(kSender, "user@example.com"), 0},
                               {Bye{{kSender}, "left"}, 0}};
  CHECK(built == *parsed);
  check_reserialize(built, bytes);
}

TEST_CASE("reduced-size RTCP: a lone feedback packet (RFC 5506 §3)", "[rtcp][compound]") {
  struct Case {
    const char* name;
    const char* hex;
  };
  const Case cases[] = {{"lone PLI", kPliHex}, {"lone NACK", kNackHex}, {"NACK + PLI", "81cd0003 12345678 9abcdef0 03e88005 81ce0002 12345678 9abcdef0"}};
  for (const Case& c : cases) {
    SECTION(c.name) {
      const std::vector<uint8_t> bytes = hex(c.hex);
      auto parsed = parse_compound(bytes);
      REQUIRE(parsed.ok());
      check_reserialize(*parsed, bytes);
      // RFC 3550 §A.2 would refuse it: the first packet is not SR/RR.
      check_parse_error(c.hex, RtcpErrc::kNotReport, ParseOptions{.strict_compound = true}, 1);
    }
  }
  auto nack = parse_compound(hex(kNackHex));
  REQUIRE(nack.ok());
  CHECK(std::get<Nack>((*nack)[0].body).lost() ==
        std::vector<SeqNo>{SeqNo(1000), SeqNo(1001), SeqNo(1003), SeqNo(1016)});
}

TEST_CASE("unknown packet types and FMTs survive a round trip as raw packets", "[rtcp][compound]") {
  // RR, XR (PT 207, RFC 3611), RTPFB FMT 3 (TMMBR), PSFB FMT 15 with a non-REMB identifier,
  // PT 195 (IJ) with count 1.
  const std::string text = cat({kRrHex,
                                "80cf0002 12345678 04000001",
                                "83cd0004 12345678 00000000 9abcdef0 04000fa0",
                                "8fce0003 12345678 00000000 41424344",
                                "81c30001 00000010"});
  const std::vector<uint8_t> bytes = hex(text);
  auto parsed = parse_compound(bytes, ParseOptions{.strict_compound = true});
  REQUIRE(parsed.ok());
  REQUIRE(parsed->size() == 5);
  const RawPacket& xr = std::get<RawPacket>((*parsed)[1].body);
  CHECK(xr.type == 207);
  CHECK(xr.count == 0);
  CHECK(hex_of(xr.body) == "1234567804000001");
  const RawPacket& tmmbr = std::get<RawPacket>((*parsed)[2].body);
  CHECK(tmmbr.type == kPtRtpfb);
  CHECK(tmmbr.count == 3);
  CHECK(std::get<RawPacket>((*parsed)[3].body).count == kFmtAfb);
  CHECK(std::get<RawPacket>((*parsed)[4].body).type == 195);
  check_reserialize(*parsed, bytes);
}

TEST_CASE("padding (RFC 3550 §6.4.1)", "[rtcp][compound]") {
  SECTION("on the last packet, strict") {
    // SDES with P=1 and 4 padding octets (count 4).
    const std::string text = cat({kRrHex, "a1ca0007 12345678 0110 75736572 40657861 6d706c65 2e636f6d 0000 00000004"});
    const std::vector<uint8_t> bytes = hex(text);
    auto parsed = parse_compound(bytes, ParseOptions{.strict_compound = true});
    REQUIRE(parsed.ok());
    CHECK((*parsed)[0].padding == 0);
    CHECK((*parsed)[1].padding == 4);
    CHECK(std::get<Sdes>((*parsed)[1].body) == Sdes::cname(kSender, "user@example.com"));
    check_reserialize(*parsed, bytes);
    // The builder writes the same padding.
    uint8_t buffer[128];
    CompoundBuilder builder(buffer);
    REQUIRE(builder.add(ReceiverReport{kSender, {kBlock}, {}}).ok());
    REQUIRE(builder.add(Sdes::cname(kSender, "user@example.com"), 4).ok());
    CHECK(hex_of(builder.bytes()) == hex_of(bytes));
  }
  SECTION("on a packet that is not the last") {
    const std::string text = cat({"a0c90002 12345678 00000004", kSdesHex});
    check_parse_error(text, RtcpErrc::kPaddingNotLast, ParseOptions{.strict_compound = true}, 0);
    // Tolerated when not strict.
    const std::vector<uint8_t> bytes = hex(text);
    auto parsed = parse_compound(bytes);
    REQUIRE(parsed.ok());
    CHECK((*parsed)[0].padding == 4);
    CHECK(std::get<ReceiverReport>((*parsed)[0].body) == ReceiverReport{kSender, {}, {}});
    check_reserialize(*parsed, bytes);
  }
}

TEST_CASE("common header and compound failures", "[rtcp][compound]") {
  struct Case {
    const char* name;
    std::string hex;
    RtcpErrc code;
    int64_t position;
    bool strict;
  };
  const Case cases[] = {
      {"empty datagram", "", RtcpErrc::kEmpty, 0, false},
      {"truncated header", "80c9", RtcpErrc::kTruncatedHeader, 0, false},
      {"bad version 1", "40c90001 12345678", RtcpErrc::kBadVersion, 0, false},
      {"bad version 3", "c0c90001 12345678", RtcpErrc::kBadVersion, 0, false},
      {"length beyond the datagram", "80c90002 12345678", RtcpErrc::kLengthOverrun, 2, false},
      {"second packet's length beyond the datagram", cat({kRrHex, "81ca0006 12345678"}), RtcpErrc::kLengthOverrun, 34,
       false},
      {"second packet's header truncated", cat({kRrHex, "81"}), RtcpErrc::kTruncatedHeader, 32, false},
      {"padding count zero", "a0c90001 12345600", RtcpErrc::kBadPadding, 7, false},
      {"padding count beyond the packet", "a0c90001 12345609", RtcpErrc::kBadPadding, 7, false},
      {"strict: first packet SDES", kSdesHex, RtcpErrc::kNotReport, 1, true},
      {"strict: padding before the last packet", cat({"a0c90002 12345678 00000004", kByeHex}),
       RtcpErrc::kPaddingNotLast, 0, true},
      {"a bad packet after good ones", cat({kRrHex, "81cd0002 12345678 9abcdef0"}), RtcpErrc::kEmptyFci, 44, false},
  };
  for (const Case& c : cases) {
    SECTION(c.name) { check_parse_error(c.hex, c.code, ParseOptions{.strict_compound = c.strict}, c.position); }
  }
}

TEST_CASE("CompoundReader walks the packets without decoding them", "[rtcp][compound]") {
  const std::vector<uint8_t> bytes = hex(cat({kSrHex, kSdesHex, kPliHex}));
  CompoundReader reader(bytes);
  std::vector<std::pair<uint8_t, uint32_t>> seen;
  while (!reader.done()) {
    Result<PacketView> v = reader.next();
    REQUIRE(v.ok());
    seen.emplace_back(v->type, v->offset);
  }
  CHECK(seen == std::vector<std::pair<uint8_t, uint32_t>>{{kPtSr, 0}, {kPtSdes, 52}, {kPtPsfb, 80}});
}

TEST_CASE("serialize failures", "[rtcp][compound]") {
  SECTION("buffer too small leaves the packets already added") {
    uint8_t buffer[44];
    CompoundBuilder builder(buffer);
    REQUIRE(builder.add(ReceiverReport{kSender, {kBlock}, {}}).ok());
    Status s = builder.add(Sdes::cname(kSender, "user@example.com"));
    REQUIRE_FALSE(s.ok());
    CHECK(s.error().is(RtcpErrc::kBufferTooSmall));
    CHECK(hex_of(builder.bytes()) == hex_of(hex(kRrHex)));
    REQUIRE(builder.add(Pli{kSender, kMedia}).ok());
    CHECK(builder.size() == 44);
  }
  SECTION("exact-size buffer") {
    const Pli pli{kSender, kMedia};
    std::vector<uint8_t> out(serialized_size(pli));
    CHECK(serialize(pli, std::span<uint8_t>(out)).ok());
    std::vector<uint8_t> small(out.size() - 1);
    Result<size_t> r = serialize(pli, std::span<uint8_t>(small));
    REQUIRE_FALSE(r.ok());
    CHECK(r.error().is(RtcpErrc::kBufferTooSmall));
  }
  SECTION("packet above 65536 words") {
    static const std::vector<uint8_t> big(kMaxPacketSize, 0);
    RawPacket raw{0, 207, big};
    std::vector<uint8_t> out(kMaxPacketSize + 8);
    Result<size_t> r = serialize(raw, std::span<uint8_t>(out));
    REQUIRE_FALSE(r.ok());
    CHECK(r.error().is(RtcpErrc::kTooLarge));
    raw.body = std::span<const uint8_t>(big).first(kMaxPacketSize - kHeaderSize);
    CHECK(serialize(raw, std::span<uint8_t>(out)).ok());
  }
}

}  // namespace
}  // namespace tern::rtcp

// SDES (RFC 3550 §6.5), BYE (§6.6), APP (§6.7).
#include "rtcp_test_util.hpp"

#include "rtcp/app.hpp"
#include "rtcp/bye.hpp"
#include "rtcp/sdes.hpp"

namespace tern::rtcp {
namespace {

using test::check_parse_error;
using test::check_round_trip;

constexpr uint8_t kCname = static_cast<uint8_t>(SdesType::kCname);
constexpr uint8_t kName = static_cast<uint8_t>(SdesType::kName);
constexpr uint8_t kTool = static_cast<uint8_t>(SdesType::kTool);

TEST_CASE("SDES round trips (RFC 3550 §6.5)", "[rtcp][sdes]") {
  struct Case {
    const char* name;
    Sdes sdes;
    const char* hex;
  };
  const Case cases[] = {
      // 18 octets of item + null = 19, one more null to reach 20.
      {"CNAME", Sdes::cname(Ssrc(0x12345678), "user@example.com"),
       "81ca0006 12345678 0110 75736572 40657861 6d706c65 2e636f6d 0000"},
      // Items end on a word boundary: the null item needs a whole extra word.
      {"item filling the word", Sdes::cname(Ssrc(1), "ab"), "81ca0003 00000001 01026162 00000000"},
      // Item plus null octet fill the word exactly.
      {"item plus null fill the word", Sdes::cname(Ssrc(1), "a"), "81ca0002 00000001 01016100"},
      {"two chunks, one empty",
       Sdes{{SdesChunk{Ssrc(1), {SdesItem{kCname, "ab"}, SdesItem{kName, "c"}}}, SdesChunk{Ssrc(2), {}}}},
       "82ca0005 00000001 01026162 02016300 00000002 00000000"},
      {"unknown item type kept", Sdes{{SdesChunk{Ssrc(3), {SdesItem{42, "xyz"}}}}}, "81ca0003 00000003 2a03 78797a 000000"},
      {"empty text", Sdes{{SdesChunk{Ssrc(3), {SdesItem{kTool, ""}}}}}, "81ca0002 00000003 06000000"},
      {"no chunks", Sdes{}, "80ca0000"},
  };
  for (const Case& c : cases) {
    SECTION(c.name) { check_round_trip(c.sdes, c.hex); }
  }
}

TEST_CASE("SDES failures", "[rtcp][sdes]") {
  struct Case {
    const char* name;
    const char* hex;
    RtcpErrc code;
    int64_t position;
  };
  const Case cases[] = {
      {"item length beyond the packet", "81ca0002 12345678 01056162", RtcpErrc::kSdesItemOverrun, 9},
      {"no null item", "81ca0002 12345678 01026162", RtcpErrc::kSdesMissingTerminator, 12},
      // P-bit padding of 2 leaves the chunk one null octet short of its word.
      {"null item without its padding", "a1ca0003 12345678 01026162 00000002", RtcpErrc::kSdesMissingTerminator, 13},
      {"source count beyond the chunks", "82ca0002 12345678 00000000", RtcpErrc::kCountOverrun, 12},
      {"bytes after the chunks", "80ca0001 00000000", RtcpErrc::kTrailingBytes, 4},
  };
  for (const Case& c : cases) {
    SECTION(c.name) { check_parse_error(c.hex, c.code, {}, c.position); }
  }
  SECTION("item type octet is the last byte") {
    // Chunk: SSRC, item "a" (3 octets), then a lone type octet where the null belongs.
    check_parse_error("81ca0002 12345678 01016107", RtcpErrc::kSdesItemOverrun, {}, 11);
  }
}

TEST_CASE("SDES serialize rejects texts that do not fit", "[rtcp][sdes]") {
  const std::string long_text(256, 'x');
  std::vector<uint8_t> out(1024);
  Result<size_t> r = serialize(Sdes::cname(Ssrc(1), long_text), std::span<uint8_t>(out));
  REQUIRE_FALSE(r.ok());
  CHECK(r.error().is(RtcpErrc::kInvalidArgument));
  Result<size_t> end_item = serialize(Sdes{{SdesChunk{Ssrc(1), {SdesItem{0, "x"}}}}}, std::span<uint8_t>(out));
  REQUIRE_FALSE(end_item.ok());
  CHECK(end_item.error().is(RtcpErrc::kInvalidArgument));
  CHECK(serialize(Sdes::cname(Ssrc(1), std::string(255, 'x')), std::span<uint8_t>(out)).ok());
}

TEST_CASE("BYE round trips (RFC 3550 §6.6)", "[rtcp][bye]") {
  struct Case {
    const char* name;
    Bye bye;
    const char* hex;
  };
  const Case cases[] = {
      {"one source", Bye{{Ssrc(0x12345678)}, std::nullopt}, "81cb0001 12345678"},
      {"reason filling the word", Bye{{Ssrc(1), Ssrc(2)}, "bye"}, "82cb0003 00000001 00000002 03627965"},
      {"reason padded with nulls", Bye{{Ssrc(0x12345678)}, "left"}, "81cb0003 12345678 046c6566 74000000"},
      {"empty reason", Bye{{Ssrc(0x12345678)}, ""}, "81cb0002 12345678 00000000"},
      {"no sources", Bye{}, "80cb0000"},
  };
  for (const Case& c : cases) {
    SECTION(c.name) { check_round_trip(c.bye, c.hex); }
  }
}

TEST_CASE("BYE failures", "[rtcp][bye]") {
  struct Case {
    const char* name;
    const char* hex;
    RtcpErrc code;
    int64_t position;
  };
  const Case cases[] = {
      {"reason length beyond the packet", "81cb0002 12345678 08616263", RtcpErrc::kByeReasonOverrun, 8},
      {"source count beyond the packet", "82cb0001 12345678", RtcpErrc::kCountOverrun, 0},
      {"a word after the reason", "81cb0003 12345678 00000000 00000000", RtcpErrc::kTrailingBytes, 9},
  };
  for (const Case& c : cases) {
    SECTION(c.name) { check_parse_error(c.hex, c.code, {}, c.position); }
  }
  std::vector<uint8_t> out(1024);
  const std::string long_reason(256, 'r');
  Result<size_t> r = serialize(Bye{{Ssrc(1)}, long_reason}, std::span<uint8_t>(out));
  REQUIRE_FALSE(r.ok());
  CHECK(r.error().is(RtcpErrc::kInvalidArgument));
}

TEST_CASE("APP round trips (RFC 3550 §6.7)", "[rtcp][app]") {
  static const std::vector<uint8_t> kData = {1, 2, 3, 4};
  struct Case {
    const char* name;
    App app;
    const char* hex;
  };
  const Case cases[] = {
      {"with data", App{3, Ssrc(0x12345678), {'T', 'E', 'R', 'N'}, kData}, "83cc0003 12345678 5445524e 01020304"},
      {"without data", App{0, Ssrc(0x12345678), {'T', 'E', 'R', 'N'}, {}}, "80cc0002 12345678 5445524e"},
      {"subtype 31", App{31, Ssrc(1), {'a', 'b', 'c', 'd'}, {}}, "9fcc0002 00000001 61626364"},
  };
  for (const Case& c : cases) {
    SECTION(c.name) { check_round_trip(c.app, c.hex); }
  }
}

TEST_CASE("APP failures", "[rtcp][app]") {
  check_parse_error("80cc0001 12345678", RtcpErrc::kTruncatedPacket, {}, 0);
  std::vector<uint8_t> out(64);
  Result<size_t> r = serialize(App{32, Ssrc(1), {'a', 'b', 'c', 'd'}, {}}, std::span<uint8_t>(out));
  REQUIRE_FALSE(r.ok());
  CHECK(r.error().is(RtcpErrc::kInvalidArgument));
}

}  // namespace
}  // namespace tern::rtcp

// SR (RFC 3550 §6.4.1), RR (§6.4.2) and their report blocks.
#include "rtcp_test_util.hpp"

#include "rtcp/receiver_report.hpp"
#include "rtcp/sender_report.hpp"

namespace tern::rtcp {
namespace {

using test::check_round_trip;
using test::hex;

const ReportBlock kBlock{Ssrc(0x9abcdef0), 0x40, 5, 0x00012345, 30, 0x3c4d5e6f, 0x00018000};
constexpr const char* kBlockHex = "9abcdef0 40 000005 00012345 0000001e 3c4d5e6f 00018000";

TEST_CASE("SR round trips (RFC 3550 §6.4.1)", "[rtcp][sr]") {
  static const std::vector<uint8_t> kExtension = {0xde, 0xad, 0xbe, 0xef};
  ReportBlock negative = kBlock;
  negative.cumulative_lost = -2;  // duplicates can make the loss negative
  struct Case {
    const char* name;
    SenderReport sr;
    std::string hex;
  };
  const Case cases[] = {
      {"no report blocks",
       SenderReport{Ssrc(0x12345678), 0xe12b3c4d5e6f7081, 123456, 100, 20000, {}, {}},
       "80c80006 12345678 e12b3c4d 5e6f7081 0001e240 00000064 00004e20"},
      {"one report block",
       SenderReport{Ssrc(0x12345678), 0xe12b3c4d5e6f7081, 123456, 100, 20000, {kBlock}, {}},
       std::string("81c8000c 12345678 e12b3c4d 5e6f7081 0001e240 00000064 00004e20 ") + kBlockHex},
      {"negative cumulative loss",
       SenderReport{Ssrc(1), 0, 0, 0, 0, {negative}, {}},
       "81c8000c 00000001 00000000 00000000 00000000 00000000 00000000 "
       "9abcdef0 40 fffffe 00012345 0000001e 3c4d5e6f 00018000"},
      {"profile-specific extension",
       SenderReport{Ssrc(2), 1, 2, 3, 4, {}, kExtension},
       "80c80007 00000002 00000000 00000001 00000002 00000003 00000004 deadbeef"},
  };
  for (const Case& c : cases) {
    SECTION(c.name) { check_round_trip(c.sr, c.hex); }
  }
}

TEST_CASE("RR round trips (RFC 3550 §6.4.2)", "[rtcp][rr]") {
  struct Case {
    const char* name;
    ReceiverReport rr;
    std::string hex;
  };
  ReportBlock second = kBlock;
  second.ssrc = Ssrc(0x01020304);
  second.fraction_lost = 0xff;
  second.cumulative_lost = ReportBlock::kMaxCumulativeLost;
  const Case cases[] = {
      {"empty RR", ReceiverReport{Ssrc(0x12345678), {}, {}}, "80c90001 12345678"},
      {"one block", ReceiverReport{Ssrc(0x12345678), {kBlock}, {}}, std::string("81c90007 12345678 ") + kBlockHex},
      {"two blocks",
       ReceiverReport{Ssrc(0x12345678), {kBlock, second}, {}},
       std::string("82c9000d 12345678 ") + kBlockHex + " 01020304 ff 7fffff 00012345 0000001e 3c4d5e6f 00018000"},
  };
  for (const Case& c : cases) {
    SECTION(c.name) { check_round_trip(c.rr, c.hex); }
  }
}

TEST_CASE("report block cumulative loss is clamped to 24 signed bits (RFC 3550 §A.3)", "[rtcp][rr]") {
  struct Case {
    int32_t lost;
    const char* wire;
    int32_t parsed;
  };
  const Case cases[] = {
      {0x800000, "7fffff", 0x7fffff},
      {-0x800001, "800000", -0x800000},
      {-1, "ffffff", -1},
  };
  for (const Case& c : cases) {
    ReportBlock b = kBlock;
    b.cumulative_lost = c.lost;
    ReceiverReport rr{Ssrc(1), {b}, {}};
    std::vector<uint8_t> out(serialized_size(rr));
    REQUIRE(serialize(rr, std::span<uint8_t>(out)).ok());
    CHECK(test::hex_of(std::span<const uint8_t>(out).subspan(13, 3)) == c.wire);
    auto parsed = parse_compound(out);
    REQUIRE(parsed.ok());
    CHECK(std::get<ReceiverReport>((*parsed)[0].body).report_blocks[0].cumulative_lost == c.parsed);
  }
}

TEST_CASE("SR/RR failures", "[rtcp][sr][rr]") {
  struct Case {
    const char* name;
    const char* hex;
    RtcpErrc code;
    int64_t position;
  };
  const Case cases[] = {
      {"SR without sender info", "80c80001 12345678", RtcpErrc::kTruncatedPacket, 0},
      {"RR without SSRC", "80c90000", RtcpErrc::kTruncatedPacket, 0},
      {"RR count 3 but room for 1", "83c90007 12345678 9abcdef0 40000005 00012345 0000001e 3c4d5e6f 00018000",
       RtcpErrc::kCountOverrun, 0},
      {"SR count 1 but no room", "81c80006 12345678 e12b3c4d 5e6f7081 0001e240 00000064 00004e20",
       RtcpErrc::kCountOverrun, 0},
  };
  for (const Case& c : cases) {
    SECTION(c.name) { test::check_parse_error(c.hex, c.code, {}, c.position); }
  }
}

TEST_CASE("SR/RR serialize refuses more than 31 report blocks", "[rtcp][sr]") {
  SenderReport sr;
  sr.report_blocks.assign(32, kBlock);
  std::vector<uint8_t> out(2048);
  Result<size_t> r = serialize(sr, std::span<uint8_t>(out));
  REQUIRE_FALSE(r.ok());
  CHECK(r.error().is(RtcpErrc::kTooLarge));
  ReceiverReport rr;
  rr.report_blocks.assign(31, kBlock);
  CHECK(serialize(rr, std::span<uint8_t>(out)).ok());
  CHECK(out[0] == 0x9f);  // V=2, P=0, RC=31
}

}  // namespace
}  // namespace tern::rtcp

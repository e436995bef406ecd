// Transport-wide congestion control feedback (draft-holmer-rmcat-transport-wide-cc-extensions-01 §3.1).
#include "rtcp_test_util.hpp"

#include "rtcp/transport_cc.hpp"

namespace tern::rtcp {
namespace {

using test::check_parse_error;
using test::check_round_trip;

const Ssrc kSender(0x12345678);
const Ssrc kMedia(0x9abcdef0);

TwccArrival got(uint16_t seq, int64_t us) { return TwccArrival{SeqNo(seq), Timestamp::from_micros(us)}; }
TwccArrival lost(uint16_t seq) { return TwccArrival{SeqNo(seq), std::nullopt}; }

struct Case {
  const char* name;
  uint8_t fb_pkt_count;
  std::vector<TwccArrival> arrivals;
  const char* hex;
};

std::vector<Case> round_trip_cases() {
  std::vector<Case> cases;
  // Reference time 1 (64 ms); deltas 4, 4, 1 ticks of 250 us; three equal symbols -> one run
  // length chunk |0|01|0000000000011| = 0x2003; 21 bytes of fields + 3 zero bytes.
  cases.push_back({"run length of small deltas", 0, {got(100, 65000), got(101, 66000), got(102, 66250)},
                   "8fcd0006 12345678 9abcdef0 0064 0003 000001 00 2003 040401 000000"});
  // Base 65534, wraps to 2; symbols S N S S N -> one-bit vector 1|0|10110000000000 = 0xac00.
  cases.push_back({"one-bit status vector across the wrap", 7,
                   {got(65534, 10000), lost(65535), got(0, 12500), got(1, 12500), lost(2)},
                   "8fcd0006 12345678 9abcdef0 fffe 0005 000000 07 ac00 280a00 000000"});
  // Symbols S L L N -> two-bit vector 1|1|01 10 10 00 00 00 00 = 0xda00; deltas 16 ticks (small),
  // +1000 ticks (large), -4 ticks (large, negative).
  cases.push_back({"two-bit status vector with large and negative deltas", 1,
                   {got(500, 132000), got(501, 382000), got(502, 381000), lost(503)},
                   "8fcd0006 12345678 9abcdef0 01f4 0004 000002 01 da00 10 03e8 fffc 00"});
  // 20 small (run 0x2014), 30 lost (run 0x001e), 1 large (run |0|10|1| = 0x4001).
  {
    Case c{"long runs and a large delta", 0, {}, ""};
    for (uint16_t i = 0; i < 20; ++i) c.arrivals.push_back(got(static_cast<uint16_t>(1000 + i), 320000 + 250 * (i + 1)));
    for (uint16_t i = 20; i < 50; ++i) c.arrivals.push_back(lost(static_cast<uint16_t>(1000 + i)));
    c.arrivals.push_back(got(1050, 320000 + 5000 + 75000));
    c.hex =
        "8fcd000b 12345678 9abcdef0 03e8 0033 000005 00 2014 001e 4001 "
        "01010101 01010101 01010101 01010101 01010101 012c";
    cases.push_back(c);
  }
  // 16 alternating S N: one full one-bit vector 0xaaaa, then 2 symbols in 0xa000.
  {
    Case c{"full one-bit vector then a partial one", 9, {}, ""};
    for (uint16_t i = 0; i < 16; ++i) {
      c.arrivals.push_back(i % 2 == 0 ? got(i, 500 * (i / 2 + 1)) : lost(i));
    }
    c.hex = "8fcd0007 12345678 9abcdef0 0000 0010 000000 09 aaaa a000 02020202 02020202";
    cases.push_back(c);
  }
  // Arrival before the clock's epoch: reference time -1 (0xffffff), delta 1 tick.
  cases.push_back({"negative reference time", 0, {got(7, -63750)},
                   "8fcd0005 12345678 9abcdef0 0007 0001 ffffff 00 2001 01 00"});
  // Nothing received: no reference time, no deltas.
  cases.push_back({"all lost", 3, {lost(9), lost(10)}, "8fcd0005 12345678 9abcdef0 0009 0002 000000 03 0002 0000"});
  return cases;
}

TEST_CASE("transport-cc build -> bytes -> parse -> arrivals", "[rtcp][twcc]") {
  for (const Case& c : round_trip_cases()) {
    SECTION(c.name) {
      Result<TransportCc> fb = TransportCc::build(kSender, kMedia, c.fb_pkt_count, c.arrivals);
      REQUIRE(fb.ok());
      check_round_trip(*fb, c.hex);
      CHECK(fb->arrivals() == c.arrivals);
    }
  }
}

TEST_CASE("transport-cc fields decode as the draft describes", "[rtcp][twcc]") {
  const std::vector<uint8_t> bytes = test::hex("8fcd0006 12345678 9abcdef0 01f4 0004 000002 01 da00 10 03e8 fffc 00");
  auto parsed = parse_compound(bytes);
  REQUIRE(parsed.ok());
  const TransportCc& fb = std::get<TransportCc>((*parsed)[0].body);
  CHECK(fb.sender_ssrc == kSender);
  CHECK(fb.media_ssrc == kMedia);
  CHECK(fb.base_seq == SeqNo(500));
  CHECK(fb.reference_time == 2);
  CHECK(fb.fb_pkt_count == 1);
  const std::vector<TwccStatus> expected = {
      {TwccSymbol::kSmallDelta, 16}, {TwccSymbol::kLargeDelta, 1000}, {TwccSymbol::kLargeDelta, -4}, {TwccSymbol::kNotReceived, 0}};
  CHECK(fb.packets == expected);
}

TEST_CASE("transport-cc parse accepts encodings the builder would not choose", "[rtcp][twcc]") {
  // Two run chunks for what one could say, a large symbol carrying a small delta, a zero-length run.
  const std::vector<uint8_t> bytes =
      test::hex("8fcd0007 12345678 9abcdef0 000a 0003 000001 00 2001 0000 4002 05 0001 0002 00");
  auto parsed = parse_compound(bytes);
  REQUIRE(parsed.ok());
  const TransportCc& fb = std::get<TransportCc>((*parsed)[0].body);
  const std::vector<TwccStatus> expected = {
      {TwccSymbol::kSmallDelta, 5}, {TwccSymbol::kLargeDelta, 1}, {TwccSymbol::kLargeDelta, 2}};
  CHECK(fb.packets == expected);
  // Re-encoding picks its own chunking (one two-bit vector S L L), and decodes to the same value.
  std::vector<uint8_t> out(serialized_size(fb));
  REQUIRE(serialize(fb, std::span<uint8_t>(out)).ok());
  CHECK(test::hex_of(out) == test::hex_of(test::hex("8fcd0006 12345678 9abcdef0 000a 0003 000001 00 da00 05 0001 0002 00")));
  auto again = parse_compound(out);
  REQUIRE(again.ok());
  CHECK(std::get<TransportCc>((*again)[0].body) == fb);
}

TEST_CASE("transport-cc with P-bit padding as libwebrtc sends it", "[rtcp][twcc]") {
  // 21 bytes of fields then 3 padding octets (count 3) instead of zero fill.
  const std::vector<uint8_t> bytes = test::hex("afcd0006 12345678 9abcdef0 0064 0003 000001 00 2003 040401 000003");
  auto parsed = parse_compound(bytes);
  REQUIRE(parsed.ok());
  CHECK((*parsed)[0].padding == 3);
  const TransportCc& fb = std::get<TransportCc>((*parsed)[0].body);
  CHECK(fb.packets.size() == 3);
  std::vector<uint8_t> out(serialized_size(*parsed));
  REQUIRE(serialize_compound(*parsed, out).ok());
  CHECK(test::hex_of(out) == test::hex_of(bytes));
}

TEST_CASE("transport-cc failures", "[rtcp][twcc]") {
  struct Fail {
    const char* name;
    const char* hex;
    RtcpErrc code;
    int64_t position;
  };
  const Fail cases[] = {
      {"status count 20 but chunks describe 6", "8fcd0005 12345678 9abcdef0 0064 0014 000001 00 2003 2003",
       RtcpErrc::kTwccChunksTruncated, 24},
      {"three small deltas announced, two present", "8fcd0005 12345678 9abcdef0 0064 0003 000001 00 2003 0404",
       RtcpErrc::kTwccDeltasTruncated, 24},
      {"large delta cut in half", "8fcd0005 12345678 9abcdef0 0064 0002 000001 00 d800 0504",
       RtcpErrc::kTwccDeltasTruncated, 23},
      {"run length with reserved symbol", "8fcd0005 12345678 9abcdef0 0064 0001 000001 00 6001 0000",
       RtcpErrc::kTwccReservedSymbol, 20},
      {"two-bit vector with reserved symbol", "8fcd0005 12345678 9abcdef0 0064 0002 000001 00 f000 0000",
       RtcpErrc::kTwccReservedSymbol, 20},
      {"a word after the deltas", "8fcd0006 12345678 9abcdef0 0064 0001 000001 00 2001 0100 00000000",
       RtcpErrc::kTrailingBytes, 23},
      {"fixed fields truncated", "8fcd0003 12345678 9abcdef0 0064 0001", RtcpErrc::kTruncatedPacket, 0},
  };
  for (const Fail& c : cases) {
    SECTION(c.name) { check_parse_error(c.hex, c.code, {}, c.position); }
  }
}

TEST_CASE("transport-cc build failures", "[rtcp][twcc]") {
  struct Fail {
    const char* name;
    std::vector<TwccArrival> arrivals;
    RtcpErrc code;
  };
  const Fail cases[] = {
      {"no packets", {}, RtcpErrc::kInvalidArgument},
      {"sequence numbers going back", {got(10, 0), got(9, 250)}, RtcpErrc::kInvalidArgument},
      {"repeated sequence number", {got(10, 0), got(10, 250)}, RtcpErrc::kInvalidArgument},
      {"delta above +8.19 s", {got(1, 0), got(2, 8192000)}, RtcpErrc::kDeltaOutOfRange},
      {"delta below -8.192 s", {got(1, 9000000), got(2, 9000000 - 8200000)}, RtcpErrc::kDeltaOutOfRange},
  };
  for (const Fail& c : cases) {
    SECTION(c.name) {
      Result<TransportCc> fb = TransportCc::build(kSender, kMedia, 0, c.arrivals);
      REQUIRE_FALSE(fb.ok());
      CHECK(fb.error().is(c.code));
    }
  }
  SECTION("largest deltas that still fit") {
    Result<TransportCc> fb = TransportCc::build(kSender, kMedia, 0, std::vector{got(1, 0), got(2, 8191750), got(3, 0)});
    REQUIRE(fb.ok());
    CHECK(fb->packets[1] == TwccStatus{TwccSymbol::kLargeDelta, 32767});
    CHECK(fb->packets[2] == TwccStatus{TwccSymbol::kLargeDelta, -32767});
  }
  SECTION("span of 65535 packets fits, 65536 does not") {
    CHECK(TransportCc::build(kSender, kMedia, 0, std::vector{got(0, 0), lost(30000), lost(60000), got(65534, 1000)}).ok());
    CHECK(TransportCc::build(kSender, kMedia, 0, std::vector{got(0, 0), lost(30000), lost(60000), got(65535, 1000)})
              .error()
              .is(RtcpErrc::kInvalidArgument));
  }
}

TEST_CASE("transport-cc with about a hundred packets round trips", "[rtcp][twcc]") {
  std::vector<TwccArrival> arrivals;
  int64_t t = 1'000'000;
  for (uint16_t i = 0; i < 100; ++i) {
    const uint16_t seq = static_cast<uint16_t>(65500 + i);
    if (i % 9 == 4 || (i >= 40 && i < 55)) {
      arrivals.push_back(lost(seq));
      continue;
    }
    t += (i % 13 == 0) ? 90'000 : (i % 7 == 0 ? -1'000 : 2'250);
    arrivals.push_back(got(seq, t));
  }
  Result<TransportCc> fb = TransportCc::build(kSender, kMedia, 42, arrivals);
  REQUIRE(fb.ok());
  CHECK(fb->arrivals() == arrivals);
  std::vector<uint8_t> out(serialized_size(*fb));
  REQUIRE(serialize(*fb, std::span<uint8_t>(out)).ok());
  auto parsed = parse_compound(out);
  REQUIRE(parsed.ok());
  CHECK(std::get<TransportCc>((*parsed)[0].body) == *fb);
  CHECK(std::get<TransportCc>((*parsed)[0].body).arrivals() == arrivals);
}

}  // namespace
}  // namespace tern::rtcp

// Generic NACK (RFC 4585 §6.2.1), PLI (§6.3.1), FIR (RFC 5104 §4.3.1), REMB
// (draft-alvestrand-rmcat-remb §2.2).
#include "rtcp_test_util.hpp"

#include <limits>

#include "rtcp/fir.hpp"
#include "rtcp/nack.hpp"
#include "rtcp/pli.hpp"
#include "rtcp/remb.hpp"

namespace tern::rtcp {
namespace {

using test::check_parse_error;
using test::check_round_trip;

const Ssrc kSender(0x12345678);
const Ssrc kMedia(0x9abcdef0);

std::vector<SeqNo> seqs(std::initializer_list<uint16_t> values) {
  std::vector<SeqNo> out;
  for (uint16_t v : values) out.push_back(SeqNo(v));
  return out;
}

TEST_CASE("NACK round trips (RFC 4585 §6.2.1)", "[rtcp][nack]") {
  struct Case {
    const char* name;
    Nack nack;
    const char* hex;
  };
  const Case cases[] = {
      {"one PID", Nack{kSender, kMedia, {NackItem{1000, 0}}}, "81cd0003 12345678 9abcdef0 03e80000"},
      {"PID with BLP", Nack{kSender, kMedia, {NackItem{1000, 0x8005}}}, "81cd0003 12345678 9abcdef0 03e88005"},
      {"two entries", Nack{kSender, kMedia, {NackItem{0xfffe, 0x0007}, NackItem{20, 0}}},
       "81cd0004 12345678 9abcdef0 fffe0007 00140000"},
  };
  for (const Case& c : cases) {
    SECTION(c.name) { check_round_trip(c.nack, c.hex); }
  }
}

TEST_CASE("NACK lost list <-> PID/BLP", "[rtcp][nack]") {
  struct Case {
    const char* name;
    std::vector<SeqNo> lost;
    std::vector<NackItem> items;
    std::vector<SeqNo> expanded;  // what lost() gives back
  };
  const Case cases[] = {
      {"single", seqs({7}), {{7, 0}}, seqs({7})},
      {"BLP bits 0, 2 and 15, then a new PID at distance 17", seqs({1000, 1001, 1003, 1016, 1017}),
       {{1000, 0x8005}, {1017, 0}}, seqs({1000, 1001, 1003, 1016, 1017})},
      {"wraps past 65535", seqs({65534, 65535, 0, 1, 20}), {{65534, 0x0007}, {20, 0}}, seqs({65534, 65535, 0, 1, 20})},
      {"BLP bit 15 across the wrap", seqs({65535, 15}), {{65535, 0x8000}}, seqs({65535, 15})},
      {"repeats collapse", seqs({5, 5, 6}), {{5, 0x0001}}, seqs({5, 6})},
      {"17 consecutive", seqs({1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17}), {{1, 0xffff}},
       seqs({1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17})},
      {"empty", {}, {}, {}},
  };
  for (const Case& c : cases) {
    SECTION(c.name) {
      const Nack nack = Nack::from_lost(kSender, kMedia, c.lost);
      CHECK(nack.sender_ssrc == kSender);
      CHECK(nack.media_ssrc == kMedia);
      CHECK(nack.items == c.items);
      CHECK(nack.lost() == c.expanded);
    }
  }
}

TEST_CASE("NACK failures", "[rtcp][nack]") {
  check_parse_error("81cd0002 12345678 9abcdef0", RtcpErrc::kEmptyFci, {}, 12);
  check_parse_error("81cd0001 12345678", RtcpErrc::kTruncatedPacket, {}, 0);
  std::vector<uint8_t> out(64);
  Result<size_t> r = serialize(Nack{kSender, kMedia, {}}, std::span<uint8_t>(out));
  REQUIRE_FALSE(r.ok());
  CHECK(r.error().is(RtcpErrc::kInvalidArgument));
}

TEST_CASE("PLI round trip and failures (RFC 4585 §6.3.1)", "[rtcp][pli]") {
  check_round_trip(Pli{kSender, kMedia}, "81ce0002 12345678 9abcdef0");
  check_parse_error("81ce0003 12345678 9abcdef0 00000000", RtcpErrc::kUnexpectedFci, {}, 12);
  check_parse_error("81ce0001 12345678", RtcpErrc::kTruncatedPacket, {}, 0);
}

TEST_CASE("FIR round trips and failures (RFC 5104 §4.3.1)", "[rtcp][fir]") {
  SECTION("one entry") {
    check_round_trip(Fir{kSender, Ssrc(0), {FirEntry{Ssrc(0xaabbccdd), 7}}}, "84ce0004 12345678 00000000 aabbccdd 07000000");
  }
  SECTION("two entries") {
    check_round_trip(Fir{kSender, Ssrc(0), {FirEntry{Ssrc(1), 255}, FirEntry{Ssrc(2), 0}}},
                     "84ce0006 12345678 00000000 00000001 ff000000 00000002 00000000");
  }
  SECTION("reserved bits are ignored on reception") {
    const std::vector<uint8_t> bytes = test::hex("84ce0004 12345678 00000000 aabbccdd 07abcdef");
    auto parsed = parse_compound(bytes);
    REQUIRE(parsed.ok());
    CHECK(std::get<Fir>((*parsed)[0].body).entries == std::vector<FirEntry>{FirEntry{Ssrc(0xaabbccdd), 7}});
  }
  SECTION("failures") {
    check_parse_error("84ce0002 12345678 00000000", RtcpErrc::kEmptyFci, {}, 12);
    check_parse_error("84ce0003 12345678 00000000 aabbccdd", RtcpErrc::kTrailingBytes, {}, 12);
  }
}

TEST_CASE("REMB round trips (draft-alvestrand-rmcat-remb §2.2)", "[rtcp][remb]") {
  struct Case {
    const char* name;
    Remb remb;
    const char* hex;
  };
  const Case cases[] = {
      // 1 000 000 = 250 000 * 2^2: exp 2, mantissa 0x3d090.
      {"1 Mbps, one SSRC", Remb{kSender, Ssrc(0), 1000000, {kMedia}}, "8fce0005 12345678 00000000 52454d42 010bd090 9abcdef0"},
      {"largest mantissa at exp 0", Remb{kSender, Ssrc(0), 262143, {}}, "8fce0004 12345678 00000000 52454d42 0003ffff"},
      {"2^18 needs exp 1", Remb{kSender, Ssrc(0), 262144, {Ssrc(1), Ssrc(2)}},
       "8fce0006 12345678 00000000 52454d42 02060000 00000001 00000002"},
      // 152587 * 2^16 = 9 999 941 632: exp 16 (0x40 << 16 after the shift), mantissa 0x2540b.
      {"about 10 Gbps", Remb{kSender, Ssrc(0), 9999941632ull, {}}, "8fce0004 12345678 00000000 52454d42 0042540b"},
      // (2^18 - 1) * 2^46: exp 46 = 0x2e, the largest value the encoder produces.
      {"largest 64-bit value", Remb{kSender, Ssrc(0), 262143ull << 46, {}}, "8fce0004 12345678 00000000 52454d42 00bbffff"},
  };
  for (const Case& c : cases) {
    SECTION(c.name) { check_round_trip(c.remb, c.hex); }
  }
}

TEST_CASE("REMB bitrate encoding keeps 18 significant bits", "[rtcp][remb]") {
  struct Case {
    uint64_t bitrate;
    uint8_t exp;
    uint32_t mantissa;
    uint64_t decoded;
  };
  const Case cases[] = {
      {0, 0, 0, 0},
      {262143, 0, 262143, 262143},
      {262144, 1, 131072, 262144},
      {262145, 1, 131072, 262144},  // rounds down
      {10000000000ull, 16, 152587, 9999941632ull},
      {std::numeric_limits<uint64_t>::max(), 46, 262143, 262143ull << 46},
  };
  for (const Case& c : cases) {
    const Remb::Encoded e = Remb::encode_bitrate(c.bitrate);
    CHECK(unsigned{e.exp} == unsigned{c.exp});
    CHECK(e.mantissa == c.mantissa);
    Remb remb{kSender, Ssrc(0), c.bitrate, {}};
    std::vector<uint8_t> out(serialized_size(remb));
    REQUIRE(serialize(remb, std::span<uint8_t>(out)).ok());
    auto parsed = parse_compound(out);
    REQUIRE(parsed.ok());
    CHECK(std::get<Remb>((*parsed)[0].body).bitrate_bps == c.decoded);
  }
}

TEST_CASE("REMB failures", "[rtcp][remb]") {
  SECTION("num SSRC beyond the packet") {
    check_parse_error("8fce0005 12345678 00000000 52454d42 020bd090 9abcdef0", RtcpErrc::kCountOverrun, {}, 16);
  }
  SECTION("bytes after the SSRC list") {
    check_parse_error("8fce0005 12345678 00000000 52454d42 000bd090 9abcdef0", RtcpErrc::kTrailingBytes, {}, 20);
  }
  SECTION("mantissa * 2^63 overflows 64 bits") {
    check_parse_error("8fce0004 12345678 00000000 52454d42 00ffffff", RtcpErrc::kRembBitrateOverflow, {}, 17);
  }
  SECTION("bad identifier: Remb::parse refuses, the compound keeps it as raw AFB") {
    const std::vector<uint8_t> bytes = test::hex("8fce0004 12345678 00000000 52454d43 000bd090");
    Result<PacketView> v = parse_packet_view(bytes);
    REQUIRE(v.ok());
    Result<Remb> remb = Remb::parse(*v);
    REQUIRE_FALSE(remb.ok());
    CHECK(remb.error().is(RtcpErrc::kRembBadIdentifier));
    CHECK(remb.error().position() == 12);
    auto parsed = parse_compound(bytes);
    REQUIRE(parsed.ok());
    const RawPacket* raw = std::get_if<RawPacket>(&(*parsed)[0].body);
    REQUIRE(raw != nullptr);
    CHECK(raw->type == kPtPsfb);
    CHECK(raw->count == kFmtAfb);
    CHECK(raw->body.size() == 16);
  }
  SECTION("truncated") { check_parse_error("8fce0003 12345678 00000000 52454d42", RtcpErrc::kTruncatedPacket, {}, 0); }
}

}  // namespace
}  // namespace tern::rtcp

// RFC 8285 element reading and writing, and the typed values of common extensions.
#include <catch2/catch.hpp>

#include <cstdint>
#include <string>
#include <vector>

#include "common/hex.hpp"
#include "rtp/common_extensions.hpp"
#include "rtp/header_extension.hpp"
#include "rtp/packet.hpp"
#include "rtp/packet_builder.hpp"

using namespace tern;
using namespace tern::rtp;

namespace {
std::vector<uint8_t> hex(const char* text) {
  auto r = from_hex(text);
  REQUIRE(r.ok());
  return *r;
}
std::span<const uint8_t> bytes_of(std::string_view s) {
  return {reinterpret_cast<const uint8_t*>(s.data()), s.size()};
}
}  // namespace

TEST_CASE("extension_form recognises the RFC 8285 profiles", "[rtp][ext]") {
  CHECK(extension_form(0xBEDE) == ExtensionForm::kOneByte);
  for (uint16_t appbits = 0; appbits < 16; ++appbits) {
    CHECK(extension_form(static_cast<uint16_t>(0x1000 | appbits)) == ExtensionForm::kTwoByte);
  }
  CHECK_FALSE(extension_form(0x1010).has_value());
  CHECK_FALSE(extension_form(0x0FFF).has_value());
  CHECK_FALSE(extension_form(0xBEDF).has_value());
  CHECK_FALSE(extension_form(0x0000).has_value());
}

TEST_CASE("ExtensionReader: padding, stop ID and element tables", "[rtp][ext]") {
  struct Elem {
    uint8_t id;
    const char* data;
  };
  struct ReadCase {
    const char* name;
    uint16_t profile;
    const char* data_hex;
    std::vector<Elem> elements;
  };
  const std::vector<ReadCase> cases = {
      {"one-byte, sixteen-byte element", 0xBEDE, "4f 000102030405060708090a0b0c0d0e0f 000000",
       {{4, "000102030405060708090a0b0c0d0e0f"}}},
      {"one-byte, leading and inner padding", 0xBEDE, "00 00 e0 11 00 10 22 00", {{14, "11"}, {1, "22"}}},
      {"one-byte, ID 15 ends the list whatever follows", 0xBEDE, "10 aa f0 ff 13 00 00 00", {{1, "aa"}}},
      {"one-byte, all padding", 0xBEDE, "00000000", {}},
      {"two-byte, zero-length and 255-byte elements", 0x1000, "0f 00 ff 00", {{15, ""}, {255, ""}}},
      {"two-byte, padding between", 0x1003, "00 01 02 abcd 00 00 0e 01 ee 000000", {{1, "abcd"}, {14, "ee"}}},
      {"two-byte, ID 15 is an ordinary ID", 0x1000, "0f 01 aa 10 01 bb 0000", {{15, "aa"}, {16, "bb"}}},
  };
  for (const ReadCase& c : cases) {
    INFO(c.name);
    const std::vector<uint8_t> data = hex(c.data_hex);
    ExtensionReader reader(c.profile, data);
    ExtensionElement e;
    size_t n = 0;
    while (reader.next(e)) {
      REQUIRE(n < c.elements.size());
      CHECK(e.id == c.elements[n].id);
      CHECK(to_hex(e.data) == to_hex(hex(c.elements[n].data)));
      ++n;
    }
    CHECK(reader.status().ok());
    CHECK(n == c.elements.size());
    CHECK_FALSE(reader.next(e));  // stays at the end
    auto count = validate_extensions(c.profile, data);
    REQUIRE(count.ok());
    CHECK(*count == c.elements.size());
  }
}

TEST_CASE("ExtensionReader failure table", "[rtp][ext]") {
  struct FailCase {
    const char* name;
    uint16_t profile;
    const char* data_hex;
    size_t good_elements;  // elements returned before the error
    RtpErrc code;
    uint32_t position;
  };
  const FailCase cases[] = {
      {"one-byte element longer than the block", 0xBEDE, "13 aabbcc", 0, RtpErrc::kExtensionElementOverrun, 0},
      {"one-byte element overrun after a good one", 0xBEDE, "10 aa 21 bb", 1, RtpErrc::kExtensionElementOverrun,
       2},
      {"one-byte sixteen-byte element cut short", 0xBEDE, "1f 0001020304050607", 0,
       RtpErrc::kExtensionElementOverrun, 0},
      {"one-byte ID 0 with length 2", 0xBEDE, "00 02 aabbcc", 0, RtpErrc::kBadExtensionId, 1},
      {"two-byte length byte missing", 0x1000, "05 01 aa 06", 1, RtpErrc::kExtensionElementOverrun, 3},
      {"two-byte data longer than the block", 0x1000, "05 05 aabb", 0, RtpErrc::kExtensionElementOverrun, 0},
      {"two-byte length 255 in a 4-byte block", 0x1000, "01 ff 0000", 0, RtpErrc::kExtensionElementOverrun, 0},
      {"profile not RFC 8285", 0xABCD, "10aa0000", 0, RtpErrc::kUnknownExtensionProfile, 0},
  };
  for (const FailCase& c : cases) {
    INFO(c.name);
    const std::vector<uint8_t> data = hex(c.data_hex);
    ExtensionReader reader(c.profile, data);
    ExtensionElement e;
    size_t n = 0;
    while (reader.next(e)) ++n;
    CHECK(n == c.good_elements);
    REQUIRE_FALSE(reader.status().ok());
    CHECK(reader.status().error().is(c.code));
    CHECK(reader.status().error().position() == c.position);
    auto count = validate_extensions(c.profile, data);
    REQUIRE_FALSE(count.ok());
    CHECK(count.error().is(c.code));
  }

  // A packet whose header is valid but whose elements are not: parse succeeds, the reader fails.
  const std::vector<uint8_t> packet = hex("90 60 0001 00000000 00000000 bede 0001 10aa 13bb  99");
  auto p = RtpPacket::parse(packet);
  REQUIRE(p.ok());
  auto r = p->extensions();
  ExtensionElement e;
  REQUIRE(r.next(e));
  CHECK(e.id == 1);
  CHECK_FALSE(r.next(e));
  CHECK(r.status().error().is(RtpErrc::kExtensionElementOverrun));
  CHECK(p->find_extension(1).has_value());
  CHECK_FALSE(p->find_extension(3).has_value());  // behind the malformed element
}

TEST_CASE("choose_extension_form: one-byte when every element fits, policy respected", "[rtp][ext]") {
  const std::vector<uint8_t> one(1, 1), sixteen(16, 2), seventeen(17, 3), max(255, 4), too_long(256, 5), none;
  struct FormCase {
    const char* name;
    std::vector<ExtensionElement> elements;
    ExtensionFormPolicy policy;
    bool ok;
    ExtensionForm form;  // when ok
    RtpErrc code;        // when not
  };
  using P = ExtensionFormPolicy;
  using F = ExtensionForm;
  const std::vector<FormCase> cases = {
      {"ids 1 and 14, 1 and 16 bytes", {{1, one}, {14, sixteen}}, P::kAllowMixed, true, F::kOneByte, {}},
      {"same without allow-mixed", {{1, one}, {14, sixteen}}, P::kOneByteOnly, true, F::kOneByte, {}},
      {"same, two-byte forced", {{1, one}, {14, sixteen}}, P::kTwoByteOnly, true, F::kTwoByte, {}},
      {"id 15", {{15, one}}, P::kAllowMixed, true, F::kTwoByte, {}},
      {"id 255, 255 bytes", {{255, max}}, P::kAllowMixed, true, F::kTwoByte, {}},
      {"17 bytes", {{1, seventeen}}, P::kAllowMixed, true, F::kTwoByte, {}},
      {"zero-length", {{1, none}}, P::kAllowMixed, true, F::kTwoByte, {}},
      {"empty list", {}, P::kAllowMixed, true, F::kOneByte, {}},
      {"id 15 without allow-mixed", {{15, one}}, P::kOneByteOnly, false, {}, RtpErrc::kTwoByteNotAllowed},
      {"17 bytes without allow-mixed", {{1, seventeen}}, P::kOneByteOnly, false, {}, RtpErrc::kTwoByteNotAllowed},
      {"zero-length without allow-mixed", {{2, none}}, P::kOneByteOnly, false, {}, RtpErrc::kTwoByteNotAllowed},
      {"id 0", {{0, one}}, P::kAllowMixed, false, {}, RtpErrc::kBadExtensionElement},
      {"id 0, two-byte", {{0, one}}, P::kTwoByteOnly, false, {}, RtpErrc::kBadExtensionElement},
      {"256 bytes", {{1, too_long}}, P::kTwoByteOnly, false, {}, RtpErrc::kBadExtensionElement},
  };
  for (const FormCase& c : cases) {
    INFO(c.name);
    auto form = choose_extension_form(c.elements, c.policy);
    REQUIRE(form.ok() == c.ok);
    if (c.ok) {
      CHECK(*form == c.form);
    } else {
      CHECK(form.error().is(c.code));
    }
  }
}

TEST_CASE("serialize_extension_block writes the RFC 8285 layouts and reads back", "[rtp][ext]") {
  const std::vector<uint8_t> a = hex("aa"), bc = hex("bbcc"), d = hex("01020304"), e1 = hex("ee"),
                             c3 = hex("010203"), none;
  struct WriteCase {
    const char* name;
    std::vector<ExtensionElement> elements;
    ExtensionWriteOptions options;
    const char* expected_hex;
  };
  const std::vector<WriteCase> cases = {
      {"one-byte, padded to two words", {{1, a}, {2, bc}}, {}, "bede 0002 10aa 21bbcc 000000"},
      {"one-byte, exact fit needs no padding", {{3, c3}}, {}, "bede 0001 32010203"},
      {"two-byte with appbits 0xa", {{5, none}, {6, e1}, {7, d}}, {ExtensionFormPolicy::kAllowMixed, 0xa},
       "100a 0003 0500 0601ee 07040102030400"},
      {"appbits above 15 are masked", {{20, a}}, {ExtensionFormPolicy::kAllowMixed, 0x13}, "1003 0001 1401aa00"},
      {"empty list writes an empty one-byte block", {}, {}, "bede 0000"},
  };
  for (const WriteCase& c : cases) {
    INFO(c.name);
    std::vector<uint8_t> out(64, 0xEE);
    auto n = serialize_extension_block(c.elements, c.options, out);
    REQUIRE(n.ok());
    out.resize(*n);
    CHECK(to_hex(out) == to_hex(hex(c.expected_hex)));
    auto form = choose_extension_form(c.elements, c.options.policy);
    REQUIRE(form.ok());
    CHECK(extension_data_size(c.elements, *form) + 4 == *n);

    ExtensionReader reader(static_cast<uint16_t>(out[0] << 8 | out[1]), std::span<const uint8_t>(out).subspan(4));
    ExtensionElement e;
    size_t i = 0;
    while (reader.next(e)) {
      REQUIRE(i < c.elements.size());
      CHECK(e.id == c.elements[i].id);
      CHECK(to_hex(e.data) == to_hex(c.elements[i].data));
      ++i;
    }
    CHECK(reader.status().ok());
    CHECK(i == c.elements.size());

    std::vector<uint8_t> small(*n - 1);
    auto fail = serialize_extension_block(c.elements, c.options, small);
    REQUIRE_FALSE(fail.ok());
    CHECK(fail.error().is(RtpErrc::kBufferTooSmall));
  }
}

TEST_CASE("sdes:mid and sdes:rtp-stream-id values", "[rtp][ext]") {
  struct TextCase {
    const char* data_hex;
    bool mid_ok;
    bool rid_ok;
    const char* text;
  };
  const TextCase cases[] = {
      {"30", true, true, "0"},                             // "0"
      {"61756469 6f", true, true, "audio"},                // "audio"
      {"68 69 2d 5f", true, true, "hi-_"},                 // "hi-_"
      {"76 30 00 00", true, true, "v0"},                   // trailing zeros dropped
      {"61 2e 7e", true, false, "a.~"},                    // token chars, not rid-id
      {"61 20 62", false, false, ""},                      // space
      {"61 00 62", false, false, ""},                      // embedded zero
      {"", false, false, ""},                              // empty
      {"00", false, false, ""},                            // only a zero
      {"61 ff", false, false, ""},                         // non-ASCII
  };
  for (const TextCase& c : cases) {
    INFO(c.data_hex);
    const std::vector<uint8_t> data = hex(c.data_hex);
    auto mid = parse_mid(data);
    auto rid = parse_rid(data);
    REQUIRE(mid.ok() == c.mid_ok);
    REQUIRE(rid.ok() == c.rid_ok);
    if (c.mid_ok) CHECK(*mid == c.text);
    if (c.rid_ok) CHECK(*rid == c.text);
    if (!c.mid_ok) CHECK(mid.error().is(RtpErrc::kBadExtensionValue));
    if (!c.rid_ok) CHECK(rid.error().is(RtpErrc::kBadExtensionValue));
  }
  const ExtensionElement e = sdes_element(3, "video");
  CHECK(e.id == 3);
  CHECK(to_hex(e.data) == "766964656f");
}

TEST_CASE("abs-send-time, transport-wide sequence number and audio level", "[rtp][ext]") {
  // abs-send-time: 24 bits of 6.18 fixed-point seconds.
  auto ast = parse_abs_send_time(hex("123456"));
  REQUIRE(ast.ok());
  CHECK(*ast == 0x123456);
  CHECK(to_hex(serialize_abs_send_time(0x123456)) == "123456");
  CHECK(to_hex(serialize_abs_send_time(0xff123456)) == "123456");  // only 24 bits travel
  CHECK(parse_abs_send_time(hex("1234")).error().is(RtpErrc::kBadExtensionValue));
  CHECK(parse_abs_send_time(hex("12345678")).error().is(RtpErrc::kBadExtensionValue));
  CHECK(abs_send_time_from(Timestamp::from_micros(0)) == 0);
  CHECK(abs_send_time_from(Timestamp::from_micros(1000000)) == 1u << 18);          // 1 s
  CHECK(abs_send_time_from(Timestamp::from_micros(500000)) == 1u << 17);           // 0.5 s
  CHECK(abs_send_time_from(Timestamp::from_micros(65000000)) == 1u << 18);         // wraps at 64 s
  CHECK(abs_send_time_from(Timestamp::from_micros(63999999)) == 0xFFFFFF);         // just below the wrap
  CHECK(abs_send_time_from(Timestamp::from_micros(-1000000)) == 63u << 18);        // negative epoch offsets
  CHECK(abs_send_time_from(Timestamp::from_micros(int64_t{1} << 62)) <= 0xFFFFFF);  // no overflow

  auto tw = parse_transport_sequence_number(hex("fffe"));
  REQUIRE(tw.ok());
  CHECK(*tw == 0xfffe);
  CHECK(to_hex(serialize_transport_sequence_number(0x0102)) == "0102");
  CHECK(parse_transport_sequence_number(hex("01")).error().is(RtpErrc::kBadExtensionValue));
  CHECK(parse_transport_sequence_number(hex("010203")).error().is(RtpErrc::kBadExtensionValue));

  // RFC 6464 §3: V in the top bit, level in -dBov below.
  auto al = parse_audio_level(hex("9e"));
  REQUIRE(al.ok());
  CHECK(al->voice_activity);
  CHECK(al->level == 30);
  auto quiet = parse_audio_level(hex("7f"));
  REQUIRE(quiet.ok());
  CHECK(*quiet == AudioLevel{false, 127});
  CHECK(parse_audio_level(hex("")).error().is(RtpErrc::kBadExtensionValue));
  CHECK(parse_audio_level(hex("9e00")).error().is(RtpErrc::kBadExtensionValue));
  auto al_bytes = serialize_audio_level({true, 30});
  REQUIRE(al_bytes.ok());
  CHECK(to_hex(*al_bytes) == "9e");
  CHECK(serialize_audio_level({false, 128}).error().is(RtpErrc::kBadExtensionValue));

  // All of them in one packet (one-byte form, as a browser sends them), then found again by ID.
  const auto ast_bytes = serialize_abs_send_time(0xabcdef);
  const auto tw_bytes = serialize_transport_sequence_number(513);
  const ExtensionElement elements[] = {
      {1, *al_bytes}, {2, ast_bytes}, {3, tw_bytes}, sdes_element(4, "0"), sdes_element(10, "hi")};
  uint8_t buf[64];
  auto n = RtpPacketBuilder().set_ssrc(Ssrc(1)).set_extensions(elements).serialize(buf);
  REQUIRE(n.ok());
  CHECK(to_hex(std::span<const uint8_t>(buf, *n)) ==
        "90000000000000000000000" "1bede0004" "109e" "22abcdef" "310201" "4030" "a16869" "0000");
  auto p = RtpPacket::parse(std::span<const uint8_t>(buf, *n));
  REQUIRE(p.ok());
  CHECK(*parse_audio_level(*p->find_extension(1)) == AudioLevel{true, 30});
  CHECK(*parse_abs_send_time(*p->find_extension(2)) == 0xabcdef);
  CHECK(*parse_transport_sequence_number(*p->find_extension(3)) == 513);
  CHECK(*parse_mid(*p->find_extension(4)) == "0");
  CHECK(*parse_rid(*p->find_extension(10)) == "hi");
  CHECK_FALSE(p->find_extension(5).has_value());
  (void)bytes_of;
}

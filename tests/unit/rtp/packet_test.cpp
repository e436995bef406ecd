// RTP fixed header, CSRCs, extension block and padding (RFC 3550 §5.1, §5.3.1): parse -> compare
// fields -> rebuild -> compare bytes, and failure tables with exact error codes.
#include <catch2/catch.hpp>

#include <cstdint>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "common/hex.hpp"
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

struct Element {
  uint8_t id;
  const char* data_hex;
};

struct PacketCase {
  const char* name;
  const char* packet_hex;  // written out by hand from the RFC 3550 §5.1 / RFC 8285 layouts
  bool marker;
  uint8_t payload_type;
  uint16_t seq;
  uint32_t timestamp;
  uint32_t ssrc;
  std::vector<uint32_t> csrcs;
  std::optional<uint16_t> extension_profile;
  const char* extension_data_hex;
  std::vector<Element> elements;  // RFC 8285 elements, when the profile is 0xBEDE / 0x100X
  const char* payload_hex;
  size_t padding;
};

const std::vector<PacketCase>& packet_cases() {
  static const std::vector<PacketCase> cases = {
      {"plain", "80 60 0007 00000bb8 12345678  deadbeef", false, 96, 7, 3000, 0x12345678, {}, std::nullopt,
       "", {}, "deadbeef", 0},
      {"marker and two CSRCs", "82 e0 ffff 00000001 00000002  0000000a 0000000b  0102", true, 96, 0xFFFF, 1, 2,
       {0xa, 0xb}, std::nullopt, "", {}, "0102", 0},
      {"fifteen CSRCs, empty payload",
       "8f 00 0000 00000000 00000000"
       " 00000001 00000002 00000003 00000004 00000005 00000006 00000007 00000008"
       " 00000009 0000000a 0000000b 0000000c 0000000d 0000000e 0000000f",
       false, 0, 0, 0, 0, {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15}, std::nullopt, "", {}, "", 0},
      // RFC 8285 §4.2 layout: ID L=0, ID L=1, two padding bytes, ID L=3; length=3.
      {"one-byte extension (RFC 8285 §4.2 layout)",
       "90 6f 0001 00000064 00000001  bede 0003  10aa 21bbcc 0000 3301020304  55", false, 111, 1, 100, 1, {},
       kOneByteProfile, "10aa21bbcc00003301020304", {{1, "aa"}, {2, "bbcc"}, {3, "01020304"}}, "55", 0},
      // RFC 8285 §4.3 layout: ID L=0, ID L=1, one padding byte, ID L=4; length=3.
      {"two-byte extension (RFC 8285 §4.3 layout)",
       "90 60 0002 000000c8 00000002  1000 0003  0500 0601ee 00 07040a0b0c0d  6677", false, 96, 2, 200, 2, {},
       uint16_t{0x1000}, "05000601ee0007040a0b0c0d", {{5, ""}, {6, "ee"}, {7, "0a0b0c0d"}}, "6677", 0},
      {"two-byte extension with appbits 0xf and id 200",
       "90 60 0003 00000000 00000003  100f 0001  c8 01 99 00  01", false, 96, 3, 0, 3, {}, uint16_t{0x100f},
       "c8019900", {{200, "99"}}, "01", 0},
      {"one-byte extension stops at ID 15", "90 60 0004 00000000 00000004  bede 0001  1077 f3 ff", false, 96, 4, 0,
       4, {}, kOneByteProfile, "1077f3ff", {{1, "77"}}, "", 0},
      {"extension of length 0", "90 60 0005 00000000 00000005  bede 0000  abcd", false, 96, 5, 0, 5, {},
       kOneByteProfile, "", {}, "abcd", 0},
      {"non-RFC 8285 extension profile", "90 60 0006 00000000 00000006  abcd 0001  01020304  ff", false, 96, 6, 0,
       6, {}, uint16_t{0xabcd}, "01020304", {}, "ff", 0},
      {"padding of 3", "a0 60 0003 0000012c 00000003  112233  000003", false, 96, 3, 300, 3, {}, std::nullopt, "",
       {}, "112233", 3},
      {"padding of 1 (count byte only)", "a0 60 0003 0000012c 00000003  11  01", false, 96, 3, 300, 3, {},
       std::nullopt, "", {}, "11", 1},
      {"padding only, no payload", "a0 60 0009 00000000 00000009  00000004", false, 96, 9, 0, 9, {}, std::nullopt,
       "", {}, "", 4},
      {"CSRC, one-byte extension and padding",
       "b1 ff 1234 89abcdef 01020304  05060708  bede 0001  2100ff00  c0ffee  0002", true, 127, 0x1234, 0x89abcdef,
       0x01020304, {0x05060708}, kOneByteProfile, "2100ff00", {{2, "00ff"}}, "c0ffee", 2},
  };
  return cases;
}

}  // namespace

TEST_CASE("RtpPacket: hand-written packets parse to their fields and rebuild byte for byte", "[rtp][packet]") {
  for (const PacketCase& c : packet_cases()) {
    INFO(c.name);
    const std::vector<uint8_t> bytes = hex(c.packet_hex);
    auto parsed = RtpPacket::parse(bytes);
    REQUIRE(parsed.ok());
    const RtpPacket& p = *parsed;
    CHECK(p.marker() == c.marker);
    CHECK(p.payload_type() == PayloadType(c.payload_type));
    CHECK(p.sequence_number() == SeqNo(c.seq));
    CHECK(p.timestamp() == c.timestamp);
    CHECK(p.ssrc() == Ssrc(c.ssrc));
    REQUIRE(p.csrc_count() == c.csrcs.size());
    size_t i = 0;
    for (Ssrc csrc : p.csrcs()) {
      CHECK(csrc == Ssrc(c.csrcs[i]));
      CHECK(p.csrcs()[i] == Ssrc(c.csrcs[i]));
      ++i;
    }
    CHECK(p.has_extension() == c.extension_profile.has_value());
    if (c.extension_profile) {
      CHECK(p.extension_profile() == *c.extension_profile);
      CHECK(to_hex(p.extension_data()) == to_hex(hex(c.extension_data_hex)));
    } else {
      CHECK(p.extension_profile() == 0);
      CHECK(p.extension_data().empty());
    }
    if (c.extension_profile && extension_form(*c.extension_profile)) {
      ExtensionReader reader = p.extensions();
      ExtensionElement e;
      size_t n = 0;
      while (reader.next(e)) {
        REQUIRE(n < c.elements.size());
        CHECK(e.id == c.elements[n].id);
        CHECK(to_hex(e.data) == to_hex(hex(c.elements[n].data_hex)));
        auto found = p.find_extension(e.id);
        REQUIRE(found.has_value());
        CHECK(found->data() == e.data.data());
        ++n;
      }
      CHECK(reader.status().ok());
      CHECK(n == c.elements.size());
    }
    CHECK(to_hex(p.payload()) == to_hex(hex(c.payload_hex)));
    CHECK(p.padding_size() == c.padding);
    CHECK(p.has_padding() == (c.padding != 0));
    CHECK(p.header_size() + p.payload().size() + p.padding_size() == bytes.size());
    CHECK(p.size() == bytes.size());

    // Rebuild from the parsed view: identical bytes (all padding bytes but the count are zero here).
    RtpPacketBuilder builder = RtpPacketBuilder::from_packet(p);
    auto size = builder.serialized_size();
    REQUIRE(size.ok());
    CHECK(*size == bytes.size());
    std::vector<uint8_t> out(bytes.size());
    auto written = builder.serialize(out);
    REQUIRE(written.ok());
    CHECK(*written == bytes.size());
    CHECK(to_hex(out) == to_hex(bytes));
  }
}

TEST_CASE("RtpPacketBuilder: header fields and RFC 8285 elements -> bytes -> parse -> same fields",
          "[rtp][builder]") {
  const std::vector<uint8_t> payload = hex("0102030405");
  const std::vector<uint8_t> a = hex("aa"), bc = hex("bbcc"), d = hex("01020304"), empty;
  const Ssrc csrcs[] = {Ssrc(0x11111111), Ssrc(0x22222222)};
  struct BuildCase {
    const char* name;
    std::vector<ExtensionElement> elements;
    ExtensionWriteOptions options;
    uint8_t padding;
    const char* expected_hex;
  };
  const std::vector<BuildCase> cases = {
      {"no extension", {}, {}, 0, "82 e1 0102 00000bb8 0a0b0c0d 11111111 22222222 0102030405"},
      {"one-byte elements are packed, then padded with zeros",
       {{1, a}, {2, bc}, {3, d}},
       {},
       0,
       "92 e1 0102 00000bb8 0a0b0c0d 11111111 22222222 bede 0003 10aa 21bbcc 3301020304 0000 0102030405"},
      {"zero-length element forces two-byte under allow-mixed",
       {{1, a}, {2, empty}},
       {},
       0,
       "92 e1 0102 00000bb8 0a0b0c0d 11111111 22222222 1000 0002 0101aa 0200 000000 0102030405"},
      {"id 15 forces two-byte, appbits kept",
       {{15, a}},
       {ExtensionFormPolicy::kAllowMixed, 0x5},
       0,
       "92 e1 0102 00000bb8 0a0b0c0d 11111111 22222222 1005 0001 0f01aa00 0102030405"},
      {"two-byte only policy", {{1, a}}, {ExtensionFormPolicy::kTwoByteOnly, 0}, 0,
       "92 e1 0102 00000bb8 0a0b0c0d 11111111 22222222 1000 0001 0101aa00 0102030405"},
      {"one-byte with padding 4",
       {{14, d}},
       {ExtensionFormPolicy::kOneByteOnly, 0},
       4,
       "b2 e1 0102 00000bb8 0a0b0c0d 11111111 22222222 bede 0002 e301020304000000 0102030405 00000004"},
  };
  for (const BuildCase& c : cases) {
    INFO(c.name);
    RtpPacketBuilder b;
    b.set_marker(true)
        .set_payload_type(PayloadType(97))
        .set_sequence_number(SeqNo(0x0102))
        .set_timestamp(3000)
        .set_ssrc(Ssrc(0x0a0b0c0d))
        .set_csrcs(csrcs)
        .set_extensions(c.elements, c.options)
        .set_payload(payload)
        .set_padding(c.padding);
    std::vector<uint8_t> out(1500);
    auto n = b.serialize(out);
    REQUIRE(n.ok());
    out.resize(*n);
    CHECK(to_hex(out) == to_hex(hex(c.expected_hex)));
    auto size = b.serialized_size();
    REQUIRE(size.ok());
    CHECK(*size == *n);

    auto p = RtpPacket::parse(out);
    REQUIRE(p.ok());
    CHECK(p->marker());
    CHECK(p->payload_type() == PayloadType(97));
    CHECK(p->sequence_number() == SeqNo(0x0102));
    CHECK(p->timestamp() == 3000);
    CHECK(p->ssrc() == Ssrc(0x0a0b0c0d));
    CHECK(p->csrc_count() == 2);
    CHECK(p->csrcs()[1] == Ssrc(0x22222222));
    CHECK(to_hex(p->payload()) == "0102030405");
    CHECK(p->padding_size() == c.padding);
    ExtensionReader r = p->extensions();
    ExtensionElement e;
    size_t i = 0;
    while (r.next(e)) {
      REQUIRE(i < c.elements.size());
      CHECK(e.id == c.elements[i].id);
      CHECK(to_hex(e.data) == to_hex(c.elements[i].data));
      ++i;
    }
    CHECK(i == c.elements.size());
    CHECK(r.status().ok());  // also for a packet without an extension: an empty list

    // parse -> rebuild -> same bytes.
    std::vector<uint8_t> again(out.size());
    auto m = RtpPacketBuilder::from_packet(*p).serialize(again);
    REQUIRE(m.ok());
    CHECK(again == out);
  }
}

TEST_CASE("RtpPacket::parse failure table", "[rtp][packet]") {
  struct FailCase {
    const char* name;
    const char* packet_hex;
    RtpErrc code;
    uint32_t position;
  };
  const FailCase cases[] = {
      {"empty", "", RtpErrc::kTruncatedHeader, 0},
      {"11 bytes", "80 60 0001 00000000 000000", RtpErrc::kTruncatedHeader, 0},
      {"version 0", "00 60 0001 00000000 00000000", RtpErrc::kBadVersion, 0},
      {"version 1", "40 60 0001 00000000 00000000", RtpErrc::kBadVersion, 0},
      {"version 3", "c0 60 0001 00000000 00000000", RtpErrc::kBadVersion, 0},
      {"CC=1 without the CSRC", "81 60 0001 00000000 00000000", RtpErrc::kCsrcOverrun, 0},
      {"CC=2 with one CSRC and a half", "82 60 0001 00000000 00000000 00000001 0000", RtpErrc::kCsrcOverrun, 0},
      {"X without the extension header", "90 60 0001 00000000 00000000", RtpErrc::kExtensionHeaderOverrun, 12},
      {"X with 3 bytes of extension header", "90 60 0001 00000000 00000000 bede00",
       RtpErrc::kExtensionHeaderOverrun, 12},
      {"X after a CSRC, header missing", "91 60 0001 00000000 00000000 00000001 bede",
       RtpErrc::kExtensionHeaderOverrun, 16},
      {"extension length 1 word, 3 bytes present", "90 60 0001 00000000 00000000 bede 0001 10aa00",
       RtpErrc::kExtensionOverrun, 14},
      {"extension length 0xffff", "90 60 0001 00000000 00000000 bede ffff 10aa0000", RtpErrc::kExtensionOverrun,
       14},
      {"padding count 0", "a0 60 0001 00000000 00000000 112200", RtpErrc::kBadPaddingCount, 14},
      {"padding count larger than payload + padding", "a0 60 0001 00000000 00000000 11223305",
       RtpErrc::kPaddingOverrun, 15},
      {"padding count reaching into the extension", "b0 60 0001 00000000 00000000 bede 0001 10aa0000 0103",
       RtpErrc::kPaddingOverrun, 21},
      {"P bit with nothing after the header", "a0 60 0001 00000000 00000004", RtpErrc::kPaddingOverrun, 12},
      {"P bit, header ends in the extension", "b0 60 0001 00000000 00000000 bede 0001 10aa0001",
       RtpErrc::kPaddingOverrun, 20},
  };
  for (const FailCase& c : cases) {
    INFO(c.name);
    const std::vector<uint8_t> bytes = hex(c.packet_hex);
    auto p = RtpPacket::parse(bytes);
    REQUIRE_FALSE(p.ok());
    CHECK(p.error().is(c.code));
    CHECK(p.error().position() == c.position);
    CHECK(std::string(p.error().detail()) != "");
    std::vector<uint8_t> copy = bytes;
    auto m = MutableRtpPacket::parse(copy);
    REQUIRE_FALSE(m.ok());
    CHECK(m.error().is(c.code));
  }
}

TEST_CASE("RtpPacket never reads past a truncated packet", "[rtp][packet]") {
  // Every prefix of a valid packet either parses to a consistent view or fails; the heap copy of
  // exactly the prefix length lets a sanitizer catch any over-read.
  const std::vector<uint8_t> full =
      hex("b1 ff 1234 89abcdef 01020304  05060708  bede 0001  2100ff00  c0ffee  0002");
  for (size_t n = 0; n <= full.size(); ++n) {
    std::vector<uint8_t> prefix(full.begin(), full.begin() + static_cast<std::ptrdiff_t>(n));
    auto p = RtpPacket::parse(prefix);
    if (n < full.size()) {
      CHECK_FALSE(p.ok());
    } else {
      CHECK(p.ok());
    }
  }
}

TEST_CASE("RtpPacketBuilder failure table", "[rtp][builder]") {
  const std::vector<uint8_t> three = hex("010203"), ok4 = hex("01020304"), big(256, 0x11);
  const std::vector<uint8_t> huge(size_t{0x10000} * 4, 0);
  const Ssrc sixteen[16] = {};
  const ExtensionElement id0[] = {{0, ok4}};
  const ExtensionElement id15[] = {{15, ok4}};
  const ExtensionElement too_long[] = {{1, big}};
  std::vector<uint8_t> out(300000);

  struct FailCase {
    const char* name;
    RtpPacketBuilder builder;
    RtpErrc code;
  };
  const FailCase cases[] = {
      {"payload type 128", RtpPacketBuilder().set_payload_type(PayloadType(128)), RtpErrc::kBadPayloadType},
      {"16 CSRCs", RtpPacketBuilder().set_csrcs(sixteen), RtpErrc::kTooManyCsrcs},
      {"raw extension of 3 bytes", RtpPacketBuilder().set_raw_extension(0xabcd, three),
       RtpErrc::kBadExtensionLength},
      {"raw extension of 65536 words", RtpPacketBuilder().set_raw_extension(0xabcd, huge),
       RtpErrc::kExtensionTooLarge},
      {"element id 0", RtpPacketBuilder().set_extensions(id0), RtpErrc::kBadExtensionElement},
      {"element of 256 bytes", RtpPacketBuilder().set_extensions(too_long), RtpErrc::kBadExtensionElement},
      {"id 15 without extmap-allow-mixed",
       RtpPacketBuilder().set_extensions(id15, {ExtensionFormPolicy::kOneByteOnly, 0}),
       RtpErrc::kTwoByteNotAllowed},
  };
  for (const FailCase& c : cases) {
    INFO(c.name);
    auto n = c.builder.serialize(out);
    REQUIRE_FALSE(n.ok());
    CHECK(n.error().is(c.code));
    auto size = c.builder.serialized_size();
    REQUIRE_FALSE(size.ok());
    CHECK(size.error().is(c.code));
  }

  // The largest extension block (65535 words) still fits the 16-bit length.
  const std::vector<uint8_t> max_ext(size_t{0xFFFF} * 4, 0);
  auto max_written = RtpPacketBuilder().set_raw_extension(0xabcd, max_ext).serialize(out);
  REQUIRE(max_written.ok());
  CHECK(*max_written == 12 + 4 + max_ext.size());
  auto max_parsed = RtpPacket::parse(std::span<const uint8_t>(out.data(), *max_written));
  REQUIRE(max_parsed.ok());
  CHECK(max_parsed->extension_data().size() == max_ext.size());

  // Exact fit succeeds, one byte less fails with kBufferTooSmall and reports the size.
  RtpPacketBuilder b;
  b.set_payload(ok4).set_padding(3).set_extensions(id15);
  auto size = b.serialized_size();
  REQUIRE(size.ok());
  CHECK(*size == 12 + (4 + 8) + 4 + 3);
  std::vector<uint8_t> exact(*size);
  CHECK(b.serialize(exact).ok());
  std::vector<uint8_t> short_by_one(*size - 1);
  auto n = b.serialize(short_by_one);
  REQUIRE_FALSE(n.ok());
  CHECK(n.error().is(RtpErrc::kBufferTooSmall));
}

TEST_CASE("MutableRtpPacket: in-place setters", "[rtp][packet]") {
  std::vector<uint8_t> bytes = hex("90 60 0001 00000064 00000001  bede 0001  10aa0000  55 66");
  auto m = MutableRtpPacket::parse(bytes);
  REQUIRE(m.ok());
  m->set_marker(true);
  REQUIRE(m->set_payload_type(PayloadType(111)).ok());
  m->set_sequence_number(SeqNo(0xfffe));
  m->set_timestamp(0xdeadbeef);
  m->set_ssrc(Ssrc(0xcafebabe));
  m->payload()[1] = 0x77;
  CHECK(to_hex(bytes) == "90effffedeadbeefcafebabebede000110aa00005577");
  const RtpPacket& v = m->view();
  CHECK(v.marker());
  CHECK(v.payload_type() == PayloadType(111));
  CHECK(v.sequence_number() == SeqNo(0xfffe));
  CHECK(v.timestamp() == 0xdeadbeef);
  CHECK(v.ssrc() == Ssrc(0xcafebabe));
  CHECK(v.find_extension(1).has_value());

  m->set_marker(false);
  CHECK(bytes[1] == 111);
  auto bad = m->set_payload_type(PayloadType(200));
  REQUIRE_FALSE(bad.ok());
  CHECK(bad.error().is(RtpErrc::kBadPayloadType));
  CHECK(bytes[1] == 111);  // unchanged
  CHECK(m->bytes().size() == bytes.size());
}

TEST_CASE("describe prints every field, CSRC and extension element", "[rtp][describe]") {
  const std::vector<uint8_t> bytes =
      hex("b1 ff 1234 89abcdef 01020304  05060708  bede 0001  2100ff00  c0ffee  0002");
  auto p = RtpPacket::parse(bytes);
  REQUIRE(p.ok());
  const std::string text = describe(*p);
  const char* expected_lines[] = {
      "RTP packet (29 bytes)\n",
      "  padding: yes\n",
      "  extension: yes\n",
      "  csrc count: 1\n",
      "  marker: 1\n",
      "  payload type: 127\n",
      "  sequence number: 4660\n",
      "  timestamp: 2309737967\n",
      "  ssrc: 0x01020304\n",
      "  csrc: 0x05060708\n",
      "  extension profile: 0xbede (RFC 8285 one-byte)\n",
      "  extension length: 4 bytes\n",
      "    element id 2, 2 bytes: 00ff\n",
      "  payload size: 3\n",
      "  padding size: 2\n",
  };
  for (const char* line : expected_lines) {
    INFO(line);
    CHECK(text.find(line) != std::string::npos);
  }

  const std::vector<uint8_t> malformed = hex("90 60 0001 00000000 00000000 bede 0001 13aabbcc");
  auto m = RtpPacket::parse(malformed);
  REQUIRE(m.ok());
  CHECK(describe(*m).find("    malformed: rtp kExtensionElementOverrun") != std::string::npos);
  const std::vector<uint8_t> opaque = hex("90 60 0001 00000000 00000000 abcd 0001 01020304");
  auto o = RtpPacket::parse(opaque);
  REQUIRE(o.ok());
  CHECK(describe(*o).find("  extension profile: 0xabcd (not RFC 8285)\n  extension length: 4 bytes\n    data: 01020304\n") !=
        std::string::npos);
}

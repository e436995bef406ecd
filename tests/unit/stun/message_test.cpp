// Message header and attribute-TLV parsing (RFC 8489 §5, §6, §9, §14).
#include <catch2/catch.hpp>

#include "stun/attributes.hpp"
#include "stun/builder.hpp"
#include "stun/fingerprint.hpp"
#include "test_util.hpp"

namespace tern::stun {
namespace {
using test::hex;
using test::raw_message;

TEST_CASE("message type: method and class interleaving (RFC 8489 §5)", "[stun][message]") {
  struct Row {
    uint16_t wire;
    Method method;
    MessageClass cls;
  };
  // RFC 8489 §6: "a Binding request has class=0b00 (request) and method=0b000000000001 ... encoded
  // into the first 16 bits as 0x0001"; success response 0x0101, error 0x0111, indication 0x0011.
  const Row rows[] = {
      {0x0001, Method::kBinding, MessageClass::kRequest},
      {0x0011, Method::kBinding, MessageClass::kIndication},
      {0x0101, Method::kBinding, MessageClass::kSuccessResponse},
      {0x0111, Method::kBinding, MessageClass::kErrorResponse},
      {0x0003, Method::kAllocate, MessageClass::kRequest},
      {0x0103, Method::kAllocate, MessageClass::kSuccessResponse},
      {0x0113, Method::kAllocate, MessageClass::kErrorResponse},
      {0x0004, Method::kRefresh, MessageClass::kRequest},
      {0x0016, Method::kSend, MessageClass::kIndication},
      {0x0017, Method::kData, MessageClass::kIndication},
      {0x0008, Method::kCreatePermission, MessageClass::kRequest},
      {0x0109, Method::kChannelBind, MessageClass::kSuccessResponse},
      // Every method bit: M0-M3 -> bits 0-3, M4-M6 -> bits 5-7, M7-M11 -> bits 9-13.
      {0x3EEF, static_cast<Method>(0x0FFF), MessageClass::kRequest},
      {0x3FFF, static_cast<Method>(0x0FFF), MessageClass::kErrorResponse},
      {0x0020, static_cast<Method>(0x0010), MessageClass::kRequest},
      {0x0200, static_cast<Method>(0x0080), MessageClass::kRequest},
      {0x2000, static_cast<Method>(0x0800), MessageClass::kRequest},
  };
  for (const Row& r : rows) {
    INFO("wire " << r.wire);
    CHECK(decode_message_type(r.wire) == MessageType{r.method, r.cls});
    CHECK(encode_message_type({r.method, r.cls}) == r.wire);
  }
  // Round trip over the whole 14-bit space.
  for (uint32_t t = 0; t < 0x4000; ++t) {
    if (encode_message_type(decode_message_type(static_cast<uint16_t>(t))) != t) FAIL("type " << t);
  }
  CHECK(method_name(Method::kChannelBind) == "ChannelBind");
  CHECK(class_name(MessageClass::kIndication) == "indication");
}

TEST_CASE("header failures give exact codes and positions", "[stun][message]") {
  struct Row {
    const char* name;
    std::vector<uint8_t> bytes;
    StunErrc code;
    uint32_t position;
  };
  const Row rows[] = {
      {"empty", {}, StunErrc::kTruncatedHeader, 0},
      {"19 bytes", hex("0001 0000 2112a442 000102030405060708090a"), StunErrc::kTruncatedHeader, 19},
      {"leading bit 0x80", hex("8001 0000 2112a442 000102030405060708090a0b"), StunErrc::kBadLeadingBits, 0},
      {"leading bit 0x40 (ChannelData)", hex("4001 0000 2112a442 000102030405060708090a0b"), StunErrc::kBadLeadingBits, 0},
      {"RFC 3489 cookie-less", hex("0001 0000 00000000 000102030405060708090a0b"), StunErrc::kBadMagicCookie, 4},
      {"cookie off by one bit", hex("0001 0000 2112a443 000102030405060708090a0b"), StunErrc::kBadMagicCookie, 4},
      {"length 2", hex("0001 0002 2112a442 000102030405060708090a0b 0000"), StunErrc::kLengthNotMultipleOf4, 2},
      {"length 4, no body", hex("0001 0004 2112a442 000102030405060708090a0b"), StunErrc::kLengthExceedsDatagram, 2},
      {"length 8, 4 bytes", hex("0001 0008 2112a442 000102030405060708090a0b 80220000"), StunErrc::kLengthExceedsDatagram, 2},
      {"trailing bytes", hex("0001 0000 2112a442 000102030405060708090a0b 00000000"), StunErrc::kTrailingBytes, 20},
      {"attribute overruns", hex("0001 0008 2112a442 000102030405060708090a0b 80220005 61626364"),
       StunErrc::kTruncatedAttribute, 22},
      {"second attribute overruns", hex("0001 000c 2112a442 000102030405060708090a0b 80220001 61000000 00060004"),
       StunErrc::kTruncatedAttribute, 30},

  };
  for (const Row& r : rows) {
    INFO(r.name);
    auto m = Message::parse(r.bytes);
    REQUIRE_FALSE(m.ok());
    CHECK(m.error().is(r.code));
    CHECK(m.error().position() == r.position);
    // Attribute-level damage still passes the header-only demultiplexing test, but not is_stun().
    CHECK(looks_like_stun(r.bytes) == (r.code == StunErrc::kTruncatedAttribute));
    CHECK_FALSE(is_stun(r.bytes));
  }
}

TEST_CASE("an empty Binding request parses", "[stun][message]") {
  const auto wire = hex("0001 0000 2112a442 000102030405060708090a0b");
  auto m = Message::parse(wire);
  REQUIRE(m.ok());
  CHECK(m->attributes().empty());
  CHECK(m->length() == 0);
  CHECK(m->bytes().size() == 20);
  CHECK_FALSE(m->has(AttributeType::kSoftware));
  CHECK(get<Software>(*m).error().is(StunErrc::kMissingAttribute));
  CHECK(std::string(get<Software>(*m).error().detail()) == "SOFTWARE");
  CHECK(looks_like_stun(wire));
  CHECK(is_stun(wire));
}

TEST_CASE("padding bytes are ignored on receive, whatever their value (RFC 8489 §14)", "[stun][message]") {
  for (const char* padding : {"000000", "202020", "ffffff", "abcdef"}) {
    INFO(padding);
    const auto wire = raw_message(0x0001, std::string("80220001 61") + padding + " 00240004 6e0001ff");
    auto m = Message::parse(wire);
    REQUIRE(m.ok());
    CHECK(get<Software>(*m)->text == "a");
    CHECK(get<Priority>(*m)->priority == 0x6e0001ff);
  }
}

TEST_CASE("duplicates: all kept in order, the first one wins (RFC 8489 §14)", "[stun][message]") {
  const auto wire = raw_message(0x0001, "00240004 00000001  00240004 00000002  80220001 61000000  00240004 00000003");
  auto m = Message::parse(wire);
  REQUIRE(m.ok());
  REQUIRE(m->attributes().size() == 4);
  CHECK(get<Priority>(*m)->priority == 1);
  // Repeated attributes (e.g. several XOR-PEER-ADDRESS) are reachable with find_next.
  std::vector<uint32_t> all;
  for (auto* a = m->find(AttributeType::kPriority); a; a = m->find_next(AttributeType::kPriority, a)) {
    all.push_back(get<Priority>(*m, *a)->priority);
  }
  CHECK(all == std::vector<uint32_t>{1, 2, 3});
}

TEST_CASE("attributes after MESSAGE-INTEGRITY are ignored except MI-SHA256 and FINGERPRINT (RFC 8489 §9)",
          "[stun][message]") {
  const auto mi = std::string("00080014 ") + std::string(40, '0');
  const auto sha = std::string("001c0020 ") + std::string(64, '0');
  struct Row {
    const char* name;
    std::string attributes;
    std::vector<bool> ignored;
    StunErrc strict;  // check_attribute_order(); kTruncatedHeader stands for "ok"
  };
  const Row rows[] = {
      {"MI, FINGERPRINT", mi + " 80280004 00000000", {false, false}, StunErrc::kTruncatedHeader},
      {"MI, MI-SHA256, FINGERPRINT", mi + sha + " 80280004 00000000", {false, false, false}, StunErrc::kTruncatedHeader},
      {"MI, PRIORITY", mi + " 00240004 00000001", {false, true}, StunErrc::kAttributeAfterIntegrity},
      {"MI, PRIORITY, FINGERPRINT", mi + " 00240004 00000001 80280004 00000000", {false, true, false},
       StunErrc::kAttributeAfterIntegrity},
      {"MI-SHA256, MI", sha + mi, {false, true}, StunErrc::kAttributeAfterIntegrity},
      {"MI-SHA256, PRIORITY", sha + " 00240004 00000001", {false, true}, StunErrc::kAttributeAfterIntegrity},
      {"MI, MI", mi + mi, {false, true}, StunErrc::kAttributeAfterIntegrity},
      {"FINGERPRINT, PRIORITY", "80280004 00000000 00240004 00000001", {false, true}, StunErrc::kFingerprintNotLast},
      {"FINGERPRINT, MI", "80280004 00000000 " + mi, {false, true}, StunErrc::kFingerprintNotLast},
  };
  for (const Row& r : rows) {
    INFO(r.name);
    const auto wire = raw_message(0x0001, r.attributes);
    auto m = Message::parse(wire);
    REQUIRE(m.ok());
    REQUIRE(m->attributes().size() == r.ignored.size());
    for (size_t i = 0; i < r.ignored.size(); ++i) CHECK(m->attributes()[i].ignored == r.ignored[i]);
    auto s = check_attribute_order(*m);
    if (r.strict == StunErrc::kTruncatedHeader) {
      CHECK(s.ok());
    } else {
      REQUIRE_FALSE(s.ok());
      CHECK(s.error().is(r.strict));
    }
  }
  // An ignored attribute is invisible to typed access.
  const auto m_bytes = raw_message(0x0001, mi + " 00240004 00000001");
  auto m = Message::parse(m_bytes);
  REQUIRE(m.ok());
  CHECK(get<Priority>(*m).error().is(StunErrc::kMissingAttribute));
}

TEST_CASE("at most 64 attributes (bounded, no allocation)", "[stun][message]") {
  std::string attrs;
  for (int i = 0; i < 64; ++i) attrs += "80220000 ";
  const auto ok_bytes = raw_message(0x0001, attrs);
  auto ok = Message::parse(ok_bytes);
  REQUIRE(ok.ok());
  CHECK(ok->attributes().size() == 64);
  const auto too_many_bytes = raw_message(0x0001, attrs + "80220000");
  auto too_many = Message::parse(too_many_bytes);
  REQUIRE_FALSE(too_many.ok());
  CHECK(too_many.error().is(StunErrc::kTooManyAttributes));
  CHECK(too_many.error().position() == 20 + 64 * 4);
}

TEST_CASE("attribute positions in typed errors are message offsets", "[stun][message]") {
  // PRIORITY with 3 bytes at offset 24 (after an empty SOFTWARE): the error names the value offset.
  const auto m_bytes = raw_message(0x0001, "80220000 00240003 01020300");
  auto m = Message::parse(m_bytes);
  REQUIRE(m.ok());
  auto p = get<Priority>(*m);
  REQUIRE_FALSE(p.ok());
  CHECK(p.error().is(StunErrc::kBadAttributeLength));
  CHECK(p.error().position() == 28);
  // The bad address family byte of a MAPPED-ADDRESS at offset 20 sits at 20 + 4 + 1.
  const auto a_bytes = raw_message(0x0101, "00010008 00030001 01020304");
  auto a = Message::parse(a_bytes);
  REQUIRE(a.ok());
  CHECK(get<MappedAddress>(*a).error().position() == 25);
}

TEST_CASE("stream framing with message_size", "[stun][message]") {
  auto one = raw_message(0x0001, "80220001 61000000");
  auto two = raw_message(0x0101, "");
  std::vector<uint8_t> stream = one;
  stream.insert(stream.end(), two.begin(), two.end());
  auto first = message_size(stream);
  REQUIRE(first.ok());
  CHECK(*first == one.size());
  CHECK(Message::parse(std::span<const uint8_t>(stream).first(*first)).ok());
  auto second = message_size(std::span<const uint8_t>(stream).subspan(*first));
  REQUIRE(second.ok());
  CHECK(*second == 20);
  // Partial header: need more bytes.
  CHECK(message_size(std::span<const uint8_t>(stream).first(10)).error().is(StunErrc::kTruncatedHeader));
}

TEST_CASE("looks_like_stun / is_stun for demultiplexing", "[stun][message]") {
  // A good message with a FINGERPRINT.
  std::vector<uint8_t> good;
  MessageBuilder b(good, {Method::kBinding, MessageClass::kRequest}, test::txid("000102030405060708090a0b"));
  b.add(Software{"x"});
  b.add_fingerprint();
  REQUIRE(b.finish().ok());
  CHECK(looks_like_stun(good));
  CHECK(is_stun(good));
  // A corrupted FINGERPRINT: the header still looks like STUN, but it is not ours.
  auto bad = good;
  bad.back() ^= 1;
  CHECK(looks_like_stun(bad));
  CHECK_FALSE(is_stun(bad));
  // An RTP packet (version 2) and a DTLS record do not look like STUN.
  CHECK_FALSE(looks_like_stun(hex("80 60 00 01 00 00 00 00 12 34 56 78 00 00 00 00 00 00 00 00")));
  CHECK_FALSE(looks_like_stun(hex("16 fe fd 00 00 00 00 00 00 00 00 00 10 01 00 00 00 00 00 00")));
  // Attributes that do not parse make is_stun false even though the header looks fine.
  const auto broken = hex("0001 0004 2112a442 000102030405060708090a0b 80220009");
  CHECK(looks_like_stun(broken));
  CHECK_FALSE(is_stun(broken));
}

}  // namespace
}  // namespace tern::stun

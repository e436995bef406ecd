// RFC 5769 "Test Vectors for STUN", every vector verbatim: parse, check each field, verify
// MESSAGE-INTEGRITY and FINGERPRINT, and rebuild byte for byte.
//
// Reproducibility: §2.1 pads USERNAME ("evtj:h6vY", 9 bytes) and §2.2/§2.3 pad SOFTWARE
// ("test vector", 11 bytes) with 0x20, not the zeros RFC 8489 §14 requires on send. The padding is
// covered by MESSAGE-INTEGRITY and FINGERPRINT, so those vectors can only be rebuilt exactly by
// writing 0x20 padding (MessageBuilder::add_raw's padding byte); built the normal way they differ in
// exactly the padding, MESSAGE-INTEGRITY and FINGERPRINT bytes, and still verify. §2.4 uses zero
// padding and is rebuilt with the normal typed API.
#include <catch2/catch.hpp>

#include "stun/attributes.hpp"
#include "stun/builder.hpp"
#include "stun/fingerprint.hpp"
#include "stun/integrity.hpp"
#include "test_util.hpp"

namespace tern::stun {
namespace {
using test::hex;

// RFC 5769 §2.1 Sample Request.
const char* const kSampleRequest =
    "00 01 00 58"  //    Request type and message length
    "21 12 a4 42"  //    Magic cookie
    "b7 e7 a7 01"  // }
    "bc 34 d6 86"  // }  Transaction ID
    "fa 87 df ae"  // }
    "80 22 00 10"  //    SOFTWARE attribute header
    "53 54 55 4e"  // }
    "20 74 65 73"  // }  User-agent...
    "74 20 63 6c"  // }  ...name
    "69 65 6e 74"  // }
    "00 24 00 04"  //    PRIORITY attribute header
    "6e 00 01 ff"  //    ICE priority value
    "80 29 00 08"  //    ICE-CONTROLLED attribute header
    "93 2f f9 b1"  // }  Pseudo-random tie breaker...
    "51 26 3b 36"  // }   ...for ICE control
    "00 06 00 09"  //    USERNAME attribute header
    "65 76 74 6a"  // }
    "3a 68 36 76"  // }  Username (9 bytes) and padding (3 bytes)
    "59 20 20 20"  // }
    "00 08 00 14"  //    MESSAGE-INTEGRITY attribute header
    "9a ea a7 0c"  // }
    "bf d8 cb 56"  // }
    "78 1e f2 b5"  // }  HMAC-SHA1 fingerprint
    "b2 d3 f2 49"  // }
    "c1 b5 71 a2"  // }
    "80 28 00 04"  //    FINGERPRINT attribute header
    "e5 7a 3b cf";  //   CRC32 fingerprint

// RFC 5769 §2.2 Sample IPv4 Response.
const char* const kSampleIpv4Response =
    "01 01 00 3c"  //    Response type and message length
    "21 12 a4 42"  //    Magic cookie
    "b7 e7 a7 01"  // }
    "bc 34 d6 86"  // }  Transaction ID
    "fa 87 df ae"  // }
    "80 22 00 0b"  //    SOFTWARE attribute header
    "74 65 73 74"  // }
    "20 76 65 63"  // }  UTF-8 server name
    "74 6f 72 20"  // }
    "00 20 00 08"  //    XOR-MAPPED-ADDRESS attribute header
    "00 01 a1 47"  //    Address family (IPv4) and xor'd mapped port number
    "e1 12 a6 43"  //    Xor'd mapped IPv4 address
    "00 08 00 14"  //    MESSAGE-INTEGRITY attribute header
    "2b 91 f5 99"  // }
    "fd 9e 90 c3"  // }
    "8c 74 89 f9"  // }  HMAC-SHA1 fingerprint
    "2a f9 ba 53"  // }
    "f0 6b e7 d7"  // }
    "80 28 00 04"  //    FINGERPRINT attribute header
    "c0 7d 4c 96";  //   CRC32 fingerprint

// RFC 5769 §2.3 Sample IPv6 Response.
const char* const kSampleIpv6Response =
    "01 01 00 48"  //    Response type and message length
    "21 12 a4 42"  //    Magic cookie
    "b7 e7 a7 01"  // }
    "bc 34 d6 86"  // }  Transaction ID
    "fa 87 df ae"  // }
    "80 22 00 0b"  //    SOFTWARE attribute header
    "74 65 73 74"  // }
    "20 76 65 63"  // }  UTF-8 server name
    "74 6f 72 20"  // }
    "00 20 00 14"  //    XOR-MAPPED-ADDRESS attribute header
    "00 02 a1 47"  //    Address family (IPv6) and xor'd mapped port number
    "01 13 a9 fa"  // }
    "a5 d3 f1 79"  // }  Xor'd mapped IPv6 address
    "bc 25 f4 b5"  // }
    "be d2 b9 d9"  // }
    "00 08 00 14"  //    MESSAGE-INTEGRITY attribute header
    "a3 82 95 4e"  // }
    "4b e6 7b f1"  // }
    "17 84 c9 7c"  // }  HMAC-SHA1 fingerprint
    "82 92 c2 75"  // }
    "bf e3 ed 41"  // }
    "80 28 00 04"  //    FINGERPRINT attribute header
    "c8 fb 0b 4c";  //   CRC32 fingerprint

// RFC 5769 §2.4 Sample Request with Long-Term Authentication.
const char* const kSampleLongTermRequest =
    "00 01 00 60"  //    Request type and message length
    "21 12 a4 42"  //    Magic cookie
    "78 ad 34 33"  // }
    "c6 ad 72 c0"  // }  Transaction ID
    "29 da 41 2e"  // }
    "00 06 00 12"  //    USERNAME attribute header
    "e3 83 9e e3"  // }
    "83 88 e3 83"  // }
    "aa e3 83 83"  // }  Username value (18 bytes) and padding (2 bytes)
    "e3 82 af e3"  // }
    "82 b9 00 00"  // }
    "00 15 00 1c"  //    NONCE attribute header
    "66 2f 2f 34"  // }
    "39 39 6b 39"  // }
    "35 34 64 36"  // }
    "4f 4c 33 34"  // }  Nonce value
    "6f 4c 39 46"  // }
    "53 54 76 79"  // }
    "36 34 73 41"  // }
    "00 14 00 0b"  //    REALM attribute header
    "65 78 61 6d"  // }
    "70 6c 65 2e"  // }  Realm value (11 bytes) and padding (1 byte)
    "6f 72 67 00"  // }
    "00 08 00 14"  //    MESSAGE-INTEGRITY attribute header
    "f6 70 24 65"  // }
    "6d d6 4a 3e"  // }
    "02 b8 e0 71"  // }  HMAC-SHA1 fingerprint
    "2e 85 c9 a2"  // }
    "8c a8 96 66";  // }

// RFC 5769 §2.1-§2.3 short-term password (no SASLprep change: ASCII).
constexpr std::string_view kShortTermPassword = "VOkJxbRl1RmTxUk/WvJxBt";
// RFC 5769 §2.4: username "<U+30DE><U+30C8><U+30EA><U+30C3><U+30AF><U+30B9>" (UTF-8, unaffected by
// SASLprep), password "The<U+00AD>M<U+00AA>tr<U+2168>" which SASLprep makes "TheMatrIX", realm
// "example.org". We take the RFC's prepared form (no Unicode preparation in this module).
constexpr std::string_view kLongTermUsername = "\xe3\x83\x9e\xe3\x83\x88\xe3\x83\xaa\xe3\x83\x83\xe3\x82\xaf\xe3\x82\xb9";
constexpr std::string_view kLongTermPassword = "TheMatrIX";
constexpr std::string_view kRealm = "example.org";
constexpr std::string_view kNonceValue = "f//499k954d6OL34oL9FSTvy64sA";

std::vector<uint8_t> built(MessageBuilder& b) {
  auto r = b.finish();
  REQUIRE(r.ok());
  return {r->begin(), r->end()};
}

TEST_CASE("RFC 5769 2.1 sample request: fields, short-term integrity, fingerprint", "[stun][rfc5769]") {
  const auto wire = hex(kSampleRequest);
  auto m = Message::parse(wire);
  REQUIRE(m.ok());
  CHECK(m->method() == Method::kBinding);
  CHECK(m->message_class() == MessageClass::kRequest);
  CHECK(m->raw_type() == 0x0001);
  CHECK(m->length() == 0x58);
  CHECK(m->transaction_id() == test::txid("b7e7a701bc34d686fa87dfae"));
  REQUIRE(m->attributes().size() == 6);
  const AttributeType order[] = {AttributeType::kSoftware, AttributeType::kPriority, AttributeType::kIceControlled,
                                 AttributeType::kUsername, AttributeType::kMessageIntegrity, AttributeType::kFingerprint};
  for (size_t i = 0; i < 6; ++i) {
    CHECK(m->attributes()[i].type == order[i]);
    CHECK_FALSE(m->attributes()[i].ignored);
  }

  CHECK(get<Software>(*m)->text == "STUN test client");
  CHECK(get<Priority>(*m)->priority == 0x6e0001ff);
  CHECK(get<IceControlled>(*m)->tie_breaker == 0x932ff9b151263b36ULL);
  CHECK(get<Username>(*m)->text == "evtj:h6vY");
  CHECK(get<MessageIntegrity>(*m)->hmac == MessageIntegrity::parse(hex("9aeaa70cbfd8cb56781ef2b5b2d3f249c1b571a2"), {})->hmac);
  CHECK(get<Fingerprint>(*m)->crc == 0xe57a3bcf);

  CHECK(verify_message_integrity(*m, short_term_key(kShortTermPassword)).ok());
  CHECK(verify_fingerprint(*m).ok());
  CHECK(check_attribute_order(*m).ok());
  CHECK(verify_message_integrity(*m, short_term_key("VOkJxbRl1RmTxUk/WvJxBT")).error().is(StunErrc::kIntegrityMismatch));
}

TEST_CASE("RFC 5769 2.1 rebuilt byte for byte (0x20 USERNAME padding)", "[stun][rfc5769]") {
  const auto wire = hex(kSampleRequest);
  std::vector<uint8_t> out;
  MessageBuilder b(out, {Method::kBinding, MessageClass::kRequest}, test::txid("b7e7a701bc34d686fa87dfae"));
  b.add(Software{"STUN test client"});
  b.add(Priority{0x6e0001ff});
  b.add(IceControlled{0x932ff9b151263b36ULL});
  b.add_raw(AttributeType::kUsername, test::bytes("evtj:h6vY"), 0x20);
  b.add_message_integrity(short_term_key(kShortTermPassword));
  b.add_fingerprint();
  CHECK(built(b) == wire);
}

TEST_CASE("RFC 5769 2.1 built with zero padding differs only in padding, MI and FINGERPRINT", "[stun][rfc5769]") {
  const auto wire = hex(kSampleRequest);
  std::vector<uint8_t> out;
  MessageBuilder b(out, {Method::kBinding, MessageClass::kRequest}, test::txid("b7e7a701bc34d686fa87dfae"));
  b.add(Software{"STUN test client"});
  b.add(Priority{0x6e0001ff});
  b.add(IceControlled{0x932ff9b151263b36ULL});
  b.add(Username{"evtj:h6vY"});
  b.add_message_integrity(short_term_key(kShortTermPassword));
  b.add_fingerprint();
  const auto mine = built(b);
  REQUIRE(mine.size() == wire.size());
  // USERNAME padding at 73..75, MESSAGE-INTEGRITY value at 80..99, FINGERPRINT value at 104..107.
  size_t differing = 0;
  for (size_t i = 0; i < wire.size(); ++i) {
    const bool may_differ = (i >= 73 && i < 76) || (i >= 80 && i < 100) || (i >= 104 && i < 108);
    if (!may_differ) CHECK(mine[i] == wire[i]);
    if (mine[i] != wire[i]) ++differing;
  }
  CHECK(differing > 20);  // padding, most HMAC bytes and the CRC really do change
  for (size_t i = 73; i < 76; ++i) {
    CHECK(mine[i] == 0x00);
    CHECK(wire[i] == 0x20);
  }
  auto m = Message::parse(mine);
  REQUIRE(m.ok());
  CHECK(verify_message_integrity(*m, short_term_key(kShortTermPassword)).ok());
  CHECK(verify_fingerprint(*m).ok());
}

TEST_CASE("RFC 5769 2.2 sample IPv4 response", "[stun][rfc5769]") {
  const auto wire = hex(kSampleIpv4Response);
  auto m = Message::parse(wire);
  REQUIRE(m.ok());
  CHECK(m->method() == Method::kBinding);
  CHECK(m->message_class() == MessageClass::kSuccessResponse);
  CHECK(m->raw_type() == 0x0101);
  CHECK(m->length() == 0x3c);
  CHECK(m->transaction_id() == test::txid("b7e7a701bc34d686fa87dfae"));
  REQUIRE(m->attributes().size() == 4);
  CHECK(get<Software>(*m)->text == "test vector");
  // RFC 5769 §2.2: "Mapped address: 192.0.2.1 port 32853".
  const auto mapped = get<XorMappedAddress>(*m);
  REQUIRE(mapped.ok());
  CHECK(mapped->address == test::v4({192, 0, 2, 1}, 32853));
  CHECK(mapped->address.to_string() == "192.0.2.1:32853");
  CHECK(get<Fingerprint>(*m)->crc == 0xc07d4c96);
  CHECK(verify_message_integrity(*m, short_term_key(kShortTermPassword)).ok());
  CHECK(verify_fingerprint(*m).ok());

  std::vector<uint8_t> out;
  MessageBuilder b(out, {Method::kBinding, MessageClass::kSuccessResponse}, m->transaction_id());
  b.add_raw(AttributeType::kSoftware, test::bytes("test vector"), 0x20);
  b.add(XorMappedAddress{test::v4({192, 0, 2, 1}, 32853)});
  b.add_message_integrity(short_term_key(kShortTermPassword));
  b.add_fingerprint();
  CHECK(built(b) == wire);
}

TEST_CASE("RFC 5769 2.3 sample IPv6 response", "[stun][rfc5769]") {
  const auto wire = hex(kSampleIpv6Response);
  auto m = Message::parse(wire);
  REQUIRE(m.ok());
  CHECK(m->type() == MessageType{Method::kBinding, MessageClass::kSuccessResponse});
  CHECK(m->length() == 0x48);
  REQUIRE(m->attributes().size() == 4);
  CHECK(get<Software>(*m)->text == "test vector");
  // RFC 5769 §2.3: "Mapped address: 2001:db8:1234:5678:11:2233:4455:6677 port 32853".
  const auto expected = test::v6(
      {0x20, 0x01, 0x0d, 0xb8, 0x12, 0x34, 0x56, 0x78, 0x00, 0x11, 0x22, 0x33, 0x44, 0x55, 0x66, 0x77}, 32853);
  const auto mapped = get<XorMappedAddress>(*m);
  REQUIRE(mapped.ok());
  CHECK(mapped->address == expected);
  CHECK(mapped->address.to_string() == "[2001:db8:1234:5678:11:2233:4455:6677]:32853");
  CHECK(get<Fingerprint>(*m)->crc == 0xc8fb0b4c);
  CHECK(verify_message_integrity(*m, short_term_key(kShortTermPassword)).ok());
  CHECK(verify_fingerprint(*m).ok());

  std::vector<uint8_t> out;
  MessageBuilder b(out, {Method::kBinding, MessageClass::kSuccessResponse}, m->transaction_id());
  b.add_raw(AttributeType::kSoftware, test::bytes("test vector"), 0x20);
  b.add(XorMappedAddress{expected});
  b.add_message_integrity(short_term_key(kShortTermPassword));
  b.add_fingerprint();
  CHECK(built(b) == wire);
}

TEST_CASE("RFC 5769 2.4 sample request with long-term authentication", "[stun][rfc5769]") {
  const auto wire = hex(kSampleLongTermRequest);
  auto m = Message::parse(wire);
  REQUIRE(m.ok());
  CHECK(m->type() == MessageType{Method::kBinding, MessageClass::kRequest});
  CHECK(m->length() == 0x60);
  CHECK(m->transaction_id() == test::txid("78ad3433c6ad72c029da412e"));
  REQUIRE(m->attributes().size() == 4);
  CHECK(get<Username>(*m)->text == kLongTermUsername);
  CHECK(get<Nonce>(*m)->text == kNonceValue);
  CHECK(get<Realm>(*m)->text == kRealm);
  CHECK_FALSE(m->has(AttributeType::kFingerprint));
  CHECK(verify_fingerprint(*m).error().is(StunErrc::kMissingFingerprint));

  // key = MD5(username ":" realm ":" SASLprep(password)) (RFC 5389 §15.4 / RFC 8489 §9.2.2).
  const auto key = long_term_key(kLongTermUsername, kRealm, kLongTermPassword);
  REQUIRE(key.ok());
  CHECK(key->size == 16);
  CHECK(verify_message_integrity(*m, key->view()).ok());
  // The unprepared password gives another key, so preparation matters (and is the caller's job).
  const auto raw_key = long_term_key(kLongTermUsername, kRealm, "The\xc2\xad" "M\xc2\xaatr\xe2\x85\xa8");
  CHECK(verify_message_integrity(*m, raw_key->view()).error().is(StunErrc::kIntegrityMismatch));

  std::vector<uint8_t> out;
  MessageBuilder b(out, m->type(), m->transaction_id());
  b.add(Username{kLongTermUsername});
  b.add(Nonce{kNonceValue});
  b.add(Realm{kRealm});
  b.add_message_integrity(key->view());
  CHECK(built(b) == wire);
}

}  // namespace
}  // namespace tern::stun

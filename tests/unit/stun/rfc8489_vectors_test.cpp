// RFC 8489 Appendix B.1 "Sample Request with Long-Term Authentication with MESSAGE-INTEGRITY-SHA256
// and USERHASH", as printed and as corrected by erratum 6268.
//
// What is wrong with the printed vector (checked below, not taken on trust):
// - its Message Length is 0x9c, the size of the whole 156-byte message rather than of the
//   attributes (0x88), so no conforming parser accepts it (kLengthExceedsDatagram);
// - its MESSAGE-INTEGRITY-SHA256 is the HMAC-SHA256, under the SHA-256 long-term key, of the message
//   with that same wrong length field: with the correct length it does not verify;
// - it uses a SHA-256 key without the PASSWORD-ALGORITHM attribute that selects it.
// Erratum 6268 fixes all three: length 0x90, PASSWORD-ALGORITHM SHA-256 (0x0002, no parameters)
// before MESSAGE-INTEGRITY-SHA256, and a recomputed HMAC. The corrected vector verifies here and is
// rebuilt byte for byte.
#include <catch2/catch.hpp>

#include <algorithm>

#include "common/byte_reader.hpp"
#include "crypto/hmac.hpp"
#include "stun/attributes.hpp"
#include "stun/builder.hpp"
#include "stun/integrity.hpp"
#include "stun/nonce.hpp"
#include "test_util.hpp"

namespace tern::stun {
namespace {
using test::hex;

// RFC 8489 Appendix B.1, as published.
const char* const kPrintedB1 =
    "00 01 00 9c"  //    Request type and message length
    "21 12 a4 42"  //    Magic cookie
    "78 ad 34 33"  // }
    "c6 ad 72 c0"  // }  Transaction ID
    "29 da 41 2e"  // }
    "00 1e 00 20"  //    USERHASH attribute header
    "4a 3c f3 8f"  // }
    "ef 69 92 bd"  // }
    "a9 52 c6 78"  // }
    "04 17 da 0f"  // }  Userhash value (32 bytes)
    "24 81 94 15"  // }
    "56 9e 60 b2"  // }
    "05 c4 6e 41"  // }
    "40 7f 17 04"  // }
    "00 15 00 29"  //    NONCE attribute header
    "6f 62 4d 61"  // }
    "74 4a 6f 73"  // }
    "32 41 41 41"  // }
    "43 66 2f 2f"  // }
    "34 39 39 6b"  // }  Nonce value and padding (3 bytes)
    "39 35 34 64"  // }
    "36 4f 4c 33"  // }
    "34 6f 4c 39"  // }
    "46 53 54 76"  // }
    "79 36 34 73"  // }
    "41 00 00 00"  // }
    "00 14 00 0b"  //    REALM attribute header
    "65 78 61 6d"  // }
    "70 6c 65 2e"  // }  Realm value (11 bytes) and padding (1 byte)
    "6f 72 67 00"  // }
    "00 1c 00 20"  //    MESSAGE-INTEGRITY-SHA256 attribute header
    "e4 68 6c 8f"  // }
    "0e de b5 90"  // }
    "13 e0 70 90"  // }
    "01 0a 93 ef"  // }  HMAC-SHA256 value
    "cc bc cc 54"  // }
    "4c 0a 45 d9"  // }
    "f8 30 aa 6d"  // }
    "6f 73 5a 01";  // }

// The same, as corrected by erratum 6268.
const char* const kCorrectedB1 =
    "00 01 00 90"  //    Request type and message length
    "21 12 a4 42"  //    Magic cookie
    "78 ad 34 33"  // }
    "c6 ad 72 c0"  // }  Transaction ID
    "29 da 41 2e"  // }
    "00 1e 00 20"  //    USERHASH attribute header
    "4a 3c f3 8f"  // }
    "ef 69 92 bd"  // }
    "a9 52 c6 78"  // }
    "04 17 da 0f"  // }  Userhash value (32  bytes)
    "24 81 94 15"  // }
    "56 9e 60 b2"  // }
    "05 c4 6e 41"  // }
    "40 7f 17 04"  // }
    "00 15 00 29"  //    NONCE attribute header
    "6f 62 4d 61"  // }
    "74 4a 6f 73"  // }
    "32 41 41 41"  // }
    "43 66 2f 2f"  // }
    "34 39 39 6b"  // }  Nonce value and padding (3 bytes)
    "39 35 34 64"  // }
    "36 4f 4c 33"  // }
    "34 6f 4c 39"  // }
    "46 53 54 76"  // }
    "79 36 34 73"  // }
    "41 00 00 00"  // }
    "00 14 00 0b"  //    REALM attribute header
    "65 78 61 6d"  // }
    "70 6c 65 2e"  // }  Realm value (11  bytes) and padding (1 byte)
    "6f 72 67 00"  // }
    "00 1d 00 04"  //    PASSWORD-ALGORITHM attribute header
    "00 02 00 00"  //    PASSWORD-ALGORITHM value (4 bytes)
    "00 1c 00 20"  //    MESSAGE-INTEGRITY-SHA256 attribute header
    "b5 c7 bf 00"  // }
    "5b 6c 52 a2"  // }
    "1c 51 c5 e8"  // }
    "92 f8 19 24"  // }  HMAC-SHA256 value
    "13 62 96 cb"  // }
    "92 7c 43 14"  // }
    "93 09 27 8c"  // }
    "c6 51 8e 65";  // }

// Appendix B.1 parameters: username unaffected by OpaqueString; password "The<U+00AD>M<U+00AA>tr<U+2168>"
// which OpaqueString makes "TheMatrIX"; nonce and realm as below.
constexpr std::string_view kUsername = "\xe3\x83\x9e\xe3\x83\x88\xe3\x83\xaa\xe3\x83\x83\xe3\x82\xaf\xe3\x82\xb9";
constexpr std::string_view kPassword = "TheMatrIX";
constexpr std::string_view kRealm = "example.org";
constexpr std::string_view kNonceValue = "obMatJos2AAACf//499k954d6OL34oL9FSTvy64sA";

TEST_CASE("RFC 8489 B.1 as printed: wrong length field, HMAC computed over it", "[stun][rfc8489]") {
  const auto wire = hex(kPrintedB1);
  REQUIRE(wire.size() == 156);
  auto m = Message::parse(wire);
  REQUIRE_FALSE(m.ok());
  CHECK(m.error().is(StunErrc::kLengthExceedsDatagram));
  CHECK(m.error().position() == 2);

  // With the length field corrected to 0x88 it parses, but its HMAC does not verify.
  auto fixed_length = wire;
  fixed_length[3] = 0x88;
  auto m2 = Message::parse(fixed_length);
  REQUIRE(m2.ok());
  const auto key = long_term_key(kUsername, kRealm, kPassword, PasswordAlgorithm::kSha256);
  REQUIRE(key.ok());
  CHECK(verify_message_integrity_sha256(*m2, key->view()).error().is(StunErrc::kIntegrityMismatch));

  // The printed value is HMAC-SHA256(SHA-256 key) of the bytes before the attribute *as printed*,
  // i.e. with Message Length 0x9c: the erratum's diagnosis, reproduced.
  crypto::Hmac hmac(crypto::HashAlgorithm::kSha256, key->view());
  hmac.update(std::span<const uint8_t>(wire).first(wire.size() - 36));
  const auto mac = hmac.finish();
  CHECK(std::equal(mac.bytes.begin(), mac.bytes.begin() + 32, wire.end() - 32));
}

TEST_CASE("RFC 8489 B.1 corrected by erratum 6268: fields, USERHASH, nonce cookie, SHA-256 integrity",
          "[stun][rfc8489]") {
  const auto wire = hex(kCorrectedB1);
  auto m = Message::parse(wire);
  REQUIRE(m.ok());
  CHECK(m->type() == MessageType{Method::kBinding, MessageClass::kRequest});
  CHECK(m->length() == 0x90);
  CHECK(m->transaction_id() == test::txid("78ad3433c6ad72c029da412e"));
  REQUIRE(m->attributes().size() == 5);

  // USERHASH = SHA-256(username ":" realm) (RFC 8489 §14.4).
  const auto uh = get<Userhash>(*m);
  REQUIRE(uh.ok());
  CHECK(uh->hash == userhash(kUsername, kRealm));

  const auto nonce = get<Nonce>(*m);
  REQUIRE(nonce.ok());
  CHECK(nonce->text == kNonceValue);
  // "obMatJos2" + "AAAC": feature bits 0x000002, i.e. bit 1 (username anonymity) with erratum
  // 6290's numbering (bit 0 the least significant).
  const auto cookie = parse_nonce_cookie(nonce->text);
  REQUIRE(cookie.ok());
  CHECK(cookie->present);
  CHECK(cookie->features == 0x000002);
  CHECK(cookie->username_anonymity());
  CHECK_FALSE(cookie->password_algorithms());
  CHECK(cookie->rest == "f//499k954d6OL34oL9FSTvy64sA");

  CHECK(get<Realm>(*m)->text == kRealm);
  const auto algorithm = get<PasswordAlgorithmAttribute>(*m);
  REQUIRE(algorithm.ok());
  CHECK(algorithm->entry.algorithm == PasswordAlgorithm::kSha256);
  CHECK(algorithm->entry.parameters.empty());

  const auto key = long_term_key(kUsername, kRealm, kPassword, PasswordAlgorithm::kSha256);
  REQUIRE(key.ok());
  CHECK(key->size == 32);
  CHECK(verify_message_integrity_sha256(*m, key->view()).ok());
  // The MD5 key (the default algorithm) does not verify: PASSWORD-ALGORITHM matters.
  const auto md5_key = long_term_key(kUsername, kRealm, kPassword, PasswordAlgorithm::kMd5);
  CHECK(verify_message_integrity_sha256(*m, md5_key->view()).error().is(StunErrc::kIntegrityMismatch));
  CHECK(verify_message_integrity(*m, md5_key->view()).error().is(StunErrc::kMissingIntegrity));
}

TEST_CASE("RFC 8489 B.1 (erratum 6268) rebuilt byte for byte", "[stun][rfc8489]") {
  const auto wire = hex(kCorrectedB1);
  const auto key = long_term_key(kUsername, kRealm, kPassword, PasswordAlgorithm::kSha256);
  REQUIRE(key.ok());
  std::vector<uint8_t> out;
  MessageBuilder b(out, {Method::kBinding, MessageClass::kRequest}, test::txid("78ad3433c6ad72c029da412e"));
  b.add(Userhash{userhash(kUsername, kRealm)});
  b.add(Nonce{make_nonce(security_features::kUsernameAnonymity, "f//499k954d6OL34oL9FSTvy64sA") == kNonceValue
                  ? kNonceValue
                  : std::string_view("mismatch")});
  b.add(Realm{kRealm});
  b.add(PasswordAlgorithmAttribute{{PasswordAlgorithm::kSha256, {}}});
  b.add_message_integrity_sha256(key->view());
  auto r = b.finish();
  REQUIRE(r.ok());
  CHECK(std::vector<uint8_t>(r->begin(), r->end()) == wire);
}

}  // namespace
}  // namespace tern::stun

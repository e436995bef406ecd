// Keys, USERHASH, the nonce cookie, and the integrity/fingerprint verification failure table
// (RFC 8489 §9, §14.4-§14.7).
#include <catch2/catch.hpp>

#include "common/hex.hpp"
#include "stun/attributes.hpp"
#include "stun/builder.hpp"
#include "stun/fingerprint.hpp"
#include "stun/integrity.hpp"
#include "stun/nonce.hpp"
#include "test_util.hpp"

namespace tern::stun {
namespace {
using test::hex;

const TransactionId kTxid = {0xb7, 0xe7, 0xa7, 0x01, 0xbc, 0x34, 0xd6, 0x86, 0xfa, 0x87, 0xdf, 0xae};

TEST_CASE("long-term keys and USERHASH", "[stun][credentials]") {
  // RFC 5389 §15.4's example: user "user", realm "realm", password "pass" -> MD5("user:realm:pass").
  const auto md5 = long_term_key("user", "realm", "pass");
  REQUIRE(md5.ok());
  CHECK(to_hex(md5->view()) == "8493fbc53ba582fb4c044c456bdc40eb");
  const auto sha = long_term_key("user", "realm", "pass", PasswordAlgorithm::kSha256);
  REQUIRE(sha.ok());
  CHECK(sha->size == 32);
  CHECK(*sha == crypto::hash(crypto::HashAlgorithm::kSha256, test::bytes("user:realm:pass")));
  CHECK(long_term_key("u", "r", "p", static_cast<PasswordAlgorithm>(3)).error().is(StunErrc::kBadValue));
  CHECK(to_hex(userhash("\xe3\x83\x9e\xe3\x83\x88\xe3\x83\xaa\xe3\x83\x83\xe3\x82\xaf\xe3\x82\xb9", "example.org")) ==
        "4a3cf38fef6992bda952c6780417da0f24819415569e60b205c46e41407f1704");
  const auto key = short_term_key("VOkJxbRl1RmTxUk/WvJxBt");
  CHECK(std::string(key.begin(), key.end()) == "VOkJxbRl1RmTxUk/WvJxBt");
}

TEST_CASE("nonce cookie and security feature bits (RFC 8489 §9.2, §18.1, erratum 6290)", "[stun][credentials]") {
  struct Row {
    const char* nonce;
    bool present;
    uint32_t features;
    bool algorithms;
    bool anonymity;
    const char* rest;
  };
  const Row rows[] = {
      {"obMatJos2AAACf//499k954d6OL34oL9FSTvy64sA", true, 0x000002, false, true, "f//499k954d6OL34oL9FSTvy64sA"},
      {"obMatJos2AAABxyz", true, 0x000001, true, false, "xyz"},
      {"obMatJos2AAAD", true, 0x000003, true, true, ""},
      {"obMatJos2////rest", true, 0xFFFFFF, true, true, "rest"},
      {"f//499k954d6OL34oL9FSTvy64sA", false, 0, false, false, "f//499k954d6OL34oL9FSTvy64sA"},
      {"obMatJos", false, 0, false, false, "obMatJos"},
      {"", false, 0, false, false, ""},
  };
  for (const Row& r : rows) {
    INFO(r.nonce);
    auto c = parse_nonce_cookie(r.nonce);
    REQUIRE(c.ok());
    CHECK(c->present == r.present);
    CHECK(c->features == r.features);
    CHECK(c->password_algorithms() == r.algorithms);
    CHECK(c->username_anonymity() == r.anonymity);
    CHECK(c->rest == r.rest);
    if (r.present) CHECK(make_nonce(r.features, r.rest) == r.nonce);
  }
  struct Bad {
    const char* nonce;
    uint32_t position;
  };
  for (const Bad& b : {Bad{"obMatJos2AAA", 12}, Bad{"obMatJos2", 9}, Bad{"obMatJos2AA=Cxx", 11}, Bad{"obMatJos2 AAC", 9}}) {
    INFO(b.nonce);
    auto c = parse_nonce_cookie(b.nonce);
    REQUIRE_FALSE(c.ok());
    CHECK(c.error().is(StunErrc::kBadNonceCookie));
    CHECK(c.error().position() == b.position);
  }
  CHECK(make_nonce(security_features::kPasswordAlgorithms | security_features::kUsernameAnonymity, "n") ==
        "obMatJos2AAADn");
}

// A protected, fingerprinted message to tamper with.
std::vector<uint8_t> protected_message() {
  std::vector<uint8_t> out;
  MessageBuilder b(out, {Method::kBinding, MessageClass::kRequest}, kTxid);
  b.add(Username{"a:b"});
  b.add(Priority{99});
  b.add_message_integrity(short_term_key("pw"));
  b.add_fingerprint();
  REQUIRE(b.finish().ok());
  return out;
}

TEST_CASE("verification failures give distinct codes", "[stun][credentials]") {
  const auto good = protected_message();
  // Layout: header 20, USERNAME 20..27, PRIORITY 28..35, MI 36..59, FINGERPRINT 60..67.
  REQUIRE(good.size() == 68);
  {
    auto m = Message::parse(good);
    REQUIRE(m.ok());
    CHECK(verify_message_integrity(*m, short_term_key("pw")).ok());
    CHECK(verify_fingerprint(*m).ok());
    auto wrong = verify_message_integrity(*m, short_term_key("pW"));
    CHECK(wrong.error().is(StunErrc::kIntegrityMismatch));
    CHECK(wrong.error().position() == 40);
    CHECK(verify_message_integrity_sha256(*m, short_term_key("pw")).error().is(StunErrc::kMissingIntegrity));
  }
  {
    // A flipped bit in a covered attribute breaks both the HMAC and the CRC.
    auto bad = good;
    bad[35] ^= 0x01;
    auto m = Message::parse(bad);
    REQUIRE(m.ok());
    CHECK(verify_message_integrity(*m, short_term_key("pw")).error().is(StunErrc::kIntegrityMismatch));
    auto f = verify_fingerprint(*m);
    CHECK(f.error().is(StunErrc::kFingerprintMismatch));
    CHECK(f.error().position() == 64);
  }
  {
    // A flipped bit in the FINGERPRINT value only breaks the fingerprint.
    auto bad = good;
    bad[67] ^= 0x80;
    auto m = Message::parse(bad);
    REQUIRE(m.ok());
    CHECK(verify_message_integrity(*m, short_term_key("pw")).ok());
    CHECK(verify_fingerprint(*m).error().is(StunErrc::kFingerprintMismatch));
  }
  {
    // No integrity, no fingerprint.
    const auto m_bytes = test::raw_message(0x0001, "00240004 00000063");
    auto m = Message::parse(m_bytes);
    REQUIRE(m.ok());
    CHECK(verify_message_integrity(*m, short_term_key("pw")).error().is(StunErrc::kMissingIntegrity));
    CHECK(verify_fingerprint(*m).error().is(StunErrc::kMissingFingerprint));
  }
  {
    // Wrong value sizes.
    const auto m_bytes = test::raw_message(0x0001, "00080010 " + std::string(32, '0') + " 80280002 00000000");
    auto m = Message::parse(m_bytes);
    REQUIRE(m.ok());
    auto mi = verify_message_integrity(*m, short_term_key("pw"));
    CHECK(mi.error().is(StunErrc::kBadAttributeLength));
    CHECK(mi.error().position() == 22);
    CHECK(verify_fingerprint(*m).error().is(StunErrc::kBadAttributeLength));
    const auto m2_bytes = test::raw_message(0x0001, "001c000c " + std::string(24, '0'));
    auto m2 = Message::parse(m2_bytes);
    REQUIRE(m2.ok());
    CHECK(verify_message_integrity_sha256(*m2, short_term_key("pw")).error().is(StunErrc::kBadAttributeLength));
  }
}

TEST_CASE("attributes appended after MESSAGE-INTEGRITY are ignored, FINGERPRINT must be last", "[stun][credentials]") {
  const auto good = protected_message();
  // An on-path attacker appends PRIORITY after MESSAGE-INTEGRITY (and fixes up the length).
  std::vector<uint8_t> appended(good.begin(), good.begin() + 60);
  const auto extra = hex("00240004 7fffffff");
  appended.insert(appended.end(), extra.begin(), extra.end());
  appended[3] = static_cast<uint8_t>(appended.size() - 20);
  auto m = Message::parse(appended);
  REQUIRE(m.ok());
  // RFC 8489 §9: the integrity still verifies (the HMAC stops at MI) and the appended attribute is
  // ignored: the first PRIORITY (99) is what the receiver sees.
  CHECK(verify_message_integrity(*m, short_term_key("pw")).ok());
  CHECK(get<Priority>(*m)->priority == 99);
  CHECK(m->attributes().back().ignored);
  CHECK(check_attribute_order(*m).error().is(StunErrc::kAttributeAfterIntegrity));

  // FINGERPRINT followed by something: the fingerprint check fails with kFingerprintNotLast.
  std::vector<uint8_t> after_fp = good;
  after_fp.insert(after_fp.end(), extra.begin(), extra.end());
  after_fp[3] = static_cast<uint8_t>(after_fp.size() - 20);
  auto m2 = Message::parse(after_fp);
  REQUIRE(m2.ok());
  auto f = verify_fingerprint(*m2);
  CHECK(f.error().is(StunErrc::kFingerprintNotLast));
  CHECK(f.error().position() == 68);
  CHECK(check_attribute_order(*m2).error().is(StunErrc::kFingerprintNotLast));
  CHECK(verify_message_integrity(*m2, short_term_key("pw")).ok());
}

TEST_CASE("MESSAGE-INTEGRITY-SHA256 may be truncated to 16..32 bytes", "[stun][credentials]") {
  std::vector<uint8_t> out;
  MessageBuilder b(out, {Method::kBinding, MessageClass::kRequest}, kTxid);
  b.add(Username{"a:b"});
  b.add_message_integrity_sha256(short_term_key("pw"), 16);
  REQUIRE(b.finish().ok());
  auto m = Message::parse(out);
  REQUIRE(m.ok());
  CHECK(verify_message_integrity_sha256(*m, short_term_key("pw")).ok());
  out[out.size() - 1] ^= 1;
  auto m2 = Message::parse(out);
  REQUIRE(m2.ok());
  CHECK(verify_message_integrity_sha256(*m2, short_term_key("pw")).error().is(StunErrc::kIntegrityMismatch));
}

}  // namespace
}  // namespace tern::stun

// LongTermCredentials: what a 401/438 challenge does (RFC 8489 §9.2.4, §9.2.5), which algorithm is
// picked, and what the signed requests carry.
#include <catch2/catch.hpp>

#include "stun/nonce.hpp"
#include "test_util.hpp"
#include "turn/credentials.hpp"

namespace tern::turn::test {
namespace {

const stun::TransactionId kId = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12};

struct Challenge {
  std::vector<uint8_t> bytes;
  stun::Message message;
};

std::unique_ptr<Challenge> make_challenge(const char* realm, const std::string& nonce,
                                          std::vector<uint16_t> algorithms) {
  auto c = std::make_unique<Challenge>();
  stun::MessageBuilder b(c->bytes, {stun::Method::kAllocate, stun::MessageClass::kErrorResponse}, kId);
  b.add(stun::ErrorCode{401, "Unauthenticated"});
  if (realm) b.add(stun::Realm{realm});
  if (!nonce.empty()) b.add(stun::Nonce{nonce});
  if (!algorithms.empty()) {
    stun::PasswordAlgorithms list;
    for (uint16_t a : algorithms) list.push({static_cast<stun::PasswordAlgorithm>(a), {}});
    b.add(list);
  }
  REQUIRE(b.finish().ok());
  REQUIRE(stun::parse(c->bytes, c->message).ok());
  return c;
}

TEST_CASE("challenges: realm/nonce required, algorithms honoured only behind the nonce cookie",
          "[turn][credentials]") {
  const std::string with_bit = stun::make_nonce(stun::security_features::kPasswordAlgorithms, "x");
  const std::string cookie_no_bit = stun::make_nonce(0, "x");
  struct Row {
    const char* name;
    const char* realm;
    std::string nonce;
    std::vector<uint16_t> algorithms;
    ChallengeResult result;
    stun::PasswordAlgorithm algorithm;
    bool sha256_integrity;
    bool echoes_list;
  };
  const auto kMd5 = stun::PasswordAlgorithm::kMd5;
  const auto kSha = stun::PasswordAlgorithm::kSha256;
  const Row rows[] = {
      {"plain RFC 5389 nonce", kRealm, "n1", {}, ChallengeResult::kReady, kMd5, false, false},
      {"no REALM", nullptr, "n1", {}, ChallengeResult::kMissingAttribute, kMd5, false, false},
      {"no NONCE", kRealm, "", {}, ChallengeResult::kMissingAttribute, kMd5, false, false},
      // RFC 8489 §9.2.4: without the feature bit the list is ignored (bid-down protection).
      {"list without cookie is ignored", kRealm, "n1", {2, 1}, ChallengeResult::kReady, kMd5, false, false},
      {"list with cookie but no bit is ignored", kRealm, cookie_no_bit, {2}, ChallengeResult::kReady, kMd5, true, false},
      {"SHA-256 first", kRealm, with_bit, {2, 1}, ChallengeResult::kReady, kSha, true, true},
      {"MD5 first", kRealm, with_bit, {1, 2}, ChallengeResult::kReady, kMd5, true, true},
      {"unknown ones skipped", kRealm, with_bit, {9, 2}, ChallengeResult::kReady, kSha, true, true},
      {"nothing supported", kRealm, with_bit, {9, 10}, ChallengeResult::kNoAlgorithm, kMd5, false, false},
      {"bit but no list: MD5", kRealm, with_bit, {}, ChallengeResult::kReady, kMd5, true, false},
  };
  for (const Row& row : rows) {
    INFO(row.name);
    LongTermCredentials creds("alice", "alice-pw");
    auto c = make_challenge(row.realm, row.nonce, row.algorithms);
    CHECK(creds.handle_challenge(c->message) == row.result);
    if (row.result != ChallengeResult::kReady) {
      CHECK_FALSE(creds.ready());
      continue;
    }
    REQUIRE(creds.ready());
    CHECK(creds.realm() == kRealm);
    CHECK(creds.nonce() == row.nonce);
    CHECK(creds.algorithm() == row.algorithm);
    CHECK(creds.uses_sha256_integrity() == row.sha256_integrity);

    // A request signed with these credentials.
    std::vector<uint8_t> out;
    stun::MessageBuilder b(out, {stun::Method::kRefresh, stun::MessageClass::kRequest}, kId);
    creds.add_identity(b);
    creds.sign(b);
    REQUIRE(b.finish().ok());
    stun::Message m;
    REQUIRE(stun::parse(out, m).ok());
    CHECK(stun::get<stun::Username>(m)->text == "alice");
    CHECK(m.has(stun::AttributeType::kPasswordAlgorithms) == row.echoes_list);
    CHECK(m.has(stun::AttributeType::kPasswordAlgorithm) == row.echoes_list);
    CHECK(m.has(stun::AttributeType::kMessageIntegritySha256) == row.sha256_integrity);
    const auto key = key_for(kRealm, row.algorithm);
    CHECK(stun::verify_message_integrity(m, key).ok());
    // verify() accepts what the server would sign with the same key.
    CHECK(creds.verify(m).ok());
  }
}

TEST_CASE("verify: missing or wrong integrity is refused", "[turn][credentials]") {
  LongTermCredentials creds("alice", "alice-pw");
  auto c = make_challenge(kRealm, "n1", {});
  std::vector<uint8_t> unsigned_bytes;
  stun::MessageBuilder b(unsigned_bytes, {stun::Method::kAllocate, stun::MessageClass::kSuccessResponse}, kId);
  REQUIRE(b.finish().ok());
  stun::Message m;
  REQUIRE(stun::parse(unsigned_bytes, m).ok());
  CHECK(creds.verify(m).error().is(stun::StunErrc::kMissingIntegrity));  // no key yet
  REQUIRE(creds.handle_challenge(c->message) == ChallengeResult::kReady);
  CHECK(creds.verify(m).error().is(stun::StunErrc::kMissingIntegrity));

  std::vector<uint8_t> wrong;
  stun::MessageBuilder w(wrong, {stun::Method::kAllocate, stun::MessageClass::kSuccessResponse}, kId);
  w.add_message_integrity(key_for("elsewhere"));
  REQUIRE(w.finish().ok());
  REQUIRE(stun::parse(wrong, m).ok());
  CHECK(creds.verify(m).error().is(stun::StunErrc::kIntegrityMismatch));

  // A failed challenge keeps the previous state.
  auto bad = make_challenge(nullptr, "n2", {});
  CHECK(creds.handle_challenge(bad->message) == ChallengeResult::kMissingAttribute);
  CHECK(creds.nonce() == "n1");
}

}  // namespace
}  // namespace tern::turn::test

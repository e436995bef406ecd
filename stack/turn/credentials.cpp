#include "turn/credentials.hpp"

#include "stun/attributes.hpp"
#include "stun/integrity.hpp"
#include "stun/nonce.hpp"

namespace tern::turn {

LongTermCredentials::LongTermCredentials(std::string username, std::string password)
    : username_(std::move(username)), password_(std::move(password)) {}

ChallengeResult LongTermCredentials::handle_challenge(const stun::Message& response) {
  // RFC 8489 §9.2.5: a 401 or 438 carries REALM and NONCE; without them the client cannot proceed.
  auto realm = stun::get<stun::Realm>(response);
  auto nonce = stun::get<stun::Nonce>(response);
  if (!realm || !nonce) return ChallengeResult::kMissingAttribute;

  stun::PasswordAlgorithm algorithm = stun::PasswordAlgorithm::kMd5;
  bool send_algorithms = false;
  std::vector<uint8_t> algorithms_value;
  auto cookie = stun::parse_nonce_cookie(nonce->text);
  const bool rfc8489_server = cookie && cookie->present;
  if (cookie && cookie->password_algorithms()) {
    if (const stun::RawAttribute* raw = response.find(stun::AttributeType::kPasswordAlgorithms)) {
      auto list = stun::get<stun::PasswordAlgorithms>(response, *raw);
      if (!list) return ChallengeResult::kNoAlgorithm;
      // RFC 8489 §9.2.4: use the first algorithm of the server's list that the client supports.
      bool found = false;
      for (const stun::PasswordAlgorithmEntry& e : list->view()) {
        if (e.algorithm == stun::PasswordAlgorithm::kMd5 || e.algorithm == stun::PasswordAlgorithm::kSha256) {
          algorithm = e.algorithm;
          found = true;
          break;
        }
      }
      if (!found) return ChallengeResult::kNoAlgorithm;
      send_algorithms = true;
      algorithms_value.assign(raw->value.begin(), raw->value.end());
    }
  }
  // Without the feature bit, PASSWORD-ALGORITHMS is ignored and MD5 is used (RFC 8489 §9.2.4: this
  // is what stops an attacker from stripping the list to force a weaker algorithm).

  auto key = stun::long_term_key(username_, realm->text, password_, algorithm);
  if (!key) return ChallengeResult::kNoAlgorithm;
  realm_.assign(realm->text);
  nonce_.assign(nonce->text);
  algorithm_ = algorithm;
  send_algorithms_ = send_algorithms;
  password_algorithms_ = std::move(algorithms_value);
  sha1_ = std::make_unique<crypto::Hmac>(crypto::HashAlgorithm::kSha1, key->view());
  if (rfc8489_server) {
    sha256_ = std::make_unique<crypto::Hmac>(crypto::HashAlgorithm::kSha256, key->view());
  } else {
    sha256_.reset();
  }
  return ChallengeResult::kReady;
}

void LongTermCredentials::add_identity(stun::MessageBuilder& builder) const {
  TERN_ASSERT(ready(), "add_identity before a challenge");
  builder.add(stun::Username{username_});
  builder.add(stun::Realm{realm_});
  builder.add(stun::Nonce{nonce_});
  if (send_algorithms_) {
    // RFC 8489 §9.2.4: the request echoes PASSWORD-ALGORITHMS exactly as received and names the
    // chosen algorithm in PASSWORD-ALGORITHM.
    builder.add_raw(stun::AttributeType::kPasswordAlgorithms, password_algorithms_);
    stun::PasswordAlgorithmAttribute chosen;
    chosen.entry.algorithm = algorithm_;
    builder.add(chosen);
  }
}

void LongTermCredentials::sign(stun::MessageBuilder& builder) const {
  TERN_ASSERT(ready(), "sign before a challenge");
  builder.add_message_integrity(*sha1_);
  if (sha256_) builder.add_message_integrity_sha256(*sha256_);
}

Status LongTermCredentials::verify(const stun::Message& response) const {
  if (!ready()) return Error(stun::StunErrc::kMissingIntegrity, "no key to check the response with", 0);
  if (sha256_ && response.has(stun::AttributeType::kMessageIntegritySha256)) {
    return stun::verify_message_integrity_sha256(response, *sha256_);
  }
  return stun::verify_message_integrity(response, *sha1_);
}

}  // namespace tern::turn

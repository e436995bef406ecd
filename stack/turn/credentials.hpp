#pragma once
// The client side of the STUN long-term credential mechanism (RFC 8489 §9.2) as TURN uses it
// (RFC 8656 §7.1, §7.3): learn REALM and NONCE from a 401 challenge, derive the key, sign every
// later request, take a new NONCE from a 438, and check the integrity of the responses.
//
//   client                                   server
//     | Allocate (no credentials)              |
//     |--------------------------------------->|
//     |      401 REALM, NONCE [PASSWORD-ALGORITHMS] (RFC 8489 §9.2.4)
//     |<---------------------------------------|
//     | Allocate USERNAME REALM NONCE [PASSWORD-ALGORITHM(S)] MESSAGE-INTEGRITY[-SHA256]
//     |--------------------------------------->|
//     |      success, MESSAGE-INTEGRITY        |
//     |<---------------------------------------|
//
// PASSWORD-ALGORITHMS is honoured only when the NONCE carries the RFC 8489 cookie with the
// "password algorithms" feature bit (RFC 8489 §9.2.4: the bit protects against bid-down attacks).
// With the cookie present the server implements RFC 8489 and also gets MESSAGE-INTEGRITY-SHA256;
// without it (an RFC 5389 server, coturn for instance) requests carry MESSAGE-INTEGRITY only.
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "common/error.hpp"
#include "crypto/hmac.hpp"
#include "stun/builder.hpp"
#include "stun/message.hpp"
#include "stun/password_algorithm.hpp"

namespace tern::turn {

// What a challenge (401 or 438) did to the credential state.
enum class ChallengeResult : uint8_t {
  kReady,             // realm and nonce known: retry the request
  kMissingAttribute,  // no valid REALM or NONCE in the challenge
  kNoAlgorithm,       // PASSWORD-ALGORITHMS offers nothing we support
};

class LongTermCredentials {
 public:
  LongTermCredentials(std::string username, std::string password);

  // True once a challenge gave a realm and a nonce (requests can be signed).
  bool ready() const { return sha1_ != nullptr; }
  const std::string& realm() const { return realm_; }
  const std::string& nonce() const { return nonce_; }
  stun::PasswordAlgorithm algorithm() const { return algorithm_; }
  // Whether requests also carry MESSAGE-INTEGRITY-SHA256 (the server sent the RFC 8489 cookie).
  bool uses_sha256_integrity() const { return sha256_ != nullptr; }

  // Takes REALM, NONCE and PASSWORD-ALGORITHMS from a 401 or 438 error response and derives the key
  // (RFC 8489 §9.2.2). On anything but kReady the previous state is kept.
  ChallengeResult handle_challenge(const stun::Message& response);

  // Adds USERNAME, REALM, NONCE and (when negotiated) PASSWORD-ALGORITHMS and PASSWORD-ALGORITHM.
  // Call after the method's own attributes and before sign(). Requires ready().
  void add_identity(stun::MessageBuilder& builder) const;
  // Adds MESSAGE-INTEGRITY (and MESSAGE-INTEGRITY-SHA256 when the server speaks RFC 8489).
  void sign(stun::MessageBuilder& builder) const;

  // Checks a response's integrity with the current key (RFC 8489 §9.2.5): MESSAGE-INTEGRITY-SHA256
  // when present, else MESSAGE-INTEGRITY. Errors: stun kMissingIntegrity, kIntegrityMismatch, ...
  Status verify(const stun::Message& response) const;

 private:
  std::string username_;
  std::string password_;
  std::string realm_;
  std::string nonce_;
  stun::PasswordAlgorithm algorithm_ = stun::PasswordAlgorithm::kMd5;
  bool send_algorithms_ = false;                // echo PASSWORD-ALGORITHMS / PASSWORD-ALGORITHM
  std::vector<uint8_t> password_algorithms_;    // the server's PASSWORD-ALGORITHMS value, verbatim
  std::unique_ptr<crypto::Hmac> sha1_;          // keyed with the long-term key
  std::unique_ptr<crypto::Hmac> sha256_;        // same key, for MESSAGE-INTEGRITY-SHA256
};

}  // namespace tern::turn

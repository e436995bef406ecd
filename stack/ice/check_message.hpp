#pragma once
// The STUN messages of ICE connectivity checks (RFC 8445 §7): building requests and responses,
// and validating a received request (RFC 8489 §6.3, §9.1.3; RFC 8445 §7.3).
//
// A check request carries (RFC 8445 §7.1, §7.2.2):
//   USERNAME            "<receiver's ufrag>:<sender's ufrag>"
//   PRIORITY            the sender's candidate priority, recomputed as peer-reflexive (§7.1.1)
//   ICE-CONTROLLING or ICE-CONTROLLED, with the sender's tie-breaker (§7.1.3)
//   USE-CANDIDATE       when the controlling agent nominates the pair (§7.1.2)
//   MESSAGE-INTEGRITY   HMAC-SHA1 keyed with the receiver's password (short-term, RFC 8489 §9.1)
//   FINGERPRINT
// The success response carries XOR-MAPPED-ADDRESS (the request's source), MESSAGE-INTEGRITY keyed
// with the same password, and FINGERPRINT.
#include <cstdint>
#include <optional>
#include <string_view>
#include <utility>
#include <vector>

#include "common/socket_address.hpp"
#include "crypto/hmac.hpp"
#include "stun/message.hpp"
#include "stun/unknown_attributes.hpp"

namespace tern::ice {

struct CheckRequestParams {
  std::string_view remote_ufrag;
  std::string_view local_ufrag;
  uint32_t priority = 0;
  bool controlling = true;
  uint64_t tie_breaker = 0;
  bool use_candidate = false;
};

// A connectivity check (or consent check, RFC 7675 §5.1: the same Binding request). `remote_key` is
// an HMAC-SHA1 keyed with the remote password.
std::vector<uint8_t> build_check_request(const stun::TransactionId& id, const CheckRequestParams& params,
                                         crypto::Hmac& remote_key);

// The success response to an authenticated check from `source` (RFC 8445 §7.3.1.2 via RFC 8489
// §7.3.1: XOR-MAPPED-ADDRESS is the source transport address of the request). `local_key` is keyed
// with the local password.
std::vector<uint8_t> build_check_success(const stun::Message& request, const SocketAddress& source,
                                         crypto::Hmac& local_key);

// An error response (400, 401, 420, 487) with the default reason phrase. `local_key` adds
// MESSAGE-INTEGRITY when the request was authenticated (nullptr for 400/401 on bad credentials,
// RFC 8489 §9.1.3); `unknown` adds UNKNOWN-ATTRIBUTES (420).
std::vector<uint8_t> build_check_error(const stun::Message& request, uint16_t code, crypto::Hmac* local_key,
                                       const stun::UnknownAttributes* unknown = nullptr);

// A plain Binding request to a STUN server, for server-reflexive candidates (RFC 8445 §5.1.1.2):
// no credentials, FINGERPRINT included.
std::vector<uint8_t> build_server_binding_request(const stun::TransactionId& id);

// What a valid check request says.
struct CheckRequestInfo {
  std::string_view local_ufrag;   // USERNAME before ':' (the receiver's, i.e. ours)
  std::string_view remote_ufrag;  // USERNAME after ':'
  uint32_t priority = 0;
  std::optional<uint64_t> controlling;  // ICE-CONTROLLING tie-breaker
  std::optional<uint64_t> controlled;   // ICE-CONTROLLED tie-breaker
  bool use_candidate = false;
};

// The ufrag halves of a request's USERNAME, split at the first ':'; nullopt when there is no
// (valid) USERNAME or no ':'.
std::optional<std::pair<std::string_view, std::string_view>> split_check_username(const stun::Message& request);

// The verdict on a received check request.
struct CheckValidation {
  uint16_t error = 0;          // 0, or the error response code to send: 400, 401 or 420
  bool authenticated = false;  // MESSAGE-INTEGRITY verified (error responses then carry it too)
  CheckRequestInfo info;       // valid when error == 0
  stun::UnknownAttributes unknown;  // for 420
};

// Validates a Binding request against our ufrag and password (`local_key`), in the order of RFC
// 8489 §6.3 / §9.1.3: no MESSAGE-INTEGRITY or USERNAME -> 400; USERNAME not "<local_ufrag>:..." or
// MESSAGE-INTEGRITY wrong -> 401; unknown comprehension-required attributes -> 420; then RFC 8445
// §7.1: a missing or malformed PRIORITY, or no/malformed role attribute -> 400. (FINGERPRINT is
// the caller's first filter: a bad one means "not STUN", dropped without answer.)
CheckValidation validate_check_request(const stun::Message& request, std::string_view local_ufrag,
                                       crypto::Hmac& local_key);

}  // namespace tern::ice

#include "ice/check_message.hpp"

#include <algorithm>

#include "common/assert.hpp"

#include "stun/attributes.hpp"
#include "stun/builder.hpp"
#include "stun/error_code.hpp"
#include "stun/integrity.hpp"

namespace tern::ice {
namespace {

std::vector<uint8_t> finish(stun::MessageBuilder& b, std::vector<uint8_t>& out) {
  auto r = b.finish();
  // The inputs are ours and bounded (ufrags <= 256 bytes), so building cannot fail.
  TERN_ASSERT(r.ok(), "ICE STUN message builds");
  return std::move(out);
}

}  // namespace

std::vector<uint8_t> build_check_request(const stun::TransactionId& id, const CheckRequestParams& p,
                                         crypto::Hmac& remote_key) {
  std::vector<uint8_t> out;
  out.reserve(128);
  stun::MessageBuilder b(out, {stun::Method::kBinding, stun::MessageClass::kRequest}, id);
  // RFC 8445 §7.2.2: USERNAME is "RFRAG:LFRAG" (the receiver's ufrag first). Built in a small
  // stack buffer to avoid a temporary string.
  char username[2 * 256 + 1];
  const size_t n = p.remote_ufrag.size() + 1 + p.local_ufrag.size();
  TERN_ASSERT(n <= sizeof username, "ufrags are at most 256 characters");
  std::copy(p.remote_ufrag.begin(), p.remote_ufrag.end(), username);
  username[p.remote_ufrag.size()] = ':';
  std::copy(p.local_ufrag.begin(), p.local_ufrag.end(), username + p.remote_ufrag.size() + 1);
  b.add(stun::Username{std::string_view(username, n)});
  // RFC 8445 §7.1.1: PRIORITY.
  b.add(stun::Priority{p.priority});
  // RFC 8445 §7.1.3: the role and tie-breaker.
  if (p.controlling) {
    b.add(stun::IceControlling{p.tie_breaker});
  } else {
    b.add(stun::IceControlled{p.tie_breaker});
  }
  // RFC 8445 §7.1.2: USE-CANDIDATE nominates (controlling agent only).
  if (p.use_candidate && p.controlling) b.add(stun::UseCandidate{});
  b.add_message_integrity(remote_key);
  b.add_fingerprint();
  return finish(b, out);
}

std::vector<uint8_t> build_check_success(const stun::Message& request, const SocketAddress& source,
                                         crypto::Hmac& local_key) {
  std::vector<uint8_t> out;
  out.reserve(80);
  stun::MessageBuilder b(out, {stun::Method::kBinding, stun::MessageClass::kSuccessResponse}, request.transaction_id());
  // RFC 8489 §7.3.1 / RFC 8445 §7.3.1: XOR-MAPPED-ADDRESS = the request's source address.
  b.add(stun::XorMappedAddress{source});
  b.add_message_integrity(local_key);
  b.add_fingerprint();
  return finish(b, out);
}

std::vector<uint8_t> build_check_error(const stun::Message& request, uint16_t code, crypto::Hmac* local_key,
                                       const stun::UnknownAttributes* unknown) {
  std::vector<uint8_t> out;
  out.reserve(96);
  stun::MessageBuilder b(out, {request.method(), stun::MessageClass::kErrorResponse}, request.transaction_id());
  b.add(stun::ErrorCode{code, stun::default_reason_phrase(code)});
  // RFC 8489 §6.3.1.1: a 420 lists the unknown comprehension-required attributes.
  if (unknown) b.add(*unknown);
  if (local_key) b.add_message_integrity(*local_key);
  b.add_fingerprint();
  return finish(b, out);
}

std::vector<uint8_t> build_server_binding_request(const stun::TransactionId& id) {
  std::vector<uint8_t> out;
  out.reserve(28);
  stun::MessageBuilder b(out, {stun::Method::kBinding, stun::MessageClass::kRequest}, id);
  b.add_fingerprint();
  return finish(b, out);
}

std::optional<std::pair<std::string_view, std::string_view>> split_check_username(const stun::Message& request) {
  auto username = stun::get<stun::Username>(request);
  if (!username) return std::nullopt;
  const std::string_view text = username->text;
  const size_t colon = text.find(':');
  if (colon == std::string_view::npos) return std::nullopt;
  return std::make_pair(text.substr(0, colon), text.substr(colon + 1));
}

CheckValidation validate_check_request(const stun::Message& request, std::string_view local_ufrag,
                                       crypto::Hmac& local_key) {
  using stun::AttributeType;
  namespace codes = stun::error_codes;
  CheckValidation v;
  // RFC 8489 §9.1.3: without both MESSAGE-INTEGRITY and USERNAME, a request gets 400.
  if (!request.has(AttributeType::kMessageIntegrity) || !request.has(AttributeType::kUsername)) {
    v.error = codes::kBadRequest;
    return v;
  }
  // RFC 8489 §9.1.3: an unknown USERNAME gets 401. RFC 8445 §7.3: "LFRAG:RFRAG" with LFRAG ours.
  auto halves = split_check_username(request);
  if (!halves || halves->first != local_ufrag) {
    v.error = codes::kUnauthenticated;
    return v;
  }
  // RFC 8489 §9.1.3: a MESSAGE-INTEGRITY that does not verify gets 401.
  if (!stun::verify_message_integrity(request, local_key)) {
    v.error = codes::kUnauthenticated;
    return v;
  }
  v.authenticated = true;
  // RFC 8489 §6.3.1.1: unknown comprehension-required attributes get 420.
  v.unknown = stun::find_unknown_comprehension_required(request);
  if (v.unknown.count > 0) {
    v.error = codes::kUnknownAttribute;
    return v;
  }
  v.info.local_ufrag = halves->first;
  v.info.remote_ufrag = halves->second;
  // RFC 8445 §7.1.1: a check MUST carry PRIORITY.
  auto priority = stun::get<stun::Priority>(request);
  if (!priority) {
    v.error = codes::kBadRequest;
    return v;
  }
  v.info.priority = priority->priority;
  // RFC 8445 §7.1.3: and ICE-CONTROLLING or ICE-CONTROLLED.
  if (request.has(AttributeType::kIceControlling)) {
    auto r = stun::get<stun::IceControlling>(request);
    if (!r) {
      v.error = codes::kBadRequest;
      return v;
    }
    v.info.controlling = r->tie_breaker;
  }
  if (request.has(AttributeType::kIceControlled)) {
    auto r = stun::get<stun::IceControlled>(request);
    if (!r) {
      v.error = codes::kBadRequest;
      return v;
    }
    v.info.controlled = r->tie_breaker;
  }
  if (!v.info.controlling && !v.info.controlled) {
    v.error = codes::kBadRequest;
    return v;
  }
  if (request.has(AttributeType::kUseCandidate)) {
    if (!stun::get<stun::UseCandidate>(request)) {
      v.error = codes::kBadRequest;
      return v;
    }
    v.info.use_candidate = true;
  }
  return v;
}

}  // namespace tern::ice

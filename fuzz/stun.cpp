// Fuzz target: STUN message parsing (RFC 8489), typed attributes, integrity/fingerprint checks.
//
// Properties checked (__builtin_trap on violation):
// - parse -> re-serialize every attribute as given -> parse gives the same header and attributes
//   (types, values, ignored flags), and serializing that again gives the same bytes;
// - every significant attribute that decodes re-encodes to a value that decodes to the same thing;
// - rebuilding the significant attributes with MESSAGE-INTEGRITY, MESSAGE-INTEGRITY-SHA256 and
//   FINGERPRINT under a fixed key always verifies.
// The verification paths (fixed keys), check_attribute_order, the 420 helpers and describe() run on
// every parsed input.
#include <cstddef>
#include <cstdint>
#include <span>
#include <vector>

#include "crypto/hmac.hpp"
#include "stun/attributes.hpp"
#include "stun/builder.hpp"
#include "stun/describe.hpp"
#include "stun/fingerprint.hpp"
#include "stun/integrity.hpp"
#include "stun/message.hpp"
#include "stun/nonce.hpp"

using namespace tern::stun;

namespace {

constexpr uint8_t kKey[] = {'f', 'u', 'z', 'z', '-', 'k', 'e', 'y'};

void require(bool condition) {
  if (!condition) __builtin_trap();
}

template <class T>
void typed_round_trip(const Message& m, const RawAttribute& a) {
  auto v = get<T>(m, a);
  if (!v) return;
  // Values accepted on receive may exceed what we send (RFC 5389 compatibility limits).
  if (!v->validate()) return;
  std::vector<uint8_t> buf(v->value_size());
  v->serialize(buf, m.transaction_id());
  auto again = T::parse(buf, m.transaction_id());
  require(again.ok() && *again == *v);
}

void typed(const Message& m, const RawAttribute& a) {
  using T = AttributeType;
  switch (a.type) {
    case T::kMappedAddress: return typed_round_trip<MappedAddress>(m, a);
    case T::kXorMappedAddress: return typed_round_trip<XorMappedAddress>(m, a);
    case T::kAlternateServer: return typed_round_trip<AlternateServer>(m, a);
    case T::kXorPeerAddress: return typed_round_trip<XorPeerAddress>(m, a);
    case T::kXorRelayedAddress: return typed_round_trip<XorRelayedAddress>(m, a);
    case T::kUsername: return typed_round_trip<Username>(m, a);
    case T::kRealm: return typed_round_trip<Realm>(m, a);
    case T::kSoftware: return typed_round_trip<Software>(m, a);
    case T::kNonce: {
      typed_round_trip<Nonce>(m, a);
      if (auto n = get<Nonce>(m, a)) {
        if (auto c = parse_nonce_cookie(n->text); c && c->present) require(make_nonce(c->features, c->rest) == n->text);
      }
      return;
    }
    case T::kAlternateDomain: return typed_round_trip<AlternateDomain>(m, a);
    case T::kUserhash: return typed_round_trip<Userhash>(m, a);
    case T::kMessageIntegrity: return typed_round_trip<MessageIntegrity>(m, a);
    case T::kMessageIntegritySha256: return typed_round_trip<MessageIntegritySha256>(m, a);
    case T::kFingerprint: return typed_round_trip<Fingerprint>(m, a);
    case T::kErrorCode: return typed_round_trip<ErrorCode>(m, a);
    case T::kUnknownAttributes: return typed_round_trip<UnknownAttributes>(m, a);
    case T::kPasswordAlgorithm: return typed_round_trip<PasswordAlgorithmAttribute>(m, a);
    case T::kPasswordAlgorithms: return typed_round_trip<PasswordAlgorithms>(m, a);
    case T::kPriority: return typed_round_trip<Priority>(m, a);
    case T::kUseCandidate: return typed_round_trip<UseCandidate>(m, a);
    case T::kIceControlled: return typed_round_trip<IceControlled>(m, a);
    case T::kIceControlling: return typed_round_trip<IceControlling>(m, a);
    case T::kChannelNumber: return typed_round_trip<ChannelNumber>(m, a);
    case T::kLifetime: return typed_round_trip<Lifetime>(m, a);
    case T::kData: return typed_round_trip<Data>(m, a);
    case T::kRequestedAddressFamily: return typed_round_trip<RequestedAddressFamily>(m, a);
    case T::kAdditionalAddressFamily: return typed_round_trip<AdditionalAddressFamily>(m, a);
    case T::kEvenPort: return typed_round_trip<EvenPort>(m, a);
    case T::kRequestedTransport: return typed_round_trip<RequestedTransport>(m, a);
    case T::kDontFragment: return typed_round_trip<DontFragment>(m, a);
    case T::kReservationToken: return typed_round_trip<ReservationToken>(m, a);
    case T::kAddressErrorCode: return typed_round_trip<AddressErrorCode>(m, a);
    case T::kIcmp: return typed_round_trip<Icmp>(m, a);
  }
}

std::vector<uint8_t> reserialize(const Message& m) {
  std::vector<uint8_t> out;
  MessageBuilder b(out, m.type(), m.transaction_id());
  for (const RawAttribute& a : m.attributes()) b.add_raw(a.type, a.value);
  require(b.finish().ok());
  return out;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  static tern::crypto::Hmac sha1(tern::crypto::HashAlgorithm::kSha1, kKey);
  static tern::crypto::Hmac sha256(tern::crypto::HashAlgorithm::kSha256, kKey);
  const std::span<const uint8_t> input(data, size);

  (void)looks_like_stun(input);
  (void)is_stun(input);
  if (auto n = message_size(input)) require(*n >= kHeaderSize && *n % 4 == 0);

  Message m;
  if (!parse(input, m)) return 0;
  require(looks_like_stun(input));

  // Raw re-serialization round trip.
  const auto first = reserialize(m);
  Message m2;
  require(parse(first, m2).ok());
  require(m2.raw_type() == m.raw_type() && m2.transaction_id() == m.transaction_id());
  require(m2.attributes().size() == m.attributes().size());
  for (size_t i = 0; i < m.attributes().size(); ++i) {
    const RawAttribute& a = m.attributes()[i];
    const RawAttribute& b = m2.attributes()[i];
    require(a.type == b.type && a.ignored == b.ignored && a.offset == b.offset);
    require(std::equal(a.value.begin(), a.value.end(), b.value.begin(), b.value.end()));
  }
  require(reserialize(m2) == first);

  // Typed decoding round trips.
  for (const RawAttribute& a : m.attributes()) {
    if (!a.ignored) typed(m, a);
  }

  // Verification paths and helpers with a fixed key: must not crash whatever the input.
  (void)verify_message_integrity(m, sha1);
  (void)verify_message_integrity_sha256(m, sha256);
  (void)verify_fingerprint(m);
  (void)check_attribute_order(m);
  const auto unknown = find_unknown_comprehension_required(m);
  uint8_t response[1024];
  (void)build_unknown_attributes_response(m, unknown, response).finish();
  (void)describe(m);

  // Rebuilt with integrity and fingerprint under the fixed key, it verifies.
  std::vector<uint8_t> protected_bytes;
  MessageBuilder b(protected_bytes, m.type(), m.transaction_id());
  for (const RawAttribute& a : m.attributes()) {
    if (a.ignored || a.type == AttributeType::kMessageIntegrity || a.type == AttributeType::kMessageIntegritySha256 ||
        a.type == AttributeType::kFingerprint) {
      continue;
    }
    b.add_raw(a.type, a.value);
  }
  b.add_message_integrity(sha1);
  b.add_message_integrity_sha256(sha256);
  b.add_fingerprint();
  auto built = b.finish();
  if (!built) {
    require(built.error().is(StunErrc::kMessageTooLarge) || built.error().is(StunErrc::kTooManyAttributes));
    return 0;
  }
  Message p;
  if (!parse(*built, p)) {
    // Only possible when the rebuilt message has more than 64 attributes.
    require(m.attributes().size() + 3 > Message::kMaxAttributes);
    return 0;
  }
  require(verify_message_integrity(p, sha1).ok());
  require(verify_message_integrity_sha256(p, sha256).ok());
  require(verify_fingerprint(p).ok());
  require(check_attribute_order(p).ok());
  return 0;
}

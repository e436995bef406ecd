#include "stun/integrity.hpp"

#include <algorithm>
#include <string>

#include "common/byte_reader.hpp"
#include "stun/integrity_attributes.hpp"

namespace tern::stun {
namespace {

std::span<const uint8_t> as_bytes(std::string_view s) { return {reinterpret_cast<const uint8_t*>(s.data()), s.size()}; }

Status verify(const Message& message, crypto::Hmac& hmac, AttributeType type) {
  const bool sha256 = type == AttributeType::kMessageIntegritySha256;
  const RawAttribute* a = message.find(type);
  if (!a) {
    return Error(StunErrc::kMissingIntegrity, sha256 ? "no MESSAGE-INTEGRITY-SHA256" : "no MESSAGE-INTEGRITY", 0);
  }
  const size_t size = a->value.size();
  if (sha256 ? !is_valid_sha256_integrity_size(size) : size != kMessageIntegritySize) {
    return Error(StunErrc::kBadAttributeLength,
                 sha256 ? "MESSAGE-INTEGRITY-SHA256 not 16..32 bytes in steps of 4" : "MESSAGE-INTEGRITY is not 20 bytes",
                 a->offset + 2);
  }
  if (hmac.size() != (sha256 ? kMessageIntegritySha256MaxSize : kMessageIntegritySize)) {
    return Error(StunErrc::kWrongKeyAlgorithm, sha256 ? "MESSAGE-INTEGRITY-SHA256 needs HMAC-SHA256" : "MESSAGE-INTEGRITY needs HMAC-SHA1", 0);
  }
  const crypto::Digest mac = compute_message_integrity(hmac, message.bytes().first(a->offset), size);
  // RFC 8489 §14.6: a truncated MESSAGE-INTEGRITY-SHA256 carries the initial bytes of the HMAC.
  if (!crypto::constant_time_equal({mac.bytes.data(), size}, a->value)) {
    return Error(StunErrc::kIntegrityMismatch, sha256 ? "MESSAGE-INTEGRITY-SHA256 does not match" : "MESSAGE-INTEGRITY does not match",
                 a->offset + 4);
  }
  return {};
}

}  // namespace

std::span<const uint8_t> short_term_key(std::string_view password) { return as_bytes(password); }

Result<crypto::Digest> long_term_key(std::string_view username, std::string_view realm, std::string_view password,
                                     PasswordAlgorithm algorithm) {
  crypto::HashAlgorithm hash;
  switch (algorithm) {
    case PasswordAlgorithm::kMd5: hash = crypto::HashAlgorithm::kMd5; break;        // RFC 8489 §18.5.1.1
    case PasswordAlgorithm::kSha256: hash = crypto::HashAlgorithm::kSha256; break;  // RFC 8489 §18.5.1.2
    default: return Error(StunErrc::kBadValue, "unregistered password algorithm", 0);
  }
  std::string input;
  input.reserve(username.size() + realm.size() + password.size() + 2);
  input.append(username).append(":").append(realm).append(":").append(password);
  return crypto::hash(hash, as_bytes(input));
}

std::array<uint8_t, 32> userhash(std::string_view username, std::string_view realm) {
  std::string input;
  input.reserve(username.size() + realm.size() + 1);
  input.append(username).append(":").append(realm);
  const crypto::Digest d = crypto::hash(crypto::HashAlgorithm::kSha256, as_bytes(input));
  std::array<uint8_t, 32> out{};
  std::copy_n(d.bytes.begin(), out.size(), out.begin());
  return out;
}

crypto::Digest compute_message_integrity(crypto::Hmac& hmac, std::span<const uint8_t> prefix, size_t value_size) {
  TERN_ASSERT(prefix.size() >= kHeaderSize, "integrity prefix holds the header");
  // RFC 8489 §14.5/§14.6: the length field points at the end of the integrity attribute.
  uint8_t header[kHeaderSize];
  std::copy_n(prefix.data(), kHeaderSize, header);
  store_be16(header + 2, static_cast<uint16_t>(prefix.size() - kHeaderSize + kAttributeHeaderSize + value_size));
  hmac.update({header, kHeaderSize});
  hmac.update(prefix.subspan(kHeaderSize));
  return hmac.finish();
}

Status verify_message_integrity(const Message& message, crypto::Hmac& hmac_sha1) {
  return verify(message, hmac_sha1, AttributeType::kMessageIntegrity);
}

Status verify_message_integrity(const Message& message, std::span<const uint8_t> key) {
  crypto::Hmac hmac(crypto::HashAlgorithm::kSha1, key);
  return verify(message, hmac, AttributeType::kMessageIntegrity);
}

Status verify_message_integrity_sha256(const Message& message, crypto::Hmac& hmac_sha256) {
  return verify(message, hmac_sha256, AttributeType::kMessageIntegritySha256);
}

Status verify_message_integrity_sha256(const Message& message, std::span<const uint8_t> key) {
  crypto::Hmac hmac(crypto::HashAlgorithm::kSha256, key);
  return verify(message, hmac, AttributeType::kMessageIntegritySha256);
}

}  // namespace tern::stun

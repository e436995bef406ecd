#include "stun/integrity_attributes.hpp"

#include <algorithm>

#include "common/byte_reader.hpp"

namespace tern::stun {

Result<MessageIntegrity> MessageIntegrity::parse(std::span<const uint8_t> value, const TransactionId&) {
  // RFC 8489 §14.5: "Since it uses the SHA-1 hash, the HMAC will be 20 bytes."
  if (value.size() != kMessageIntegritySize) {
    return Error(StunErrc::kBadAttributeLength, "MESSAGE-INTEGRITY is not 20 bytes", 0);
  }
  MessageIntegrity m;
  std::copy(value.begin(), value.end(), m.hmac.begin());
  return m;
}

void MessageIntegrity::serialize(std::span<uint8_t> out, const TransactionId&) const {
  std::copy(hmac.begin(), hmac.end(), out.begin());
}

Result<MessageIntegritySha256> MessageIntegritySha256::parse(std::span<const uint8_t> value, const TransactionId&) {
  // RFC 8489 §14.6: at most 32 bytes, at least 16, a multiple of 4.
  if (!is_valid_sha256_integrity_size(value.size())) {
    return Error(StunErrc::kBadAttributeLength, "MESSAGE-INTEGRITY-SHA256 not 16..32 bytes in steps of 4", 0);
  }
  MessageIntegritySha256 m;
  m.size = value.size();
  std::copy(value.begin(), value.end(), m.hmac.begin());
  return m;
}

Status MessageIntegritySha256::validate() const {
  if (!is_valid_sha256_integrity_size(size)) {
    return Error(StunErrc::kBadAttributeLength, "MESSAGE-INTEGRITY-SHA256 not 16..32 bytes in steps of 4", 0);
  }
  return {};
}

void MessageIntegritySha256::serialize(std::span<uint8_t> out, const TransactionId&) const {
  std::copy_n(hmac.begin(), size, out.begin());
}

bool MessageIntegritySha256::operator==(const MessageIntegritySha256& o) const {
  return std::equal(view().begin(), view().end(), o.view().begin(), o.view().end());
}

Result<Fingerprint> Fingerprint::parse(std::span<const uint8_t> value, const TransactionId&) {
  if (value.size() != kFingerprintSize) return Error(StunErrc::kBadAttributeLength, "FINGERPRINT is not 4 bytes", 0);
  return Fingerprint{load_be32(value.data())};
}

void Fingerprint::serialize(std::span<uint8_t> out, const TransactionId&) const { store_be32(out.data(), crc); }

Result<Userhash> Userhash::parse(std::span<const uint8_t> value, const TransactionId&) {
  if (value.size() != kUserhashSize) return Error(StunErrc::kBadAttributeLength, "USERHASH is not 32 bytes", 0);
  Userhash u;
  std::copy(value.begin(), value.end(), u.hash.begin());
  return u;
}

void Userhash::serialize(std::span<uint8_t> out, const TransactionId&) const {
  std::copy(hash.begin(), hash.end(), out.begin());
}

}  // namespace tern::stun

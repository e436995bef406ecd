#include "stun/builder.hpp"

#include <algorithm>
#include <cstring>

#include "common/byte_reader.hpp"
#include "stun/fingerprint.hpp"
#include "stun/integrity.hpp"
#include "stun/integrity_attributes.hpp"

namespace tern::stun {

MessageBuilder::MessageBuilder(std::span<uint8_t> buffer, MessageType type, const TransactionId& transaction_id)
    : data_(buffer.data()), capacity_(buffer.size()), transaction_id_(transaction_id) {
  start(type);
}

MessageBuilder::MessageBuilder(std::vector<uint8_t>& out, MessageType type, const TransactionId& transaction_id)
    : vector_(&out), transaction_id_(transaction_id) {
  out.clear();
  start(type);
}

void MessageBuilder::fail(const Error& e) {
  if (failed_) return;
  failed_ = true;
  error_ = e;
}

bool MessageBuilder::ensure(size_t total) {
  // RFC 8489 §5: the 16-bit Message Length bounds the message.
  if (total > kHeaderSize + kMaxMessageLength) {
    fail(Error(StunErrc::kMessageTooLarge, "message length exceeds 65532", static_cast<uint32_t>(size_)));
    return false;
  }
  if (vector_) {
    if (vector_->size() < total) vector_->resize(std::max(total, 2 * vector_->size()));
    data_ = vector_->data();
    capacity_ = vector_->size();
  }
  if (total > capacity_) {
    fail(Error(StunErrc::kBufferTooSmall, "buffer too small for the message", static_cast<uint32_t>(size_)));
    return false;
  }
  return true;
}

void MessageBuilder::start(MessageType type) {
  if (static_cast<uint16_t>(type.method) > kMaxMethod) {
    fail(Error(StunErrc::kBadMethod, "method does not fit in 12 bits", 0));
    return;
  }
  if (!ensure(kHeaderSize)) return;
  // RFC 8489 §5: 00 + type, length (patched as attributes are added), magic cookie, transaction ID.
  store_be16(data_, encode_message_type(type));
  store_be16(data_ + 2, 0);
  store_be32(data_ + 4, kMagicCookie);
  std::memcpy(data_ + 8, transaction_id_.data(), kTransactionIdSize);
  size_ = kHeaderSize;
}

uint8_t* MessageBuilder::begin_attribute(AttributeType type, size_t value_size, bool ordered, uint8_t padding_byte) {
  if (!ok()) return nullptr;
  if (ordered && stage_ != Stage::kAttributes) {
    if (stage_ == Stage::kAfterFingerprint) {
      fail(Error(StunErrc::kFingerprintNotLast, "attribute after FINGERPRINT", static_cast<uint32_t>(size_)));
    } else {
      fail(Error(StunErrc::kAttributeAfterIntegrity, "attribute after MESSAGE-INTEGRITY", static_cast<uint32_t>(size_)));
    }
    return nullptr;
  }
  if (value_size > 0xFFFF) {
    fail(Error(StunErrc::kValueTooLong, "attribute value longer than 65535", static_cast<uint32_t>(size_)));
    return nullptr;
  }
  const size_t at = size_;
  const size_t total = at + kAttributeHeaderSize + pad4(value_size);
  if (!ensure(total)) return nullptr;
  store_be16(data_ + at, static_cast<uint16_t>(type));
  store_be16(data_ + at + 2, static_cast<uint16_t>(value_size));
  // RFC 8489 §14: "The padding bits MUST be set to zero on sending" (add_raw may ask otherwise).
  std::memset(data_ + at + kAttributeHeaderSize + value_size, padding_byte, pad4(value_size) - value_size);
  size_ = total;
  store_be16(data_ + 2, static_cast<uint16_t>(size_ - kHeaderSize));
  return data_ + at + kAttributeHeaderSize;
}

void MessageBuilder::add_raw(AttributeType type, std::span<const uint8_t> value, uint8_t padding_byte) {
  uint8_t* out = begin_attribute(type, value.size(), /*ordered=*/false, padding_byte);
  if (out && !value.empty()) std::memcpy(out, value.data(), value.size());
}

void MessageBuilder::add_integrity(crypto::Hmac& hmac, AttributeType type, size_t size) {
  if (!ok()) return;
  const size_t at = size_;
  // The header length now covers the integrity attribute itself, as RFC 8489 §14.5/§14.6 require
  // for the HMAC input; the HMAC covers everything before the attribute.
  uint8_t* value = begin_attribute(type, size, /*ordered=*/false, 0);
  if (!value) return;
  const crypto::Digest mac = compute_message_integrity(hmac, {data_, at}, size);
  std::memcpy(value, mac.bytes.data(), size);
}

void MessageBuilder::add_message_integrity(crypto::Hmac& hmac_sha1) {
  if (!ok()) return;
  if (hmac_sha1.size() != kMessageIntegritySize) {
    fail(Error(StunErrc::kWrongKeyAlgorithm, "MESSAGE-INTEGRITY needs HMAC-SHA1", 0));
    return;
  }
  // RFC 8489 §14.5: MESSAGE-INTEGRITY comes before MESSAGE-INTEGRITY-SHA256 and FINGERPRINT.
  if (stage_ != Stage::kAttributes) {
    fail(Error(stage_ == Stage::kAfterFingerprint ? StunErrc::kFingerprintNotLast : StunErrc::kAttributeAfterIntegrity,
               "MESSAGE-INTEGRITY after the integrity/fingerprint attributes", static_cast<uint32_t>(size_)));
    return;
  }
  add_integrity(hmac_sha1, AttributeType::kMessageIntegrity, kMessageIntegritySize);
  stage_ = Stage::kAfterIntegrity;
}

void MessageBuilder::add_message_integrity(std::span<const uint8_t> key) {
  if (!ok()) return;
  crypto::Hmac hmac(crypto::HashAlgorithm::kSha1, key);
  add_message_integrity(hmac);
}

void MessageBuilder::add_message_integrity_sha256(crypto::Hmac& hmac_sha256, size_t size) {
  if (!ok()) return;
  if (hmac_sha256.size() != kMessageIntegritySha256MaxSize) {
    fail(Error(StunErrc::kWrongKeyAlgorithm, "MESSAGE-INTEGRITY-SHA256 needs HMAC-SHA256", 0));
    return;
  }
  // RFC 8489 §14.6: 16..32 bytes, a multiple of 4.
  if (!is_valid_sha256_integrity_size(size)) {
    fail(Error(StunErrc::kBadAttributeLength, "MESSAGE-INTEGRITY-SHA256 size not 16..32 in steps of 4", 0));
    return;
  }
  // RFC 8489 §14.7: only FINGERPRINT may follow MESSAGE-INTEGRITY-SHA256.
  if (stage_ == Stage::kAfterIntegritySha256 || stage_ == Stage::kAfterFingerprint) {
    fail(Error(stage_ == Stage::kAfterFingerprint ? StunErrc::kFingerprintNotLast : StunErrc::kAttributeAfterIntegrity,
               "MESSAGE-INTEGRITY-SHA256 added twice or after FINGERPRINT", static_cast<uint32_t>(size_)));
    return;
  }
  add_integrity(hmac_sha256, AttributeType::kMessageIntegritySha256, size);
  stage_ = Stage::kAfterIntegritySha256;
}

void MessageBuilder::add_message_integrity_sha256(std::span<const uint8_t> key, size_t size) {
  if (!ok()) return;
  crypto::Hmac hmac(crypto::HashAlgorithm::kSha256, key);
  add_message_integrity_sha256(hmac, size);
}

void MessageBuilder::add_fingerprint() {
  if (!ok()) return;
  if (stage_ == Stage::kAfterFingerprint) {
    fail(Error(StunErrc::kFingerprintNotLast, "FINGERPRINT added twice", static_cast<uint32_t>(size_)));
    return;
  }
  const size_t at = size_;
  // RFC 8489 §14.7: the length must already include FINGERPRINT when the CRC is computed.
  uint8_t* value = begin_attribute(AttributeType::kFingerprint, kFingerprintSize, /*ordered=*/false, 0);
  if (!value) return;
  store_be32(value, compute_fingerprint({data_, at}));
  stage_ = Stage::kAfterFingerprint;
}

Result<std::span<const uint8_t>> MessageBuilder::finish() {
  if (!ok()) return error_;
  if (vector_) {
    vector_->resize(size_);
    data_ = vector_->data();
    capacity_ = size_;
  }
  return std::span<const uint8_t>(data_, size_);
}

}  // namespace tern::stun

#pragma once
// MessageBuilder: writes a STUN message (RFC 8489 §5, §14) into a caller buffer or a vector.
//
// The header is written at construction and its Message Length kept current after every
// attribute, so MESSAGE-INTEGRITY, MESSAGE-INTEGRITY-SHA256 and FINGERPRINT can be computed in place
// with the length adjustments of RFC 8489 §14.5-§14.7. Failures are sticky: the first error is kept,
// later calls do nothing, and finish() reports it.
//
// Ordering (RFC 8489 §14.5-§14.7): typed attributes (add<T>) must precede the integrity attributes;
// MESSAGE-INTEGRITY may be followed by MESSAGE-INTEGRITY-SHA256 and/or FINGERPRINT,
// MESSAGE-INTEGRITY-SHA256 by FINGERPRINT, and FINGERPRINT is last. Violations give
// kAttributeAfterIntegrity / kFingerprintNotLast. add_raw() writes whatever it is given (for
// reproducing captured or test bytes) and is not subject to these checks.
#include <cstddef>
#include <cstdint>
#include <span>
#include <vector>

#include "common/error.hpp"
#include "crypto/hmac.hpp"
#include "stun/message.hpp"

namespace tern::stun {

class MessageBuilder {
 public:
  // Writes into `buffer` (not owned; must outlive the builder). kBadMethod if the method does not
  // fit in 12 bits; kBufferTooSmall if the buffer cannot hold the 20-byte header.
  MessageBuilder(std::span<uint8_t> buffer, MessageType type, const TransactionId& transaction_id);
  // Writes into `out` (cleared first, grown as needed, trimmed by finish()).
  MessageBuilder(std::vector<uint8_t>& out, MessageType type, const TransactionId& transaction_id);

  // Appends a typed attribute (see stun/attributes.hpp), validating it first (its validate()).
  template <class T>
  void add(const T& attribute) {
    static_assert(T::kType != AttributeType::kMessageIntegrity && T::kType != AttributeType::kMessageIntegritySha256 &&
                      T::kType != AttributeType::kFingerprint,
                  "use add_message_integrity*/add_fingerprint, which compute the value");
    if (!ok()) return;
    if (auto s = attribute.validate(); !s) {
      fail(s.error());
      return;
    }
    const size_t size = attribute.value_size();
    uint8_t* value = begin_attribute(T::kType, size, /*ordered=*/true, 0);
    if (value) attribute.serialize({value, size}, transaction_id_);
  }

  // Appends `value` as is, padded with `padding_byte` (0 per RFC 8489 §14; RFC 5769's samples use
  // 0x20). No ordering checks.
  void add_raw(AttributeType type, std::span<const uint8_t> value, uint8_t padding_byte = 0);

  // MESSAGE-INTEGRITY (RFC 8489 §14.5): HMAC-SHA1 keyed with `key` (see integrity.hpp for keys).
  void add_message_integrity(std::span<const uint8_t> key);
  // Same with a reusable SHA-1 Hmac (kWrongKeyAlgorithm for another hash).
  void add_message_integrity(crypto::Hmac& hmac_sha1);
  // MESSAGE-INTEGRITY-SHA256 (RFC 8489 §14.6), truncated to `size` bytes (16..32, multiple of 4;
  // the full 32 unless the usage allows truncation).
  void add_message_integrity_sha256(std::span<const uint8_t> key, size_t size = 32);
  void add_message_integrity_sha256(crypto::Hmac& hmac_sha256, size_t size = 32);
  // FINGERPRINT (RFC 8489 §14.7), which must be last.
  void add_fingerprint();

  bool ok() const { return !failed_; }
  // The first failure (only when !ok()).
  const Error& error() const { return error_; }
  // Bytes written so far (header included).
  size_t size() const { return size_; }
  const TransactionId& transaction_id() const { return transaction_id_; }

  // The finished message (a view into the buffer/vector), or the first error.
  Result<std::span<const uint8_t>> finish();

 private:
  enum class Stage { kAttributes, kAfterIntegrity, kAfterIntegritySha256, kAfterFingerprint };

  void start(MessageType type);
  bool ensure(size_t total);
  // Writes the attribute header and padding, updates the length; returns where the value goes.
  uint8_t* begin_attribute(AttributeType type, size_t value_size, bool ordered, uint8_t padding_byte);
  void fail(const Error& e);
  void add_integrity(crypto::Hmac& hmac, AttributeType type, size_t size);

  uint8_t* data_ = nullptr;
  size_t capacity_ = 0;
  std::vector<uint8_t>* vector_ = nullptr;
  size_t size_ = 0;
  TransactionId transaction_id_{};
  Stage stage_ = Stage::kAttributes;
  bool failed_ = false;
  Error error_;
};

}  // namespace tern::stun

#pragma once
// The fixed-format authentication attributes, as values. Computing and checking them is
// integrity.hpp / fingerprint.hpp; the builder appends them (MessageBuilder::add_message_integrity...).
//
// MESSAGE-INTEGRITY (RFC 8489 §14.5): 20 bytes of HMAC-SHA1.
// MESSAGE-INTEGRITY-SHA256 (§14.6): the first 16..32 bytes (a multiple of 4) of HMAC-SHA256.
// USERHASH (§14.4): 32 bytes, SHA-256(username ":" realm).
// FINGERPRINT (§14.7), 4 bytes:
//      0                   1                   2                   3
//      0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
//     +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
//     |            CRC-32 of the message before it XOR 0x5354554e      |
//     +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
#include <array>
#include <cstdint>
#include <span>

#include "common/error.hpp"
#include "stun/attribute_type.hpp"
#include "stun/message.hpp"

namespace tern::stun {

inline constexpr size_t kMessageIntegritySize = 20;
inline constexpr size_t kMessageIntegritySha256MinSize = 16;
inline constexpr size_t kMessageIntegritySha256MaxSize = 32;
inline constexpr size_t kUserhashSize = 32;
inline constexpr size_t kFingerprintSize = 4;

// RFC 8489 §14.6: at least 16 bytes, at most 32, a multiple of 4.
constexpr bool is_valid_sha256_integrity_size(size_t n) {
  return n >= kMessageIntegritySha256MinSize && n <= kMessageIntegritySha256MaxSize && n % 4 == 0;
}

struct MessageIntegrity {
  static constexpr AttributeType kType = AttributeType::kMessageIntegrity;
  static constexpr const char* kName = "MESSAGE-INTEGRITY";

  std::array<uint8_t, kMessageIntegritySize> hmac{};

  // kBadAttributeLength unless 20 bytes.
  static Result<MessageIntegrity> parse(std::span<const uint8_t> value, const TransactionId&);
  size_t value_size() const { return kMessageIntegritySize; }
  Status validate() const { return {}; }
  void serialize(std::span<uint8_t> out, const TransactionId&) const;
  bool operator==(const MessageIntegrity&) const = default;
};

struct MessageIntegritySha256 {
  static constexpr AttributeType kType = AttributeType::kMessageIntegritySha256;
  static constexpr const char* kName = "MESSAGE-INTEGRITY-SHA256";

  std::array<uint8_t, kMessageIntegritySha256MaxSize> hmac{};
  size_t size = kMessageIntegritySha256MaxSize;  // 16..32, a multiple of 4

  std::span<const uint8_t> view() const { return {hmac.data(), size}; }
  // kBadAttributeLength unless 16..32 bytes and a multiple of 4.
  static Result<MessageIntegritySha256> parse(std::span<const uint8_t> value, const TransactionId&);
  size_t value_size() const { return size; }
  Status validate() const;
  void serialize(std::span<uint8_t> out, const TransactionId&) const;
  bool operator==(const MessageIntegritySha256& o) const;
};

struct Fingerprint {
  static constexpr AttributeType kType = AttributeType::kFingerprint;
  static constexpr const char* kName = "FINGERPRINT";

  uint32_t crc = 0;  // as on the wire (already XORed with 0x5354554e)

  // kBadAttributeLength unless 4 bytes.
  static Result<Fingerprint> parse(std::span<const uint8_t> value, const TransactionId&);
  size_t value_size() const { return kFingerprintSize; }
  Status validate() const { return {}; }
  void serialize(std::span<uint8_t> out, const TransactionId&) const;
  bool operator==(const Fingerprint&) const = default;
};

struct Userhash {
  static constexpr AttributeType kType = AttributeType::kUserhash;
  static constexpr const char* kName = "USERHASH";

  std::array<uint8_t, kUserhashSize> hash{};

  // kBadAttributeLength unless 32 bytes (RFC 8489 §14.4: "a fixed length of 32 bytes").
  static Result<Userhash> parse(std::span<const uint8_t> value, const TransactionId&);
  size_t value_size() const { return kUserhashSize; }
  Status validate() const { return {}; }
  void serialize(std::span<uint8_t> out, const TransactionId&) const;
  bool operator==(const Userhash&) const = default;
};

}  // namespace tern::stun

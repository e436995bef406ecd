#pragma once
// PASSWORD-ALGORITHM (RFC 8489 §14.12, Figure 9) and PASSWORD-ALGORITHMS (§14.11, Figure 8).
//
// PASSWORD-ALGORITHM holds one entry, PASSWORD-ALGORITHMS a list of them:
//
//      0                   1                   2                   3
//      0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
//     +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
//     |          Algorithm            |  Algorithm Parameters Length  |
//     +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
//     |                    Algorithm Parameters (variable)
//     +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
//
// The parameters are padded to 4 bytes like an attribute; padding is 0 on send and ignored on
// receive. Both registered algorithms (MD5, SHA-256) have no parameters.
#include <array>
#include <cstdint>
#include <span>
#include <string_view>

#include "common/error.hpp"
#include "stun/attribute_type.hpp"
#include "stun/message.hpp"

namespace tern::stun {

// RFC 8489 §18.5.1: the Password Algorithms registry.
enum class PasswordAlgorithm : uint16_t {
  kMd5 = 0x0001,     // key = MD5(username ":" realm ":" password), 16 bytes
  kSha256 = 0x0002,  // key = SHA-256(username ":" realm ":" password), 32 bytes
};

// "MD5", "SHA-256"; empty for unregistered values.
std::string_view password_algorithm_name(PasswordAlgorithm algorithm);

struct PasswordAlgorithmEntry {
  PasswordAlgorithm algorithm = PasswordAlgorithm::kMd5;
  std::span<const uint8_t> parameters;  // a view; empty for MD5 and SHA-256

  size_t wire_size() const { return 4 + pad4(parameters.size()); }
  bool operator==(const PasswordAlgorithmEntry& o) const;
};

struct PasswordAlgorithmAttribute {
  static constexpr AttributeType kType = AttributeType::kPasswordAlgorithm;
  static constexpr const char* kName = "PASSWORD-ALGORITHM";

  PasswordAlgorithmEntry entry;

  // Errors: kBadAttributeLength (shorter than 4 bytes, parameters overrunning the value, or bytes
  // after the one entry's padding).
  static Result<PasswordAlgorithmAttribute> parse(std::span<const uint8_t> value, const TransactionId&);
  size_t value_size() const { return entry.wire_size(); }
  Status validate() const;
  void serialize(std::span<uint8_t> out, const TransactionId&) const;
  bool operator==(const PasswordAlgorithmAttribute&) const = default;
};

struct PasswordAlgorithms {
  static constexpr AttributeType kType = AttributeType::kPasswordAlgorithms;
  static constexpr const char* kName = "PASSWORD-ALGORITHMS";
  // Bound on entries (two algorithms are registered).
  static constexpr size_t kMaxEntries = 8;

  std::array<PasswordAlgorithmEntry, kMaxEntries> entries{};
  size_t count = 0;

  std::span<const PasswordAlgorithmEntry> view() const { return {entries.data(), count}; }
  // Appends an entry; returns false when full.
  bool push(PasswordAlgorithmEntry entry);

  // Errors: kBadAttributeLength (a truncated entry), kValueTooLong (more than kMaxEntries).
  static Result<PasswordAlgorithms> parse(std::span<const uint8_t> value, const TransactionId&);
  size_t value_size() const;
  Status validate() const;
  void serialize(std::span<uint8_t> out, const TransactionId&) const;
  bool operator==(const PasswordAlgorithms& o) const;
};

}  // namespace tern::stun

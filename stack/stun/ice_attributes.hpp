#pragma once
// The ICE attributes (RFC 8445 §16.1, §7.1.1-§7.1.3).
//
// PRIORITY (0x0024), 4 bytes:
//      0                   1                   2                   3
//      0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
//     +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
//     |                           Priority                            |
//     +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
//
// USE-CANDIDATE (0x0025): no value (length 0).
//
// ICE-CONTROLLED (0x8029) / ICE-CONTROLLING (0x802A), 8 bytes:
//      0                   1                   2                   3
//      0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
//     +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
//     |                 Tie-breaker (64-bit unsigned integer)          |
//     |                                                               |
//     +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
#include <cstdint>
#include <span>

#include "common/byte_reader.hpp"
#include "common/error.hpp"
#include "stun/attribute_type.hpp"
#include "stun/message.hpp"

namespace tern::stun {

struct Priority {
  static constexpr AttributeType kType = AttributeType::kPriority;
  static constexpr const char* kName = "PRIORITY";

  uint32_t priority = 0;

  // kBadAttributeLength unless 4 bytes.
  static Result<Priority> parse(std::span<const uint8_t> value, const TransactionId&);
  size_t value_size() const { return 4; }
  Status validate() const { return {}; }
  void serialize(std::span<uint8_t> out, const TransactionId&) const;
  bool operator==(const Priority&) const = default;
};

struct UseCandidate {
  static constexpr AttributeType kType = AttributeType::kUseCandidate;
  static constexpr const char* kName = "USE-CANDIDATE";

  // kBadAttributeLength unless empty.
  static Result<UseCandidate> parse(std::span<const uint8_t> value, const TransactionId&);
  size_t value_size() const { return 0; }
  Status validate() const { return {}; }
  void serialize(std::span<uint8_t>, const TransactionId&) const {}
  bool operator==(const UseCandidate&) const = default;
};

// ICE-CONTROLLED and ICE-CONTROLLING share the 64-bit tie-breaker encoding.
template <AttributeType K>
struct IceRoleAttribute {
  static constexpr AttributeType kType = K;
  static constexpr const char* kName = attribute_name_cstr(K);

  uint64_t tie_breaker = 0;

  // kBadAttributeLength unless 8 bytes.
  static Result<IceRoleAttribute> parse(std::span<const uint8_t> value, const TransactionId&) {
    if (value.size() != 8) return Error(StunErrc::kBadAttributeLength, kName, 0);
    return IceRoleAttribute{load_be64(value.data())};
  }
  size_t value_size() const { return 8; }
  Status validate() const { return {}; }
  void serialize(std::span<uint8_t> out, const TransactionId&) const { store_be64(out.data(), tie_breaker); }
  bool operator==(const IceRoleAttribute&) const = default;
};

using IceControlled = IceRoleAttribute<AttributeType::kIceControlled>;
using IceControlling = IceRoleAttribute<AttributeType::kIceControlling>;

}  // namespace tern::stun

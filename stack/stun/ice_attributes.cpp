#include "stun/ice_attributes.hpp"

#include "common/byte_reader.hpp"

namespace tern::stun {

Result<Priority> Priority::parse(std::span<const uint8_t> value, const TransactionId&) {
  // RFC 8445 §7.1.1: PRIORITY is a 32-bit unsigned integer.
  if (value.size() != 4) return Error(StunErrc::kBadAttributeLength, "PRIORITY is not 4 bytes", 0);
  return Priority{load_be32(value.data())};
}

void Priority::serialize(std::span<uint8_t> out, const TransactionId&) const { store_be32(out.data(), priority); }

Result<UseCandidate> UseCandidate::parse(std::span<const uint8_t> value, const TransactionId&) {
  // RFC 8445 §7.1.2: USE-CANDIDATE has no content (length zero).
  if (!value.empty()) return Error(StunErrc::kBadAttributeLength, "USE-CANDIDATE is not empty", 0);
  return UseCandidate{};
}

}  // namespace tern::stun

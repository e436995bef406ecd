#pragma once
// Unwrapping 32-bit TSNs (RFC 9260 §1.6 serial arithmetic) into a 64-bit space that never wraps,
// so queues can be ordered with plain integer comparisons.
#include <cstdint>

#include "common/ids.hpp"

namespace tern::sctp {

// TSN t (32 bits) near the unwrapped reference `ref` maps to the 64-bit value closest to `ref`
// with the same low 32 bits (RFC 1982: within half the number space).
constexpr uint64_t unwrap_tsn(Tsn t, uint64_t ref) {
  const int32_t diff = static_cast<int32_t>(t.value - static_cast<uint32_t>(ref));
  return ref + static_cast<uint64_t>(static_cast<int64_t>(diff));
}
constexpr Tsn wrap_tsn(uint64_t t) { return Tsn(static_cast<uint32_t>(t)); }
// The unwrapped form of a first TSN: one epoch up, so "initial - 1" never underflows.
constexpr uint64_t initial_unwrapped_tsn(Tsn initial) { return (uint64_t{1} << 32) + initial.value; }

}  // namespace tern::sctp

#pragma once
// Unwrapping of wrapping counters into monotonic 64-bit values: RTP sequence numbers (16 bits,
// RFC 3550 §5.1) and RTP timestamps (32 bits).
//
// In the spirit of RFC 3550 Appendix A.1: a value is placed at the nearest position to the
// newest one seen so far (RFC 1982 serial arithmetic, so jumps under half the number space in
// either direction are read correctly). Late, reordered packets, including ones from before a wrap,
// unwrap to their true (smaller) position and do not move the reference. The first value maps to
// itself; values older than the first one may unwrap below it (and below zero).
#include <cstdint>
#include <optional>
#include <type_traits>

#include "common/ids.hpp"

namespace tern::rtp {

template <class U>
class CounterUnwrapper {
  static_assert(std::is_unsigned_v<U> && sizeof(U) < sizeof(int64_t));

 public:
  // The unwrapped value of `value`, and the reference moves forward when it is the newest yet.
  int64_t unwrap(U value) {
    const int64_t result = peek(value);
    if (!newest_ || result > *newest_) newest_ = result;
    return result;
  }
  // The unwrapped value of `value` without changing state.
  int64_t peek(U value) const {
    if (!newest_) return value;
    const U last = static_cast<U>(*newest_);
    // RFC 1982: the forward distance, read as signed, is the shortest way from last to value.
    // The exact half-way point counts as forward (RFC 1982 leaves it undefined).
    using S = std::make_signed_t<U>;
    const U forward = static_cast<U>(value - last);
    const int64_t delta = forward == (U{1} << (8 * sizeof(U) - 1)) ? int64_t{forward}
                                                                    : int64_t{static_cast<S>(forward)};
    return *newest_ + delta;
  }
  // The newest unwrapped value so far (nullopt before the first).
  std::optional<int64_t> newest() const { return newest_; }
  void reset() { newest_.reset(); }

 private:
  std::optional<int64_t> newest_;
};

// RTP sequence numbers to int64.
class SeqNoUnwrapper {
 public:
  // See CounterUnwrapper::unwrap.
  int64_t unwrap(SeqNo seq) { return impl_.unwrap(seq.value); }
  // See CounterUnwrapper::peek.
  int64_t peek(SeqNo seq) const { return impl_.peek(seq.value); }
  std::optional<int64_t> newest() const { return impl_.newest(); }
  void reset() { impl_.reset(); }

 private:
  CounterUnwrapper<uint16_t> impl_;
};

// 32-bit RTP timestamps to int64.
using TimestampUnwrapper = CounterUnwrapper<uint32_t>;

}  // namespace tern::rtp

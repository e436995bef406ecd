#include "srtp/replay_window.hpp"

#include "common/assert.hpp"

namespace tern::srtp {

ReplayWindow::ReplayWindow(size_t size) : size_(size) {
  TERN_ASSERT(size >= kMinSize && size <= kMaxSize, "replay window size out of range");
}

ReplayCheck ReplayWindow::check(uint64_t index) const {
  if (empty_ || index > highest_) return ReplayCheck::kNew;
  const uint64_t delta = highest_ - index;
  // RFC 3711 §3.3.2: indices to the left of the window are dropped as too old.
  if (delta >= size_) return ReplayCheck::kTooOld;
  return test(delta) ? ReplayCheck::kReplayed : ReplayCheck::kNew;
}

void ReplayWindow::shift(uint64_t by) {
  if (by >= size_) {
    bits_.fill(0);
    return;
  }
  const size_t word_shift = static_cast<size_t>(by / 64);
  const unsigned bit_shift = static_cast<unsigned>(by % 64);
  for (size_t i = kWords; i-- > 0;) {
    uint64_t v = 0;
    if (i >= word_shift) {
      v = bits_[i - word_shift] << bit_shift;
      if (bit_shift != 0 && i > word_shift) v |= bits_[i - word_shift - 1] >> (64 - bit_shift);
    }
    bits_[i] = v;
  }
}

void ReplayWindow::update(uint64_t index) {
  if (empty_) {
    empty_ = false;
    highest_ = index;
    bits_.fill(0);
    bits_[0] = 1;
    return;
  }
  if (index > highest_) {
    shift(index - highest_);
    highest_ = index;
    bits_[0] |= 1;
    return;
  }
  const uint64_t delta = highest_ - index;
  if (delta < size_) bits_[delta / 64] |= uint64_t{1} << (delta % 64);
}

}  // namespace tern::srtp

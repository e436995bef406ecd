#include "dtls/replay_window.hpp"

namespace tern::dtls {

bool ReplayWindow::check(uint64_t sequence) const {
  if (!any_ || sequence > highest_) return true;
  uint64_t age = highest_ - sequence;
  // RFC 6347 §4.1.2.6: records older than the window's left edge are rejected.
  if (age >= kWindowSize) return false;
  return (bitmap_ & (uint64_t{1} << age)) == 0;
}

void ReplayWindow::mark(uint64_t sequence) {
  if (!any_) {
    any_ = true;
    highest_ = sequence;
    bitmap_ = 1;
    return;
  }
  if (sequence > highest_) {
    uint64_t shift = sequence - highest_;
    bitmap_ = shift >= kWindowSize ? 0 : bitmap_ << shift;
    bitmap_ |= 1;
    highest_ = sequence;
    return;
  }
  uint64_t age = highest_ - sequence;
  if (age < kWindowSize) bitmap_ |= uint64_t{1} << age;
}

}  // namespace tern::dtls

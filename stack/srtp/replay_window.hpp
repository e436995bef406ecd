#pragma once
// The receiver's replay list (RFC 3711 §3.3.2): a sliding bitmap of the last `size` packet indices
// below (and including) the highest index accepted so far.
//
//      highest - size + 1                         highest
//            |<------------- size bits --------------->|
//   too old  |  bit i set = index (highest - i) seen  |  newer: accepted, window slides
//
// Use: check() before authenticating, update() only after the packet authenticated (so forged
// packets cannot move the window).
#include <array>
#include <cstddef>
#include <cstdint>

namespace tern::srtp {

enum class ReplayCheck : uint8_t { kNew, kReplayed, kTooOld };

class ReplayWindow {
 public:
  static constexpr size_t kMinSize = 64;    // RFC 3711 §3.3.2: SRTP-WINDOW-SIZE MUST be at least 64
  static constexpr size_t kMaxSize = 1024;  // tern's bound (fixed storage, no allocation)

  // size in [kMinSize, kMaxSize]; the caller validates (SrtpSession reports kBadConfig).
  explicit ReplayWindow(size_t size = kMinSize);

  size_t size() const { return size_; }
  bool empty() const { return empty_; }
  // The highest index accepted (meaningless while empty()).
  uint64_t highest() const { return highest_; }

  // Classifies `index` without changing the window.
  ReplayCheck check(uint64_t index) const;
  // Records `index` as received (the caller has checked it is kNew).
  void update(uint64_t index);

 private:
  static constexpr size_t kWords = kMaxSize / 64;
  bool test(uint64_t delta) const { return (bits_[delta / 64] >> (delta % 64)) & 1; }
  void shift(uint64_t by);

  std::array<uint64_t, kWords> bits_{};  // bit d = index (highest_ - d) was received
  uint64_t highest_ = 0;
  size_t size_;
  bool empty_ = true;
};

}  // namespace tern::srtp

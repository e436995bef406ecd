#pragma once
// Anti-replay sliding window (RFC 6347 §4.1.2.6, after RFC 4303 §3.4.3): one per read epoch.
// A record is checked before decryption and marked only after it authenticated, so forged
// records cannot advance the window.
#include <cstdint>

namespace tern::dtls {

class ReplayWindow {
 public:
  static constexpr uint64_t kWindowSize = 64;

  // True when `sequence` is new: above the highest seen, or inside the window and not yet marked.
  bool check(uint64_t sequence) const;
  // Marks `sequence` received (call after the record authenticated), sliding the window.
  void mark(uint64_t sequence);

  // Highest sequence number marked so far (meaningless before the first mark).
  uint64_t highest() const { return highest_; }

 private:
  uint64_t highest_ = 0;
  uint64_t bitmap_ = 0;  // bit i set: sequence highest_ - i was received
  bool any_ = false;
};

}  // namespace tern::dtls

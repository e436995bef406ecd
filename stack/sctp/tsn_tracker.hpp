#pragma once
// Receive-side TSN bookkeeping (RFC 9260 §6.2): the cumulative TSN ack point, the TSNs received
// above it (reported as Gap Ack Blocks) and the duplicates to report in the next SACK.
#include <cstddef>
#include <cstdint>
#include <map>
#include <vector>

#include "common/ids.hpp"
#include "sctp/chunks/sack_chunk.hpp"

namespace tern::sctp {

class TsnTracker {
 public:
  // At most this far above the cumulative ack point a TSN is accepted (it bounds the bookkeeping
  // and keeps every gap block offset within 16 bits).
  static constexpr uint64_t kMaxTsnAhead = 0xffff;
  // Duplicates remembered for one SACK.
  static constexpr size_t kMaxDuplicates = 32;

  // The peer's Initial TSN (from its INIT / INIT ACK): the cumulative ack starts one below it.
  explicit TsnTracker(Tsn peer_initial_tsn);

  enum class Outcome : uint8_t {
    kNew,          // first time seen: the caller delivers the chunk
    kDuplicate,    // already received (recorded for the next SACK)
    kTooFarAhead,  // beyond the tracking window: drop without acknowledging
  };
  // Classifies a received TSN and records it when new.
  Outcome check(Tsn tsn) const;
  // Records `tsn` (which check() called kNew) as received.
  void add(Tsn tsn);
  // Records a duplicate for the next SACK (RFC 9260 §6.2).
  void add_duplicate(Tsn tsn);

  // RFC 3758 §3.6: FORWARD TSN moves the cumulative ack point to `new_cumulative` (when newer)
  // and forgets everything at or below it. Returns true when it moved.
  bool forward_to(Tsn new_cumulative);

  Tsn cumulative_ack() const { return wrap_tsn_value(cum_); }
  uint64_t cumulative_ack_unwrapped() const { return cum_; }
  uint64_t unwrap(Tsn tsn) const;
  bool has_gaps() const { return !ranges_.empty(); }
  size_t gap_count() const { return ranges_.size(); }

  // The gap blocks, lowest first, at most `max_blocks`.
  std::vector<GapAckBlock> gap_blocks(size_t max_blocks) const;
  // The duplicates seen since the last call (and forgets them).
  std::vector<Tsn> take_duplicates();
  bool has_duplicates() const { return !duplicates_.empty(); }

 private:
  static Tsn wrap_tsn_value(uint64_t t) { return Tsn(static_cast<uint32_t>(t)); }

  uint64_t cum_;                         // unwrapped cumulative TSN ack point
  std::map<uint64_t, uint64_t> ranges_;  // received above cum_: start -> end (inclusive)
  std::vector<Tsn> duplicates_;
};

}  // namespace tern::sctp

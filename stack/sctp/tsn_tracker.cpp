#include "sctp/tsn_tracker.hpp"

#include <iterator>

#include "sctp/tsn.hpp"

namespace tern::sctp {

TsnTracker::TsnTracker(Tsn peer_initial_tsn) : cum_(initial_unwrapped_tsn(peer_initial_tsn) - 1) {}

uint64_t TsnTracker::unwrap(Tsn tsn) const { return unwrap_tsn(tsn, cum_); }

TsnTracker::Outcome TsnTracker::check(Tsn tsn) const {
  const uint64_t t = unwrap(tsn);
  if (t <= cum_) return Outcome::kDuplicate;
  if (t - cum_ > kMaxTsnAhead) return Outcome::kTooFarAhead;
  auto it = ranges_.upper_bound(t);
  if (it != ranges_.begin() && std::prev(it)->second >= t) return Outcome::kDuplicate;
  return Outcome::kNew;
}

void TsnTracker::add(Tsn tsn) {
  const uint64_t t = unwrap(tsn);
  if (t <= cum_) return;
  auto next = ranges_.upper_bound(t);
  // Extend the range that ends right below t, or start a new one.
  std::map<uint64_t, uint64_t>::iterator cur;
  if (next != ranges_.begin() && std::prev(next)->second + 1 >= t) {
    cur = std::prev(next);
    if (cur->second >= t) return;  // already present
    cur->second = t;
  } else {
    cur = ranges_.emplace_hint(next, t, t);
  }
  // Merge with the range that starts right after.
  if (next != ranges_.end() && next->first == cur->second + 1) {
    cur->second = next->second;
    ranges_.erase(next);
  }
  // RFC 9260 §6.2: the cumulative ack point advances over every TSN received in sequence.
  auto first = ranges_.begin();
  if (first->first == cum_ + 1) {
    cum_ = first->second;
    ranges_.erase(first);
  }
}

void TsnTracker::add_duplicate(Tsn tsn) {
  if (duplicates_.size() < kMaxDuplicates) duplicates_.push_back(tsn);
}

bool TsnTracker::forward_to(Tsn new_cumulative) {
  const uint64_t t = unwrap(new_cumulative);
  if (t <= cum_) return false;
  cum_ = t;
  // Forget what is now covered, then absorb a range that continues right after.
  while (!ranges_.empty() && ranges_.begin()->first <= cum_ + 1) {
    auto first = ranges_.begin();
    if (first->second > cum_) cum_ = first->second;
    ranges_.erase(first);
  }
  return true;
}

std::vector<GapAckBlock> TsnTracker::gap_blocks(size_t max_blocks) const {
  std::vector<GapAckBlock> blocks;
  for (const auto& [start, end] : ranges_) {
    if (blocks.size() == max_blocks) break;
    // Offsets fit 16 bits: nothing above cum_ + kMaxTsnAhead is ever recorded.
    blocks.push_back({static_cast<uint16_t>(start - cum_), static_cast<uint16_t>(end - cum_)});
  }
  return blocks;
}

std::vector<Tsn> TsnTracker::take_duplicates() {
  std::vector<Tsn> out;
  out.swap(duplicates_);
  return out;
}

}  // namespace tern::sctp

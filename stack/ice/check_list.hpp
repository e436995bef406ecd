#pragma once
// The checklist of one data stream (RFC 8445 §6.1.2): its candidate pairs, their states, the
// triggered-check queue (§7.3.1.4) and the choice of the next check (§6.1.4.2). WebRTC bundles
// everything onto one stream and one component, so there is one checklist per agent.
//
// Pairs never move: an index stays valid until clear(). When the list is full (§6.1.2.5: "a
// limit on the number of candidate pairs"), a new pair replaces the lowest-priority pair that has
// not been checked yet, or is dropped if it would be the lowest itself.
#include <cstddef>
#include <cstdint>
#include <deque>
#include <optional>
#include <span>
#include <string>
#include <vector>

#include "ice/candidate_pair.hpp"

namespace tern::ice {

class CheckList {
 public:
  // RFC 8445 §6.1.2.5 suggests 100 as the limit.
  explicit CheckList(size_t max_pairs = 100) : max_pairs_(max_pairs == 0 ? 1 : max_pairs) {}

  // Adds the pair (local, remote) unless it exists. Its initial state follows §6.1.2.6 adapted to
  // trickle ICE (RFC 8838 §10): Waiting unless another pair of the same foundation is already
  // Waiting or In-Progress (then Frozen). Returns its index, or nullopt when the list is full of
  // higher-priority or already-checked pairs. `replaced` (optional) receives the index reused for
  // it when a pair had to be pruned.
  std::optional<uint32_t> add(uint32_t local, uint32_t remote, uint64_t priority, std::string foundation,
                              bool* replaced = nullptr);
  // The pair (local, remote), if present.
  std::optional<uint32_t> find(uint32_t local, uint32_t remote) const;

  CandidatePair& operator[](uint32_t index) { return pairs_[index]; }
  const CandidatePair& operator[](uint32_t index) const { return pairs_[index]; }
  size_t size() const { return pairs_.size(); }
  std::span<const CandidatePair> pairs() const { return pairs_; }
  std::span<CandidatePair> pairs() { return pairs_; }

  // RFC 8445 §7.2.5.3.3: every Frozen pair with `foundation` becomes Waiting.
  void unfreeze_foundation(const std::string& foundation);
  // RFC 8445 §7.3.1.4: puts the pair in Waiting and at the back of the triggered-check queue
  // (once: a pair already queued keeps its place).
  void enqueue_triggered(uint32_t index);
  bool is_triggered(uint32_t index) const;
  // RFC 8445 §6.1.4.2: the pair to check next: the head of the triggered queue, else the
  // highest-priority Waiting pair, else (after unfreezing, per foundation, the best Frozen pair
  // whose foundation has nothing Waiting or In-Progress) the highest-priority Waiting pair. Sets
  // `triggered` accordingly. The pair's state is not changed (the caller starts the check).
  std::optional<uint32_t> next(bool& triggered, bool ordinary_checks = true);
  // Whether next() would return a pair (without changing anything).
  bool has_work(bool ordinary_checks = true) const;

  // Pairs in Frozen, Waiting or In-Progress.
  size_t count_unfinished() const;
  size_t count(PairState state) const;
  // Forgets every pair (ICE restart).
  void clear();

 private:
  bool foundation_active(const std::string& foundation) const;  // a pair Waiting or In-Progress

  size_t max_pairs_;
  std::vector<CandidatePair> pairs_;
  std::deque<uint32_t> triggered_;
};

}  // namespace tern::ice

#include "ice/check_list.hpp"

#include <algorithm>

namespace tern::ice {

std::string_view pair_state_name(PairState state) {
  switch (state) {
    case PairState::kFrozen: return "frozen";
    case PairState::kWaiting: return "waiting";
    case PairState::kInProgress: return "in-progress";
    case PairState::kSucceeded: return "succeeded";
    case PairState::kFailed: return "failed";
  }
  return "frozen";
}

bool CheckList::foundation_active(const std::string& foundation) const {
  for (const auto& p : pairs_) {
    if (p.foundation == foundation && (p.state == PairState::kWaiting || p.state == PairState::kInProgress)) return true;
  }
  return false;
}

std::optional<uint32_t> CheckList::add(uint32_t local, uint32_t remote, uint64_t priority, std::string foundation,
                                       bool* replaced) {
  if (replaced) *replaced = false;
  if (find(local, remote)) return std::nullopt;
  CandidatePair pair;
  pair.local = local;
  pair.remote = remote;
  pair.priority = priority;
  // RFC 8445 §6.1.2.6: one pair per foundation starts Waiting, the rest Frozen.
  pair.state = foundation_active(foundation) ? PairState::kFrozen : PairState::kWaiting;
  pair.foundation = std::move(foundation);
  if (pairs_.size() < max_pairs_) {
    pairs_.push_back(std::move(pair));
    return static_cast<uint32_t>(pairs_.size() - 1);
  }
  // RFC 8445 §6.1.2.5: over the limit, the lowest-priority pairs go. Only pairs nobody has checked
  // yet can be dropped without losing state.
  std::optional<uint32_t> victim;
  for (uint32_t i = 0; i < pairs_.size(); ++i) {
    const auto& p = pairs_[i];
    if (p.state != PairState::kFrozen && p.state != PairState::kWaiting) continue;
    if (p.nominating || p.nominate_on_success) continue;
    if (!victim || p.priority < pairs_[*victim].priority) victim = i;
  }
  if (!victim || pairs_[*victim].priority >= pair.priority) return std::nullopt;
  triggered_.erase(std::remove(triggered_.begin(), triggered_.end(), *victim), triggered_.end());
  pairs_[*victim] = std::move(pair);
  if (replaced) *replaced = true;
  return victim;
}

std::optional<uint32_t> CheckList::find(uint32_t local, uint32_t remote) const {
  for (uint32_t i = 0; i < pairs_.size(); ++i) {
    if (pairs_[i].local == local && pairs_[i].remote == remote) return i;
  }
  return std::nullopt;
}

void CheckList::unfreeze_foundation(const std::string& foundation) {
  for (auto& p : pairs_) {
    if (p.state == PairState::kFrozen && p.foundation == foundation) p.state = PairState::kWaiting;
  }
}

void CheckList::enqueue_triggered(uint32_t index) {
  pairs_[index].state = PairState::kWaiting;
  if (!is_triggered(index)) triggered_.push_back(index);
}

bool CheckList::is_triggered(uint32_t index) const {
  return std::find(triggered_.begin(), triggered_.end(), index) != triggered_.end();
}

std::optional<uint32_t> CheckList::next(bool& triggered, bool ordinary_checks) {
  triggered = false;
  // §6.1.4.2 step 1: the triggered-check queue first.
  while (!triggered_.empty()) {
    const uint32_t i = triggered_.front();
    triggered_.pop_front();
    if (i < pairs_.size() && pairs_[i].state == PairState::kWaiting) {
      triggered = true;
      return i;
    }
  }
  if (!ordinary_checks) return std::nullopt;
  auto best_waiting = [this]() -> std::optional<uint32_t> {
    std::optional<uint32_t> best;
    for (uint32_t i = 0; i < pairs_.size(); ++i) {
      if (pairs_[i].state != PairState::kWaiting) continue;
      if (!best || pairs_[i].priority > pairs_[*best].priority) best = i;
    }
    return best;
  };
  // §6.1.4.2 step 3: the highest-priority Waiting pair.
  if (auto w = best_waiting()) return w;
  // §6.1.4.2 step 2: no Waiting pair: unfreeze, for each foundation with nothing Waiting or
  // In-Progress, its highest-priority Frozen pair.
  std::vector<uint32_t> frozen;
  for (uint32_t i = 0; i < pairs_.size(); ++i) {
    if (pairs_[i].state == PairState::kFrozen) frozen.push_back(i);
  }
  std::sort(frozen.begin(), frozen.end(), [this](uint32_t a, uint32_t b) { return pairs_[a].priority > pairs_[b].priority; });
  for (uint32_t i : frozen) {
    if (!foundation_active(pairs_[i].foundation)) pairs_[i].state = PairState::kWaiting;
  }
  return best_waiting();
}

bool CheckList::has_work(bool ordinary_checks) const {
  for (uint32_t i : triggered_) {
    if (i < pairs_.size() && pairs_[i].state == PairState::kWaiting) return true;
  }
  if (!ordinary_checks) return false;
  for (const auto& p : pairs_) {
    if (p.state == PairState::kWaiting) return true;
    if (p.state == PairState::kFrozen && !foundation_active(p.foundation)) return true;
  }
  return false;
}

size_t CheckList::count_unfinished() const {
  size_t n = 0;
  for (const auto& p : pairs_) {
    if (p.state == PairState::kFrozen || p.state == PairState::kWaiting || p.state == PairState::kInProgress) ++n;
  }
  return n;
}

size_t CheckList::count(PairState state) const {
  return static_cast<size_t>(std::count_if(pairs_.begin(), pairs_.end(), [state](const CandidatePair& p) { return p.state == state; }));
}

void CheckList::clear() {
  pairs_.clear();
  triggered_.clear();
}

}  // namespace tern::ice

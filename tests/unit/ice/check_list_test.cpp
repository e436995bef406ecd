// The checklist: initial states and unfreezing (RFC 8445 §6.1.2.6, §7.2.5.3.3), the order of checks
// (§6.1.4.2), the triggered-check queue (§7.3.1.4) and the pair limit (§6.1.2.5).
#include <catch2/catch.hpp>

#include "ice/check_list.hpp"

namespace tern::ice {
namespace {

TEST_CASE("one pair per foundation starts Waiting, the rest Frozen", "[ice][check_list]") {
  CheckList list;
  auto a = list.add(0, 0, 100, "1:1");
  auto b = list.add(0, 1, 300, "1:1");
  auto c = list.add(1, 0, 200, "2:1");
  REQUIRE(a);
  REQUIRE(b);
  REQUIRE(c);
  CHECK(list[*a].state == PairState::kWaiting);
  CHECK(list[*b].state == PairState::kFrozen);
  CHECK(list[*c].state == PairState::kWaiting);
  CHECK_FALSE(list.add(0, 0, 999, "1:1"));  // (local, remote) exists
  CHECK(list.find(0, 1) == b);
  CHECK_FALSE(list.find(5, 5));
  CHECK(list.count(PairState::kFrozen) == 1);
  CHECK(list.count_unfinished() == 3);
}

TEST_CASE("next(): triggered first, then highest-priority Waiting, then unfreezing", "[ice][check_list]") {
  CheckList list;
  const uint32_t low = *list.add(0, 0, 100, "A");
  const uint32_t frozen = *list.add(0, 1, 500, "A");
  const uint32_t high = *list.add(1, 0, 300, "B");
  bool triggered = false;
  // Highest-priority Waiting: 300 (the 500 one is Frozen).
  CHECK(list.next(triggered) == high);
  CHECK_FALSE(triggered);
  list[high].state = PairState::kInProgress;
  list.enqueue_triggered(frozen);
  CHECK(list[frozen].state == PairState::kWaiting);
  CHECK(list.is_triggered(frozen));
  list.enqueue_triggered(frozen);  // once
  CHECK(list.next(triggered) == frozen);
  CHECK(triggered);
  list[frozen].state = PairState::kInProgress;
  CHECK(list.next(triggered) == low);
  CHECK_FALSE(triggered);
  list[low].state = PairState::kInProgress;
  CHECK_FALSE(list.next(triggered));
  CHECK_FALSE(list.has_work());
  // Without ordinary checks, only the triggered queue counts.
  list[low].state = PairState::kWaiting;
  CHECK(list.has_work());
  CHECK_FALSE(list.has_work(false));
  CHECK_FALSE(list.next(triggered, false));
}

TEST_CASE("success unfreezes the foundation; step 2 unfreezes when nothing waits", "[ice][check_list]") {
  CheckList list;
  const uint32_t a1 = *list.add(0, 0, 400, "A");
  const uint32_t a2 = *list.add(0, 1, 300, "A");
  const uint32_t a3 = *list.add(0, 2, 200, "A");
  const uint32_t b1 = *list.add(1, 0, 100, "B");
  CHECK(list[a2].state == PairState::kFrozen);
  list[a1].state = PairState::kSucceeded;
  list.unfreeze_foundation("A");
  CHECK(list[a2].state == PairState::kWaiting);
  CHECK(list[a3].state == PairState::kWaiting);
  CHECK(list[b1].state == PairState::kWaiting);

  // §6.1.4.2 step 2: a Frozen pair whose foundation has nothing Waiting/In-Progress is unfrozen
  // (the best one per foundation) when no pair is Waiting.
  CheckList l2;
  const uint32_t x1 = *l2.add(0, 0, 500, "X");
  const uint32_t x2 = *l2.add(0, 1, 400, "X");
  const uint32_t x3 = *l2.add(0, 2, 450, "X");
  l2[x1].state = PairState::kFailed;
  CHECK(l2.has_work());
  bool triggered = false;
  CHECK(l2.next(triggered) == x3);
  CHECK(l2[x3].state == PairState::kWaiting);
  CHECK(l2[x2].state == PairState::kFrozen);
  l2[x3].state = PairState::kInProgress;
  CHECK_FALSE(l2.has_work());  // the X foundation is busy
  CHECK_FALSE(l2.next(triggered));
}

TEST_CASE("the pair limit prunes the lowest unchecked pair (RFC 8445 §6.1.2.5)", "[ice][check_list]") {
  CheckList list(3);
  const uint32_t a = *list.add(0, 0, 300, "A");
  const uint32_t b = *list.add(0, 1, 100, "B");
  const uint32_t c = *list.add(0, 2, 200, "C");
  list.enqueue_triggered(b);
  bool replaced = true;
  CHECK_FALSE(list.add(0, 3, 50, "D", &replaced));  // lower than everything: dropped
  CHECK_FALSE(replaced);
  auto d = list.add(0, 4, 250, "E", &replaced);
  REQUIRE(d);
  CHECK(replaced);
  CHECK(*d == b);  // the 100 pair went, and left the triggered queue
  CHECK_FALSE(list.is_triggered(*d));
  CHECK(list.size() == 3);
  CHECK(list[*d].remote == 4);
  // Checked pairs are never pruned.
  list[a].state = PairState::kSucceeded;
  list[c].state = PairState::kInProgress;
  list[*d].state = PairState::kFailed;
  CHECK_FALSE(list.add(0, 5, 999, "F"));
  list.clear();
  CHECK(list.size() == 0);
}

TEST_CASE("pair state names (W3C RTCStatsIceCandidatePairState)", "[ice][check_list]") {
  CHECK(pair_state_name(PairState::kFrozen) == "frozen");
  CHECK(pair_state_name(PairState::kWaiting) == "waiting");
  CHECK(pair_state_name(PairState::kInProgress) == "in-progress");
  CHECK(pair_state_name(PairState::kSucceeded) == "succeeded");
  CHECK(pair_state_name(PairState::kFailed) == "failed");
}

}  // namespace
}  // namespace tern::ice

// Consent freshness timing (RFC 7675 §5.1): randomized probes, disconnected, expiry, recovery.
#include <catch2/catch.hpp>

#include "common/rng.hpp"
#include "ice/consent.hpp"
#include "sim/catch_support.hpp"

namespace tern::ice {
namespace {

TEST_CASE("consent probes every 4-6 s while answered", "[ice][consent]") {
  SeededRng rng(3);
  ConsentFreshness c;
  CHECK_FALSE(c.active());
  CHECK_FALSE(c.next_deadline(Timestamp()));
  c.start(Timestamp(), rng);
  Timestamp now;
  for (int i = 0; i < 50; ++i) {
    auto next = c.next_deadline(now);
    REQUIRE(next);
    const Duration gap = *next - now;
    // RFC 7675 §5.1: 0.8-1.2 times the 5 s period.
    CHECK(gap >= Duration::millis(4000));
    CHECK(gap <= Duration::millis(6000));
    now = *next;
    CHECK(c.probe_due(now));
    c.probe_sent(now, rng);
    CHECK_FALSE(c.probe_due(now));
    c.handle_response(now + Duration::millis(30));
    CHECK(c.status(now + Duration::millis(30)) == ConsentFreshness::Status::kFresh);
  }
}

TEST_CASE("silence: disconnected after 8 s, expired after 30 s, faster probes meanwhile", "[ice][consent]") {
  SeededRng rng(4);
  ConsentFreshness c;
  c.start(Timestamp::from_millis(1000), rng);
  CHECK(c.status(Timestamp::from_millis(8999)) == ConsentFreshness::Status::kFresh);
  CHECK(c.status(Timestamp::from_millis(9000)) == ConsentFreshness::Status::kStale);
  CHECK(c.status(Timestamp::from_millis(30999)) == ConsentFreshness::Status::kStale);
  CHECK(c.status(Timestamp::from_millis(31000)) == ConsentFreshness::Status::kExpired);
  // The deadline lands on the status changes too.
  c.probe_sent(Timestamp::from_millis(6000), rng);
  auto next = c.next_deadline(Timestamp::from_millis(6000));
  REQUIRE(next);
  CHECK(*next == Timestamp::from_millis(9000));  // stale before the next probe (>= 10.8 s)
  // The 6 s probe went unanswered: the next one follows within 0.8-1.2 s.
  c.probe_sent(Timestamp::from_millis(8000), rng);
  next = c.next_deadline(Timestamp::from_millis(9000));
  REQUIRE(next);
  CHECK(*next >= Timestamp::from_millis(9000));
  CHECK(*next <= Timestamp::from_millis(9200));
  CHECK(c.next_deadline(Timestamp::from_millis(20000)) <= Timestamp::from_millis(21200));
  CHECK_FALSE(c.next_deadline(Timestamp::from_millis(31000)));
  // A response brings it back.
  c.handle_response(Timestamp::from_millis(25000));
  CHECK(c.status(Timestamp::from_millis(25000)) == ConsentFreshness::Status::kFresh);
  // Older responses do not move time backwards.
  c.handle_response(Timestamp::from_millis(2000));
  CHECK(c.last_response() == Timestamp::from_millis(25000));
  c.stop();
  CHECK_FALSE(c.probe_due(Timestamp::from_millis(99999)));
}

TEST_CASE("an unanswered probe brings the next one forward", "[ice][consent]") {
  SeededRng rng(5);
  ConsentFreshness c;
  c.start(Timestamp(), rng);
  c.probe_sent(Timestamp::from_millis(5000), rng);  // next one 4-6 s later
  c.probe_unanswered(Timestamp::from_millis(7500), rng);
  auto next = c.next_deadline(Timestamp::from_millis(8000));
  REQUIRE(next);
  CHECK(*next >= Timestamp::from_millis(8300));
  CHECK(*next <= Timestamp::from_millis(8700));
}

}  // namespace
}  // namespace tern::ice

// Timestamp and Duration: units, arithmetic, ordering.
#include <catch2/catch.hpp>

#include "common/time.hpp"

using tern::Duration;
using tern::Timestamp;

TEST_CASE("Duration: constructors agree on units", "[time]") {
  STATIC_REQUIRE(Duration::millis(1) == Duration::micros(1000));
  STATIC_REQUIRE(Duration::seconds(2) == Duration::millis(2000));
  STATIC_REQUIRE(Duration::zero() == Duration());
  CHECK(Duration::seconds(3).as_micros() == 3000000);
  CHECK(Duration::micros(2500).as_millis() == 2);  // truncates toward zero
  CHECK(Duration::micros(-2500).as_millis() == -2);
  CHECK(Duration::millis(1500).as_seconds() == Approx(1.5));
  CHECK(Duration::micros(1).as_seconds() == Approx(1e-6));
}

TEST_CASE("Duration: arithmetic and ordering", "[time]") {
  const Duration a = Duration::millis(300);
  const Duration b = Duration::millis(200);
  CHECK(a + b == Duration::millis(500));
  CHECK(a - b == Duration::millis(100));
  CHECK(b - a == Duration::millis(-100));
  CHECK(-a == Duration::millis(-300));
  CHECK(a * 3 == Duration::millis(900));
  CHECK(a / 4 == Duration::micros(75000));
  CHECK(Duration::micros(7) / 2 == Duration::micros(3));
  CHECK(a > b);
  CHECK(b < a);
  CHECK(a >= a);
  CHECK(b - a < Duration::zero());
  Duration c = a;
  c += b;
  CHECK(c == Duration::millis(500));
  c -= Duration::seconds(1);
  CHECK(c == Duration::millis(-500));
}

TEST_CASE("Timestamp: moves by durations; differences are durations", "[time]") {
  const Timestamp start = Timestamp::from_millis(1000);
  CHECK(start.as_micros() == 1000000);
  CHECK(start.as_millis() == 1000);
  CHECK(Timestamp().as_micros() == 0);
  CHECK(Timestamp::from_micros(1234).as_millis() == 1);

  const Timestamp later = start + Duration::millis(250);
  CHECK(later.as_millis() == 1250);
  CHECK(later - start == Duration::millis(250));
  CHECK(start - later == Duration::millis(-250));
  CHECK(later - Duration::millis(250) == start);
  CHECK(later > start);
  CHECK(start < later);
  CHECK(start <= start);

  Timestamp t = start;
  t += Duration::seconds(2);
  CHECK(t == Timestamp::from_millis(3000));
  // Arbitrary epoch: times before it are negative and still order correctly.
  const Timestamp before = Timestamp() - Duration::micros(5);
  CHECK(before.as_micros() == -5);
  CHECK(before < Timestamp());
  STATIC_REQUIRE(Timestamp::from_millis(2) - Timestamp::from_millis(1) == Duration::millis(1));
}

#pragma once
// Timestamp and Duration. Protocol code never reads a clock: time is always passed in, so the same
// code runs on the wall clock (stack/net) and in simulated time (tests/sim).
#include <compare>
#include <cstdint>

namespace tern {

// A signed span of time with microsecond resolution.
class Duration {
 public:
  constexpr Duration() = default;
  static constexpr Duration micros(int64_t us) { return Duration(us); }
  static constexpr Duration millis(int64_t ms) { return Duration(ms * 1000); }
  static constexpr Duration seconds(int64_t s) { return Duration(s * 1000000); }
  static constexpr Duration zero() { return Duration(0); }

  constexpr int64_t as_micros() const { return us_; }
  constexpr int64_t as_millis() const { return us_ / 1000; }
  constexpr double as_seconds() const { return static_cast<double>(us_) / 1e6; }

  constexpr auto operator<=>(const Duration&) const = default;
  constexpr Duration operator+(Duration o) const { return Duration(us_ + o.us_); }
  constexpr Duration operator-(Duration o) const { return Duration(us_ - o.us_); }
  constexpr Duration operator-() const { return Duration(-us_); }
  constexpr Duration operator*(int64_t k) const { return Duration(us_ * k); }
  constexpr Duration operator/(int64_t k) const { return Duration(us_ / k); }
  constexpr Duration& operator+=(Duration o) { us_ += o.us_; return *this; }
  constexpr Duration& operator-=(Duration o) { us_ -= o.us_; return *this; }

 private:
  constexpr explicit Duration(int64_t us) : us_(us) {}
  int64_t us_ = 0;
};

// A point in time: microseconds since an arbitrary epoch chosen by whoever drives the machine
// (the event loop's monotonic clock, or 0 at the start of a simulation).
class Timestamp {
 public:
  constexpr Timestamp() = default;
  static constexpr Timestamp from_micros(int64_t us) { return Timestamp(us); }
  static constexpr Timestamp from_millis(int64_t ms) { return Timestamp(ms * 1000); }
  constexpr int64_t as_micros() const { return us_; }
  constexpr int64_t as_millis() const { return us_ / 1000; }

  constexpr auto operator<=>(const Timestamp&) const = default;
  constexpr Timestamp operator+(Duration d) const { return Timestamp(us_ + d.as_micros()); }
  constexpr Timestamp operator-(Duration d) const { return Timestamp(us_ - d.as_micros()); }
  constexpr Duration operator-(Timestamp o) const { return Duration::micros(us_ - o.us_); }
  constexpr Timestamp& operator+=(Duration d) { us_ += d.as_micros(); return *this; }

 private:
  constexpr explicit Timestamp(int64_t us) : us_(us) {}
  int64_t us_ = 0;
};

}  // namespace tern

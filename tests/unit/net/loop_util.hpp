#pragma once
// Bounded loop driving for tests: every wait has a deadline, so no test can hang.
#include <functional>

#include "net/clock.hpp"
#include "net/event_loop.hpp"

namespace tern::net::test {

// Runs `loop` until `done()` or `timeout` of wall time passed; returns done().
inline bool run_loop_until(EventLoop& loop, const std::function<bool()>& done,
                           Duration timeout = Duration::seconds(5)) {
  const Timestamp deadline = monotonic_now() + timeout;
  while (!done() && monotonic_now() < deadline) loop.run_once(Duration::millis(10));
  return done();
}

}  // namespace tern::net::test

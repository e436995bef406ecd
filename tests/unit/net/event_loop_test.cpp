// EventLoop: timers in deadline order, cancellation, post() from other threads, stop(), and
// watchers that remove themselves.
#include <catch2/catch.hpp>

#include <sys/eventfd.h>
#include <unistd.h>

#include <atomic>
#include <thread>
#include <vector>

#include "net/event_loop.hpp"
#include "net/fd.hpp"
#include "net/net_error.hpp"
#include "loop_util.hpp"

namespace tern::net {
namespace {

std::unique_ptr<EventLoop> make_loop() {
  auto loop = EventLoop::create();
  REQUIRE(loop.ok());
  return std::move(*loop);
}

TEST_CASE("timers fire in deadline order, never early, ties in insertion order", "[net][loop]") {
  auto loop = make_loop();
  const Timestamp start = loop->now();
  std::vector<int> order;
  std::vector<Duration> late;
  auto add = [&](int tag, Duration delay) {
    loop->add_timer(start + delay, [&, tag, delay] {
      order.push_back(tag);
      late.push_back(loop->now() - (start + delay));
    });
  };
  add(3, Duration::millis(30));
  add(1, Duration::millis(10));
  add(2, Duration::millis(20));
  add(4, Duration::millis(30));  // same deadline as 3, added later
  const TimerId cancelled = loop->add_timer(start + Duration::millis(15), [&] { order.push_back(99); });
  CHECK(loop->cancel_timer(cancelled));
  CHECK_FALSE(loop->cancel_timer(cancelled));
  REQUIRE(test::run_loop_until(*loop, [&] { return order.size() == 4; }));
  CHECK(order == std::vector<int>{1, 2, 3, 4});
  for (Duration d : late) CHECK(d >= Duration::zero());
  // Nothing else fires afterwards.
  loop->run_once(Duration::millis(30));
  CHECK(order.size() == 4);
}

TEST_CASE("a timer in the past fires on the next iteration; timers can re-arm themselves",
          "[net][loop]") {
  auto loop = make_loop();
  int ticks = 0;
  std::function<void()> tick = [&] {
    if (++ticks < 5) loop->add_timer(Duration::millis(1), tick);
  };
  loop->add_timer(loop->now() - Duration::seconds(1), tick);
  REQUIRE(test::run_loop_until(*loop, [&] { return ticks == 5; }));
}

TEST_CASE("post() from another thread runs on the loop's thread, in order", "[net][loop]") {
  auto loop = make_loop();
  std::atomic<bool> running{false};
  std::thread::id loop_thread;
  std::vector<int> seen;  // touched only on the loop thread
  std::thread t([&] {
    loop_thread = std::this_thread::get_id();
    running = true;
    loop->run();
  });
  while (!running) std::this_thread::yield();
  std::thread poster([&] {
    for (int i = 0; i < 100; ++i)
      loop->post([&, i] {
        CHECK(loop->is_in_loop_thread());
        seen.push_back(i);
        if (i == 99) loop->stop();
      });
  });
  poster.join();
  t.join();  // run() returns once the last post stopped the loop
  REQUIRE(seen.size() == 100);
  for (int i = 0; i < 100; ++i) CHECK(seen[i] == i);
  CHECK_FALSE(loop->is_in_loop_thread());
}

TEST_CASE("stop() from another thread wakes a loop blocked without timers", "[net][loop]") {
  auto loop = make_loop();
  std::thread t([&] { loop->run(); });
  std::this_thread::sleep_for(std::chrono::milliseconds(20));
  loop->stop();
  t.join();
  CHECK(loop->stop_requested());
}

TEST_CASE("watchers: readiness, modify, self-removal, and the error table", "[net][loop]") {
  auto loop = make_loop();
  UniqueFd efd(::eventfd(0, EFD_NONBLOCK | EFD_CLOEXEC));
  REQUIRE(efd.valid());
  int calls = 0;
  uint32_t last_bits = 0;
  REQUIRE(loop->watch(efd.get(), kReadable, [&](uint32_t bits) {
    ++calls;
    last_bits = bits;
    loop->unwatch(efd.get());  // removing itself from inside its own callback is safe
  }).ok());
  // An eventfd is always writable; watching writability fires at once.
  REQUIRE(loop->modify(efd.get(), kReadable | kWritable).ok());
  REQUIRE(test::run_loop_until(*loop, [&] { return calls == 1; }));
  CHECK((last_bits & kWritable) != 0);
  // Unwatched: further readiness is not reported.
  const uint64_t one = 1;
  REQUIRE(::write(efd.get(), &one, sizeof one) == sizeof one);
  loop->run_once(Duration::millis(20));
  CHECK(calls == 1);

  REQUIRE(loop->watch(efd.get(), kReadable, [](uint32_t) {}).ok());
  Status twice = loop->watch(efd.get(), kReadable, [](uint32_t) {});
  REQUIRE_FALSE(twice.ok());
  CHECK(twice.error().is(NetErrc::kInvalidArgument));
  Status not_watched = loop->modify(12345, kReadable);
  REQUIRE_FALSE(not_watched.ok());
  CHECK(not_watched.error().is(NetErrc::kInvalidArgument));
  Status bad_fd = loop->watch(-1, kReadable, [](uint32_t) {});
  REQUIRE_FALSE(bad_fd.ok());
  loop->unwatch(efd.get());
}

}  // namespace
}  // namespace tern::net

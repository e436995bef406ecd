#pragma once
// EventLoop: one thread's epoll loop with timers (a min-heap driving one timerfd) and a
// thread-safe post() (an eventfd wakes the loop).
//
// Threading: post(), stop() and is_in_loop_thread() may be called from any thread. Everything else
// (watch, unwatch, timers) must run on the loop's thread once run() has started (before that, from
// the thread that owns the loop); callbacks run on the loop's thread. Callbacks may watch, unwatch
// and add or cancel timers, including their own.
#include <atomic>
#include <cstdint>
#include <functional>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <thread>
#include <unordered_map>
#include <vector>

#include "common/error.hpp"
#include "common/time.hpp"
#include "net/fd.hpp"

namespace tern::net {

// Readiness bits for watch() and its callback.
enum : uint32_t {
  kReadable = 1u << 0,
  kWritable = 1u << 1,
  kError = 1u << 2,   // EPOLLERR or EPOLLHUP: read or write to learn the error / end of stream
};

using TimerId = uint64_t;

class EventLoop {
 public:
  // Creates the epoll set, the timerfd and the wake-up eventfd.
  // Errors: kResourceExhausted and friends from epoll_create1/timerfd_create/eventfd.
  static Result<std::unique_ptr<EventLoop>> create();
  ~EventLoop();
  EventLoop(const EventLoop&) = delete;
  EventLoop& operator=(const EventLoop&) = delete;

  // The loop's clock (CLOCK_MONOTONIC).
  Timestamp now() const;

  // Calls `callback(ready_bits)` whenever `fd` is ready for any of `interest` (kReadable |
  // kWritable; errors are always reported). Level-triggered. The caller keeps owning `fd` and must
  // unwatch it before closing it. Errors: kInvalidArgument when already watched, epoll_ctl errors.
  Status watch(int fd, uint32_t interest, std::function<void(uint32_t)> callback);
  // Changes the interest set of a watched fd.
  Status modify(int fd, uint32_t interest);
  // Stops watching `fd` (no-op if it is not watched). A pending event for it is not delivered.
  void unwatch(int fd);

  // Runs `fn` once at `at` (immediately on the next iteration if `at` is in the past). Timers due at
  // the same time run in the order they were added.
  TimerId add_timer(Timestamp at, std::function<void()> fn);
  TimerId add_timer(Duration delay, std::function<void()> fn) { return add_timer(now() + delay, std::move(fn)); }
  // Cancels a timer that has not fired yet; returns false if it already fired or never existed.
  bool cancel_timer(TimerId id);

  // Thread-safe: runs `fn` on the loop's thread, in posting order, soon.
  void post(std::function<void()> fn);
  // Thread-safe: makes run() return after the current iteration.
  void stop();
  bool stop_requested() const { return stop_.load(std::memory_order_acquire); }
  bool is_in_loop_thread() const;

  // Runs until stop(). The calling thread becomes the loop's thread.
  void run();
  // One iteration: waits up to `max_wait` (nullopt: until something happens) for I/O, timers or
  // posts, then dispatches them. Returns the number of callbacks run.
  size_t run_once(std::optional<Duration> max_wait);

 private:
  EventLoop(UniqueFd epoll, UniqueFd timer, UniqueFd wake);
  void check_thread() const;
  void arm_timerfd();
  size_t run_due_timers();
  size_t run_posted();

  struct Watcher {
    int fd;
    uint32_t interest;
    std::shared_ptr<std::function<void(uint32_t)>> callback;
  };
  struct TimerEntry {
    Timestamp at;
    TimerId id;
  };

  UniqueFd epoll_;
  UniqueFd timer_fd_;
  UniqueFd wake_fd_;
  std::atomic<bool> stop_{false};
  std::atomic<std::thread::id> owner_{};

  uint64_t next_watch_token_ = 1;
  std::unordered_map<uint64_t, Watcher> watchers_;  // by token (epoll_event.data.u64)
  std::unordered_map<int, uint64_t> token_of_fd_;

  TimerId next_timer_id_ = 1;
  std::vector<TimerEntry> timer_heap_;  // min-heap on (at, id)
  std::map<TimerId, std::function<void()>> timers_;  // live timers
  std::optional<Timestamp> armed_at_;

  std::mutex posted_mutex_;
  std::vector<std::function<void()>> posted_;
};

}  // namespace tern::net

#include "net/event_loop.hpp"

#include <sys/epoll.h>
#include <sys/eventfd.h>
#include <sys/timerfd.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>

#include "common/assert.hpp"
#include "net/clock.hpp"
#include "net/net_error.hpp"

namespace tern::net {
namespace {

// epoll_event.data.u64 values of the loop's own descriptors; watchers get tokens from 1 upwards.
constexpr uint64_t kWakeToken = 0;
constexpr uint64_t kTimerToken = UINT64_MAX;
constexpr int kMaxEvents = 64;

uint32_t to_epoll(uint32_t interest) {
  uint32_t e = 0;
  if (interest & kReadable) e |= EPOLLIN;
  if (interest & kWritable) e |= EPOLLOUT;
  return e;
}

uint32_t from_epoll(uint32_t events) {
  uint32_t r = 0;
  if (events & (EPOLLIN | EPOLLPRI)) r |= kReadable;
  if (events & EPOLLOUT) r |= kWritable;
  if (events & (EPOLLERR | EPOLLHUP)) r |= kError;
  return r;
}

bool timer_later(const auto& a, const auto& b) { return a.at != b.at ? a.at > b.at : a.id > b.id; }

// Reads and discards an eventfd/timerfd counter (EAGAIN means someone else already did).
void drain_counter(int fd) {
  uint64_t value;
  while (::read(fd, &value, sizeof value) < 0 && errno == EINTR) {
  }
}

}  // namespace

Result<std::unique_ptr<EventLoop>> EventLoop::create() {
  UniqueFd epoll(::epoll_create1(EPOLL_CLOEXEC));
  if (!epoll.valid()) return system_error("epoll_create1");
  UniqueFd timer(::timerfd_create(CLOCK_MONOTONIC, TFD_NONBLOCK | TFD_CLOEXEC));
  if (!timer.valid()) return system_error("timerfd_create");
  UniqueFd wake(::eventfd(0, EFD_NONBLOCK | EFD_CLOEXEC));
  if (!wake.valid()) return system_error("eventfd");
  epoll_event ev{};
  ev.events = EPOLLIN;
  ev.data.u64 = kWakeToken;
  if (::epoll_ctl(epoll.get(), EPOLL_CTL_ADD, wake.get(), &ev) != 0) return system_error("epoll_ctl(eventfd)");
  ev.data.u64 = kTimerToken;
  if (::epoll_ctl(epoll.get(), EPOLL_CTL_ADD, timer.get(), &ev) != 0) return system_error("epoll_ctl(timerfd)");
  return std::unique_ptr<EventLoop>(new EventLoop(std::move(epoll), std::move(timer), std::move(wake)));
}

EventLoop::EventLoop(UniqueFd epoll, UniqueFd timer, UniqueFd wake)
    : epoll_(std::move(epoll)), timer_fd_(std::move(timer)), wake_fd_(std::move(wake)) {}

EventLoop::~EventLoop() = default;

Timestamp EventLoop::now() const { return monotonic_now(); }

bool EventLoop::is_in_loop_thread() const {
  return owner_.load(std::memory_order_acquire) == std::this_thread::get_id();
}

void EventLoop::check_thread() const {
  const std::thread::id owner = owner_.load(std::memory_order_acquire);
  TERN_ASSERT(owner == std::thread::id() || owner == std::this_thread::get_id(),
              "EventLoop state touched off the loop's thread (use post())");
}

Status EventLoop::watch(int fd, uint32_t interest, std::function<void(uint32_t)> callback) {
  check_thread();
  if (fd < 0 || token_of_fd_.count(fd) != 0)
    return Error(NetErrc::kInvalidArgument, "fd is negative or already watched");
  const uint64_t token = next_watch_token_++;
  epoll_event ev{};
  ev.events = to_epoll(interest);
  ev.data.u64 = token;
  if (::epoll_ctl(epoll_.get(), EPOLL_CTL_ADD, fd, &ev) != 0) return system_error("epoll_ctl(ADD)");
  watchers_.emplace(token, Watcher{fd, interest,
                                   std::make_shared<std::function<void(uint32_t)>>(std::move(callback))});
  token_of_fd_.emplace(fd, token);
  return {};
}

Status EventLoop::modify(int fd, uint32_t interest) {
  check_thread();
  auto it = token_of_fd_.find(fd);
  if (it == token_of_fd_.end()) return Error(NetErrc::kInvalidArgument, "fd is not watched");
  epoll_event ev{};
  ev.events = to_epoll(interest);
  ev.data.u64 = it->second;
  if (::epoll_ctl(epoll_.get(), EPOLL_CTL_MOD, fd, &ev) != 0) return system_error("epoll_ctl(MOD)");
  watchers_.at(it->second).interest = interest;
  return {};
}

void EventLoop::unwatch(int fd) {
  check_thread();
  auto it = token_of_fd_.find(fd);
  if (it == token_of_fd_.end()) return;
  ::epoll_ctl(epoll_.get(), EPOLL_CTL_DEL, fd, nullptr);
  // Erasing the token means an event already returned by epoll_wait for it is skipped.
  watchers_.erase(it->second);
  token_of_fd_.erase(it);
}

TimerId EventLoop::add_timer(Timestamp at, std::function<void()> fn) {
  check_thread();
  const TimerId id = next_timer_id_++;
  timers_.emplace(id, std::move(fn));
  timer_heap_.push_back({at, id});
  std::push_heap(timer_heap_.begin(), timer_heap_.end(),
                 [](const TimerEntry& a, const TimerEntry& b) { return timer_later(a, b); });
  arm_timerfd();
  return id;
}

bool EventLoop::cancel_timer(TimerId id) {
  check_thread();
  // The heap entry stays until it surfaces; it is skipped then.
  return timers_.erase(id) != 0;
}

void EventLoop::arm_timerfd() {
  // Drop cancelled entries from the top so the timerfd tracks a live deadline.
  while (!timer_heap_.empty() && timers_.count(timer_heap_.front().id) == 0) {
    std::pop_heap(timer_heap_.begin(), timer_heap_.end(),
                  [](const TimerEntry& a, const TimerEntry& b) { return timer_later(a, b); });
    timer_heap_.pop_back();
  }
  std::optional<Timestamp> want;
  if (!timer_heap_.empty()) want = timer_heap_.front().at;
  if (want == armed_at_) return;
  itimerspec spec{};
  if (want) {
    // Absolute CLOCK_MONOTONIC; an all-zero value would disarm, so deadlines <= 0 become 1 ns.
    const int64_t us = want->as_micros();
    if (us <= 0) {
      spec.it_value.tv_nsec = 1;
    } else {
      spec.it_value.tv_sec = us / 1000000;
      spec.it_value.tv_nsec = (us % 1000000) * 1000;
    }
  }
  ::timerfd_settime(timer_fd_.get(), TFD_TIMER_ABSTIME, &spec, nullptr);
  armed_at_ = want;
}

size_t EventLoop::run_due_timers() {
  const Timestamp now_at = now();
  // Collect first: timers added by these callbacks wait for the next iteration, so a timer that
  // re-adds itself "now" cannot starve I/O.
  std::vector<TimerId> due;
  while (!timer_heap_.empty() && timer_heap_.front().at <= now_at) {
    due.push_back(timer_heap_.front().id);
    std::pop_heap(timer_heap_.begin(), timer_heap_.end(),
                  [](const TimerEntry& a, const TimerEntry& b) { return timer_later(a, b); });
    timer_heap_.pop_back();
  }
  size_t ran = 0;
  for (TimerId id : due) {
    auto it = timers_.find(id);
    if (it == timers_.end()) continue;  // cancelled, possibly by an earlier timer in this batch
    std::function<void()> fn = std::move(it->second);
    timers_.erase(it);
    fn();
    ++ran;
  }
  return ran;
}

void EventLoop::post(std::function<void()> fn) {
  {
    std::lock_guard<std::mutex> lock(posted_mutex_);
    posted_.push_back(std::move(fn));
  }
  const uint64_t one = 1;
  while (::write(wake_fd_.get(), &one, sizeof one) < 0 && errno == EINTR) {
  }
}

size_t EventLoop::run_posted() {
  std::vector<std::function<void()>> batch;
  {
    std::lock_guard<std::mutex> lock(posted_mutex_);
    batch.swap(posted_);
  }
  for (auto& fn : batch) fn();
  return batch.size();
}

void EventLoop::stop() {
  stop_.store(true, std::memory_order_release);
  const uint64_t one = 1;
  while (::write(wake_fd_.get(), &one, sizeof one) < 0 && errno == EINTR) {
  }
}

void EventLoop::run() {
  owner_.store(std::this_thread::get_id(), std::memory_order_release);
  while (!stop_requested()) run_once(std::nullopt);
}

size_t EventLoop::run_once(std::optional<Duration> max_wait) {
  if (owner_.load(std::memory_order_acquire) == std::thread::id())
    owner_.store(std::this_thread::get_id(), std::memory_order_release);
  check_thread();
  int timeout_ms = -1;
  if (max_wait) {
    const int64_t us = std::max<int64_t>(0, max_wait->as_micros());
    timeout_ms = static_cast<int>(std::min<int64_t>((us + 999) / 1000, INT32_MAX));
  }
  epoll_event events[kMaxEvents];
  int n = ::epoll_wait(epoll_.get(), events, kMaxEvents, timeout_ms);
  if (n < 0) n = 0;  // EINTR: treat as a spurious wake-up
  size_t ran = 0;
  for (int i = 0; i < n; ++i) {
    const uint64_t token = events[i].data.u64;
    if (token == kWakeToken) {
      drain_counter(wake_fd_.get());
      continue;
    }
    if (token == kTimerToken) {
      drain_counter(timer_fd_.get());
      armed_at_.reset();  // it fired: re-arm below for the next deadline
      continue;
    }
    auto it = watchers_.find(token);
    if (it == watchers_.end()) continue;  // unwatched by an earlier callback in this batch
    // Keep the callback alive even if it unwatches itself.
    std::shared_ptr<std::function<void(uint32_t)>> cb = it->second.callback;
    (*cb)(from_epoll(events[i].events));
    ++ran;
  }
  ran += run_due_timers();
  ran += run_posted();
  arm_timerfd();
  return ran;
}

}  // namespace tern::net

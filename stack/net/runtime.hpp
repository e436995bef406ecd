#pragma once
// Runtime: N event loops, each on its own thread. Connections are assigned to one loop for life
// (DESIGN.md "Threading"): all of a connection's protocol state is touched only on that thread.
#include <atomic>
#include <cstddef>
#include <memory>
#include <thread>
#include <vector>

#include "common/error.hpp"
#include "net/event_loop.hpp"

namespace tern::net {

class Runtime {
 public:
  // Creates `threads` loops (at least 1) and starts a thread running each.
  // Errors: as EventLoop::create().
  static Result<std::unique_ptr<Runtime>> start(size_t threads);
  // Stops every loop and joins the threads.
  ~Runtime();
  Runtime(const Runtime&) = delete;
  Runtime& operator=(const Runtime&) = delete;

  size_t size() const { return loops_.size(); }
  EventLoop& loop(size_t index) { return *loops_.at(index); }
  // The loop a new connection should live on (round-robin; thread-safe).
  EventLoop& assign();
  // Thread-safe, idempotent: asks every loop to stop and joins the threads. Must not be called
  // from one of the runtime's own loops (a thread cannot join itself).
  void stop();

 private:
  Runtime() = default;
  std::vector<std::unique_ptr<EventLoop>> loops_;
  std::vector<std::thread> threads_;
  std::atomic<size_t> next_{0};
  std::atomic<bool> stopped_{false};
};

}  // namespace tern::net

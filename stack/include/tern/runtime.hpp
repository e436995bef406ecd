#pragma once
// tern/runtime.hpp: the event loops PeerConnections run on.
//
// A Runtime owns a few threads, each running one event loop (epoll + timers). Every
// PeerConnection is assigned to one loop for its whole life: all of its protocol state (ICE,
// DTLS, SCTP, RTP) is touched only on that thread, and its callbacks (and those of its data
// channels and tracks) are delivered there. One runtime can carry thousands of connections; most
// programs create one at start-up and share it.
//
//   auto runtime = tern::Runtime::create().value();        // 1 loop thread
//   auto pc = tern::PeerConnection::create(runtime, config).value();
//
// Threading: create() and stop() may be called from any thread except a loop thread of this
// runtime (a thread cannot join itself). Connections keep their runtime alive (they hold a
// shared_ptr), so a runtime is destroyed after its last connection.
#include <cstddef>
#include <cstdint>
#include <functional>
#include <memory>

#include "tern/error.hpp"

namespace tern {

struct RuntimeOptions {
  size_t threads = 1;  // event-loop threads (at least 1); connections are spread round-robin
};

class Runtime {
 public:
  class Impl;

  // Starts the loop threads. Errors: kOperation when the OS refuses a thread, an epoll set or an
  // eventfd (the message says which); kInvalidParameter for threads == 0.
  static RtcResult<std::shared_ptr<Runtime>> create(RuntimeOptions options = {});

  explicit Runtime(std::shared_ptr<Impl> impl);
  // Stops the loops (as stop()) if still running.
  ~Runtime();
  Runtime(const Runtime&) = delete;
  Runtime& operator=(const Runtime&) = delete;

  size_t threads() const;
  // Runs `task` on one of the loop threads, soon (thread-safe). Useful to serialise application
  // work with connection callbacks. Tasks posted after stop() are dropped.
  void post(std::function<void()> task);
  // Closes every connection still open on this runtime (as PeerConnection::close()), stops the
  // loops and joins their threads. Idempotent. No callback runs after stop() returns.
  void stop();

  // For the implementation (tern::peer) only.
  Impl& impl() const { return *impl_; }

 private:
  std::shared_ptr<Impl> impl_;
};

}  // namespace tern

#include "net/runtime.hpp"

#include "common/assert.hpp"

namespace tern::net {

Result<std::unique_ptr<Runtime>> Runtime::start(size_t threads) {
  if (threads == 0) threads = 1;
  std::unique_ptr<Runtime> rt(new Runtime());
  for (size_t i = 0; i < threads; ++i) {
    Result<std::unique_ptr<EventLoop>> loop = EventLoop::create();
    if (!loop) return loop.error();
    rt->loops_.push_back(std::move(*loop));
  }
  for (auto& loop : rt->loops_) {
    EventLoop* l = loop.get();
    rt->threads_.emplace_back([l] { l->run(); });
  }
  return rt;
}

Runtime::~Runtime() { stop(); }

EventLoop& Runtime::assign() {
  return *loops_[next_.fetch_add(1, std::memory_order_relaxed) % loops_.size()];
}

void Runtime::stop() {
  if (stopped_.exchange(true)) return;
  for (auto& loop : loops_) {
    TERN_ASSERT(!loop->is_in_loop_thread(), "Runtime::stop() called from one of its own loops");
    loop->stop();
  }
  for (std::thread& t : threads_)
    if (t.joinable()) t.join();
}

}  // namespace tern::net

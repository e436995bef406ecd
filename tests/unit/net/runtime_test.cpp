// Runtime: N loops on N threads; connections assigned round-robin; posting across loops.
#include <catch2/catch.hpp>

#include <atomic>
#include <chrono>
#include <mutex>
#include <set>
#include <thread>

#include "net/runtime.hpp"

namespace tern::net {
namespace {

TEST_CASE("a runtime runs each loop on its own thread", "[net][runtime]") {
  auto rt = Runtime::start(3);
  REQUIRE(rt.ok());
  REQUIRE((*rt)->size() == 3);
  std::mutex m;
  std::set<std::thread::id> threads;
  std::atomic<int> done{0};
  for (size_t i = 0; i < 3; ++i) {
    EventLoop& loop = (*rt)->loop(i);
    loop.post([&] {
      std::lock_guard<std::mutex> lock(m);
      threads.insert(std::this_thread::get_id());
      ++done;
    });
  }
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(5);
  while (done < 3 && std::chrono::steady_clock::now() < deadline)
    std::this_thread::sleep_for(std::chrono::milliseconds(1));
  REQUIRE(done == 3);
  CHECK(threads.size() == 3);
  CHECK(threads.count(std::this_thread::get_id()) == 0);
  (*rt)->stop();
  (*rt)->stop();  // idempotent
}

TEST_CASE("assign() spreads connections round-robin", "[net][runtime]") {
  auto rt = Runtime::start(2);
  REQUIRE(rt.ok());
  EventLoop* a = &(*rt)->assign();
  EventLoop* b = &(*rt)->assign();
  EventLoop* c = &(*rt)->assign();
  CHECK(a != b);
  CHECK(a == c);
}

TEST_CASE("a timer on a runtime loop fires and hops to another loop", "[net][runtime]") {
  auto rt = Runtime::start(2);
  REQUIRE(rt.ok());
  std::atomic<bool> hopped{false};
  EventLoop& first = (*rt)->loop(0);
  EventLoop& second = (*rt)->loop(1);
  first.post([&] {
    first.add_timer(Duration::millis(5), [&] {
      second.post([&] { hopped = second.is_in_loop_thread(); });
    });
  });
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(5);
  while (!hopped && std::chrono::steady_clock::now() < deadline)
    std::this_thread::sleep_for(std::chrono::milliseconds(1));
  CHECK(hopped);
  // The destructor stops and joins.
}

}  // namespace
}  // namespace tern::net

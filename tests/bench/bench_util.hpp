#pragma once
// A tiny benchmark harness: run a body repeatedly for a fixed wall-clock budget, report operations
// per second, and print every result as a ratio against a baseline measured in the same run.
#include <chrono>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>

namespace tern::bench {

// Keeps the optimiser from deleting work whose result is otherwise unused.
template <class T>
inline void do_not_optimize(const T& value) {
  asm volatile("" : : "r,m"(value) : "memory");
}

struct Rate {
  double ops_per_second = 0;
  double bytes_per_second = 0;
};

// Budget per measurement in seconds; TERN_BENCH_SECONDS overrides (CI uses a short one).
inline double budget_seconds() {
  const char* env = std::getenv("TERN_BENCH_SECONDS");
  return env ? std::atof(env) : 0.5;
}

// Calls body() in batches until the budget is spent; bytes_per_op feeds the byte rate.
template <class Body>
Rate measure(Body&& body, double bytes_per_op = 0) {
  using Clock = std::chrono::steady_clock;
  const double budget = budget_seconds();
  uint64_t ops = 0;
  uint64_t batch = 1;
  const auto start = Clock::now();
  double elapsed = 0;
  while (elapsed < budget) {
    for (uint64_t i = 0; i < batch; ++i) body();
    ops += batch;
    elapsed = std::chrono::duration<double>(Clock::now() - start).count();
    if (batch < (uint64_t{1} << 20)) batch *= 2;
  }
  return {ops / elapsed, ops * bytes_per_op / elapsed};
}

// One line per result: what, its rate, the baseline's rate and the ratio (result / baseline).
inline void report(const std::string& what, Rate result, const std::string& baseline_name, Rate baseline,
                   bool bytes = false) {
  if (bytes) {
    std::printf("%-44s %10.2f GB/s   %-24s %10.2f GB/s   ratio %.2fx\n", what.c_str(),
                result.bytes_per_second / 1e9, baseline_name.c_str(), baseline.bytes_per_second / 1e9,
                result.bytes_per_second / baseline.bytes_per_second);
  } else {
    std::printf("%-44s %12.0f /s   %-24s %12.0f /s   ratio %.3fx\n", what.c_str(), result.ops_per_second,
                baseline_name.c_str(), baseline.ops_per_second, result.ops_per_second / baseline.ops_per_second);
  }
  std::fflush(stdout);
}

}  // namespace tern::bench

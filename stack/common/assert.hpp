#pragma once
// TERN_ASSERT guards internal invariants only (never remote input: that returns an Error).

namespace tern::detail {
[[noreturn]] void assert_failed(const char* condition, const char* why, const char* file, int line);
}  // namespace tern::detail

#define TERN_ASSERT(cond, why)                                               \
  do {                                                                       \
    if (!(cond)) ::tern::detail::assert_failed(#cond, why, __FILE__, __LINE__); \
  } while (false)

#pragma once
// Helpers shared by the srtp unit tests.
#include <cstdint>
#include <string_view>
#include <vector>

#include "common/hex.hpp"

namespace tern::srtp::test {

// Hex (RFC layout: spaces, line breaks) to bytes; a malformed literal is a test bug.
inline std::vector<uint8_t> hex(std::string_view text) {
  auto r = from_hex(text);
  TERN_ASSERT(r.ok(), "bad hex literal in a test");
  return *r;
}

}  // namespace tern::srtp::test

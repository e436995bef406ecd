// Fuzzes the ICE candidate parser (RFC 8839 §5.1 as ice::parse_candidate reads it). Properties:
// no crash, hang or over-read on any input; a parsed candidate serializes to a string that parses
// back to an equal candidate, and serializing that again gives the same string.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "ice/candidate.hpp"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  auto parsed = tern::ice::parse_candidate(text);
  if (!parsed) return 0;
  const std::string once = tern::ice::serialize(*parsed);
  auto again = tern::ice::parse_candidate(once);
  if (!again || !(*again == *parsed)) __builtin_trap();
  if (tern::ice::serialize(*again) != once) __builtin_trap();
  (void)tern::ice::describe(*again);
  return 0;
}

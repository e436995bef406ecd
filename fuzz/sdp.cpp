// Fuzz target: RFC 8866 session descriptions. Any input must parse or fail cleanly; a parsed
// description must serialize to text that parses back to an equal description and serializes
// to the same bytes again.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "sdp/describe.hpp"
#include "sdp/session_description.hpp"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  auto first = tern::sdp::parse(text);
  if (!first) return 0;
  const std::string written = tern::sdp::serialize(*first);
  // LF input grows by one byte per line when written with CRLF; past the size limit the second
  // parse is rightly refused.
  if (written.size() > tern::sdp::kMaxDescriptionSize) return 0;
  auto second = tern::sdp::parse(written);
  if (!second) __builtin_trap();
  if (!(*second == *first)) __builtin_trap();
  if (tern::sdp::serialize(*second) != written) __builtin_trap();
  // The typed views must cope with whatever parse() accepted.
  const std::string dump = tern::sdp::describe(*first);
  if (dump.empty()) __builtin_trap();
  return 0;
}

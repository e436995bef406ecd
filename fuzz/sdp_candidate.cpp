// Fuzz target: ICE candidate strings (RFC 8839 §5.1, trickled per RFC 8840). A parsed candidate
// must serialize to a trickle string that parses back to an equal candidate and serializes to the
// same bytes again.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "sdp/candidate.hpp"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  auto first = tern::sdp::parse_candidate(text);
  if (!first) return 0;
  const std::string written = tern::sdp::serialize_trickle(*first);
  auto second = tern::sdp::parse_candidate(written);
  if (!second) __builtin_trap();
  if (!(*second == *first)) __builtin_trap();
  if (tern::sdp::serialize_trickle(*second) != written) __builtin_trap();
  // The attribute-value form parses to the same candidate.
  auto value = tern::sdp::parse_candidate_value(tern::sdp::serialize(*first));
  if (!value || !(*value == *first)) __builtin_trap();
  return 0;
}

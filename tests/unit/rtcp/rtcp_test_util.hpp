#pragma once
// Shared helpers for the RTCP tests: hex in, round trip, error matching.
#include <catch2/catch.hpp>

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "common/hex.hpp"
#include "rtcp/compound.hpp"

namespace tern::rtcp::test {

inline std::vector<uint8_t> hex(std::string_view text) {
  Result<std::vector<uint8_t>> r = from_hex(text);
  REQUIRE(r.ok());
  return std::move(r).value();
}

inline std::string hex_of(std::span<const uint8_t> b) { return to_hex(b); }

// The spec round trip for one packet type:
//   built value -> serialize -> the hand-written bytes -> parse -> the same value -> same bytes.
template <class T>
void check_round_trip(const T& built, std::string_view expected_hex, uint8_t padding = 0) {
  const std::vector<uint8_t> expected = hex(expected_hex);
  // encode
  std::vector<uint8_t> out(serialized_size(built, padding));
  REQUIRE(out.size() == expected.size());
  Result<size_t> n = serialize(built, std::span<uint8_t>(out), padding);
  REQUIRE(n.ok());
  CHECK(*n == expected.size());
  CHECK(hex_of(out) == hex_of(expected));
  // decode
  Result<std::vector<Packet>> parsed = parse_compound(expected);
  if (!parsed) FAIL(parsed.error().to_string());
  REQUIRE(parsed->size() == 1);
  CHECK((*parsed)[0].padding == padding);
  const T* value = std::get_if<T>(&(*parsed)[0].body);
  REQUIRE(value != nullptr);
  CHECK(*value == built);
  // re-encode the decoded value
  std::vector<uint8_t> again(serialized_size((*parsed)[0]));
  Result<size_t> m = serialize_compound(*parsed, again);
  REQUIRE(m.ok());
  CHECK(hex_of(again) == hex_of(expected));
}

// Parses `hex_text` as a compound and checks it fails with `code` (and position when given).
template <class E>
void check_parse_error(std::string_view hex_text, E code, ParseOptions options = {}, int64_t position = -1) {
  const std::vector<uint8_t> bytes = hex(hex_text);
  Result<std::vector<Packet>> parsed = parse_compound(bytes, options);
  REQUIRE_FALSE(parsed.ok());
  INFO(parsed.error().to_string());
  CHECK(parsed.error().is(code));
  CHECK(std::string(parsed.error().detail()).size() > 0);
  if (position >= 0) CHECK(parsed.error().position() == static_cast<uint32_t>(position));
}

}  // namespace tern::rtcp::test

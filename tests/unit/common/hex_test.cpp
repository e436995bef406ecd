// to_hex / from_hex: round trips, the accepted paste formats, and the errors.
#include <catch2/catch.hpp>

#include <string>
#include <vector>

#include "common/hex.hpp"
#include "common/rng.hpp"

using tern::from_hex;
using tern::HexErrc;
using tern::to_hex;

TEST_CASE("hex: to_hex is lower case without separators", "[hex]") {
  const std::vector<uint8_t> bytes = {0x00, 0x01, 0xAB, 0xCD, 0xEF, 0xFF};
  CHECK(to_hex(bytes) == "0001abcdefff");
  CHECK(to_hex({}).empty());
}

TEST_CASE("hex: round trip of random bytes", "[hex]") {
  tern::SeededRng rng(16);
  for (size_t len : {0, 1, 2, 31, 256}) {
    std::vector<uint8_t> bytes(len);
    rng.fill(bytes);
    const std::string text = to_hex(bytes);
    CHECK(text.size() == 2 * len);
    auto back = from_hex(text);
    REQUIRE(back.ok());
    CHECK(*back == bytes);
  }
}

TEST_CASE("hex: from_hex accepts pasted RFC and Wireshark formats", "[hex]") {
  struct Row {
    const char* text;
    std::vector<uint8_t> bytes;
  };
  const Row rows[] = {
      {"", {}},
      {"00ff", {0x00, 0xff}},
      {"DEADbeef", {0xde, 0xad, 0xbe, 0xef}},
      {"de ad\tbe\nef\r\n", {0xde, 0xad, 0xbe, 0xef}},          // whitespace anywhere
      {"de:ad:be:ef", {0xde, 0xad, 0xbe, 0xef}},                // colon separators
      {"0x0102 0x0304", {0x01, 0x02, 0x03, 0x04}},              // a "0x" prefix per token
      {"0X0a", {0x0a}},
      {"0x", {}},
      {"0 1", {0x01}},  // separators between the digits of one byte are ignored
  };
  for (const Row& r : rows) {
    INFO('"' << r.text << '"');
    auto got = from_hex(r.text);
    REQUIRE(got.ok());
    CHECK(*got == r.bytes);
  }
}

TEST_CASE("hex: from_hex errors name the problem and where", "[hex]") {
  struct Row {
    const char* text;
    HexErrc code;
    uint32_t position;
  };
  const Row rows[] = {
      {"abc", HexErrc::kOddLength, 0},
      {"0x1", HexErrc::kOddLength, 0},
      {"zz", HexErrc::kBadDigit, 0},
      {"00g0", HexErrc::kBadDigit, 2},
      {"10x2", HexErrc::kBadDigit, 2},  // "0x" mid-byte is not a prefix
      {"ab-cd", HexErrc::kBadDigit, 2},
  };
  for (const Row& r : rows) {
    INFO('"' << r.text << '"');
    auto got = from_hex(r.text);
    REQUIRE_FALSE(got.ok());
    CHECK(got.error().is(r.code));
    CHECK(got.error().position() == r.position);
  }
  CHECK(from_hex("q").error().to_string() == "hex kBadDigit: not a hex digit");
  CHECK(from_hex("123").error().to_string() == "hex kOddLength: odd number of hex digits");
}

// ByteReader: big-endian reads, bounds, sticky failure, sub-readers; load_be*/store_be*.
#include <catch2/catch.hpp>

#include <array>
#include <cstdint>

#include "common/byte_reader.hpp"

using tern::ByteReader;

namespace {
constexpr std::array<uint8_t, 24> kBytes = {0x01, 0x02, 0x03, 0x04, 0x05, 0x06, 0x07, 0x08, 0x09, 0x0a, 0x0b, 0x0c,
                                            0x0d, 0x0e, 0x0f, 0x10, 0x11, 0x12, 0x13, 0x14, 0x15, 0x16, 0x17, 0xff};
}  // namespace

TEST_CASE("ByteReader: reads big-endian integers of every width in order", "[byte_reader]") {
  ByteReader r(kBytes);
  CHECK(r.size() == 24);
  CHECK(r.u8() == 0x01);
  CHECK(r.u16() == 0x0203);
  CHECK(r.u24() == 0x040506);
  CHECK(r.u32() == 0x0708090au);
  CHECK(r.u48() == 0x0b0c0d0e0f10ull);
  CHECK(r.position() == 16);
  CHECK(r.remaining() == 8);
  CHECK(r.u64() == 0x11121314151617ffull);
  CHECK(r.ok());
  CHECK(r.empty());
  CHECK(r.rest().empty());
}

TEST_CASE("ByteReader: a read past the end returns zero and fails for good", "[byte_reader]") {
  ByteReader r(std::span<const uint8_t>(kBytes).first(5));
  CHECK(r.u32() == 0x01020304u);
  CHECK(r.ok());
  CHECK(r.u16() == 0);  // only 1 byte left: nothing is read
  CHECK_FALSE(r.ok());
  CHECK(r.position() == 4);  // a failed read does not move
  CHECK(r.remaining() == 0);
  CHECK(r.empty());
  CHECK(r.rest().empty());
  // Sticky: a read that would have fitted before the failure still fails.
  CHECK(r.u8() == 0);
  CHECK_FALSE(r.ok());
  CHECK(r.bytes(1).empty());
  CHECK_FALSE(r.has(0));
}

TEST_CASE("ByteReader: reads exactly to the end succeed; one more byte fails", "[byte_reader]") {
  ByteReader r(std::span<const uint8_t>(kBytes).first(3));
  CHECK(r.u24() == 0x010203u);
  CHECK(r.ok());
  CHECK(r.empty());
  CHECK(r.has(0));
  CHECK_FALSE(r.has(1));
  CHECK(r.u8() == 0);
  CHECK_FALSE(r.ok());
}

TEST_CASE("ByteReader: empty input", "[byte_reader]") {
  ByteReader r;
  CHECK(r.ok());
  CHECK(r.empty());
  CHECK(r.bytes(0).empty());
  CHECK(r.ok());  // taking 0 bytes always fits
  CHECK(r.u8() == 0);
  CHECK_FALSE(r.ok());
}

TEST_CASE("ByteReader: has() and peek_u8() look without consuming or failing", "[byte_reader]") {
  ByteReader r(std::span<const uint8_t>(kBytes).first(4));
  CHECK(r.has(4));
  CHECK_FALSE(r.has(5));
  CHECK_FALSE(r.has(SIZE_MAX));  // no overflow in the bounds check
  CHECK(r.peek_u8() == 0x01);
  CHECK(r.peek_u8(3) == 0x04);
  CHECK(r.peek_u8(4) == 0);  // out of range: 0, reader still fine
  CHECK(r.ok());
  CHECK(r.position() == 0);
}

TEST_CASE("ByteReader: bytes() and chars() are views into the input", "[byte_reader]") {
  const uint8_t text[] = {'a', 'b', 'c', 'd', 'e'};
  ByteReader r(text);
  auto b = r.bytes(2);
  REQUIRE(b.size() == 2);
  CHECK(b.data() == text);  // no copy
  CHECK(r.chars(3) == "cde");
  CHECK(r.ok());
  CHECK(r.bytes(SIZE_MAX).empty());  // a huge length fails cleanly, no wrap-around
  CHECK_FALSE(r.ok());
}

TEST_CASE("ByteReader: skip(), rest() and fail()", "[byte_reader]") {
  ByteReader r(kBytes);
  r.skip(20);
  CHECK(r.position() == 20);
  REQUIRE(r.rest().size() == 4);
  CHECK(r.rest()[0] == 0x15);
  r.skip(5);
  CHECK_FALSE(r.ok());

  ByteReader s(kBytes);
  s.fail();  // a parser's semantic error
  CHECK_FALSE(s.ok());
  CHECK(s.u8() == 0);
}

TEST_CASE("ByteReader: sub() bounds a nested structure", "[byte_reader]") {
  ByteReader r(kBytes);
  r.skip(1);
  ByteReader sub = r.sub(4);  // 02 03 04 05
  CHECK(r.position() == 5);   // the parent moved past the sub-range
  CHECK(sub.size() == 4);
  CHECK(sub.u16() == 0x0203);
  CHECK(sub.u32() == 0);  // past the sub-range's end: fails the sub-reader only
  CHECK_FALSE(sub.ok());
  CHECK(r.ok());
  CHECK(r.u8() == 0x06);

  SECTION("a sub-range longer than what is left fails both") {
    ByteReader too_long = r.sub(100);
    CHECK_FALSE(too_long.ok());
    CHECK(too_long.empty());
    CHECK_FALSE(r.ok());
  }
  SECTION("a sub-reader of a failed reader is failed") {
    r.fail();
    ByteReader s = r.sub(0);
    CHECK_FALSE(s.ok());
  }
}

TEST_CASE("load_be*/store_be*: network byte order round trips", "[byte_reader]") {
  uint8_t buf[8] = {};
  tern::store_be16(buf, 0xA1B2);
  CHECK(buf[0] == 0xA1);
  CHECK(buf[1] == 0xB2);
  CHECK(tern::load_be16(buf) == 0xA1B2);
  tern::store_be24(buf, 0x00C1D2E3);
  CHECK(buf[0] == 0xC1);
  CHECK(buf[2] == 0xE3);
  CHECK(tern::load_be24(buf) == 0xC1D2E3u);
  tern::store_be32(buf, 0xDEADBEEFu);
  CHECK(buf[0] == 0xDE);
  CHECK(buf[3] == 0xEF);
  CHECK(tern::load_be32(buf) == 0xDEADBEEFu);
  tern::store_be64(buf, 0x0102030405060708ull);
  CHECK(buf[0] == 0x01);
  CHECK(buf[7] == 0x08);
  CHECK(tern::load_be64(buf) == 0x0102030405060708ull);
  tern::store_be24(buf, 0xFF123456u);  // only the low 24 bits are stored
  CHECK(tern::load_be24(buf) == 0x123456u);
}

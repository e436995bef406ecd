// ByteWriter: big-endian writes into a caller buffer, sticky failure, reserve + patch.
#include <catch2/catch.hpp>

#include <array>
#include <cstdint>
#include <vector>

#include "common/byte_reader.hpp"
#include "common/byte_writer.hpp"

using tern::ByteWriter;

namespace {
std::vector<uint8_t> as_vector(std::span<const uint8_t> s) { return {s.begin(), s.end()}; }
}  // namespace

TEST_CASE("ByteWriter: writes big-endian integers and bytes in order", "[byte_writer]") {
  std::array<uint8_t, 32> buf{};
  ByteWriter w(buf);
  w.u8(0x01);
  w.u16(0x0203);
  w.u24(0x040506);
  w.u32(0x0708090a);
  w.u64(0x0b0c0d0e0f101112ull);
  const uint8_t tail[] = {0x13, 0x14};
  w.bytes(tail);
  w.chars("AB");
  w.zeros(2);
  CHECK(w.ok());
  CHECK(w.position() == 24);
  CHECK(w.remaining() == 8);
  CHECK(as_vector(w.written()) == std::vector<uint8_t>{0x01, 0x02, 0x03, 0x04, 0x05, 0x06, 0x07, 0x08,
                                                       0x09, 0x0a, 0x0b, 0x0c, 0x0d, 0x0e, 0x0f, 0x10,
                                                       0x11, 0x12, 0x13, 0x14, 'A',  'B',  0x00, 0x00});
  // The written bytes read back with ByteReader.
  tern::ByteReader r(w.written());
  CHECK(r.u8() == 0x01);
  CHECK(r.u16() == 0x0203);
  CHECK(r.u24() == 0x040506u);
  CHECK(r.u32() == 0x0708090au);
  CHECK(r.u64() == 0x0b0c0d0e0f101112ull);
}

TEST_CASE("ByteWriter: a write that does not fit writes nothing and fails for good", "[byte_writer]") {
  std::array<uint8_t, 5> buf{};
  buf.fill(0xEE);
  ByteWriter w(buf);
  w.u32(0x01020304);
  CHECK(w.ok());
  w.u16(0xAAAA);  // 2 bytes into 1: nothing written
  CHECK_FALSE(w.ok());
  CHECK(buf[4] == 0xEE);
  CHECK(w.position() == 4);
  CHECK(w.remaining() == 0);
  w.u8(0xBB);  // would fit, but the writer has failed
  CHECK(buf[4] == 0xEE);
  CHECK_FALSE(w.ok());
}

TEST_CASE("ByteWriter: filling the buffer exactly is fine", "[byte_writer]") {
  std::array<uint8_t, 4> buf{};
  ByteWriter w(buf);
  w.u32(0xCAFEF00D);
  CHECK(w.ok());
  CHECK(w.remaining() == 0);
  w.bytes({});  // empty writes always fit
  CHECK(w.ok());
  w.zeros(1);
  CHECK_FALSE(w.ok());
}

TEST_CASE("ByteWriter: oversized bytes()/zeros() fail without wrap-around", "[byte_writer]") {
  std::array<uint8_t, 4> buf{};
  ByteWriter w(buf);
  w.u8(1);
  // volatile: keeps the compiler from constant-folding SIZE_MAX into memset and warning about it.
  volatile size_t huge = SIZE_MAX;
  w.zeros(huge);
  CHECK_FALSE(w.ok());
  CHECK(w.position() == 1);
}

TEST_CASE("ByteWriter: reserve() then patch a length known only at the end", "[byte_writer]") {
  std::array<uint8_t, 16> buf{};
  ByteWriter w(buf);
  w.u16(0x0001);
  const size_t len16 = w.reserve(2);
  const size_t len32 = w.reserve(4);
  CHECK(len16 == 2);
  CHECK(len32 == 4);
  w.chars("body");
  w.patch_u16(len16, 0x1234);
  w.patch_u32(len32, 0xA1B2C3D4u);
  CHECK(w.ok());
  CHECK(as_vector(w.written()) ==
        std::vector<uint8_t>{0x00, 0x01, 0x12, 0x34, 0xA1, 0xB2, 0xC3, 0xD4, 'b', 'o', 'd', 'y'});

  SECTION("patching bytes not yet written fails the writer") {
    w.patch_u16(11, 0xFFFF);  // bytes 11..12, but only 12 written
    CHECK_FALSE(w.ok());
    CHECK(buf[11] == 'y');
  }
  SECTION("patch_u32 past the written range fails") {
    w.patch_u32(9, 0);
    CHECK_FALSE(w.ok());
  }
  SECTION("reserve() that does not fit fails") {
    w.reserve(5);
    CHECK_FALSE(w.ok());
  }
}

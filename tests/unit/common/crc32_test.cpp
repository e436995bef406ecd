// CRC-32 (STUN FINGERPRINT) and CRC-32c (SCTP): check values, RFC 3720 vectors, and every
// implementation (bytewise reference, slicing-by-8, SIMD, dispatched) against the others.
#include <catch2/catch.hpp>

#include <cstdlib>
#include <cstring>
#include <string>
#include <string_view>
#include <vector>

#include "common/byte_reader.hpp"
#include "common/crc32.hpp"
#include "common/crc32_math.hpp"
#include "common/hex.hpp"
#include "common/rng.hpp"

namespace {

using tern::crc32;
using tern::crc32c;
using CrcFn = uint32_t (*)(std::span<const uint8_t>, uint32_t);

std::span<const uint8_t> bytes_of(std::string_view s) { return {reinterpret_cast<const uint8_t*>(s.data()), s.size()}; }

std::vector<uint8_t> hex(std::string_view text) {
  auto r = tern::from_hex(text);
  REQUIRE(r.ok());
  return *r;
}

struct Impl {
  const char* name;
  CrcFn fn;
};

// Every implementation this machine can run, reference first.
std::vector<Impl> crc32_impls() {
  std::vector<Impl> v{{"bytewise", &tern::crc32_bytewise}, {"slice-by-8", &tern::crc32_scalar}, {"dispatched", &tern::crc32}};
  if (tern::crc32_pclmul_supported()) v.push_back({"pclmul", &tern::crc32_pclmul});
  return v;
}
std::vector<Impl> crc32c_impls() {
  std::vector<Impl> v{{"bytewise", &tern::crc32c_bytewise}, {"slice-by-8", &tern::crc32c_scalar}, {"dispatched", &tern::crc32c}};
  if (tern::crc32c_sse42_supported()) v.push_back({"sse4.2", &tern::crc32c_sse42});
  return v;
}

bool scalar_forced() {
  const char* v = std::getenv("TERN_FORCE_SCALAR_CRC");
  return v != nullptr && *v != '\0' && std::strcmp(v, "0") != 0;
}

}  // namespace

TEST_CASE("crc: check values of \"123456789\"", "[crc]") {
  // The "check" value of each CRC catalogue entry: CRC-32/ISO-HDLC and CRC-32/ISCSI (Castagnoli).
  for (const Impl& impl : crc32_impls()) {
    INFO(impl.name);
    CHECK(impl.fn(bytes_of("123456789"), 0) == 0xCBF43926u);
  }
  for (const Impl& impl : crc32c_impls()) {
    INFO(impl.name);
    CHECK(impl.fn(bytes_of("123456789"), 0) == 0xE3069283u);
  }
}

TEST_CASE("crc: empty input returns the running value unchanged", "[crc]") {
  for (const Impl& impl : crc32_impls()) {
    INFO(impl.name);
    CHECK(impl.fn({}, 0) == 0u);
    CHECK(impl.fn({}, 0xDEADBEEFu) == 0xDEADBEEFu);
  }
  for (const Impl& impl : crc32c_impls()) {
    INFO(impl.name);
    CHECK(impl.fn({}, 0) == 0u);
    CHECK(impl.fn({}, 0x12345678u) == 0x12345678u);
  }
}

TEST_CASE("crc32c: RFC 3720 Appendix B.4 examples", "[crc]") {
  // RFC 3720 B.4 prints the CRC as the 4 bytes sent on the wire, least significant byte first.
  struct Vector {
    const char* name;
    std::vector<uint8_t> data;
    const char* crc_bytes;
  };
  std::vector<uint8_t> zeros(32, 0x00);
  std::vector<uint8_t> ones(32, 0xff);
  std::vector<uint8_t> incrementing(32);
  std::vector<uint8_t> decrementing(32);
  for (size_t i = 0; i < 32; ++i) {
    incrementing[i] = static_cast<uint8_t>(i);
    decrementing[i] = static_cast<uint8_t>(31 - i);
  }
  const std::vector<Vector> vectors = {
      {"32 bytes of zeroes", zeros, "aa 36 91 8a"},
      {"32 bytes of ones", ones, "43 ab a8 62"},
      {"32 bytes of incrementing 00..1f", incrementing, "4e 79 dd 46"},
      {"32 bytes of decrementing 1f..00", decrementing, "5c db 3f 11"},
      {"An iSCSI - SCSI Read (10) Command PDU",
       hex("01 c0 00 00"
           "00 00 00 00"
           "00 00 00 00"
           "00 00 00 00"
           "14 00 00 00"
           "00 00 04 00"
           "00 00 00 14"
           "00 00 00 18"
           "28 00 00 00"
           "00 00 00 00"
           "02 00 00 00"
           "00 00 00 00"),
       "56 3a 96 d9"},
  };
  for (const Vector& v : vectors) {
    const std::vector<uint8_t> wire = hex(v.crc_bytes);
    const uint32_t expected = uint32_t{wire[0]} | uint32_t{wire[1]} << 8 | uint32_t{wire[2]} << 16 | uint32_t{wire[3]} << 24;
    for (const Impl& impl : crc32c_impls()) {
      INFO(v.name << " via " << impl.name);
      CHECK(impl.fn(v.data, 0) == expected);
    }
  }
  CHECK(crc32c(zeros) == 0x8A9136AAu);
}

TEST_CASE("crc: all implementations agree for every length 0..4096 and alignment 0..15", "[crc]") {
  tern::SeededRng rng(3720);
  std::vector<uint8_t> buffer(4096 + 16);
  rng.fill(buffer);
  const auto c32 = crc32_impls();
  const auto c32c = crc32c_impls();
  size_t mismatches = 0;
  for (size_t offset = 0; offset < 16; ++offset) {
    for (size_t len = 0; len <= 4096; ++len) {
      const std::span<const uint8_t> data(buffer.data() + offset, len);
      // A non-zero starting value exercises the register injection of the SIMD kernels too.
      const uint32_t start = static_cast<uint32_t>(len * 0x9E3779B1u);
      const uint32_t ref32 = c32[0].fn(data, start);
      const uint32_t ref32c = c32c[0].fn(data, start);
      for (size_t i = 1; i < c32.size(); ++i) {
        if (c32[i].fn(data, start) != ref32 && ++mismatches <= 5) {
          FAIL_CHECK("crc32 " << c32[i].name << " differs at length " << len << " offset " << offset);
        }
      }
      for (size_t i = 1; i < c32c.size(); ++i) {
        if (c32c[i].fn(data, start) != ref32c && ++mismatches <= 5) {
          FAIL_CHECK("crc32c " << c32c[i].name << " differs at length " << len << " offset " << offset);
        }
      }
    }
  }
  CHECK(mismatches == 0);
}

TEST_CASE("crc: long buffers (several SIMD blocks, odd tails) agree with the reference", "[crc]") {
  tern::SeededRng rng(9260);
  std::vector<uint8_t> buffer(70000 + 16);  // room for the largest length at every offset
  rng.fill(buffer);
  // Around the CRC-32c 3-way block cap (3 x 2 KiB) and the 64-byte folding stride.
  for (size_t len : {6143, 6144, 6145, 6167, 12288, 12311, 18432 + 13, 65536, 65536 + 7, 69999}) {
    for (size_t offset : {0, 1, 7, 13}) {
      const std::span<const uint8_t> data(buffer.data() + offset, len);
      INFO("length " << len << " offset " << offset);
      const uint32_t ref32 = tern::crc32_bytewise(data);
      const uint32_t ref32c = tern::crc32c_bytewise(data);
      for (const Impl& impl : crc32_impls()) CHECK(impl.fn(data, 0) == ref32);
      for (const Impl& impl : crc32c_impls()) CHECK(impl.fn(data, 0) == ref32c);
    }
  }
}

TEST_CASE("crc: chained computation equals one shot", "[crc]") {
  tern::SeededRng rng(8489);
  std::vector<uint8_t> buffer(3000);
  rng.fill(buffer);
  const std::span<const uint8_t> all(buffer);

  SECTION("every split point of short buffers, every implementation") {
    for (size_t len : {0, 1, 15, 16, 17, 63, 64, 65, 200, 500}) {
      const auto data = all.first(len);
      for (const Impl& impl : crc32_impls()) {
        const uint32_t whole = impl.fn(data, 0);
        for (size_t cut = 0; cut <= len; ++cut) {
          INFO("crc32 " << impl.name << " length " << len << " cut " << cut);
          REQUIRE(impl.fn(data.subspan(cut), impl.fn(data.first(cut), 0)) == whole);
        }
      }
      for (const Impl& impl : crc32c_impls()) {
        const uint32_t whole = impl.fn(data, 0);
        for (size_t cut = 0; cut <= len; ++cut) {
          INFO("crc32c " << impl.name << " length " << len << " cut " << cut);
          REQUIRE(impl.fn(data.subspan(cut), impl.fn(data.first(cut), 0)) == whole);
        }
      }
    }
  }

  SECTION("many random pieces, implementations mixed from piece to piece") {
    const auto c32 = crc32_impls();
    const auto c32c = crc32c_impls();
    for (int round = 0; round < 50; ++round) {
      uint32_t r32 = 0;
      uint32_t r32c = 0;
      size_t at = 0;
      while (at < all.size()) {
        const size_t n = std::min<size_t>(rng.uniform(700), all.size() - at);
        const auto piece = all.subspan(at, n);
        r32 = c32[rng.uniform(static_cast<uint32_t>(c32.size()))].fn(piece, r32);
        r32c = c32c[rng.uniform(static_cast<uint32_t>(c32c.size()))].fn(piece, r32c);
        at += n;
      }
      REQUIRE(r32 == tern::crc32_bytewise(all));
      REQUIRE(r32c == tern::crc32c_bytewise(all));
    }
  }
}

TEST_CASE("crc: detects single-bit errors", "[crc]") {
  // A CRC with a generator that has more than one term catches every single-bit error.
  std::vector<uint8_t> packet(1200, 0x5a);
  const uint32_t good32 = crc32(packet);
  const uint32_t good32c = crc32c(packet);
  for (size_t bit = 0; bit < packet.size() * 8; bit += 37) {
    packet[bit / 8] ^= static_cast<uint8_t>(1u << (bit % 8));
    CHECK(crc32(packet) != good32);
    CHECK(crc32c(packet) != good32c);
    packet[bit / 8] ^= static_cast<uint8_t>(1u << (bit % 8));
  }
  CHECK(crc32(packet) == good32);
}

TEST_CASE("crc: dispatch reports the implementation in use", "[crc]") {
  const std::string impl32 = tern::crc32_implementation();
  const std::string impl32c = tern::crc32c_implementation();
  if (scalar_forced() || !tern::crc32c_sse42_supported()) {
    CHECK(impl32 == "slice-by-8");
    CHECK(impl32c == "slice-by-8");
  } else {
    CHECK(impl32 == "pclmul");
    CHECK(impl32c == "sse4.2");
  }
  // Either way the dispatched functions compute the same CRC as the reference.
  CHECK(crc32(bytes_of("dispatch")) == tern::crc32_bytewise(bytes_of("dispatch")));
  CHECK(crc32c(bytes_of("dispatch")) == tern::crc32c_bytewise(bytes_of("dispatch")));
  CHECK(tern::crc32_pclmul_supported() == tern::crc32c_sse42_supported());
#if !defined(__x86_64__)
  CHECK_FALSE(tern::crc32c_sse42_supported());
#endif
}

TEST_CASE("crc_math: GF(2) helpers behind the tables and folding constants", "[crc]") {
  using namespace tern::crc_math;
  STATIC_REQUIRE(reflect(0x1, 32) == 0x80000000u);
  STATIC_REQUIRE(reflect(0x80000000u, 32) == 0x1u);
  STATIC_REQUIRE(reflect(0x1, 33) == (uint64_t{1} << 32));
  STATIC_REQUIRE(reflected_poly(0x04C11DB7u) == 0xEDB88320u);
  STATIC_REQUIRE(reflected_poly(0x1EDC6F41u) == 0x82F63B78u);

  constexpr uint32_t p = 0xEDB88320u;
  // x^0 and x^1 in reflected form; x^31 * x wraps to P - x^32 (the reflected generator itself).
  STATIC_REQUIRE(xpow_mod(0, p) == 0x80000000u);
  STATIC_REQUIRE(xpow_mod(1, p) == 0x40000000u);
  STATIC_REQUIRE(xpow_mod(31, p) == 0x1u);
  STATIC_REQUIRE(xpow_mod(32, p) == p);
  // Exponents add under multiplication.
  for (uint64_t a : {0u, 5u, 33u, 95u, 544u}) {
    for (uint64_t b : {1u, 31u, 64u, 480u, 1000u}) {
      CHECK(mul_mod(xpow_mod(a, p), xpow_mod(b, p), p) == xpow_mod(a + b, p));
    }
  }
  // One message byte B(x) from a zero register leaves B(x) * x^32 mod P. The byte loaded into the
  // low 8 bits of a reflected register already stands for B(x) * x^24, so that is reg(b) * x^8.
  for (uint32_t b : {1u, 0x80u, 0xA5u}) {
    const uint32_t reg_after = ~tern::crc32_bytewise(std::span<const uint8_t>(reinterpret_cast<const uint8_t*>(&b), 1), ~0u);
    CHECK(reg_after == mul_mod(b, xpow_mod(8, p), p));
  }

  // Barrett constant: x^64 = mu * P + r with deg r < 32, checked by carry-less multiplication.
  const uint64_t mu = barrett_mu(0x04C11DB7u);
  const uint64_t full_p = (uint64_t{1} << 32) | 0x04C11DB7u;
  uint64_t lo = 0;  // bits 0..63 of mu * P
  uint64_t hi = 0;  // bits 64.. of mu * P
  for (int i = 0; i <= 32; ++i) {
    if (mu & (uint64_t{1} << i)) {
      lo ^= full_p << i;
      if (i > 31) hi ^= full_p >> (64 - i);
    }
  }
  CHECK(mu >> 32 == 1);  // degree 32
  CHECK(hi == 1);        // the x^64 term
  CHECK(lo >> 32 == 0);  // what remains is the remainder: degree < 32
}

#pragma once
// GF(2) polynomial arithmetic for deriving CRC tables and SIMD folding constants at compile time.
// Internal to common/ (crc32*.cpp and the CRC tests); nothing here runs on a packet path.
//
// Two representations of a polynomial of degree < 32 appear in CRC code:
//   "normal":    bit d holds the coefficient of x^d (the way polynomials are written on paper:
//                CRC-32 is x^32 + 0x04C11DB7, CRC-32c is x^32 + 0x1EDC6F41).
//   "reflected": bit i holds the coefficient of x^(31-i). The CRCs used on the wire (STUN, SCTP)
//                feed each byte least-significant bit first, so in this form the first message bit
//                lands in bit 0 of the register and shifts stay right shifts. Every CRC register,
//                table entry and folding constant in crc32*.cpp is reflected.
// The x^32 term of a CRC generator is implied and never stored.
#include <cstdint>

namespace tern::crc_math {

// Mirrors the low `bits` bits of v (bit i <-> bit bits-1-i); higher bits are dropped.
constexpr uint64_t reflect(uint64_t v, unsigned bits) {
  uint64_t r = 0;
  for (unsigned i = 0; i < bits; ++i) {
    if (v & (uint64_t{1} << i)) r |= uint64_t{1} << (bits - 1 - i);
  }
  return r;
}

// The reflected form of a generator given in normal form (without its x^32 term).
constexpr uint32_t reflected_poly(uint32_t normal_poly) {
  return static_cast<uint32_t>(reflect(normal_poly, 32));
}

// a * x mod P, both reflected: multiplying by x moves every coefficient one degree up, which in the
// reflected layout is a right shift; the coefficient pushed out of x^31 becomes x^32 == P - x^32.
constexpr uint32_t mul_x(uint32_t a, uint32_t reflected_p) { return (a & 1) ? (a >> 1) ^ reflected_p : a >> 1; }

// a * b mod P, all reflected (schoolbook: walk b's coefficients from x^0 upwards while a
// accumulates powers of x).
constexpr uint32_t mul_mod(uint32_t a, uint32_t b, uint32_t reflected_p) {
  uint32_t r = 0;
  for (int i = 31; i >= 0; --i) {  // bit 31 of a reflected value is x^0
    if (b & (uint32_t{1} << i)) r ^= a;
    a = mul_x(a, reflected_p);
  }
  return r;
}

// x^n mod P, reflected, by square-and-multiply (n may be large).
constexpr uint32_t xpow_mod(uint64_t n, uint32_t reflected_p) {
  uint32_t result = 0x80000000u;  // x^0
  uint32_t base = 0x40000000u;    // x^1
  while (n != 0) {
    if (n & 1) result = mul_mod(result, base, reflected_p);
    base = mul_mod(base, base, reflected_p);
    n >>= 1;
  }
  return result;
}

// floor(x^64 / P) for P = x^32 + normal_poly, in normal form (33 bits: degree 32). This is the
// Barrett constant mu: for T of degree < 64, T div P == (floor(T / x^32) * mu) div x^32.
// Long division, one dividend bit at a time, keeping the 33-bit running remainder.
constexpr uint64_t barrett_mu(uint32_t normal_poly) {
  const uint64_t p = (uint64_t{1} << 32) | normal_poly;
  uint64_t rem = 0;
  uint64_t quotient = 0;
  for (int bit = 64; bit >= 0; --bit) {
    rem = (rem << 1) | (bit == 64 ? 1u : 0u);  // the dividend x^64 has a single coefficient
    quotient <<= 1;
    if (rem & (uint64_t{1} << 32)) {
      rem ^= p;
      quotient |= 1;
    }
  }
  return quotient;
}

}  // namespace tern::crc_math

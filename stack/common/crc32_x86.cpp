// SIMD CRC kernels for x86-64.
//
// The library is built for baseline x86-64: only the functions marked TERN_SIMD_TARGET may use
// SSE4.2 / PCLMULQDQ instructions, and crc32.cpp calls them only after cpu_has_sse42_pclmul().
//
// ---- Notation (see crc32_math.hpp for the reflected layout) ------------------------------------
// Both CRCs are "reflected": the first message bit is the highest-degree coefficient and sits in
// bit 0 of the first byte, so a little-endian load of message bytes puts the coefficient of degree
// t-k in bit k of the register. Call that "a register in frame t" (bit k <-> x^(t-k)):
//   - a 16-byte message chunk loaded into an XMM register is a polynomial in frame 127;
//   - a 32-bit reflected CRC value or constant is in frame 31; the same value shifted left by one
//     bit (a 33-bit field: x^32 in bit 0) is in frame 32.
// PCLMULQDQ multiplies two 64-bit lanes without carries: lane bits i and j meet in product bit i+j,
// so a lane in frame a times a lane in frame b gives the exact product in frame a+b.
// Reading a frame-f register as frame g multiplies its polynomial by x^(g-f). Every step below
// picks constants so that the frames line up, using only congruences mod P (the generator).
//
// ---- CRC-32c: crc32 instruction, three streams --------------------------------------------------
// `crc32 r64` has a latency of 3 cycles but a throughput of one per cycle, so one dependent chain
// uses a third of the unit. We split a block of 3L bytes into streams A, B, C of L bytes, run the
// three chains side by side (A from the incoming register, B and C from 0), and merge:
//     reg(A|B) = reg(A) * x^(8L) + reg(B)   (mod P)
// which holds because the raw register update is linear in (register, data). The shift by x^(8L)
// is one carry-less multiply and one crc32:
//     clmul(reg [frame 31], K [frame 31]) is reg*K in frame 62; the low 64 bits, fed to
//     crc32(0, .) as 8 message bytes, are read in frame 63 (= reg*K*x) and the instruction
//     multiplies by x^32 and reduces: result = reg * K * x^33 mod P.
// So K(L) = x^(8L - 33) mod P. kShift[w] holds it for every stream length of w 8-byte words, built
// at compile time from the generator (kShift[w] = kShift[w-1] * x^64).
//
// ---- CRC-32: PCLMULQDQ folding ------------------------------------------------------------------
// The CRC register is M(x) * x^32 mod P for the message polynomial M (with the incoming register
// XORed into the first 32 message bits). Keep an accumulator chunk X (128 bits) whose value
// X * x^32 is congruent to the processed prefix, and fold it forward over the next D bits:
//     X * x^D = X_hi * x^(D+64) + X_lo * x^D,   X_hi = lane 0 (degrees 127..64), X_lo = lane 1.
// clmul(X_hi [frame 63], C [frame 32]) is in frame 95; XORed into the next chunk it is read in
// frame 127, i.e. as X_hi * C * x^32. With C = x^(D+32) mod P that is X_hi * x^(D+64), as
// required; likewise lane 1 takes x^(D-32) mod P. The product has degree < 96, so the new chunk
// still fits 128 bits. We fold four chunks at a time (D = 512, four independent chains to hide
// the multiply latency), merge the four with D = 128, and fold any remaining 16-byte chunks
// singly. Constants: fold_constant(n) = (x^n mod P) in frame 32, computed by square-and-multiply.
//
// Final reduction of the value V = X * x^32 (degree < 160) to the 32-bit register:
//  1. 128 -> 96 bits: V = X_hi * x^96 + X_lo * x^32. X shifted right 8 bytes holds X_lo * x^32 in
//     frame 95, and clmul(X_hi [63], x^96 mod P [32]) is in frame 95 too: XOR them.
//  2. 96 -> 64 bits: the top 32 bits (register bits 0..31, frame 31) times x^64 mod P [32] land in
//     frame 63, and the rest shifted right 4 bytes is in frame 63: XOR them. Now T has degree < 64.
//  3. Barrett: q = floor(floor(T / x^32) * mu / x^32) with mu = floor(x^64 / P) (exact for
//     deg T < 64), and T mod P = (T + q * P) mod x^32. T_hi [31] * mu [32] lands in frame 63, its
//     degrees 63..32 (bits 0..31) are q in frame 31; q [31] * P [32] is in frame 63, and bits 32..63
//     of T ^ qP are degrees 31..0: the reflected CRC register.
// Tail bytes (< 16) go through the slicing-by-8 kernel, which continues from the register.
#include "common/crc32_kernels.hpp"

#if defined(__x86_64__)

#include <immintrin.h>

#include <algorithm>
#include <array>
#include <cstring>

#include "common/crc32_math.hpp"

#define TERN_SIMD_TARGET __attribute__((target("sse4.2,pclmul")))

namespace tern::crc_detail {
namespace {

constexpr uint32_t kCrc32Poly = crc_math::reflected_poly(kCrc32Normal);
constexpr uint32_t kCrc32cPoly = crc_math::reflected_poly(kCrc32cNormal);

inline uint64_t load64(const uint8_t* p) {
  uint64_t v;
  std::memcpy(&v, p, sizeof v);
  return v;
}
inline __m128i load128(const uint8_t* p) {
  __m128i v;
  std::memcpy(&v, p, sizeof v);
  return v;
}

// ---- CRC-32c -----------------------------------------------------------------------------------

// A 3-way block uses at most this many 8-byte words per stream (2 KiB), which keeps kShift small
// and the merge cost (two multiplies on the critical path) near 5% of a block.
constexpr size_t kMaxStreamWords = 256;
// Below this many words per stream (96-byte buffers), one chain is as fast as three plus a merge
// (measured: at 128..184 bytes the 3-way path takes ~25% less time than one chain).
constexpr size_t kMinStreamWords = 4;

constexpr std::array<uint32_t, kMaxStreamWords + 1> make_shift_table() {
  std::array<uint32_t, kMaxStreamWords + 1> t{};
  const uint32_t x64 = crc_math::xpow_mod(64, kCrc32cPoly);
  t[1] = crc_math::xpow_mod(64 - 33, kCrc32cPoly);
  for (size_t w = 2; w <= kMaxStreamWords; ++w) t[w] = crc_math::mul_mod(t[w - 1], x64, kCrc32cPoly);
  return t;
}
// kShift[w] = x^(64w - 33) mod P (reflected): merges streams of w words (see the top of the file).
constexpr auto kShift = make_shift_table();

// reg * x^(64w) mod P, given k = kShift[w].
TERN_SIMD_TARGET inline uint64_t shift_crc32c(uint64_t reg, uint32_t k) {
  const __m128i product = _mm_clmulepi64_si128(_mm_cvtsi64_si128(static_cast<long long>(reg)),
                                               _mm_cvtsi32_si128(static_cast<int>(k)), 0x00);
  return _mm_crc32_u64(0, static_cast<uint64_t>(_mm_cvtsi128_si64(product)));
}

// ---- CRC-32 ------------------------------------------------------------------------------------

// (x^n mod P) in frame 32: the 32-bit reflected value shifted into bits 1..32.
constexpr uint64_t fold_constant(uint64_t n) { return uint64_t{crc_math::xpow_mod(n, kCrc32Poly)} << 1; }

constexpr uint64_t kFold512Hi = fold_constant(512 + 32);  // lane 0 of a chunk, folded 64 bytes on
constexpr uint64_t kFold512Lo = fold_constant(512 - 32);  // lane 1
constexpr uint64_t kFold128Hi = fold_constant(128 + 32);  // lane 0, folded 16 bytes on
constexpr uint64_t kFold128Lo = fold_constant(128 - 32);  // lane 1
constexpr uint64_t kReduce96 = fold_constant(96);         // reduction step 1
constexpr uint64_t kReduce64 = fold_constant(64);         // reduction step 2
// Barrett constants in frame 32 (33-bit fields, x^32 in bit 0).
constexpr uint64_t kMu = crc_math::reflect(crc_math::barrett_mu(kCrc32Normal), 33);
constexpr uint64_t kPoly33 = crc_math::reflect((uint64_t{1} << 32) | kCrc32Normal, 33);

TERN_SIMD_TARGET inline __m128i lanes(uint64_t lane1, uint64_t lane0) {
  return _mm_set_epi64x(static_cast<long long>(lane1), static_cast<long long>(lane0));
}

// x folded over the distance its constants k encode, then XORed with the chunk that follows.
TERN_SIMD_TARGET inline __m128i fold(__m128i x, __m128i k, __m128i next) {
  const __m128i hi = _mm_clmulepi64_si128(x, k, 0x00);  // lane 0 of x times lane 0 of k
  const __m128i lo = _mm_clmulepi64_si128(x, k, 0x11);  // lane 1 of x times lane 1 of k
  return _mm_xor_si128(_mm_xor_si128(hi, lo), next);
}

}  // namespace

bool cpu_has_sse42_pclmul() {
  __builtin_cpu_init();
  return __builtin_cpu_supports("sse4.2") && __builtin_cpu_supports("pclmul");
}

TERN_SIMD_TARGET uint32_t crc32c_sse42(const uint8_t* p, size_t n, uint32_t reg) {
  uint64_t r = reg;
  while (n >= 3 * 8 * kMinStreamWords) {
    const size_t words = std::min(n / 24, kMaxStreamWords);
    const size_t len = words * 8;
    const uint8_t* b = p + len;
    const uint8_t* c = p + 2 * len;
    uint64_t ra = r;
    uint64_t rb = 0;
    uint64_t rc = 0;
    for (size_t i = 0; i < len; i += 8) {
      ra = _mm_crc32_u64(ra, load64(p + i));
      rb = _mm_crc32_u64(rb, load64(b + i));
      rc = _mm_crc32_u64(rc, load64(c + i));
    }
    const uint32_t k = kShift[words];
    r = shift_crc32c(ra, k) ^ rb;  // reg(A|B)
    r = shift_crc32c(r, k) ^ rc;   // reg(A|B|C)
    p += 3 * len;
    n -= 3 * len;
  }
  for (; n >= 8; p += 8, n -= 8) r = _mm_crc32_u64(r, load64(p));
  // At most 7 bytes left: one 4-, 2- and 1-byte step each instead of up to 7 dependent byte steps.
  uint32_t r32 = static_cast<uint32_t>(r);
  if (n & 4) {
    uint32_t v;
    std::memcpy(&v, p, 4);
    r32 = _mm_crc32_u32(r32, v);
    p += 4;
  }
  if (n & 2) {
    uint16_t v;
    std::memcpy(&v, p, 2);
    r32 = _mm_crc32_u16(r32, v);
    p += 2;
  }
  if (n & 1) r32 = _mm_crc32_u8(r32, *p);
  return r32;
}

TERN_SIMD_TARGET uint32_t crc32_pclmul(const uint8_t* p, size_t n, uint32_t reg) {
  if (n < 16) return crc32_slice8(p, n, reg);
  const __m128i k128 = lanes(kFold128Lo, kFold128Hi);
  // The incoming register is XORed into the first 32 message bits.
  __m128i x = _mm_xor_si128(load128(p), _mm_cvtsi32_si128(static_cast<int>(reg)));
  p += 16;
  n -= 16;
  if (n >= 48) {
    const __m128i k512 = lanes(kFold512Lo, kFold512Hi);
    __m128i x1 = load128(p);
    __m128i x2 = load128(p + 16);
    __m128i x3 = load128(p + 32);
    p += 48;
    n -= 48;
    for (; n >= 64; p += 64, n -= 64) {
      x = fold(x, k512, load128(p));
      x1 = fold(x1, k512, load128(p + 16));
      x2 = fold(x2, k512, load128(p + 32));
      x3 = fold(x3, k512, load128(p + 48));
    }
    x = fold(x, k128, x1);
    x = fold(x, k128, x2);
    x = fold(x, k128, x3);
  }
  for (; n >= 16; p += 16, n -= 16) x = fold(x, k128, load128(p));

  const __m128i low32 = _mm_set_epi32(0, 0, 0, -1);
  const __m128i k_reduce = lanes(kReduce64, kReduce96);
  // 1. 128 -> 96 bits.
  __m128i v = _mm_xor_si128(_mm_clmulepi64_si128(x, k_reduce, 0x00), _mm_srli_si128(x, 8));
  // 2. 96 -> 64 bits (lane 0 of the masked value times lane 1 of k_reduce).
  v = _mm_xor_si128(_mm_clmulepi64_si128(_mm_and_si128(v, low32), k_reduce, 0x10), _mm_srli_si128(v, 4));
  // 3. Barrett reduction.
  const __m128i k_barrett = lanes(kPoly33, kMu);
  const __m128i q = _mm_and_si128(_mm_clmulepi64_si128(_mm_and_si128(v, low32), k_barrett, 0x00), low32);
  const __m128i qp = _mm_clmulepi64_si128(q, k_barrett, 0x10);
  const uint32_t crc = static_cast<uint32_t>(_mm_extract_epi32(_mm_xor_si128(v, qp), 1));
  return crc32_slice8(p, n, crc);
}

}  // namespace tern::crc_detail

#endif  // __x86_64__

#include "common/crc32.hpp"

#include <array>
#include <atomic>
#include <bit>
#include <cstdlib>
#include <cstring>

#include "common/assert.hpp"
#include "common/crc32_kernels.hpp"
#include "common/crc32_math.hpp"

namespace tern {
namespace {

constexpr uint32_t kCrc32Poly = crc_math::reflected_poly(crc_detail::kCrc32Normal);    // 0xEDB88320
constexpr uint32_t kCrc32cPoly = crc_math::reflected_poly(crc_detail::kCrc32cNormal);  // 0x82F63B78
static_assert(kCrc32Poly == 0xEDB88320u && kCrc32cPoly == 0x82F63B78u, "reflected generators");

using Table = std::array<uint32_t, 256>;
using SliceTables = std::array<Table, 8>;

// Slicing-by-8 tables: t[0][b] is the register after feeding byte b into a zero register (the
// classic bytewise table); t[k][b] is the same followed by k zero bytes, i.e. t[k-1][b] pushed
// through one more bytewise step. One step of the slicing loop then looks up each of 8 input
// bytes in the table for the number of bytes that still follow it and XORs the results
// (the CRC register update is linear).
constexpr SliceTables make_slice_tables(uint32_t poly) {
  SliceTables t{};
  for (uint32_t b = 0; b < 256; ++b) {
    uint32_t c = b;
    for (int k = 0; k < 8; ++k) c = crc_math::mul_x(c, poly);
    t[0][b] = c;
  }
  for (size_t k = 1; k < 8; ++k) {
    for (size_t b = 0; b < 256; ++b) t[k][b] = (t[k - 1][b] >> 8) ^ t[0][t[k - 1][b] & 0xff];
  }
  return t;
}
constexpr SliceTables kCrc32Tables = make_slice_tables(kCrc32Poly);
constexpr SliceTables kCrc32cTables = make_slice_tables(kCrc32cPoly);

inline uint64_t load_le64(const uint8_t* p) {
  uint64_t v;
  std::memcpy(&v, p, sizeof v);
  if constexpr (std::endian::native == std::endian::big) v = __builtin_bswap64(v);
  return v;
}

uint32_t bytewise(const Table& t, const uint8_t* p, size_t n, uint32_t reg) {
  for (size_t i = 0; i < n; ++i) reg = t[(reg ^ p[i]) & 0xff] ^ (reg >> 8);
  return reg;
}

uint32_t slice8(const SliceTables& t, const uint8_t* p, size_t n, uint32_t reg) {
  for (; n >= 8; p += 8, n -= 8) {
    // The register overlaps the first 4 bytes of the word; those bytes have 7..4 bytes after them.
    const uint64_t x = load_le64(p) ^ reg;
    reg = t[7][x & 0xff] ^ t[6][(x >> 8) & 0xff] ^ t[5][(x >> 16) & 0xff] ^ t[4][(x >> 24) & 0xff] ^
          t[3][(x >> 32) & 0xff] ^ t[2][(x >> 40) & 0xff] ^ t[1][(x >> 48) & 0xff] ^ t[0][x >> 56];
  }
  return bytewise(t[0], p, n, reg);
}

// ---- run-time dispatch -------------------------------------------------------------------------

struct Choice {
  crc_detail::Kernel kernel;
  const char* name;
};

bool force_scalar() {
  const char* v = std::getenv("TERN_FORCE_SCALAR_CRC");
  return v != nullptr && *v != '\0' && std::strcmp(v, "0") != 0;
}

bool simd_usable() {
#if defined(__x86_64__)
  static const bool kUsable = crc_detail::cpu_has_sse42_pclmul();
  return kUsable;
#else
  return false;
#endif
}

Choice choose_crc32() {
#if defined(__x86_64__)
  if (simd_usable() && !force_scalar()) return {&crc_detail::crc32_pclmul, "pclmul"};
#endif
  return {&crc_detail::crc32_slice8, "slice-by-8"};
}
Choice choose_crc32c() {
#if defined(__x86_64__)
  if (simd_usable() && !force_scalar()) return {&crc_detail::crc32c_sse42, "sse4.2"};
#endif
  return {&crc_detail::crc32c_slice8, "slice-by-8"};
}

// Chosen once: the environment and the CPU are read on first use only.
const Choice& crc32_choice() {
  static const Choice kChoice = choose_crc32();
  return kChoice;
}
const Choice& crc32c_choice() {
  static const Choice kChoice = choose_crc32c();
  return kChoice;
}

uint32_t resolve_crc32(const uint8_t* p, size_t n, uint32_t reg);
uint32_t resolve_crc32c(const uint8_t* p, size_t n, uint32_t reg);

// Each pointer starts at a resolver that picks the kernel, stores it and forwards the call; every
// later call is one relaxed load and an indirect call. Constant-initialised, so a CRC computed from
// another translation unit's static initialiser is still correct. Two threads racing through the
// resolver store the same value.
constinit std::atomic<crc_detail::Kernel> g_crc32{&resolve_crc32};
constinit std::atomic<crc_detail::Kernel> g_crc32c{&resolve_crc32c};

uint32_t resolve_crc32(const uint8_t* p, size_t n, uint32_t reg) {
  const crc_detail::Kernel k = crc32_choice().kernel;
  g_crc32.store(k, std::memory_order_relaxed);
  return k(p, n, reg);
}
uint32_t resolve_crc32c(const uint8_t* p, size_t n, uint32_t reg) {
  const crc_detail::Kernel k = crc32c_choice().kernel;
  g_crc32c.store(k, std::memory_order_relaxed);
  return k(p, n, reg);
}

}  // namespace

namespace crc_detail {
uint32_t crc32_slice8(const uint8_t* p, size_t n, uint32_t reg) { return slice8(kCrc32Tables, p, n, reg); }
uint32_t crc32c_slice8(const uint8_t* p, size_t n, uint32_t reg) { return slice8(kCrc32cTables, p, n, reg); }
}  // namespace crc_detail

// The register starts as ~crc and the result is ~register: for crc = 0 that is the standard
// init and final XOR of 0xFFFFFFFF, and for a previous result it resumes exactly where it ended.
uint32_t crc32(std::span<const uint8_t> data, uint32_t crc) {
  return ~g_crc32.load(std::memory_order_relaxed)(data.data(), data.size(), ~crc);
}
uint32_t crc32c(std::span<const uint8_t> data, uint32_t crc) {
  return ~g_crc32c.load(std::memory_order_relaxed)(data.data(), data.size(), ~crc);
}

uint32_t crc32_scalar(std::span<const uint8_t> data, uint32_t crc) {
  return ~crc_detail::crc32_slice8(data.data(), data.size(), ~crc);
}
uint32_t crc32c_scalar(std::span<const uint8_t> data, uint32_t crc) {
  return ~crc_detail::crc32c_slice8(data.data(), data.size(), ~crc);
}

uint32_t crc32_bytewise(std::span<const uint8_t> data, uint32_t crc) {
  return ~bytewise(kCrc32Tables[0], data.data(), data.size(), ~crc);
}
uint32_t crc32c_bytewise(std::span<const uint8_t> data, uint32_t crc) {
  return ~bytewise(kCrc32cTables[0], data.data(), data.size(), ~crc);
}

bool crc32_pclmul_supported() { return simd_usable(); }
bool crc32c_sse42_supported() { return simd_usable(); }

uint32_t crc32_pclmul(std::span<const uint8_t> data, uint32_t crc) {
  TERN_ASSERT(crc32_pclmul_supported(), "crc32_pclmul() called on a CPU without SSE4.2/PCLMULQDQ");
#if defined(__x86_64__)
  return ~crc_detail::crc32_pclmul(data.data(), data.size(), ~crc);
#else
  return crc32_scalar(data, crc);  // unreachable: the assertion above fails first
#endif
}
uint32_t crc32c_sse42(std::span<const uint8_t> data, uint32_t crc) {
  TERN_ASSERT(crc32c_sse42_supported(), "crc32c_sse42() called on a CPU without SSE4.2/PCLMULQDQ");
#if defined(__x86_64__)
  return ~crc_detail::crc32c_sse42(data.data(), data.size(), ~crc);
#else
  return crc32c_scalar(data, crc);  // unreachable: the assertion above fails first
#endif
}

const char* crc32_implementation() { return crc32_choice().name; }
const char* crc32c_implementation() { return crc32c_choice().name; }

}  // namespace tern

#pragma once
// CRC-32 (ISO-HDLC, reflected polynomial 0xEDB88320): the STUN FINGERPRINT (RFC 8489 §14.7).
// CRC-32c (Castagnoli, reflected 0x82F63B78): the SCTP checksum (RFC 9260 Appendix A).
//
// Both take and return the finished CRC value, so a CRC over several pieces is
// crc32(b, crc32(a)). The public entry points pick a SIMD path at run time when the CPU has one;
// the *_scalar versions are the portable reference that tests and benchmarks compare against.
//
// Implementations (chosen once per process, on the first call):
//   crc32c: SSE4.2 `crc32` instruction, three interleaved streams merged with PCLMULQDQ.
//   crc32:  PCLMULQDQ folding (4 x 128 bits in flight) with a Barrett reduction.
//   scalar: slicing-by-8 tables (8 bytes per step), on every CPU.
// The SIMD paths need both SSE4.2 and PCLMULQDQ (x86-64 CPUs since 2010). Setting the environment
// variable TERN_FORCE_SCALAR_CRC=1 (any value other than "" and "0") forces the scalar path, so
// tests and CI can exercise both.
#include <cstdint>
#include <span>

namespace tern {

// CRC-32 (ISO-HDLC) of `data`, continuing from `crc` (the result of a previous call, 0 to start).
uint32_t crc32(std::span<const uint8_t> data, uint32_t crc = 0);
// CRC-32c (Castagnoli) of `data`, continuing from `crc` (0 to start).
uint32_t crc32c(std::span<const uint8_t> data, uint32_t crc = 0);

// Portable slicing-by-8 versions (what crc32()/crc32c() use without SIMD).
uint32_t crc32_scalar(std::span<const uint8_t> data, uint32_t crc = 0);
uint32_t crc32c_scalar(std::span<const uint8_t> data, uint32_t crc = 0);

// One table lookup per byte: the simplest correct form, the reference for tests.
uint32_t crc32_bytewise(std::span<const uint8_t> data, uint32_t crc = 0);
uint32_t crc32c_bytewise(std::span<const uint8_t> data, uint32_t crc = 0);

// True when this build and CPU can run the SIMD kernels below.
bool crc32_pclmul_supported();
bool crc32c_sse42_supported();

// The SIMD kernels themselves, for tests and benchmarks (crc32()/crc32c() call them directly
// when selected). Precondition: the matching *_supported() is true (TERN_ASSERT otherwise).
uint32_t crc32_pclmul(std::span<const uint8_t> data, uint32_t crc = 0);
uint32_t crc32c_sse42(std::span<const uint8_t> data, uint32_t crc = 0);

// The implementation crc32()/crc32c() dispatch to: "pclmul", "sse4.2" or "slice-by-8".
// Static strings; selecting happens on the first call of either function or of these.
const char* crc32_implementation();
const char* crc32c_implementation();

}  // namespace tern

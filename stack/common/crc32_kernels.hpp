#pragma once
// Internal to common/: the CRC kernels behind crc32.hpp's dispatch.
//
// Kernels work on the raw CRC register: the public functions invert on the way in and out
// (init = final xor = 0xFFFFFFFF for both CRC-32 and CRC-32c), so kernels are plain linear maps
// of (register, data) and can hand work to one another mid-buffer.
#include <cstddef>
#include <cstdint>

namespace tern::crc_detail {

// The generators in the normal form the standards print them in (x^32 term implied); every table
// and folding constant is derived from these at compile time (crc32_math.hpp).
inline constexpr uint32_t kCrc32Normal = 0x04C11DB7u;   // ISO 3309 / ITU-T V.42: STUN FINGERPRINT
inline constexpr uint32_t kCrc32cNormal = 0x1EDC6F41u;  // Castagnoli: RFC 9260 Appendix A

// Register-in, register-out kernel over n bytes at p.
using Kernel = uint32_t (*)(const uint8_t* p, size_t n, uint32_t reg);

uint32_t crc32_slice8(const uint8_t* p, size_t n, uint32_t reg);
uint32_t crc32c_slice8(const uint8_t* p, size_t n, uint32_t reg);

#if defined(__x86_64__)
// True when the CPU has both SSE4.2 and PCLMULQDQ (both kernels below use both).
bool cpu_has_sse42_pclmul();
// CRC-32c with the SSE4.2 crc32 instruction, three streams merged by carry-less multiplication.
uint32_t crc32c_sse42(const uint8_t* p, size_t n, uint32_t reg);
// CRC-32 (ISO-HDLC) by PCLMULQDQ folding and Barrett reduction.
uint32_t crc32_pclmul(const uint8_t* p, size_t n, uint32_t reg);
#endif

}  // namespace tern::crc_detail

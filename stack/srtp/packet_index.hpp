#pragma once
// The 48-bit SRTP packet index i = 2^16 * ROC + SEQ (RFC 3711 §3.3.1), estimated from a received
// (or sent) 16-bit sequence number and the highest index seen on the stream.
#include <cstdint>

namespace tern::srtp {

inline constexpr uint64_t kMaxRtpIndex = (uint64_t{1} << 48) - 1;

// RFC 3711 Appendix A: picks the ROC (current, current - 1 or current + 1) that puts `seq` closest
// to the highest index `highest` (s_l = highest mod 2^16, ROC = highest / 2^16). While ROC is 0 and
// s_l < 2^15 there is no ROC - 1, so the index is SEQ itself. May return kMaxRtpIndex + 1 or more
// when ROC would wrap (the key is then exhausted, RFC 3711 §9.2).
uint64_t estimate_rtp_index(uint64_t highest, uint16_t seq);

inline uint32_t roc_of(uint64_t index) { return static_cast<uint32_t>(index >> 16); }
inline uint16_t seq_of(uint64_t index) { return static_cast<uint16_t>(index); }

}  // namespace tern::srtp

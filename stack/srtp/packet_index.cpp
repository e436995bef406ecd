#include "srtp/packet_index.hpp"

namespace tern::srtp {

uint64_t estimate_rtp_index(uint64_t highest, uint16_t seq) {
  constexpr uint32_t kHalf = 1u << 15;
  const uint64_t roc = highest >> 16;
  const uint32_t s_l = static_cast<uint16_t>(highest);
  uint64_t v = roc;
  if (s_l < kHalf) {
    // RFC 3711 Appendix A: SEQ far above s_l belongs to the previous ROC.
    if (seq > s_l + kHalf && roc > 0) v = roc - 1;
  } else {
    // RFC 3711 Appendix A: SEQ far below s_l means the sequence number wrapped.
    if (s_l - kHalf > seq) v = roc + 1;
  }
  return (v << 16) | seq;
}

}  // namespace tern::srtp

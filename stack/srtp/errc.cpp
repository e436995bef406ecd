#include "srtp/errc.hpp"

namespace tern::srtp {

const char* srtp_errc_name(uint16_t code) {
  switch (static_cast<SrtpErrc>(code)) {
    case SrtpErrc::kBadConfig: return "kBadConfig";
    case SrtpErrc::kBadPacket: return "kBadPacket";
    case SrtpErrc::kAuthFailed: return "kAuthFailed";
    case SrtpErrc::kReplayed: return "kReplayed";
    case SrtpErrc::kTooOld: return "kTooOld";
    case SrtpErrc::kTooManySsrcs: return "kTooManySsrcs";
    case SrtpErrc::kBufferTooSmall: return "kBufferTooSmall";
    case SrtpErrc::kKeyExhausted: return "kKeyExhausted";
    case SrtpErrc::kNoKey: return "kNoKey";
  }
  return "unknown";
}

}  // namespace tern::srtp

TERN_DEFINE_ERRC(tern::srtp::SrtpErrc, "srtp", tern::srtp::srtp_errc_name)

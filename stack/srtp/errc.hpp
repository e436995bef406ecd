#pragma once
// Error codes of the srtp module. Positions are byte offsets into the packet where the problem was
// found (0 when the error is not about one field).
#include <cstdint>

#include "common/error.hpp"

namespace tern::srtp {

enum class SrtpErrc : uint16_t {
  kBadConfig = 1,   // unknown profile, wrong master key/salt length, window or SSRC bound out of range
  kBadPacket,       // too short for its header and tag, wrong RTP/RTCP version, header overruns
  kAuthFailed,      // the auth tag (HMAC-SHA1 or GCM) does not verify
  kReplayed,        // the index was already received (RFC 3711 §3.3.2)
  kTooOld,          // the index is behind the replay window (RFC 3711 §3.3.2)
  kTooManySsrcs,    // a new SSRC beyond the configured bound of streams
  kBufferTooSmall,  // the caller's buffer has no room for the tag / SRTCP trailer
  kKeyExhausted,    // the packet index space of this master key is used up (RFC 3711 §9.2)
  kNoKey,           // the direction (protect or unprotect) was not given a key
};

// "kAuthFailed", ... (static strings).
const char* srtp_errc_name(uint16_t code);

}  // namespace tern::srtp

TERN_DECLARE_ERRC(tern::srtp::SrtpErrc);

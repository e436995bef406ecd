#pragma once
// The TURN client's error codes: API misuse (calls in the wrong state) and stream framing.
//
// Failures caused by the server (401 loops, 437, 441, 486, 508, timeouts) are not errors of a call:
// they arrive as Failed / PermissionFailed / ChannelBindFailed events (turn/event.hpp).
#include <cstdint>

#include "common/error.hpp"

namespace tern::turn {

enum class TurnErrc : uint16_t {
  kAlreadyStarted = 1,   // allocate() after the allocation was already started
  kNotAllocated,         // the call needs an allocation (state kAllocated)
  kNoPermission,         // send_to() a peer whose IP has no permission or channel
  kFamilyMismatch,       // peer address family differs from the relayed address's (RFC 8656 §10.2: 443)
  kTooManyPermissions,   // the permission table is full (ClientConfig::max_permissions)
  kChannelsExhausted,    // every channel number 0x4000-0x4FFF is in use (RFC 8656 §12)
  kDataTooLarge,         // the data does not fit a Send indication or a ChannelData message
  kStreamDesync,         // a TCP/TLS stream holds bytes that are neither STUN nor ChannelData
  kNotAStreamTransport,  // stream bytes fed to a client configured for UDP
};

// "kAlreadyStarted", ... (for display).
const char* turn_errc_name(uint16_t code);

}  // namespace tern::turn

TERN_DECLARE_ERRC(tern::turn::TurnErrc);

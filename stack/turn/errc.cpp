#include "turn/errc.hpp"

namespace tern::turn {

const char* turn_errc_name(uint16_t code) {
  switch (static_cast<TurnErrc>(code)) {
    case TurnErrc::kAlreadyStarted: return "kAlreadyStarted";
    case TurnErrc::kNotAllocated: return "kNotAllocated";
    case TurnErrc::kNoPermission: return "kNoPermission";
    case TurnErrc::kFamilyMismatch: return "kFamilyMismatch";
    case TurnErrc::kTooManyPermissions: return "kTooManyPermissions";
    case TurnErrc::kChannelsExhausted: return "kChannelsExhausted";
    case TurnErrc::kDataTooLarge: return "kDataTooLarge";
    case TurnErrc::kStreamDesync: return "kStreamDesync";
    case TurnErrc::kNotAStreamTransport: return "kNotAStreamTransport";
  }
  return "unknown";
}

}  // namespace tern::turn

TERN_DEFINE_ERRC(tern::turn::TurnErrc, "turn", tern::turn::turn_errc_name)

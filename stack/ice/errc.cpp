#include "ice/errc.hpp"

namespace tern::ice {

const char* ice_errc_name(uint16_t code) {
  switch (static_cast<IceErrc>(code)) {
    case IceErrc::kBadCandidate: return "kBadCandidate";
    case IceErrc::kUnsupportedTransport: return "kUnsupportedTransport";
    case IceErrc::kBadCredentials: return "kBadCredentials";
    case IceErrc::kTooManyCandidates: return "kTooManyCandidates";
    case IceErrc::kUnsupportedComponent: return "kUnsupportedComponent";
    case IceErrc::kStaleCandidate: return "kStaleCandidate";
    case IceErrc::kDuplicateCandidate: return "kDuplicateCandidate";
    case IceErrc::kNoSelectedPair: return "kNoSelectedPair";
    case IceErrc::kConsentExpired: return "kConsentExpired";
    case IceErrc::kClosed: return "kClosed";
    case IceErrc::kUnknownHostname: return "kUnknownHostname";
  }
  return "unknown";
}

}  // namespace tern::ice

TERN_DEFINE_ERRC(tern::ice::IceErrc, "ice", tern::ice::ice_errc_name)

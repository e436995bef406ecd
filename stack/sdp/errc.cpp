#include "sdp/errc.hpp"

namespace tern::sdp {
namespace {
const char* sdp_errc_name(uint16_t code) {
  switch (static_cast<SdpErrc>(code)) {
    case SdpErrc::kTooLarge: return "kTooLarge";
    case SdpErrc::kMalformedLine: return "kMalformedLine";
    case SdpErrc::kUnknownLineType: return "kUnknownLineType";
    case SdpErrc::kMissingLine: return "kMissingLine";
    case SdpErrc::kLineOrder: return "kLineOrder";
    case SdpErrc::kBadVersion: return "kBadVersion";
    case SdpErrc::kBadOrigin: return "kBadOrigin";
    case SdpErrc::kBadConnection: return "kBadConnection";
    case SdpErrc::kBadBandwidth: return "kBadBandwidth";
    case SdpErrc::kBadTiming: return "kBadTiming";
    case SdpErrc::kBadMedia: return "kBadMedia";
    case SdpErrc::kBadAttribute: return "kBadAttribute";
    case SdpErrc::kBadGroup: return "kBadGroup";
    case SdpErrc::kBadMsid: return "kBadMsid";
    case SdpErrc::kBadIce: return "kBadIce";
    case SdpErrc::kBadFingerprint: return "kBadFingerprint";
    case SdpErrc::kBadSetup: return "kBadSetup";
    case SdpErrc::kBadRtcp: return "kBadRtcp";
    case SdpErrc::kBadRtpmap: return "kBadRtpmap";
    case SdpErrc::kBadFmtp: return "kBadFmtp";
    case SdpErrc::kBadRtcpFb: return "kBadRtcpFb";
    case SdpErrc::kBadExtmap: return "kBadExtmap";
    case SdpErrc::kBadSsrc: return "kBadSsrc";
    case SdpErrc::kBadRid: return "kBadRid";
    case SdpErrc::kBadSimulcast: return "kBadSimulcast";
    case SdpErrc::kBadSctp: return "kBadSctp";
    case SdpErrc::kBadCandidate: return "kBadCandidate";
  }
  return "unknown";
}
}  // namespace
}  // namespace tern::sdp

TERN_DEFINE_ERRC(tern::sdp::SdpErrc, "sdp", tern::sdp::sdp_errc_name)

#include "rtp/errc.hpp"

namespace tern::rtp {
namespace {
const char* rtp_errc_name(uint16_t code) {
  switch (static_cast<RtpErrc>(code)) {
    case RtpErrc::kTruncatedHeader: return "kTruncatedHeader";
    case RtpErrc::kBadVersion: return "kBadVersion";
    case RtpErrc::kCsrcOverrun: return "kCsrcOverrun";
    case RtpErrc::kExtensionHeaderOverrun: return "kExtensionHeaderOverrun";
    case RtpErrc::kExtensionOverrun: return "kExtensionOverrun";
    case RtpErrc::kBadPaddingCount: return "kBadPaddingCount";
    case RtpErrc::kPaddingOverrun: return "kPaddingOverrun";
    case RtpErrc::kUnknownExtensionProfile: return "kUnknownExtensionProfile";
    case RtpErrc::kExtensionElementOverrun: return "kExtensionElementOverrun";
    case RtpErrc::kBadExtensionId: return "kBadExtensionId";
    case RtpErrc::kBufferTooSmall: return "kBufferTooSmall";
    case RtpErrc::kTooManyCsrcs: return "kTooManyCsrcs";
    case RtpErrc::kBadPayloadType: return "kBadPayloadType";
    case RtpErrc::kExtensionTooLarge: return "kExtensionTooLarge";
    case RtpErrc::kBadExtensionElement: return "kBadExtensionElement";
    case RtpErrc::kTwoByteNotAllowed: return "kTwoByteNotAllowed";
    case RtpErrc::kBadExtensionLength: return "kBadExtensionLength";
    case RtpErrc::kBadExtensionValue: return "kBadExtensionValue";
  }
  return "unknown";
}
}  // namespace
}  // namespace tern::rtp

TERN_DEFINE_ERRC(tern::rtp::RtpErrc, "rtp", tern::rtp::rtp_errc_name)

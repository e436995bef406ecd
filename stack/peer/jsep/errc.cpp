#include "peer/jsep/errc.hpp"

namespace tern::peer {
namespace {
const char* jsep_errc_name(uint16_t code) {
  switch (static_cast<JsepErrc>(code)) {
    case JsepErrc::kMissingFingerprint: return "kMissingFingerprint";
    case JsepErrc::kFingerprintMismatch: return "kFingerprintMismatch";
    case JsepErrc::kMissingIceCredentials: return "kMissingIceCredentials";
    case JsepErrc::kIceCredentialMismatch: return "kIceCredentialMismatch";
    case JsepErrc::kBadSetup: return "kBadSetup";
    case JsepErrc::kSetupConflict: return "kSetupConflict";
    case JsepErrc::kMissingMid: return "kMissingMid";
    case JsepErrc::kDuplicateMid: return "kDuplicateMid";
    case JsepErrc::kUnknownBundleMid: return "kUnknownBundleMid";
    case JsepErrc::kBadBundle: return "kBadBundle";
    case JsepErrc::kBadDataChannelProto: return "kBadDataChannelProto";
    case JsepErrc::kAnswerMismatch: return "kAnswerMismatch";
    case JsepErrc::kBadDirection: return "kBadDirection";
    case JsepErrc::kInvalidState: return "kInvalidState";
    case JsepErrc::kClosed: return "kClosed";
    case JsepErrc::kBadDescriptionType: return "kBadDescriptionType";
    case JsepErrc::kBadLocalState: return "kBadLocalState";
  }
  return "unknown";
}
}  // namespace
}  // namespace tern::peer

TERN_DEFINE_ERRC(tern::peer::JsepErrc, "jsep", tern::peer::jsep_errc_name)

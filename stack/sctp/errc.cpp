#include "sctp/errc.hpp"

namespace tern::sctp {

const char* sctp_errc_name(uint16_t code) {
  switch (static_cast<SctpErrc>(code)) {
    case SctpErrc::kTruncated: return "kTruncated";
    case SctpErrc::kBadLength: return "kBadLength";
    case SctpErrc::kBadChecksum: return "kBadChecksum";
    case SctpErrc::kBadValue: return "kBadValue";
    case SctpErrc::kTooLarge: return "kTooLarge";
    case SctpErrc::kNoUserData: return "kNoUserData";
    case SctpErrc::kMissingParameter: return "kMissingParameter";
    case SctpErrc::kDuplicateParameter: return "kDuplicateParameter";
    case SctpErrc::kUnrecognizedParameter: return "kUnrecognizedParameter";
    case SctpErrc::kBadConfig: return "kBadConfig";
    case SctpErrc::kBadState: return "kBadState";
    case SctpErrc::kNotConnected: return "kNotConnected";
    case SctpErrc::kClosed: return "kClosed";
    case SctpErrc::kInvalidStream: return "kInvalidStream";
    case SctpErrc::kEmptyMessage: return "kEmptyMessage";
    case SctpErrc::kMessageTooLarge: return "kMessageTooLarge";
    case SctpErrc::kSendBufferFull: return "kSendBufferFull";
    case SctpErrc::kNotSupported: return "kNotSupported";
    case SctpErrc::kStreamResetPending: return "kStreamResetPending";
    case SctpErrc::kInitTimeout: return "kInitTimeout";
    case SctpErrc::kRetransmitLimit: return "kRetransmitLimit";
    case SctpErrc::kPeerAborted: return "kPeerAborted";
    case SctpErrc::kUserAbort: return "kUserAbort";
    case SctpErrc::kProtocolViolation: return "kProtocolViolation";
    case SctpErrc::kPeerRestarted: return "kPeerRestarted";
    case SctpErrc::kShutdownTimeout: return "kShutdownTimeout";
  }
  return "unknown";
}

}  // namespace tern::sctp

TERN_DEFINE_ERRC(tern::sctp::SctpErrc, "sctp", tern::sctp::sctp_errc_name)

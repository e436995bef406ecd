#include "rtcp/rtcp_errc.hpp"

namespace tern::rtcp {

const char* rtcp_errc_name(uint16_t code) {
  switch (static_cast<RtcpErrc>(code)) {
    case RtcpErrc::kEmpty: return "kEmpty";
    case RtcpErrc::kTruncatedHeader: return "kTruncatedHeader";
    case RtcpErrc::kBadVersion: return "kBadVersion";
    case RtcpErrc::kLengthOverrun: return "kLengthOverrun";
    case RtcpErrc::kBadPadding: return "kBadPadding";
    case RtcpErrc::kPaddingNotLast: return "kPaddingNotLast";
    case RtcpErrc::kNotReport: return "kNotReport";
    case RtcpErrc::kTruncatedPacket: return "kTruncatedPacket";
    case RtcpErrc::kCountOverrun: return "kCountOverrun";
    case RtcpErrc::kTrailingBytes: return "kTrailingBytes";
    case RtcpErrc::kSdesItemOverrun: return "kSdesItemOverrun";
    case RtcpErrc::kSdesMissingTerminator: return "kSdesMissingTerminator";
    case RtcpErrc::kByeReasonOverrun: return "kByeReasonOverrun";
    case RtcpErrc::kEmptyFci: return "kEmptyFci";
    case RtcpErrc::kUnexpectedFci: return "kUnexpectedFci";
    case RtcpErrc::kTwccChunksTruncated: return "kTwccChunksTruncated";
    case RtcpErrc::kTwccDeltasTruncated: return "kTwccDeltasTruncated";
    case RtcpErrc::kTwccReservedSymbol: return "kTwccReservedSymbol";
    case RtcpErrc::kRembBadIdentifier: return "kRembBadIdentifier";
    case RtcpErrc::kRembBitrateOverflow: return "kRembBitrateOverflow";
    case RtcpErrc::kBufferTooSmall: return "kBufferTooSmall";
    case RtcpErrc::kTooLarge: return "kTooLarge";
    case RtcpErrc::kInvalidArgument: return "kInvalidArgument";
    case RtcpErrc::kDeltaOutOfRange: return "kDeltaOutOfRange";
  }
  return "unknown";
}

}  // namespace tern::rtcp

TERN_DEFINE_ERRC(tern::rtcp::RtcpErrc, "rtcp", tern::rtcp::rtcp_errc_name)

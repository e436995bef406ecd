#include "datachannel/errc.hpp"

namespace tern::datachannel {

const char* data_channel_errc_name(uint16_t code) {
  switch (static_cast<DataChannelErrc>(code)) {
    case DataChannelErrc::kTruncated: return "kTruncated";
    case DataChannelErrc::kLengthOverrun: return "kLengthOverrun";
    case DataChannelErrc::kTrailingBytes: return "kTrailingBytes";
    case DataChannelErrc::kUnknownMessageType: return "kUnknownMessageType";
    case DataChannelErrc::kUnknownChannelType: return "kUnknownChannelType";
    case DataChannelErrc::kInvalidUtf8: return "kInvalidUtf8";
    case DataChannelErrc::kLabelTooLong: return "kLabelTooLong";
    case DataChannelErrc::kProtocolTooLong: return "kProtocolTooLong";
    case DataChannelErrc::kBufferTooSmall: return "kBufferTooSmall";
    case DataChannelErrc::kBadInit: return "kBadInit";
    case DataChannelErrc::kInvalidId: return "kInvalidId";
    case DataChannelErrc::kIdInUse: return "kIdInUse";
    case DataChannelErrc::kNoStreamAvailable: return "kNoStreamAvailable";
    case DataChannelErrc::kUnknownChannel: return "kUnknownChannel";
    case DataChannelErrc::kInvalidState: return "kInvalidState";
    case DataChannelErrc::kMessageTooLarge: return "kMessageTooLarge";
    case DataChannelErrc::kSendBufferFull: return "kSendBufferFull";
    case DataChannelErrc::kTransportClosed: return "kTransportClosed";
    case DataChannelErrc::kOpenRejected: return "kOpenRejected";
    case DataChannelErrc::kProtocolViolation: return "kProtocolViolation";
    case DataChannelErrc::kResetFailed: return "kResetFailed";
    case DataChannelErrc::kResetUnsupported: return "kResetUnsupported";
    case DataChannelErrc::kTransportAborted: return "kTransportAborted";
  }
  return "unknown";
}

}  // namespace tern::datachannel

TERN_DEFINE_ERRC(tern::datachannel::DataChannelErrc, "datachannel",
                 tern::datachannel::data_channel_errc_name)

#pragma once
// Error codes of the data channel module (RFC 8831 data channels, RFC 8832 DCEP). The DCEP codec
// returns the wire-format codes; the channel manager returns the API codes and reports the
// transport ones in ChannelError events.
#include <cstdint>

#include "common/error.hpp"

namespace tern::datachannel {

enum class DataChannelErrc : uint16_t {
  // ---- DCEP wire format (RFC 8832 §5) ----
  kTruncated = 1,          // the message ends inside a fixed field (position: where it ends)
  kLengthOverrun,          // Label Length + Protocol Length run past the end of the message
  kTrailingBytes,          // bytes after the last field of the message
  kUnknownMessageType,     // Message Type other than 0x02 (ACK) and 0x03 (OPEN)
  kUnknownChannelType,     // Channel Type not one of the six of RFC 8832 §5.1
  kInvalidUtf8,            // Label or Protocol is not UTF-8 (RFC 8832 §5.1, RFC 3629)
  kLabelTooLong,           // more than 65535 bytes: the 16-bit length field cannot say it
  kProtocolTooLong,        // same, for the protocol
  kBufferTooSmall,         // serialize(): the caller's buffer is smaller than serialized_size()
  // ---- channel manager API ----
  kBadInit,                // conflicting or missing DataChannelInit fields (W3C TypeError cases)
  kInvalidId,              // stream id 65535, or not below the negotiated stream count
  kIdInUse,                // a negotiated id that another channel uses
  kNoStreamAvailable,      // every stream id of our parity is in use
  kUnknownChannel,         // the handle names no channel (never created, or closed and reported)
  kInvalidState,           // send() on a channel that is not open (W3C InvalidStateError)
  kMessageTooLarge,        // above the peer's max-message-size (RFC 8841 §6)
  kSendBufferFull,         // the SCTP send buffer cannot take the message (W3C OperationError)
  kTransportClosed,        // the SCTP association has ended
  // ---- reported in ChannelError events ----
  kOpenRejected,           // the peer reset the stream before acknowledging our OPEN (RFC 8832 §6)
  kProtocolViolation,      // the peer sent DATA_CHANNEL_OPEN on a stream this channel uses
  kResetFailed,            // the peer refused our stream reset (RFC 6525); the stream id is retired
  kResetUnsupported,       // the association has no stream reset; the stream id is retired
  kTransportAborted,       // the association was aborted
};

// "kTruncated", ...
const char* data_channel_errc_name(uint16_t code);

}  // namespace tern::datachannel

TERN_DECLARE_ERRC(tern::datachannel::DataChannelErrc);

#pragma once
// What the channel manager tells its owner (drained with DataChannelManager::poll_event()). The
// events follow the W3C RTCDataChannel events: open, message, closing, close, error,
// bufferedamountlow, and RTCPeerConnection's datachannel.
#include <cstdint>
#include <variant>
#include <vector>

#include "common/error.hpp"
#include "common/ids.hpp"
#include "datachannel/data_channel.hpp"

namespace tern::datachannel {

// The peer opened a channel with DATA_CHANNEL_OPEN (W3C datachannel event). ChannelOpen follows.
struct IncomingChannel {
  ChannelHandle channel{0};
};

// The channel is open: messages can be sent (W3C open event).
struct ChannelOpen {
  ChannelHandle channel{0};
};

// A complete message (W3C message event). Empty messages arrive with empty `data`.
struct ChannelMessage {
  ChannelHandle channel{0};
  StreamId stream{0};
  bool binary = false;  // PPID 53/57 (or 52 pieces); false for strings (51/56, or 54 pieces)
  std::vector<uint8_t> data;
};

// The peer started closing the channel (it reset its outgoing stream, RFC 8831 §6.7); ChannelClosed
// follows once our own outgoing stream is reset too (W3C closing event). A local close() does not
// report it: the caller knows.
struct ChannelClosing {
  ChannelHandle channel{0};
};

// The channel is closed; its stream id is free again (W3C close event). This is the channel's
// last event: once it has been polled the handle is forgotten.
struct ChannelClosed {
  ChannelHandle channel{0};
};

// Something went wrong with the channel (W3C error event): kOpenRejected, kProtocolViolation,
// kResetFailed, kResetUnsupported, kTransportAborted, kInvalidId, kNoStreamAvailable. A
// ChannelClosed or ChannelClosing follows.
struct ChannelError {
  ChannelHandle channel{0};
  Error error;
};

// The channel's buffered amount fell to or below its threshold (W3C bufferedamountlow).
struct BufferedAmountLow {
  ChannelHandle channel{0};
};

using Event = std::variant<IncomingChannel, ChannelOpen, ChannelMessage, ChannelClosing, ChannelClosed,
                           ChannelError, BufferedAmountLow>;

}  // namespace tern::datachannel

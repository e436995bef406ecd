#pragma once
// What an association tells the layer above (drained with Association::poll_event()).
#include <cstdint>
#include <string>
#include <variant>
#include <vector>

#include "common/error.hpp"
#include "common/ids.hpp"
#include "sctp/chunks/reconfig_parameters.hpp"

namespace tern::sctp {

// The association is established (COOKIE ACK received or a valid COOKIE ECHO accepted).
struct Connected {};

// A complete user message.
struct MessageReceived {
  StreamId stream{0};
  uint32_t ppid = 0;
  bool unordered = false;
  std::vector<uint8_t> payload;
};

// The peer reset its outgoing streams (RFC 6525): our incoming SSNs of `streams` restart at 0.
// For data channels this is the peer closing them (RFC 8831 §6.7).
struct IncomingStreamsReset {
  std::vector<StreamId> streams;
};

// Our reset_streams() request was performed: the outgoing SSNs of `streams` restart at 0.
struct OutgoingStreamsReset {
  std::vector<StreamId> streams;
};

// The peer refused our reset request (Denied or an error result).
struct StreamResetFailed {
  std::vector<StreamId> streams;
  ReconfigResult result = ReconfigResult::kDenied;
};

// A stream's buffered amount fell to or below its threshold (W3C bufferedamountlow).
struct BufferedAmountLow {
  StreamId stream{0};
};

// The graceful shutdown finished (RFC 9260 §9.2), whichever side started it.
struct Closed {};

// The association ended abruptly: an ABORT from the peer (kPeerAborted, with its reason when it
// gave one), a local abort() (kUserAbort), retransmission limits (kInitTimeout, kRetransmitLimit,
// kShutdownTimeout), or a peer protocol violation (kProtocolViolation, kNoUserData,
// kMessageTooLarge, kPeerRestarted).
struct Aborted {
  Error error;
  std::string reason;
};

using Event = std::variant<Connected, MessageReceived, IncomingStreamsReset, OutgoingStreamsReset,
                           StreamResetFailed, BufferedAmountLow, Closed, Aborted>;

}  // namespace tern::sctp

#pragma once
// Error codes of the SCTP module (RFC 9260 over DTLS, RFC 8261). Parsers return them for malformed
// packets; the association returns them for API misuse and reports them in Aborted events.
#include <cstdint>

#include "common/error.hpp"

namespace tern::sctp {

enum class SctpErrc : uint16_t {
  // ---- wire format ----
  kTruncated = 1,        // input ends inside a field or a chunk/parameter
  kBadLength,            // a length field is below the minimum of its type or disagrees with the data
  kBadChecksum,          // CRC-32c mismatch (RFC 9260 §6.8: the packet is discarded)
  kBadValue,             // a field holds a value the spec forbids
  kTooLarge,             // a count or length exceeds a bound (spec or tern's own cap)
  kNoUserData,           // DATA / I-DATA chunk without user data (RFC 9260 §3.3.1)
  kMissingParameter,     // a mandatory parameter is absent (e.g. State Cookie in INIT ACK)
  kDuplicateParameter,   // a parameter that may appear once appears twice
  kUnrecognizedParameter,// parsing stopped at an unknown parameter whose upper bits say "stop"
  // ---- association / API ----
  kBadConfig,            // the Config is unusable (public API misuse)
  kBadState,             // the call is not allowed in the association's current state
  kNotConnected,         // the association is not (yet) established
  kClosed,               // the association is shutting down, closed or aborted
  kInvalidStream,        // stream id outside the negotiated outbound streams
  kEmptyMessage,         // SCTP cannot carry a 0-byte user message (RFC 9260 §3.3.1)
  kMessageTooLarge,      // above Config::max_message_size (ours or the peer's)
  kSendBufferFull,       // the send buffer cap (Config::max_send_buffer) would be exceeded
  kNotSupported,         // the peer did not negotiate the extension (RE-CONFIG, FORWARD-TSN)
  kStreamResetPending,   // the stream is already being reset
  kInitTimeout,          // T1-init / T1-cookie retransmissions exhausted (RFC 9260 §5.1)
  kRetransmitLimit,      // Association.Max.Retrans exceeded (RFC 9260 §8.1)
  kPeerAborted,          // the peer sent ABORT (RFC 9260 §9.1)
  kUserAbort,            // abort() was called locally
  kProtocolViolation,    // the peer broke a rule the association cannot recover from
  kPeerRestarted,        // the peer restarted the association (RFC 9260 §5.2.4 case A): unsupported
  kShutdownTimeout,      // T2-shutdown / T5 guard expired (RFC 9260 §9.2)
};

// "kTruncated", ...
const char* sctp_errc_name(uint16_t code);

}  // namespace tern::sctp

TERN_DECLARE_ERRC(tern::sctp::SctpErrc);

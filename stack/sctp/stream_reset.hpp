#pragma once
// Stream reset bookkeeping (RFC 6525) for both directions, as the association uses it for
// WebRTC data channel closing (RFC 8831 §6.7): an Outgoing SSN Reset Request resets the sender's
// outgoing streams and, on the receiver, the matching incoming streams.
//
// Outgoing: streams requested by the user wait (paused in the send queue) until they are idle;
// then one request carries them; only one request is outstanding at a time (RFC 6525 §5.1.1).
// "In progress" answers are retried with a new request sequence number.
// Incoming: request sequence numbers are checked (RFC 6525 §5.2.1: the expected one is processed,
// the previous one is a retransmission answered again, others are "Bad Sequence Number"); a reset
// waits until every TSN up to the Sender's Last Assigned TSN has arrived (§5.2.2 deferred reset).
#include <cstdint>
#include <optional>
#include <span>
#include <vector>

#include "common/ids.hpp"
#include "sctp/chunks/reconfig_parameters.hpp"

namespace tern::sctp {

class StreamReset {
 public:
  // RFC 6525 §5.1.1: request sequence numbers start at the sender's Initial TSN.
  StreamReset(Tsn local_initial_tsn, Tsn peer_initial_tsn);

  // ---- outgoing ----

  // Adds streams to reset (duplicates ignored).
  void request(std::span<const StreamId> streams);
  bool is_resetting(StreamId stream) const;
  const std::vector<StreamId>& pending() const { return pending_; }
  bool request_outstanding() const { return outstanding_.has_value(); }
  // Moves every pending stream into a new request (caller: they are all idle).
  OutgoingSsnResetRequest make_request(Tsn senders_last_assigned_tsn);
  // The outstanding request, for retransmission (same sequence number).
  const std::optional<OutgoingSsnResetRequest>& outstanding() const { return outstanding_; }

  struct ResponseOutcome {
    enum class Kind : uint8_t { kIgnored, kPerformed, kRetry, kFailed } kind = Kind::kIgnored;
    std::vector<StreamId> streams;
    ReconfigResult result = ReconfigResult::kSuccessNothingToDo;
  };
  // A Re-configuration Response: matches it with the outstanding request. kRetry ("In progress")
  // puts the streams back into pending for a new request.
  ResponseOutcome handle_response(const ReconfigResponse& response);

  // ---- incoming ----

  struct IncomingDecision {
    ReconfigResult result = ReconfigResult::kDenied;
    bool perform = false;  // reset these incoming streams now
    bool defer = false;    // reset them once the cumulative ack reaches `last_tsn`
    std::vector<StreamId> streams;
    uint64_t last_tsn = 0;
  };
  // An Outgoing SSN Reset Request from the peer. `last_tsn` is its Sender's Last Assigned TSN and
  // `cum_ack` our cumulative TSN ack point, both unwrapped.
  IncomingDecision handle_outgoing_request(const OutgoingSsnResetRequest& request, uint64_t last_tsn,
                                           uint64_t cum_ack);
  // Any other request type (tern denies them; RFC 6525 §5.2.3-5.2.6 allow that).
  ReconfigResult handle_unsupported_request(uint32_t request_sequence);
  // The cumulative ack moved: returns the deferred streams to reset now, if it covers them.
  std::optional<std::vector<StreamId>> on_cumulative_ack(uint64_t cum_ack);
  // The Re-configuration Response Sequence Number for our own requests: the last peer request
  // sequence number seen (RFC 6525 §4.1).
  uint32_t last_peer_request() const { return expected_peer_request_ - 1; }

 private:
  enum class Sequence : uint8_t { kExpected, kRetransmission, kBad };
  Sequence classify(uint32_t request_sequence) const;

  uint32_t next_request_;
  std::vector<StreamId> pending_;
  std::optional<OutgoingSsnResetRequest> outstanding_;

  uint32_t expected_peer_request_;
  ReconfigResult last_result_ = ReconfigResult::kSuccessNothingToDo;
  struct Deferred {
    std::vector<StreamId> streams;
    uint64_t last_tsn;
  };
  std::optional<Deferred> deferred_;
  std::optional<Deferred> performed_;  // the last reset performed, to answer retries idempotently
};

}  // namespace tern::sctp

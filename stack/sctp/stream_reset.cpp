#include "sctp/stream_reset.hpp"

#include <algorithm>

namespace tern::sctp {

StreamReset::StreamReset(Tsn local_initial_tsn, Tsn peer_initial_tsn)
    : next_request_(local_initial_tsn.value), expected_peer_request_(peer_initial_tsn.value) {}

void StreamReset::request(std::span<const StreamId> streams) {
  for (StreamId s : streams) {
    if (std::find(pending_.begin(), pending_.end(), s) == pending_.end()) pending_.push_back(s);
  }
}

bool StreamReset::is_resetting(StreamId stream) const {
  if (std::find(pending_.begin(), pending_.end(), stream) != pending_.end()) return true;
  return outstanding_ &&
         std::find(outstanding_->streams.begin(), outstanding_->streams.end(), stream) != outstanding_->streams.end();
}

OutgoingSsnResetRequest StreamReset::make_request(Tsn senders_last_assigned_tsn) {
  OutgoingSsnResetRequest r;
  r.request_sequence = next_request_++;
  // RFC 6525 §4.1: not an answer to an incoming request, so the last peer sequence number.
  r.response_sequence = last_peer_request();
  r.senders_last_assigned_tsn = senders_last_assigned_tsn;
  r.streams = std::move(pending_);
  std::sort(r.streams.begin(), r.streams.end());
  pending_.clear();
  outstanding_ = r;
  return r;
}

StreamReset::ResponseOutcome StreamReset::handle_response(const ReconfigResponse& response) {
  ResponseOutcome out;
  if (!outstanding_ || response.response_sequence != outstanding_->request_sequence) return out;
  out.streams = outstanding_->streams;
  out.result = response.result;
  switch (response.result) {
    case ReconfigResult::kSuccessNothingToDo:
    case ReconfigResult::kSuccessPerformed:
      out.kind = ResponseOutcome::Kind::kPerformed;
      break;
    case ReconfigResult::kInProgress:
      // RFC 6525 §5.2.2: the peer still waits for DATA; ask again later with a new request.
      out.kind = ResponseOutcome::Kind::kRetry;
      request(out.streams);
      break;
    default:
      out.kind = ResponseOutcome::Kind::kFailed;
      break;
  }
  outstanding_.reset();
  return out;
}

StreamReset::Sequence StreamReset::classify(uint32_t request_sequence) const {
  if (request_sequence == expected_peer_request_) return Sequence::kExpected;
  if (request_sequence == expected_peer_request_ - 1) return Sequence::kRetransmission;
  return Sequence::kBad;
}

StreamReset::IncomingDecision StreamReset::handle_outgoing_request(const OutgoingSsnResetRequest& request,
                                                                    uint64_t last_tsn, uint64_t cum_ack) {
  IncomingDecision d;
  switch (classify(request.request_sequence)) {
    case Sequence::kBad:
      // RFC 6525 §5.2.1: neither the expected nor the previous sequence number.
      d.result = ReconfigResult::kErrorBadSequenceNumber;
      return d;
    case Sequence::kRetransmission:
      // RFC 6525 §5.2.1: a retransmitted request is answered as before (with the outcome of a
      // deferred reset once it has happened).
      d.result = last_result_;
      return d;
    case Sequence::kExpected:
      ++expected_peer_request_;
      break;
  }
  d.streams = request.streams;
  d.last_tsn = last_tsn;
  if (performed_ && performed_->last_tsn == last_tsn && performed_->streams == request.streams) {
    // A retry (new sequence number) of a reset that already happened: do not reset again.
    d.result = ReconfigResult::kSuccessPerformed;
  } else if (cum_ack >= last_tsn) {
    // RFC 6525 §5.2.2: every DATA up to the Sender's Last Assigned TSN has arrived.
    d.result = ReconfigResult::kSuccessPerformed;
    d.perform = true;
    deferred_.reset();
    performed_ = Deferred{request.streams, last_tsn};
  } else {
    // RFC 6525 §5.2.2: deferred reset processing until the cumulative ack gets there.
    d.result = ReconfigResult::kInProgress;
    d.defer = true;
    deferred_ = Deferred{request.streams, last_tsn};
  }
  last_result_ = d.result;
  return d;
}

ReconfigResult StreamReset::handle_unsupported_request(uint32_t request_sequence) {
  switch (classify(request_sequence)) {
    case Sequence::kBad: return ReconfigResult::kErrorBadSequenceNumber;
    case Sequence::kRetransmission: return last_result_;
    case Sequence::kExpected: break;
  }
  ++expected_peer_request_;
  last_result_ = ReconfigResult::kDenied;
  return last_result_;
}

std::optional<std::vector<StreamId>> StreamReset::on_cumulative_ack(uint64_t cum_ack) {
  if (!deferred_ || cum_ack < deferred_->last_tsn) return std::nullopt;
  std::vector<StreamId> streams = deferred_->streams;
  performed_ = std::move(deferred_);
  deferred_.reset();
  last_result_ = ReconfigResult::kSuccessPerformed;
  return streams;
}

}  // namespace tern::sctp

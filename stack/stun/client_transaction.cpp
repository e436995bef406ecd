#include "stun/client_transaction.hpp"

#include <algorithm>

namespace tern::stun {

ClientTransaction::ClientTransaction(Timestamp now, std::vector<uint8_t> request, const TransactionId& id,
                                     const SocketAddress& destination, const SocketAddress& source,
                                     TransportProtocol protocol, const TransactionConfig& config)
    : request_(std::move(request)),
      id_(id),
      destination_(destination),
      source_(source),
      protocol_(protocol),
      config_(config),
      first_sent_(now),
      deadline_(now),
      interval_(config.rto) {
  // Degenerate configurations still send once and still end.
  if (config_.max_transmissions == 0) config_.max_transmissions = 1;
  if (config_.rto <= Duration::zero()) config_.rto = Duration::millis(1);
  if (interval_ <= Duration::zero()) interval_ = config_.rto;
}

bool ClientTransaction::matches(const Message& message) const {
  const MessageClass c = message.message_class();
  if (c != MessageClass::kSuccessResponse && c != MessageClass::kErrorResponse) return false;
  return message.transaction_id() == id_;
}

bool ClientTransaction::handle_response(Timestamp now, const Message& response) {
  if (state_ != State::kRunning || !matches(response)) return false;
  state_ = State::kResponded;
  send_pending_ = false;
  TransactionEvent e;
  e.kind = TransactionEvent::Kind::kResponse;
  e.response_class = response.message_class();
  e.transmissions = transmissions_;
  // Karn's algorithm (RFC 8489 §6.2.1 refers to RFC 6298): a retransmitted request gives no RTT.
  if (transmissions_ == 1) e.rtt = now - first_sent_;
  event_ = e;
  return true;
}

std::optional<std::span<const uint8_t>> ClientTransaction::poll_transmit_bytes() {
  if (state_ != State::kRunning || !send_pending_) return std::nullopt;
  send_pending_ = false;
  ++transmissions_;
  const Timestamp sent_at = deadline_;
  if (transmissions_ == 1) first_sent_ = sent_at;
  if (protocol_ == TransportProtocol::kTcp) {
    // RFC 8489 §6.2.2: reliable transports are not retransmitted; fail after Ti.
    deadline_ = sent_at + config_.reliable_timeout;
  } else if (transmissions_ >= config_.max_transmissions) {
    // RFC 8489 §6.2.1: after Rc transmissions, wait Rm times the (initial) RTO.
    deadline_ = sent_at + config_.rto * config_.final_wait_factor;
  } else {
    deadline_ = sent_at + interval_;
    // RFC 8489 §6.2.1: the interval doubles after each retransmission.
    interval_ = interval_ * 2;
    if (config_.max_rto > Duration::zero()) interval_ = std::min(interval_, config_.max_rto);
  }
  return std::span<const uint8_t>(request_);
}

std::optional<Transmit> ClientTransaction::poll_transmit() {
  auto bytes = poll_transmit_bytes();
  if (!bytes) return std::nullopt;
  Transmit t;
  t.source = source_;
  t.destination = destination_;
  t.protocol = protocol_;
  t.payload.assign(bytes->begin(), bytes->end());
  return t;
}

std::optional<Timestamp> ClientTransaction::poll_timeout() const {
  if (state_ != State::kRunning) return std::nullopt;
  return deadline_;
}

void ClientTransaction::handle_timeout(Timestamp now) {
  if (state_ != State::kRunning || send_pending_ || now < deadline_) return;
  const bool last = protocol_ == TransportProtocol::kTcp || transmissions_ >= config_.max_transmissions;
  if (last) {
    state_ = State::kTimedOut;
    TransactionEvent e;
    e.kind = TransactionEvent::Kind::kTimeout;
    e.transmissions = transmissions_;
    event_ = e;
    return;
  }
  // The retransmission is due now; poll_transmit() stamps it with the scheduled time so a late
  // driver does not stretch the schedule.
  send_pending_ = true;
}

std::optional<TransactionEvent> ClientTransaction::poll_event() {
  auto e = event_;
  event_.reset();
  return e;
}

void ClientTransaction::cancel() {
  if (state_ == State::kRunning) state_ = State::kCancelled;
  send_pending_ = false;
  event_.reset();
}

}  // namespace tern::stun

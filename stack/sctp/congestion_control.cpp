#include "sctp/congestion_control.hpp"

#include <algorithm>

namespace tern::sctp {

CongestionControl::CongestionControl(size_t mtu, size_t initial_ssthresh)
    : mtu_(mtu),
      // RFC 9260 §7.2.1: initial cwnd = min(4 * MTU, max(2 * MTU, 4380 bytes)).
      cwnd_(std::min(4 * mtu, std::max(2 * mtu, size_t{4380}))),
      ssthresh_(initial_ssthresh) {}

void CongestionControl::on_sack(size_t bytes_acked, size_t flight_before, bool cum_advanced, uint64_t cum_ack,
                                size_t flight_after) {
  if (fast_recovery_exit_ && cum_ack >= *fast_recovery_exit_) {
    // RFC 9260 §7.2.4: fast recovery ends when the exit point is cumulatively acknowledged.
    fast_recovery_exit_.reset();
  }
  // "Fully utilized": before the SACK the sender could not have sent another full packet.
  const bool fully_utilized = flight_before + mtu_ > cwnd_;
  if (cwnd_ <= ssthresh_) {
    // RFC 9260 §7.2.1: in slow start, a SACK that advances the cumulative ack while cwnd is fully
    // used and outside fast recovery grows cwnd by at most min(bytes acked, L * MTU), L = 1.
    if (cum_advanced && fully_utilized && !fast_recovery_exit_) cwnd_ += std::min(bytes_acked, mtu_);
  } else {
    // RFC 9260 §7.2.2: congestion avoidance grows cwnd by one MTU per cwnd of acknowledged bytes.
    partial_bytes_acked_ += bytes_acked;
    if (cum_advanced && partial_bytes_acked_ >= cwnd_ && fully_utilized && !fast_recovery_exit_) {
      partial_bytes_acked_ -= cwnd_;
      cwnd_ += mtu_;
    }
  }
  // RFC 9260 §7.2.2: once all outstanding data is acknowledged, partial_bytes_acked resets.
  if (flight_after == 0) partial_bytes_acked_ = 0;
}

bool CongestionControl::on_fast_retransmit(uint64_t highest_outstanding) {
  // RFC 9260 §7.2.4: while in fast recovery, further losses do not reduce cwnd again.
  if (fast_recovery_exit_) return false;
  ssthresh_ = std::max(cwnd_ / 2, 4 * mtu_);
  cwnd_ = ssthresh_;
  partial_bytes_acked_ = 0;
  fast_recovery_exit_ = highest_outstanding;
  return true;
}

void CongestionControl::on_retransmission_timeout() {
  // RFC 9260 §7.2.3.
  ssthresh_ = std::max(cwnd_ / 2, 4 * mtu_);
  cwnd_ = mtu_;
  partial_bytes_acked_ = 0;
  fast_recovery_exit_.reset();
}

void CongestionControl::on_idle() { cwnd_ = std::min(cwnd_, std::max(cwnd_ / 2, 4 * mtu_)); }

}  // namespace tern::sctp

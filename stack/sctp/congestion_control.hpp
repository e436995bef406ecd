#pragma once
// Congestion control of the single path (RFC 9260 §7.2): slow start, congestion avoidance,
// fast recovery and the reaction to T3-rtx expiry. Byte counts are DATA chunk payload bytes
// (RFC 9260 §7.2: "bytes of DATA chunks"), MTU is the largest SCTP packet.
#include <cstddef>
#include <cstdint>
#include <optional>

namespace tern::sctp {

class CongestionControl {
 public:
  // RFC 9260 §7.2.1: cwnd starts at min(4 * MTU, max(2 * MTU, 4380)); ssthresh at the peer's
  // a_rwnd from INIT / INIT ACK.
  CongestionControl(size_t mtu, size_t initial_ssthresh);

  size_t cwnd() const { return cwnd_; }
  size_t ssthresh() const { return ssthresh_; }
  size_t partial_bytes_acked() const { return partial_bytes_acked_; }
  bool in_fast_recovery() const { return fast_recovery_exit_.has_value(); }
  bool in_slow_start() const { return cwnd_ <= ssthresh_; }

  // A SACK was processed. `bytes_acked`: payload newly acknowledged (cumulatively or by gap
  // blocks); `flight_before`: bytes outstanding before the SACK; `cum_advanced`: it moved the
  // cumulative TSN ack point to `cum_ack` (an unwrapped TSN); `flight_after`: bytes outstanding
  // after it. RFC 9260 §7.2.1 (slow start) and §7.2.2 (congestion avoidance); also leaves fast
  // recovery once `cum_ack` reaches its exit point (§7.2.4).
  void on_sack(size_t bytes_acked, size_t flight_before, bool cum_advanced, uint64_t cum_ack, size_t flight_after);
  // Loss detected by 3 miss indications (RFC 9260 §7.2.4): unless already in fast recovery,
  // ssthresh = max(cwnd / 2, 4 * MTU), cwnd = ssthresh, and fast recovery lasts until the
  // cumulative ack reaches `highest_outstanding` (an unwrapped TSN). Returns true when it entered
  // fast recovery (false: it was already in it and nothing changed).
  bool on_fast_retransmit(uint64_t highest_outstanding);
  // T3-rtx expired (RFC 9260 §7.2.3): ssthresh = max(cwnd / 2, 4 * MTU), cwnd = 1 MTU, and
  // fast recovery ends.
  void on_retransmission_timeout();
  // RFC 9260 §7.2.1: after an idle RTO, cwnd decays to max(cwnd / 2, 4 * MTU) (never grows).
  void on_idle();

 private:
  size_t mtu_;
  size_t cwnd_;
  size_t ssthresh_;
  size_t partial_bytes_acked_ = 0;
  std::optional<uint64_t> fast_recovery_exit_;
};

}  // namespace tern::sctp

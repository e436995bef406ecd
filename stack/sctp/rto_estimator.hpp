#pragma once
// Retransmission timeout computation (RFC 9260 §6.3.1) and its exponential back-off (§6.3.3 E2).
#include <optional>

#include "common/time.hpp"

namespace tern::sctp {

struct RtoConfig {
  Duration initial = Duration::seconds(1);  // RTO.Initial
  Duration min = Duration::seconds(1);      // RTO.Min
  Duration max = Duration::seconds(60);     // RTO.Max
};

class RtoEstimator {
 public:
  explicit RtoEstimator(const RtoConfig& config);

  // Feeds one round-trip measurement R (RFC 9260 §6.3.1 C1-C3): the first sets SRTT = R and
  // RTTVAR = R/2; later ones use RTO.Alpha = 1/8 and RTO.Beta = 1/4. RTO = SRTT + 4 * RTTVAR,
  // clamped to [min, max]. A new measurement also undoes any back-off.
  void observe(Duration rtt);
  // T3-rtx (or another timer) expired: RTO = min(2 * RTO, RTO.Max) (§6.3.3 E2).
  void back_off();

  Duration rto() const { return rto_; }
  std::optional<Duration> srtt() const { return srtt_; }
  Duration rttvar() const { return rttvar_; }

 private:
  RtoConfig config_;
  std::optional<Duration> srtt_;
  Duration rttvar_ = Duration::zero();
  Duration rto_;
};

}  // namespace tern::sctp

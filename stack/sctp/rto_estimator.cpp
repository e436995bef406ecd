#include "sctp/rto_estimator.hpp"

#include <algorithm>

namespace tern::sctp {
namespace {
// RFC 9260 §6.3.1 C3: RTTVAR that computes to zero is raised to the clock granularity G.
constexpr Duration kClockGranularity = Duration::millis(1);
}  // namespace

RtoEstimator::RtoEstimator(const RtoConfig& config)
    : config_(config), rto_(std::clamp(config.initial, config.min, config.max)) {}

void RtoEstimator::observe(Duration rtt) {
  if (rtt < Duration::zero()) return;
  if (!srtt_) {
    // RFC 9260 §6.3.1 C2: the first measurement.
    srtt_ = rtt;
    rttvar_ = rtt / 2;
  } else {
    // RFC 9260 §6.3.1 C3: RTTVAR uses the SRTT from before this update.
    const Duration delta = *srtt_ > rtt ? *srtt_ - rtt : rtt - *srtt_;
    rttvar_ = (rttvar_ * 3 + delta) / 4;   // (1 - 1/4) * RTTVAR + 1/4 * |SRTT - R'|
    srtt_ = (*srtt_ * 7 + rtt) / 8;        // (1 - 1/8) * SRTT + 1/8 * R'
  }
  if (rttvar_ == Duration::zero()) rttvar_ = kClockGranularity;
  // RFC 9260 §6.3.1 C3, C6, C7: RTO = SRTT + 4 * RTTVAR within [RTO.Min, RTO.Max].
  rto_ = std::clamp(*srtt_ + rttvar_ * 4, config_.min, config_.max);
}

void RtoEstimator::back_off() { rto_ = std::min(rto_ * 2, config_.max); }

}  // namespace tern::sctp

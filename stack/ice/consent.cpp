#include "ice/consent.hpp"

#include <algorithm>

namespace tern::ice {

Duration ConsentFreshness::jittered(Duration base, Rng& rng) const {
  // RFC 7675 §5.1: "a randomized interval between 0.8 and 1.2 times the basic period".
  const double factor = 0.8 + 0.4 * rng.next_double();
  return Duration::micros(static_cast<int64_t>(static_cast<double>(base.as_micros()) * factor));
}

void ConsentFreshness::start(Timestamp now, Rng& rng) {
  active_ = true;
  last_response_ = now;
  last_probe_.reset();
  next_probe_ = now + jittered(config_.interval, rng);
}

void ConsentFreshness::handle_response(Timestamp now) {
  if (!active_) return;
  last_response_ = std::max(last_response_, now);
}

void ConsentFreshness::probe_sent(Timestamp now, Rng& rng) {
  // Probe faster while the previous probe went unanswered, so a path that comes back is seen
  // quickly.
  const bool unanswered = last_probe_ && last_response_ < *last_probe_;
  last_probe_ = now;
  next_probe_ = now + jittered(unanswered ? config_.probe_interval : config_.interval, rng);
}

void ConsentFreshness::probe_unanswered(Timestamp now, Rng& rng) {
  if (!active_) return;
  next_probe_ = std::min(next_probe_, now + jittered(config_.probe_interval, rng));
}

ConsentFreshness::Status ConsentFreshness::status(Timestamp now) const {
  const Duration silent = now - last_response_;
  if (silent >= config_.timeout) return Status::kExpired;
  if (silent >= config_.disconnected_after) return Status::kStale;
  return Status::kFresh;
}

std::optional<Timestamp> ConsentFreshness::next_deadline(Timestamp now) const {
  if (!active_ || status(now) == Status::kExpired) return std::nullopt;
  Timestamp next = std::max(next_probe_, now);
  const Timestamp stale_at = last_response_ + config_.disconnected_after;
  const Timestamp expire_at = last_response_ + config_.timeout;
  if (stale_at > now) next = std::min(next, stale_at);
  if (expire_at > now) next = std::min(next, expire_at);
  return next;
}

}  // namespace tern::ice

#pragma once
// Consent freshness (RFC 7675) on the selected pair, plus the W3C "disconnected" heuristic.
//
// RFC 7675 §5.1: each side keeps sending Binding requests on the selected pair, at randomized
// intervals (0.8-1.2 times a 5 s period) so agents do not synchronise. Every authenticated success
// response renews consent; 30 s without one and consent is lost: the agent must stop sending
// (ICE state "failed"). Well before that, when responses stop for `disconnected_after`, the W3C
// state becomes "disconnected" (and probes speed up so a recovering path is noticed quickly); the
// next response brings it back to "connected".
#include <optional>

#include "common/rng.hpp"
#include "common/time.hpp"

namespace tern::ice {

struct ConsentConfig {
  // RFC 7675 §5.1: the basic period (randomized 0.8-1.2 each time).
  Duration interval = Duration::seconds(5);
  // The period (randomized the same way) while the previous probe is unanswered.
  Duration probe_interval = Duration::seconds(1);
  // No response for this long: "disconnected" (W3C RTCIceConnectionState).
  Duration disconnected_after = Duration::seconds(8);
  // RFC 7675 §5.1: "Consent expires after 30 seconds."
  Duration timeout = Duration::seconds(30);
};

class ConsentFreshness {
 public:
  enum class Status : uint8_t { kFresh, kStale, kExpired };

  explicit ConsentFreshness(const ConsentConfig& config = {}) : config_(config) {}

  // Consent is granted at `now` (a check on the pair just succeeded); schedules the first probe.
  void start(Timestamp now, Rng& rng);
  bool active() const { return active_; }
  void stop() { active_ = false; }
  // An authenticated success response to one of our probes arrived.
  void handle_response(Timestamp now);
  // Whether a probe should be sent now.
  bool probe_due(Timestamp now) const { return active_ && now >= next_probe_; }
  // A probe was sent at `now`: schedules the next one.
  void probe_sent(Timestamp now, Rng& rng);
  // A probe's transaction ended without a response: probe again soon (probe_interval).
  void probe_unanswered(Timestamp now, Rng& rng);
  // kFresh, kStale (no response for disconnected_after), kExpired (none for timeout).
  Status status(Timestamp now) const;
  // The next moment something happens after `now`: a probe, or a status change. nullopt when
  // inactive or expired.
  std::optional<Timestamp> next_deadline(Timestamp now) const;
  Timestamp last_response() const { return last_response_; }

 private:
  Duration jittered(Duration base, Rng& rng) const;

  ConsentConfig config_;
  bool active_ = false;
  Timestamp last_response_;
  Timestamp next_probe_;
  std::optional<Timestamp> last_probe_;
};

}  // namespace tern::ice

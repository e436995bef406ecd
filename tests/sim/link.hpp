#pragma once
// One direction of a simulated link: latency, jitter, loss (Bernoulli or Gilbert-Elliott),
// reordering, duplication, MTU and a bandwidth cap with a bounded tail-drop queue.
//
// Order of impairments for each packet offered at time `now` (like Linux netem):
//   down? -> MTU? -> loss -> duplication -> queue/serialization -> latency + jitter -> reorder.
// A duplicate is a second copy that goes through the queue and the delay stages independently.
#include <array>
#include <cstddef>
#include <cstdint>
#include <deque>
#include <optional>
#include <string>

#include "common/rng.hpp"
#include "common/time.hpp"
#include "sim/trace.hpp"

namespace tern::sim {

// Two-state burst-loss model: the link flips between a good and a bad state before each packet,
// then loses the packet with that state's loss probability.
struct GilbertElliott {
  double p_good_to_bad = 0.0;  // per packet, probability of entering the bad state
  double p_bad_to_good = 1.0;  // per packet, probability of leaving it
  double loss_good = 0.0;      // loss probability while good
  double loss_bad = 1.0;       // loss probability while bad
};

// Configuration of one direction. The default is an ideal link: no delay, no loss, no cap.
struct LinkConfig {
  Duration latency = Duration::zero();  // fixed one-way propagation delay
  Duration jitter = Duration::zero();   // extra delay, uniform in [0, jitter]
  // When set, jitter never reorders: a packet never arrives before the previous one did.
  bool jitter_keeps_order = false;
  double loss = 0.0;                     // independent loss probability (ignored with burst_loss)
  std::optional<GilbertElliott> burst_loss;
  double duplicate = 0.0;                // probability a packet is delivered twice
  double reorder = 0.0;                  // probability a packet is held back by reorder_delay
  Duration reorder_delay = Duration::millis(10);
  uint64_t rate_bps = 0;                 // bandwidth cap in bits per second; 0 = unlimited
  size_t queue_bytes = 64 * 1024;        // bytes waiting for serialization before tail drop
  size_t mtu = 0;                        // largest payload in bytes; 0 = unlimited
  bool down = false;                     // drops everything

  // Convenience: a link with only a fixed latency.
  static LinkConfig delay(Duration latency) {
    LinkConfig c;
    c.latency = latency;
    return c;
  }
};

// Per-direction counters. delivered counts copies that reached the far end (duplicates included),
// so once nothing is in flight: delivered == sent + duplicated - dropped().
struct LinkCounters {
  uint64_t sent = 0;
  uint64_t delivered = 0;
  uint64_t dropped_loss = 0;
  uint64_t dropped_queue = 0;
  uint64_t dropped_down = 0;
  uint64_t dropped_mtu = 0;
  uint64_t duplicated = 0;
  uint64_t reordered = 0;  // packets held back by the reorder stage
  uint64_t bytes_sent = 0;
  uint64_t bytes_delivered = 0;

  uint64_t dropped() const { return dropped_loss + dropped_queue + dropped_down + dropped_mtu; }
};

// "sent=.. delivered=.. loss=.. queue=.. ..." on one line.
std::string describe(const LinkCounters& counters);

class Link {
 public:
  // `seed` feeds this link's own random stream, so adding a link elsewhere in the topology does not
  // change what happens on this one.
  Link(std::string name, LinkConfig config, uint64_t seed);

  // What submit() decided for one offered packet.
  struct Outcome {
    std::array<Timestamp, 2> arrivals{};  // when each surviving copy reaches the far end
    size_t count = 0;                     // 0, 1 or 2 (duplication)
    DropReason drop = DropReason::kNone;  // why a copy was discarded, if one was
  };

  // Offers a packet of `size` bytes at `now`; updates counters and the queue state.
  Outcome submit(Timestamp now, size_t size);
  // Called by the network when a copy reaches the far end.
  void count_delivered(size_t size);

  const std::string& name() const { return name_; }
  const LinkConfig& config() const { return config_; }
  // Replaces the configuration; packets already in flight keep their arrival times, the queue
  // keeps its backlog.
  void set_config(const LinkConfig& config) { config_ = config; }
  void set_down(bool down) { config_.down = down; }
  const LinkCounters& counters() const { return counters_; }
  void reset_counters() { counters_ = {}; }
  // Bytes waiting for serialization at `now` (0 without a rate cap).
  size_t backlog_bytes(Timestamp now);

 private:
  bool lose();
  bool chance(double p);
  std::optional<Timestamp> serialize(Timestamp now, size_t size);

  struct Queued {
    Timestamp departure;
    size_t size;
  };

  std::string name_;
  LinkConfig config_;
  SeededRng rng_;
  LinkCounters counters_;
  bool bad_state_ = false;     // Gilbert-Elliott state
  Timestamp busy_until_;       // end of the current serialization
  std::deque<Queued> queue_;   // packets not yet fully serialized
  size_t backlog_ = 0;         // sum of queue_ sizes
  Timestamp last_arrival_;     // for jitter_keeps_order
};

}  // namespace tern::sim

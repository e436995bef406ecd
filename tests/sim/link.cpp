#include "sim/link.hpp"

#include <algorithm>
#include <cinttypes>
#include <cstdio>
#include <utility>

namespace tern::sim {

std::string describe(const LinkCounters& c) {
  char buf[256];
  std::snprintf(buf, sizeof buf,
                "sent=%" PRIu64 " delivered=%" PRIu64 " loss=%" PRIu64 " queue=%" PRIu64
                " down=%" PRIu64 " mtu=%" PRIu64 " duplicated=%" PRIu64 " reordered=%" PRIu64,
                c.sent, c.delivered, c.dropped_loss, c.dropped_queue, c.dropped_down, c.dropped_mtu,
                c.duplicated, c.reordered);
  return buf;
}

Link::Link(std::string name, LinkConfig config, uint64_t seed)
    : name_(std::move(name)), config_(config), rng_(seed) {}

bool Link::chance(double p) {
  // Draw only when the probability can matter, so an ideal link consumes no randomness.
  if (p <= 0.0) return false;
  if (p >= 1.0) return true;
  return rng_.next_double() < p;
}

bool Link::lose() {
  if (config_.burst_loss) {
    const GilbertElliott& ge = *config_.burst_loss;
    if (bad_state_) {
      if (chance(ge.p_bad_to_good)) bad_state_ = false;
    } else {
      if (chance(ge.p_good_to_bad)) bad_state_ = true;
    }
    return chance(bad_state_ ? ge.loss_bad : ge.loss_good);
  }
  return chance(config_.loss);
}

size_t Link::backlog_bytes(Timestamp now) {
  while (!queue_.empty() && queue_.front().departure <= now) {
    backlog_ -= queue_.front().size;
    queue_.pop_front();
  }
  return backlog_;
}

// Returns when the last bit leaves the sender, or nullopt on tail drop.
std::optional<Timestamp> Link::serialize(Timestamp now, size_t size) {
  if (config_.rate_bps == 0) return now;
  if (backlog_bytes(now) + size > config_.queue_bytes) return std::nullopt;
  const Timestamp start = std::max(now, busy_until_);
  // Serialization time rounded up to the microsecond.
  const uint64_t bits_us = static_cast<uint64_t>(size) * 8 * 1000000;
  const int64_t tx_us = static_cast<int64_t>((bits_us + config_.rate_bps - 1) / config_.rate_bps);
  busy_until_ = start + Duration::micros(tx_us);
  queue_.push_back({busy_until_, size});
  backlog_ += size;
  return busy_until_;
}

Link::Outcome Link::submit(Timestamp now, size_t size) {
  Outcome out;
  ++counters_.sent;
  counters_.bytes_sent += size;
  if (config_.down) {
    ++counters_.dropped_down;
    out.drop = DropReason::kLinkDown;
    return out;
  }
  if (config_.mtu != 0 && size > config_.mtu) {
    ++counters_.dropped_mtu;
    out.drop = DropReason::kMtu;
    return out;
  }
  if (lose()) {
    ++counters_.dropped_loss;
    out.drop = DropReason::kLoss;
    return out;
  }
  size_t copies = 1;
  if (chance(config_.duplicate)) {
    copies = 2;
    ++counters_.duplicated;
  }
  for (size_t i = 0; i < copies; ++i) {
    std::optional<Timestamp> departure = serialize(now, size);
    if (!departure) {
      ++counters_.dropped_queue;
      out.drop = DropReason::kQueue;
      continue;
    }
    Timestamp arrival = *departure + config_.latency;
    if (config_.jitter > Duration::zero()) {
      const uint64_t span = static_cast<uint64_t>(config_.jitter.as_micros()) + 1;
      const uint64_t extra = span > UINT32_MAX ? rng_.next_u64() % span : rng_.uniform(static_cast<uint32_t>(span));
      arrival += Duration::micros(static_cast<int64_t>(extra));
    }
    if (chance(config_.reorder)) {
      // Held back: later packets overtake it.
      arrival += config_.reorder_delay;
      ++counters_.reordered;
    } else if (config_.jitter_keeps_order) {
      arrival = std::max(arrival, last_arrival_);
      last_arrival_ = arrival;
    }
    out.arrivals[out.count++] = arrival;
  }
  return out;
}

void Link::count_delivered(size_t size) {
  ++counters_.delivered;
  counters_.bytes_delivered += size;
}

}  // namespace tern::sim

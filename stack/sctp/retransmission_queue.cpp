#include "sctp/retransmission_queue.hpp"

#include <algorithm>
#include <map>

#include "sctp/tsn.hpp"

namespace tern::sctp {

RetransmissionQueue::RetransmissionQueue(Tsn initial_tsn)
    : cum_ack_(initial_unwrapped_tsn(initial_tsn) - 1), next_tsn_(initial_unwrapped_tsn(initial_tsn)) {}

uint64_t RetransmissionQueue::add(OutgoingFragment fragment, Timestamp now) {
  Item item;
  item.tsn = next_tsn_++;
  item.sent_at = now;
  item.transmissions = 1;
  const size_t n = fragment.length;
  item.fragment = std::move(fragment);
  flight_ += n;
  outstanding_ += n;
  items_.push_back(std::move(item));
  return items_.back().tsn;
}

RetransmissionQueue::Item* RetransmissionQueue::find(uint64_t tsn) {
  if (tsn <= cum_ack_ || tsn - cum_ack_ > items_.size()) return nullptr;
  return &items_[tsn - cum_ack_ - 1];
}

void RetransmissionQueue::forget(const Item& item) {
  const size_t n = item.fragment.length;
  switch (item.state) {
    case State::kInFlight: flight_ -= n; outstanding_ -= n; break;
    case State::kToRetransmit: outstanding_ -= n; retransmit_.erase(item.tsn); break;
    case State::kAcked: --acked_in_queue_; break;
    case State::kAbandoned: break;
  }
}

void RetransmissionQueue::set_state(Item& item, State state) {
  const size_t n = item.fragment.length;
  forget(item);
  item.state = state;
  switch (state) {
    case State::kInFlight: flight_ += n; outstanding_ += n; break;
    case State::kToRetransmit: outstanding_ += n; retransmit_.insert(item.tsn); break;
    case State::kAcked: ++acked_in_queue_; break;
    case State::kAbandoned: ++chunks_abandoned_; break;
  }
}

RetransmissionQueue::SackResult RetransmissionQueue::handle_sack(const SackChunk& sack, Timestamp now) {
  SackResult r;
  const uint64_t cum = unwrap_tsn(sack.cumulative_tsn_ack, cum_ack_);
  // RFC 9260 §6.2.1 D i): a SACK older than the cumulative ack point arrived out of order: drop.
  // One acknowledging TSNs never sent is bogus: drop it too.
  if (cum < cum_ack_ || cum > highest_sent()) return r;
  r.accepted = true;
  r.flight_before = flight_;
  uint64_t highest_newly_acked = 0;
  std::optional<Timestamp> rtt_sent_at;
  auto newly_acked = [&](Item& item) {
    if (item.state != State::kInFlight && item.state != State::kToRetransmit) return false;
    r.bytes_acked += item.fragment.length;
    highest_newly_acked = std::max(highest_newly_acked, item.tsn);
    // RFC 9260 §6.3.1 C5 (Karn): only chunks sent exactly once give RTT measurements.
    if (item.transmissions == 1 && item.state == State::kInFlight) rtt_sent_at = item.sent_at;
    return true;
  };
  // Cumulative part.
  while (!items_.empty() && items_.front().tsn <= cum) {
    Item& item = items_.front();
    newly_acked(item);
    forget(item);
    items_.pop_front();
  }
  r.cum_advanced = cum > cum_ack_;
  cum_ack_ = cum;

  // Gap blocks: increasing and disjoint (RFC 9260 §3.3.4), else their information is unusable.
  bool gaps_valid = true;
  uint32_t previous_end = 0;
  for (const GapAckBlock& b : sack.gap_ack_blocks) {
    if (b.start <= previous_end && previous_end != 0) gaps_valid = false;
    previous_end = b.end;
  }
  if (gaps_valid && (!sack.gap_ack_blocks.empty() || acked_in_queue_ > 0)) {
    size_t block = 0;
    for (Item& item : items_) {
      const uint64_t offset = item.tsn - cum;
      while (block < sack.gap_ack_blocks.size() && sack.gap_ack_blocks[block].end < offset) ++block;
      const bool covered = block < sack.gap_ack_blocks.size() && sack.gap_ack_blocks[block].start <= offset;
      if (covered) {
        if (newly_acked(item)) set_state(item, State::kAcked);
      } else if (item.state == State::kAcked) {
        // RFC 9260 §6.2.1: the receiver reneged on a gap-acked chunk; it is outstanding again.
        set_state(item, State::kInFlight);
      }
      if (block == sack.gap_ack_blocks.size() && acked_in_queue_ == 0) break;
    }
  }
  if (rtt_sent_at) r.rtt = now - *rtt_sent_at;

  // RFC 9260 §7.2.4 (HTNA): chunks below the highest newly acknowledged TSN that are still
  // missing get a miss indication; the third one triggers fast retransmit, once per chunk.
  if (highest_newly_acked != 0) {
    for (Item& item : items_) {
      if (item.tsn >= highest_newly_acked) break;
      if (item.state != State::kInFlight || item.fast_retransmitted) continue;
      if (++item.misses >= 3) {
        mark_lost(item, now, /*fast=*/true);
        r.new_fast_retransmits = true;
      }
    }
  }
  return r;
}

void RetransmissionQueue::mark_lost(Item& item, Timestamp now, bool fast) {
  const OutgoingFragment& f = item.fragment;
  // RFC 3758 §3.5 A1/A2: a chunk past its retransmission limit or lifetime is abandoned, with the
  // rest of its message, instead of being retransmitted.
  const bool too_many = f.max_retransmits && item.transmissions > *f.max_retransmits;
  const bool expired = f.expires_at && *f.expires_at <= now;
  if (too_many || expired) {
    abandon_message(f.message_id);
    return;
  }
  if (fast) item.fast_retransmitted = true;
  set_state(item, State::kToRetransmit);
}

void RetransmissionQueue::handle_t3_expiry(Timestamp now) {
  for (Item& item : items_) {
    if (item.state == State::kInFlight) mark_lost(item, now, /*fast=*/false);
  }
}

RetransmissionQueue::Item* RetransmissionQueue::next_retransmission(Timestamp now) {
  while (!retransmit_.empty()) {
    Item* item = find(*retransmit_.begin());
    TERN_ASSERT(item != nullptr && item->state == State::kToRetransmit, "retransmit set out of sync");
    const OutgoingFragment& f = item->fragment;
    if (f.expires_at && *f.expires_at <= now) {
      abandon_message(f.message_id);
      continue;
    }
    return item;
  }
  return nullptr;
}

void RetransmissionQueue::mark_retransmitted(Item& item, Timestamp now) {
  item.sent_at = now;
  ++item.transmissions;
  item.misses = 0;
  set_state(item, State::kInFlight);
}

bool RetransmissionQueue::has_fast_retransmissions() const {
  for (uint64_t tsn : retransmit_) {
    if (items_[tsn - cum_ack_ - 1].fast_retransmitted) return true;
  }
  return false;
}

void RetransmissionQueue::abandon_message(uint64_t message_id) {
  bool any = false;
  for (Item& item : items_) {
    if (item.fragment.message_id != message_id) continue;
    any = true;
    // A chunk the peer already has (gap-acked) stays as it is; the rest is given up.
    if (item.state == State::kInFlight || item.state == State::kToRetransmit) set_state(item, State::kAbandoned);
  }
  if (any) abandoned_messages_.push_back(message_id);
}

std::vector<uint64_t> RetransmissionQueue::take_abandoned_messages() {
  std::vector<uint64_t> out;
  out.swap(abandoned_messages_);
  return out;
}

uint64_t RetransmissionQueue::advanced_peer_ack_point() const {
  uint64_t point = cum_ack_;
  for (const Item& item : items_) {
    if (item.state != State::kAbandoned) break;
    point = item.tsn;
  }
  return point;
}

ForwardTsnChunk RetransmissionQueue::make_forward_tsn() const {
  ForwardTsnChunk f;
  const uint64_t point = advanced_peer_ack_point();
  f.new_cumulative_tsn = wrap_tsn(point);
  std::map<uint16_t, uint16_t> last_ssn;
  for (const Item& item : items_) {
    if (item.tsn > point) break;
    // RFC 3758 §3.5 C4: only ordered streams need their SSN skipped.
    if (!item.fragment.unordered) last_ssn[item.fragment.stream.value] = item.fragment.ssn;
  }
  for (const auto& [stream, ssn] : last_ssn) f.skipped.push_back({StreamId(stream), ssn});
  return f;
}

}  // namespace tern::sctp

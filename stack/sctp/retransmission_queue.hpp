#pragma once
// Send-side bookkeeping of DATA chunks that have a TSN but are not yet cumulatively acknowledged
// (RFC 9260 §6.2.1 SACK processing, §6.3.3 T3-rtx marking, §7.2.4 fast retransmit) and the
// sender's part of PR-SCTP (RFC 3758 §3.5: abandoning chunks, the Advanced.Peer.Ack.Point and
// FORWARD TSN).
//
// Byte counts are payload bytes: flight_size() counts chunks in flight (sent, not acked, not
// marked lost); outstanding_bytes() adds those marked for retransmission (what the peer's window
// must still hold, RFC 9260 §6.2.1).
#include <cstddef>
#include <cstdint>
#include <deque>
#include <optional>
#include <set>
#include <vector>

#include "common/ids.hpp"
#include "common/time.hpp"
#include "sctp/chunks/forward_tsn_chunk.hpp"
#include "sctp/chunks/sack_chunk.hpp"
#include "sctp/send_queue.hpp"

namespace tern::sctp {

class RetransmissionQueue {
 public:
  enum class State : uint8_t {
    kInFlight,      // sent, no news yet
    kToRetransmit,  // considered lost: waits for retransmission
    kAcked,         // acknowledged by a gap block (may still be reneged)
    kAbandoned,     // PR-SCTP: given up (RFC 3758 §3.5)
  };
  struct Item {
    uint64_t tsn = 0;  // unwrapped
    OutgoingFragment fragment;
    Timestamp sent_at;
    uint16_t transmissions = 0;
    uint8_t misses = 0;               // miss indications (RFC 9260 §7.2.4)
    bool fast_retransmitted = false;  // fast retransmit happens at most once per chunk
    State state = State::kInFlight;
  };

  // What one SACK changed.
  struct SackResult {
    bool accepted = false;          // false: older than the cumulative ack point (or invalid): ignored
    bool cum_advanced = false;
    size_t bytes_acked = 0;         // newly acknowledged payload bytes (cumulative + gap blocks)
    size_t flight_before = 0;
    std::optional<Duration> rtt;    // from the newest newly-acked chunk sent only once (Karn)
    bool new_fast_retransmits = false;  // chunks reached 3 miss indications
  };

  // The local Initial TSN: the first chunk gets it.
  explicit RetransmissionQueue(Tsn initial_tsn);

  // Gives the fragment the next TSN and records it as sent at `now`. Returns the (unwrapped) TSN.
  uint64_t add(OutgoingFragment fragment, Timestamp now);

  // RFC 9260 §6.2.1: processes a SACK. Gap blocks must be increasing and disjoint (the chunk's
  // gap information is ignored otherwise).
  SackResult handle_sack(const SackChunk& sack, Timestamp now);
  // RFC 9260 §6.3.3 E3: T3-rtx expired: every chunk in flight is marked for retransmission (or
  // abandoned, when its PR-SCTP limit is reached).
  void handle_t3_expiry(Timestamp now);

  // The lowest-TSN chunk waiting for retransmission, or nullptr. Chunks whose lifetime ended are
  // abandoned on the way (RFC 3758 §3.5 A2).
  Item* next_retransmission(Timestamp now);
  // `item` (from next_retransmission()) was sent again at `now`.
  void mark_retransmitted(Item& item, Timestamp now);
  bool has_retransmissions() const { return !retransmit_.empty(); }
  // True when a chunk marked by fast retransmit is still waiting to go out.
  bool has_fast_retransmissions() const;

  // Abandons every chunk of `message_id` (RFC 3758 §3.5 A3).
  void abandon_message(uint64_t message_id);
  // Messages abandoned since the last call (the send queue drops their unsent fragments).
  std::vector<uint64_t> take_abandoned_messages();

  // RFC 3758 §3.5 C1: the Advanced.Peer.Ack.Point (unwrapped): the cumulative ack point moved
  // over every abandoned chunk that directly follows it.
  uint64_t advanced_peer_ack_point() const;
  bool forward_tsn_needed() const { return advanced_peer_ack_point() > cum_ack_; }
  // RFC 3758 §3.5 C4: FORWARD TSN to the Advanced.Peer.Ack.Point, with the highest skipped SSN of
  // each ordered stream among the skipped chunks.
  ForwardTsnChunk make_forward_tsn() const;

  uint64_t cumulative_ack() const { return cum_ack_; }
  uint64_t next_tsn() const { return next_tsn_; }
  uint64_t highest_sent() const { return next_tsn_ - 1; }
  size_t flight_size() const { return flight_; }
  size_t outstanding_bytes() const { return outstanding_; }
  // True when chunks are not yet cumulatively acknowledged (abandoned ones included: a FORWARD
  // TSN must still get through).
  bool has_unacked() const { return !items_.empty(); }
  size_t size() const { return items_.size(); }

  uint64_t chunks_abandoned() const { return chunks_abandoned_; }

 private:
  Item* find(uint64_t tsn);
  void mark_lost(Item& item, Timestamp now, bool fast);
  void set_state(Item& item, State state);
  // Removes the item's current state from the byte and set accounting.
  void forget(const Item& item);

  std::deque<Item> items_;  // items_[i].tsn == cum_ack_ + 1 + i
  std::set<uint64_t> retransmit_;
  uint64_t cum_ack_;
  uint64_t next_tsn_;
  size_t flight_ = 0;
  size_t outstanding_ = 0;
  size_t acked_in_queue_ = 0;  // items in kAcked
  std::vector<uint64_t> abandoned_messages_;
  uint64_t chunks_abandoned_ = 0;
};

}  // namespace tern::sctp

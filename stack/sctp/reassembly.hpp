#pragma once
// Receive-side message reassembly and delivery order (RFC 9260 §6.5, §6.6, §6.9): fragments are
// joined by TSN (B ... E, consecutive TSNs); ordered messages leave in Stream Sequence Number
// order per stream, unordered ones as soon as they are complete. Also the receiver's part of
// PR-SCTP (RFC 3758 §3.6) and of incoming stream resets (RFC 6525 §5.2.2).
//
// TSNs here are unwrapped (tsn.hpp). Memory is bounded by the caller (the association drops DATA
// when buffered_bytes() would exceed its receive window) and by max_message_size.
#include <cstddef>
#include <cstdint>
#include <deque>
#include <map>
#include <optional>
#include <span>
#include <unordered_map>
#include <vector>

#include "common/error.hpp"
#include "common/ids.hpp"
#include "sctp/chunks/data_chunk.hpp"
#include "sctp/chunks/forward_tsn_chunk.hpp"

namespace tern::sctp {

struct ReceivedMessage {
  StreamId stream{0};
  uint32_t ppid = 0;
  bool unordered = false;
  std::vector<uint8_t> payload;
};

class Reassembly {
 public:
  explicit Reassembly(size_t max_message_size);

  // Stores a new (non-duplicate) DATA chunk with unwrapped TSN `tsn`, copying its payload, and
  // queues every message it completes. Errors: kMessageTooLarge (the message being reassembled
  // exceeds max_message_size; nothing is stored).
  Status add(uint64_t tsn, const DataChunk& chunk);

  bool has_message() const { return !ready_.empty(); }
  // The next deliverable message. Precondition: has_message().
  ReceivedMessage pop();
  // Payload bytes held (fragments and messages not yet popped).
  size_t buffered_bytes() const { return buffered_; }

  // RFC 3758 §3.6: drops unordered fragments at or below `new_cumulative`; for each listed ordered
  // stream, delivers the complete messages up to the skipped SSN, drops the incomplete ones, and
  // continues at SSN + 1. Streams at or above `stream_count` are ignored.
  void forward(uint64_t new_cumulative, std::span<const ForwardTsnChunk::SkippedStream> skipped,
               uint16_t stream_count = 0xffff);

  // RFC 6525 §5.2.2 deferred reset: until perform_reset(), DATA on `streams` (empty: all) with a
  // TSN above `last_tsn` is held back, because it already uses the post-reset numbering.
  void defer_reset(std::span<const StreamId> streams, uint64_t last_tsn);
  // Resets the next expected SSN of `streams` (empty: all) to 0 and replays the held-back DATA.
  // Errors: those of add() for the replayed chunks.
  Status perform_reset(std::span<const StreamId> streams);
  bool reset_deferred() const { return deferred_.has_value(); }

 private:
  struct Fragment {
    std::vector<uint8_t> data;
    uint32_t ppid = 0;
    bool beginning = false;
    bool ending = false;
  };
  // An ordered message being assembled: fragments in TSN order are appended to `data`; the ones
  // that arrive early wait in `early`.
  struct Pending {
    uint32_t ppid = 0;
    bool have_first = false;
    bool complete = false;
    uint64_t next_tsn = 0;  // the TSN that extends `data`
    std::vector<uint8_t> data;
    std::map<uint64_t, Fragment> early;
    size_t bytes = 0;
  };
  struct OrderedStream {
    uint16_t next_ssn = 0;
    std::unordered_map<uint16_t, Pending> pending;
  };
  struct HeldChunk {
    uint64_t tsn;
    DataChunk chunk;  // payload points into `data`
    std::vector<uint8_t> data;
  };
  struct Deferred {
    std::vector<StreamId> streams;
    uint64_t last_tsn = 0;
    std::vector<HeldChunk> held;
  };

  Status add_ordered(uint64_t tsn, const DataChunk& chunk);
  Status add_unordered(uint64_t tsn, const DataChunk& chunk);
  void deliver_ready(StreamId stream, OrderedStream& s);
  void drop_pending(Pending& p);
  bool deferred_covers(StreamId stream) const;

  size_t max_message_size_;
  size_t buffered_ = 0;
  std::unordered_map<uint16_t, OrderedStream> streams_;
  std::map<uint64_t, std::pair<StreamId, Fragment>> unordered_;
  std::deque<ReceivedMessage> ready_;
  std::optional<Deferred> deferred_;
};

}  // namespace tern::sctp

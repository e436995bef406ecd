#pragma once
// Outgoing user messages not yet handed to the network, per stream, and their fragmentation into
// DATA chunk payloads (RFC 9260 §6.9). Streams take turns message by message (round robin); once
// a message's first fragment is out, its remaining fragments follow back to back, because the
// fragments of one message carry consecutive TSNs (§6.9).
//
// Also: per-stream buffered amounts (W3C RTCDataChannel.bufferedAmount: bytes accepted by send()
// and not yet sent), PR-SCTP lifetimes of messages that never left (RFC 3758 §3.1), and the
// sender's SSN reset after an outgoing stream reset (RFC 6525 §5.1.2).
#include <cstddef>
#include <cstdint>
#include <deque>
#include <map>
#include <memory>
#include <span>
#include <optional>
#include <vector>

#include "common/ids.hpp"
#include "common/time.hpp"

namespace tern::sctp {

// Per-message delivery options (RFC 3758 PR-SCTP policies, RFC 8831 §6.4 channel reliability).
struct SendOptions {
  bool unordered = false;
  // Abandon after this many retransmissions (0: never retransmitted). Unset: fully reliable.
  std::optional<uint16_t> max_retransmits;
  // Abandon once this long has passed since send(). Unset: no lifetime.
  std::optional<Duration> max_lifetime;
};

// One DATA chunk's worth of a message, ready for a TSN.
struct OutgoingFragment {
  StreamId stream{0};
  uint16_t ssn = 0;
  uint32_t ppid = 0;
  bool unordered = false;
  bool beginning = false;
  bool ending = false;
  std::shared_ptr<const std::vector<uint8_t>> message;  // keeps the bytes alive
  size_t offset = 0;
  size_t length = 0;
  uint64_t message_id = 0;  // local, unique per message
  std::optional<uint16_t> max_retransmits;
  std::optional<Timestamp> expires_at;

  std::span<const uint8_t> payload() const { return std::span<const uint8_t>(*message).subspan(offset, length); }
};

class SendQueue {
 public:
  // Queues a message (takes ownership of the bytes). The caller has checked the stream, size and
  // buffer limits.
  void push(Timestamp now, StreamId stream, uint32_t ppid, std::vector<uint8_t> payload, const SendOptions& options);

  // The next fragment of at most `max_payload` bytes (> 0), or nullopt when nothing may be sent.
  // Messages whose lifetime ran out before their first fragment are dropped here (counted in
  // expired_unsent()).
  std::optional<OutgoingFragment> produce(Timestamp now, size_t max_payload);
  // True when produce() may return a fragment (ignoring lifetimes).
  bool has_sendable() const;
  // True when a message has sent some fragments but not all (its rest must follow).
  bool has_partial_message() const { return current_.has_value(); }

  // Bytes queued and not yet fragmented, for one stream and in total.
  size_t buffered_amount(StreamId stream) const;
  size_t total_buffered() const { return total_buffered_; }
  // W3C bufferedAmountLowThreshold: when a stream's buffered amount falls from above the
  // threshold to at or below it, the stream is reported by take_buffered_amount_low().
  void set_buffered_amount_low_threshold(StreamId stream, size_t bytes);
  std::vector<StreamId> take_buffered_amount_low();

  // The abandoned message's unsent fragments are discarded (PR-SCTP, RFC 3758 §3.5 A3: all of
  // its chunks are abandoned). No effect when it is fully sent.
  void discard_message(uint64_t message_id);

  // True when no message of `stream` is partially sent.
  bool stream_idle(StreamId stream) const;
  // RFC 6525 §5.1.2: the outgoing reset took effect: the stream's next SSN is 0.
  void reset_stream(StreamId stream);

  uint64_t expired_unsent() const { return expired_unsent_; }

 private:
  struct Message {
    std::shared_ptr<const std::vector<uint8_t>> payload;
    size_t offset = 0;
    uint32_t ppid = 0;
    uint64_t id = 0;
    bool unordered = false;
    std::optional<uint16_t> max_retransmits;
    std::optional<Timestamp> expires_at;
    uint16_t ssn = 0;
  };
  struct Stream {
    std::deque<Message> queue;
    uint16_t next_ssn = 0;
    size_t buffered = 0;
    size_t low_threshold = 0;
  };

  void consume(uint16_t stream_id, Stream& s, size_t bytes);
  static bool sendable(const Stream& s) { return !s.queue.empty(); }

  std::map<uint16_t, Stream> streams_;
  std::optional<uint16_t> current_;  // stream with a partially sent message
  uint16_t last_served_ = 0xffff;    // round-robin position
  size_t total_buffered_ = 0;
  uint64_t next_message_id_ = 1;
  uint64_t expired_unsent_ = 0;
  std::vector<StreamId> low_events_;
};

}  // namespace tern::sctp

#include "sctp/send_queue.hpp"

#include <algorithm>

#include "common/assert.hpp"

namespace tern::sctp {

void SendQueue::push(Timestamp now, StreamId stream, uint32_t ppid, std::vector<uint8_t> payload,
                     const SendOptions& options) {
  Stream& s = streams_[stream.value];
  Message m;
  const size_t size = payload.size();
  m.payload = std::make_shared<const std::vector<uint8_t>>(std::move(payload));
  m.ppid = ppid;
  m.id = next_message_id_++;
  m.unordered = options.unordered;
  m.max_retransmits = options.max_retransmits;
  if (options.max_lifetime) m.expires_at = now + *options.max_lifetime;
  s.queue.push_back(std::move(m));
  s.buffered += size;
  total_buffered_ += size;
}

bool SendQueue::has_sendable() const {
  if (current_) return true;
  return std::any_of(streams_.begin(), streams_.end(), [&](const auto& e) { return sendable(e.second); });
}

void SendQueue::consume(uint16_t stream_id, Stream& s, size_t bytes) {
  const size_t before = s.buffered;
  s.buffered -= bytes;
  total_buffered_ -= bytes;
  // W3C: bufferedamountlow fires when the amount falls from above the threshold to at or below.
  if (before > s.low_threshold && s.buffered <= s.low_threshold) low_events_.push_back(StreamId(stream_id));
}

std::optional<OutgoingFragment> SendQueue::produce(Timestamp now, size_t max_payload) {
  TERN_ASSERT(max_payload > 0, "SendQueue::produce with no room");
  if (!current_) {
    // Round robin: the first sendable stream after the one served last, wrapping around.
    for (;;) {
      auto it = streams_.upper_bound(last_served_);
      auto pick = std::find_if(it, streams_.end(), [&](const auto& e) { return sendable(e.second); });
      if (pick == streams_.end()) {
        pick = std::find_if(streams_.begin(), it, [&](const auto& e) { return sendable(e.second); });
        if (pick == it) return std::nullopt;
      }
      Stream& s = pick->second;
      Message& m = s.queue.front();
      // RFC 3758 §3.1 (timed reliability): a message whose lifetime ended before it was ever sent
      // is dropped without using a TSN or SSN.
      if (m.expires_at && *m.expires_at <= now) {
        const size_t size = m.payload->size();
        s.queue.pop_front();
        consume(pick->first, s, size);
        ++expired_unsent_;
        continue;
      }
      // RFC 9260 §6.6: ordered messages take the stream's next SSN when they start.
      if (!m.unordered) m.ssn = s.next_ssn++;
      current_ = pick->first;
      last_served_ = pick->first;
      break;
    }
  }
  Stream& s = streams_[*current_];
  Message& m = s.queue.front();
  const size_t left = m.payload->size() - m.offset;
  const size_t n = std::min(left, max_payload);
  OutgoingFragment f;
  f.stream = StreamId(*current_);
  f.ssn = m.ssn;
  f.ppid = m.ppid;
  f.unordered = m.unordered;
  f.beginning = m.offset == 0;
  f.ending = n == left;
  f.message = m.payload;
  f.offset = m.offset;
  f.length = n;
  f.message_id = m.id;
  f.max_retransmits = m.max_retransmits;
  f.expires_at = m.expires_at;
  m.offset += n;
  const uint16_t stream_id = *current_;
  if (f.ending) {
    s.queue.pop_front();
    current_.reset();
  }
  consume(stream_id, s, n);
  return f;
}

size_t SendQueue::buffered_amount(StreamId stream) const {
  auto it = streams_.find(stream.value);
  return it == streams_.end() ? 0 : it->second.buffered;
}

void SendQueue::set_buffered_amount_low_threshold(StreamId stream, size_t bytes) {
  streams_[stream.value].low_threshold = bytes;
}

std::vector<StreamId> SendQueue::take_buffered_amount_low() {
  std::vector<StreamId> out;
  out.swap(low_events_);
  return out;
}

void SendQueue::discard_message(uint64_t message_id) {
  if (!current_) return;
  Stream& s = streams_[*current_];
  Message& m = s.queue.front();
  if (m.id != message_id) return;
  const size_t left = m.payload->size() - m.offset;
  const uint16_t stream_id = *current_;
  s.queue.pop_front();
  current_.reset();
  consume(stream_id, s, left);
}

bool SendQueue::stream_idle(StreamId stream) const { return !current_ || *current_ != stream.value; }

void SendQueue::reset_stream(StreamId stream) { streams_[stream.value].next_ssn = 0; }

}  // namespace tern::sctp

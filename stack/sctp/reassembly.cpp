#include "sctp/reassembly.hpp"

#include <algorithm>
#include <iterator>

#include "sctp/errc.hpp"

namespace tern::sctp {

Reassembly::Reassembly(size_t max_message_size) : max_message_size_(max_message_size) {}

ReceivedMessage Reassembly::pop() {
  TERN_ASSERT(!ready_.empty(), "Reassembly::pop without a message");
  ReceivedMessage m = std::move(ready_.front());
  ready_.pop_front();
  buffered_ -= m.payload.size();
  return m;
}

bool Reassembly::deferred_covers(StreamId stream) const {
  if (!deferred_) return false;
  if (deferred_->streams.empty()) return true;
  return std::find(deferred_->streams.begin(), deferred_->streams.end(), stream) != deferred_->streams.end();
}

Status Reassembly::add(uint64_t tsn, const DataChunk& chunk) {
  // RFC 6525 §5.2.2: while a reset is deferred, newer DATA on the affected streams waits.
  if (deferred_ && tsn > deferred_->last_tsn && !chunk.unordered && deferred_covers(chunk.stream)) {
    if (chunk.payload.size() > max_message_size_) {
      return Error(SctpErrc::kMessageTooLarge, "DATA fragment larger than max_message_size");
    }
    HeldChunk h{tsn, chunk, std::vector<uint8_t>(chunk.payload.begin(), chunk.payload.end())};
    h.chunk.payload = h.data;
    buffered_ += h.data.size();
    deferred_->held.push_back(std::move(h));
    return {};
  }
  return chunk.unordered ? add_unordered(tsn, chunk) : add_ordered(tsn, chunk);
}

Status Reassembly::add_ordered(uint64_t tsn, const DataChunk& chunk) {
  OrderedStream& s = streams_[chunk.stream.value];
  // An SSN the stream has already passed belongs to a message delivered or skipped before: drop.
  if (serial_newer(s.next_ssn, chunk.ssn)) return {};
  Pending& p = s.pending[chunk.ssn];
  if (p.complete) return {};
  // RFC 8841 §6.1 / tern's cap: never assemble more than max_message_size bytes.
  if (p.bytes + chunk.payload.size() > max_message_size_) {
    drop_pending(p);
    s.pending.erase(chunk.ssn);
    return Error(SctpErrc::kMessageTooLarge, "incoming message larger than max_message_size");
  }
  p.bytes += chunk.payload.size();
  buffered_ += chunk.payload.size();
  if (chunk.beginning) {
    p.have_first = true;
    p.ppid = chunk.ppid;
    p.data.assign(chunk.payload.begin(), chunk.payload.end());
    p.next_tsn = tsn + 1;
    p.complete = chunk.ending;
  } else if (p.have_first && tsn == p.next_tsn) {
    // The common case: fragments arrive in order and are appended directly.
    p.data.insert(p.data.end(), chunk.payload.begin(), chunk.payload.end());
    p.next_tsn = tsn + 1;
    p.complete = chunk.ending;
  } else {
    Fragment f{std::vector<uint8_t>(chunk.payload.begin(), chunk.payload.end()), chunk.ppid, false, chunk.ending};
    p.early.emplace(tsn, std::move(f));
  }
  // Absorb the early fragments that now continue the message.
  while (p.have_first && !p.complete && !p.early.empty()) {
    auto it = p.early.find(p.next_tsn);
    if (it == p.early.end()) break;
    p.data.insert(p.data.end(), it->second.data.begin(), it->second.data.end());
    p.complete = it->second.ending;
    p.next_tsn++;
    p.early.erase(it);
  }
  deliver_ready(chunk.stream, s);
  return {};
}

void Reassembly::deliver_ready(StreamId stream, OrderedStream& s) {
  // RFC 9260 §6.6: ordered messages are delivered in SSN order.
  for (;;) {
    auto it = s.pending.find(s.next_ssn);
    if (it == s.pending.end() || !it->second.complete) return;
    ready_.push_back(ReceivedMessage{stream, it->second.ppid, false, std::move(it->second.data)});
    s.pending.erase(it);
    s.next_ssn++;
  }
}

Status Reassembly::add_unordered(uint64_t tsn, const DataChunk& chunk) {
  if (chunk.beginning && chunk.ending) {
    if (chunk.payload.size() > max_message_size_) {
      return Error(SctpErrc::kMessageTooLarge, "incoming message larger than max_message_size");
    }
    buffered_ += chunk.payload.size();
    ready_.push_back(ReceivedMessage{chunk.stream, chunk.ppid, true,
                                     std::vector<uint8_t>(chunk.payload.begin(), chunk.payload.end())});
    return {};
  }
  auto [pos, inserted] = unordered_.emplace(
      tsn, std::make_pair(chunk.stream, Fragment{std::vector<uint8_t>(chunk.payload.begin(), chunk.payload.end()),
                                                 chunk.ppid, chunk.beginning, chunk.ending}));
  if (!inserted) return {};
  buffered_ += chunk.payload.size();
  // RFC 9260 §6.9: a message's fragments carry consecutive TSNs from B to E; find the run around
  // the new fragment.
  auto first = pos;
  while (!first->second.second.beginning) {
    if (first == unordered_.begin()) return {};
    auto prev = std::prev(first);
    if (prev->first + 1 != first->first || prev->second.second.ending) return {};
    first = prev;
  }
  auto last = pos;
  size_t total = last->second.second.data.size();
  for (auto it = first; it != pos; ++it) total += it->second.second.data.size();
  while (!last->second.second.ending) {
    auto next = std::next(last);
    if (next == unordered_.end() || next->first != last->first + 1 || next->second.second.beginning) return {};
    last = next;
    total += last->second.second.data.size();
  }
  auto end = std::next(last);
  if (total > max_message_size_) {
    for (auto it = first; it != end; ++it) buffered_ -= it->second.second.data.size();
    unordered_.erase(first, end);
    return Error(SctpErrc::kMessageTooLarge, "incoming message larger than max_message_size");
  }
  ReceivedMessage m{first->second.first, first->second.second.ppid, true, {}};
  m.payload.reserve(total);
  for (auto it = first; it != end; ++it) {
    m.payload.insert(m.payload.end(), it->second.second.data.begin(), it->second.second.data.end());
  }
  // The fragments' bytes move to the message; buffered_ is unchanged until pop().
  unordered_.erase(first, end);
  ready_.push_back(std::move(m));
  return {};
}

void Reassembly::drop_pending(Pending& p) {
  buffered_ -= p.bytes;
  p.bytes = 0;
  p.data.clear();
  p.early.clear();
}

void Reassembly::forward(uint64_t new_cumulative, std::span<const ForwardTsnChunk::SkippedStream> skipped,
                         uint16_t stream_count) {
  // RFC 3758 §3.6: unordered fragments at or below the new cumulative TSN were abandoned.
  while (!unordered_.empty() && unordered_.begin()->first <= new_cumulative) {
    buffered_ -= unordered_.begin()->second.second.data.size();
    unordered_.erase(unordered_.begin());
  }
  for (const auto& skip : skipped) {
    if (skip.stream.value >= stream_count) continue;  // no such incoming stream
    OrderedStream& s = streams_[skip.stream.value];
    if (serial_newer(s.next_ssn, skip.ssn)) continue;  // already past it
    // Messages between next_ssn and the skipped SSN, in SSN order: complete ones are delivered,
    // incomplete ones were abandoned by the sender.
    std::vector<uint16_t> covered;
    for (const auto& [ssn, p] : s.pending) {
      if (serial_newer_or_equal(ssn, s.next_ssn) && serial_newer_or_equal(skip.ssn, ssn)) covered.push_back(ssn);
    }
    std::sort(covered.begin(), covered.end(), [&](uint16_t a, uint16_t b) {
      return static_cast<uint16_t>(a - s.next_ssn) < static_cast<uint16_t>(b - s.next_ssn);
    });
    for (uint16_t ssn : covered) {
      Pending& p = s.pending[ssn];
      if (p.complete) {
        ready_.push_back(ReceivedMessage{skip.stream, p.ppid, false, std::move(p.data)});
      } else {
        drop_pending(p);
      }
      s.pending.erase(ssn);
    }
    s.next_ssn = static_cast<uint16_t>(skip.ssn + 1);
    deliver_ready(skip.stream, s);
  }
}

void Reassembly::defer_reset(std::span<const StreamId> streams, uint64_t last_tsn) {
  if (!deferred_) {
    deferred_ = Deferred{std::vector<StreamId>(streams.begin(), streams.end()), last_tsn, {}};
    return;
  }
  deferred_->streams.assign(streams.begin(), streams.end());
  deferred_->last_tsn = last_tsn;
}

Status Reassembly::perform_reset(std::span<const StreamId> streams) {
  // RFC 6525 §5.2.2: the incoming SSNs of the reset streams restart at 0.
  if (streams.empty()) {
    for (auto& [id, s] : streams_) {
      for (auto& [ssn, p] : s.pending) drop_pending(p);
    }
    streams_.clear();
  } else {
    for (StreamId id : streams) {
      auto it = streams_.find(id.value);
      if (it == streams_.end()) continue;
      for (auto& [ssn, p] : it->second.pending) drop_pending(p);
      streams_.erase(it);
    }
  }
  if (!deferred_) return {};
  std::vector<HeldChunk> held = std::move(deferred_->held);
  deferred_.reset();
  Status status;
  for (HeldChunk& h : held) {
    buffered_ -= h.data.size();
    h.chunk.payload = h.data;
    Status s = add(h.tsn, h.chunk);
    if (!s.ok()) status = s;
  }
  return status;
}

}  // namespace tern::sctp

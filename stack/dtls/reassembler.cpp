#include "dtls/reassembler.hpp"

#include <algorithm>

namespace tern::dtls {

Reassembler::Pending* Reassembler::find(uint16_t seq) {
  for (auto& p : pending_)
    if (p.message.message_seq == seq) return &p;
  return nullptr;
}

void Reassembler::reset(uint16_t next_seq) {
  pending_.clear();
  buffered_bytes_ = 0;
  next_seq_ = next_seq;
}

Reassembler::Outcome Reassembler::add(const HandshakeFragment& fragment, uint16_t epoch) {
  const HandshakeHeader& h = fragment.header;
  if (h.message_seq < next_seq_) return Outcome::kOld;
  if (h.message_seq - next_seq_ >= kMaxAhead) return Outcome::kTooFarAhead;
  if (h.length > kMaxMessageSize) return Outcome::kTooLarge;
  Pending* p = find(h.message_seq);
  if (p == nullptr) {
    if (buffered_bytes_ + h.length > kMaxBufferedBytes) return Outcome::kTooLarge;
    pending_.emplace_back();
    p = &pending_.back();
    p->message.type = h.type;
    p->message.message_seq = h.message_seq;
    p->message.epoch = epoch;
    p->message.body.resize(h.length);
    p->length = h.length;
    buffered_bytes_ += h.length;
  } else if (p->message.type != h.type || p->length != h.length || p->message.epoch != epoch) {
    // RFC 6347 §4.2.3: all fragments of a message share msg_type and length.
    return Outcome::kInconsistent;
  }
  if (p->complete) return Outcome::kAccepted;  // a duplicate of a message we already hold
  if (!fragment.body.empty())
    std::copy(fragment.body.begin(), fragment.body.end(),
              p->message.body.begin() + static_cast<std::ptrdiff_t>(h.fragment_offset));
  // Merge [offset, offset + fragment_length) into the sorted, disjoint range list.
  uint32_t begin = h.fragment_offset;
  uint32_t end = h.fragment_offset + h.fragment_length;
  auto& ranges = p->ranges;
  auto it = std::lower_bound(ranges.begin(), ranges.end(), std::make_pair(begin, end));
  ranges.insert(it, {begin, end});
  std::vector<std::pair<uint32_t, uint32_t>> merged;
  for (const auto& r : ranges) {
    if (!merged.empty() && r.first <= merged.back().second)
      merged.back().second = std::max(merged.back().second, r.second);
    else
      merged.push_back(r);
  }
  ranges = std::move(merged);
  if (ranges.size() > kMaxRanges) {
    // Pathological fragmentation: forget this message; the peer's retransmission restarts it.
    buffered_bytes_ -= p->length;
    pending_.erase(pending_.begin() + (p - pending_.data()));
    return Outcome::kTooLarge;
  }
  p->complete = ranges.size() == 1 && ranges[0].first == 0 && ranges[0].second == p->length;
  return Outcome::kAccepted;
}

std::optional<HandshakeMessage> Reassembler::pop() {
  for (size_t i = 0; i < pending_.size(); ++i) {
    if (pending_[i].message.message_seq != next_seq_ || !pending_[i].complete) continue;
    HandshakeMessage m = std::move(pending_[i].message);
    buffered_bytes_ -= pending_[i].length;
    pending_.erase(pending_.begin() + static_cast<std::ptrdiff_t>(i));
    ++next_seq_;
    return m;
  }
  return std::nullopt;
}

}  // namespace tern::dtls

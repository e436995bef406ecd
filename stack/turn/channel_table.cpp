#include "turn/channel_table.hpp"

#include <algorithm>

#include "stun/turn_attributes.hpp"

namespace tern::turn {

ChannelBinding* ChannelTable::find_peer(const SocketAddress& peer) {
  for (ChannelBinding& c : entries_) {
    if (c.peer == peer) return &c;
  }
  return nullptr;
}

const ChannelBinding* ChannelTable::find_peer(const SocketAddress& peer) const {
  for (const ChannelBinding& c : entries_) {
    if (c.peer == peer) return &c;
  }
  return nullptr;
}

ChannelBinding* ChannelTable::find_number(uint16_t number) {
  for (ChannelBinding& c : entries_) {
    if (c.number == number) return &c;
  }
  return nullptr;
}

const ChannelBinding* ChannelTable::find_number(uint16_t number) const {
  for (const ChannelBinding& c : entries_) {
    if (c.number == number) return &c;
  }
  return nullptr;
}

ChannelBinding* ChannelTable::add(const SocketAddress& peer) {
  constexpr size_t kCount = stun::kMaxChannelNumber - stun::kMinChannelNumber + 1;
  if (entries_.size() >= kCount) return nullptr;
  // RFC 8656 §12: channel numbers are 0x4000 through 0x4FFF.
  for (size_t tries = 0; tries < kCount; ++tries) {
    const uint16_t n = next_number_;
    next_number_ = n == stun::kMaxChannelNumber ? stun::kMinChannelNumber : static_cast<uint16_t>(n + 1);
    if (find_number(n)) continue;
    ChannelBinding c;
    c.number = n;
    c.peer = peer;
    entries_.push_back(c);
    return &entries_.back();
  }
  return nullptr;
}

void ChannelTable::remove(uint16_t number) {
  std::erase_if(entries_, [&](const ChannelBinding& c) { return c.number == number; });
}

std::optional<Timestamp> ChannelTable::next_deadline() const {
  std::optional<Timestamp> next;
  for (const ChannelBinding& c : entries_) {
    if (c.state != ChannelBinding::State::kBound) continue;
    const Timestamp t = c.in_flight ? c.expires_at : std::min(c.refresh_at, c.expires_at);
    if (!next || t < *next) next = t;
  }
  return next;
}

}  // namespace tern::turn

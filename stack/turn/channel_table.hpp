#pragma once
// The client's channel bindings (RFC 8656 §12): a channel number 0x4000-0x4FFF bound to one peer
// transport address, lasting 600 s unless refreshed by another ChannelBind with the same number.
#include <cstddef>
#include <cstdint>
#include <optional>
#include <span>
#include <vector>

#include "common/socket_address.hpp"
#include "common/time.hpp"

namespace tern::turn {

struct ChannelBinding {
  enum class State : uint8_t {
    kPending,  // ChannelBind sent, no success yet: data still goes by Send indication
    kBound,    // the server confirmed: data goes by ChannelData
  };
  uint16_t number = 0;
  SocketAddress peer;
  State state = State::kPending;
  bool in_flight = false;
  Timestamp refresh_at;
  Timestamp expires_at;
};

class ChannelTable {
 public:
  ChannelBinding* find_peer(const SocketAddress& peer);
  const ChannelBinding* find_peer(const SocketAddress& peer) const;
  ChannelBinding* find_number(uint16_t number);
  const ChannelBinding* find_number(uint16_t number) const;

  // Binds the next free number to `peer` (pending); nullptr when all 4096 are in use. Numbers are
  // handed out in rising order and reused only after wrapping around, so a number whose binding
  // just lapsed is not given to another peer soon after (RFC 8656 §12: the server keeps it reserved
  // for 5 minutes after expiry).
  ChannelBinding* add(const SocketAddress& peer);
  void remove(uint16_t number);
  void clear() { entries_.clear(); }

  // The earliest refresh or expiry of a bound channel, nullopt when none.
  std::optional<Timestamp> next_deadline() const;

  std::span<const ChannelBinding> entries() const { return entries_; }
  std::span<ChannelBinding> entries() { return entries_; }
  size_t size() const { return entries_.size(); }

 private:
  std::vector<ChannelBinding> entries_;
  uint16_t next_number_ = 0x4000;
};

}  // namespace tern::turn

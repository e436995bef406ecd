#pragma once
// The client's view of its permissions (RFC 8656 §9): one per peer IP address (ports do not
// matter), installed by CreatePermission or ChannelBind, lasting 300 s unless refreshed.
#include <cstddef>
#include <optional>
#include <span>
#include <vector>

#include "common/socket_address.hpp"
#include "common/time.hpp"

namespace tern::turn {

struct Permission {
  enum class State : uint8_t {
    kPending,    // requested, no success response yet
    kInstalled,  // the server confirmed it
  };
  IpAddress peer;
  State state = State::kPending;
  bool in_flight = false;  // a CreatePermission for it is outstanding
  Timestamp refresh_at;    // when to send the next CreatePermission (kInstalled)
  Timestamp expires_at;    // when the server forgets it (kInstalled)
};

class PermissionTable {
 public:
  Permission* find(const IpAddress& peer);
  const Permission* find(const IpAddress& peer) const;
  // Adds a pending entry; nullptr when `max` entries exist already. The peer must not be present.
  Permission* add(const IpAddress& peer, size_t max);
  void remove(const IpAddress& peer);
  void clear() { entries_.clear(); }

  // The earliest refresh or expiry among entries not in flight (in-flight ones wait for their
  // transaction), nullopt when none.
  std::optional<Timestamp> next_deadline() const;

  std::span<const Permission> entries() const { return entries_; }
  std::span<Permission> entries() { return entries_; }
  size_t size() const { return entries_.size(); }

 private:
  std::vector<Permission> entries_;
};

}  // namespace tern::turn

#include "turn/permission_table.hpp"

#include <algorithm>

namespace tern::turn {

Permission* PermissionTable::find(const IpAddress& peer) {
  for (Permission& p : entries_) {
    if (p.peer == peer) return &p;
  }
  return nullptr;
}

const Permission* PermissionTable::find(const IpAddress& peer) const {
  for (const Permission& p : entries_) {
    if (p.peer == peer) return &p;
  }
  return nullptr;
}

Permission* PermissionTable::add(const IpAddress& peer, size_t max) {
  if (entries_.size() >= max) return nullptr;
  Permission p;
  p.peer = peer;
  entries_.push_back(p);
  return &entries_.back();
}

void PermissionTable::remove(const IpAddress& peer) {
  std::erase_if(entries_, [&](const Permission& p) { return p.peer == peer; });
}

std::optional<Timestamp> PermissionTable::next_deadline() const {
  std::optional<Timestamp> next;
  for (const Permission& p : entries_) {
    if (p.state != Permission::State::kInstalled) continue;
    // An in-flight refresh still has to beat the expiry.
    const Timestamp t = p.in_flight ? p.expires_at : std::min(p.refresh_at, p.expires_at);
    if (!next || t < *next) next = t;
  }
  return next;
}

}  // namespace tern::turn

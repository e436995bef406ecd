#include "sim/nat.hpp"

#include <cinttypes>
#include <cstdio>

#include "common/assert.hpp"

namespace tern::sim {

NatConfig NatConfig::full_cone() {
  NatConfig c;
  c.mapping = MappingBehavior::kEndpointIndependent;
  c.filtering = FilteringBehavior::kEndpointIndependent;
  return c;
}

NatConfig NatConfig::restricted_cone() {
  NatConfig c;
  c.mapping = MappingBehavior::kEndpointIndependent;
  c.filtering = FilteringBehavior::kAddressDependent;
  return c;
}

NatConfig NatConfig::port_restricted() {
  NatConfig c;
  c.mapping = MappingBehavior::kEndpointIndependent;
  c.filtering = FilteringBehavior::kAddressAndPortDependent;
  return c;
}

NatConfig NatConfig::symmetric() {
  NatConfig c;
  c.mapping = MappingBehavior::kAddressAndPortDependent;
  c.filtering = FilteringBehavior::kAddressAndPortDependent;
  return c;
}

std::string describe(const NatCounters& c) {
  char buf[320];
  std::snprintf(buf, sizeof buf,
                "outbound=%" PRIu64 " inbound=%" PRIu64 " hairpinned=%" PRIu64
                " no-mapping=%" PRIu64 " filtered=%" PRIu64 " hairpin-off=%" PRIu64
                " ports-exhausted=%" PRIu64 " created=%" PRIu64 " expired=%" PRIu64,
                c.outbound, c.inbound, c.hairpinned, c.dropped_no_mapping, c.dropped_filtered,
                c.dropped_hairpin, c.dropped_ports_exhausted, c.mappings_created,
                c.mappings_expired);
  return buf;
}

Nat::Nat(std::string name, NatConfig config, IpAddress public_ip, uint64_t seed)
    : name_(std::move(name)), config_(config), public_ip_(public_ip), rng_(seed),
      next_port_(config.port_min) {
  TERN_ASSERT(config_.port_min > 0 && config_.port_min <= config_.port_max,
              "NAT port range must be non-empty and exclude port 0");
}

Nat::Key Nat::make_key(const SocketAddress& internal, const SocketAddress& remote) const {
  switch (config_.mapping) {
    // RFC 4787 §4.1: EIM reuses the mapping for any Y:y.
    case MappingBehavior::kEndpointIndependent: return {internal, SocketAddress()};
    // RFC 4787 §4.1: ADM reuses it only for the same Y (any port).
    case MappingBehavior::kAddressDependent: return {internal, SocketAddress(remote.ip(), 0)};
    // RFC 4787 §4.1: APDM reuses it only for the same Y:y.
    case MappingBehavior::kAddressAndPortDependent: return {internal, remote};
  }
  return {internal, remote};
}

bool Nat::expired(const Mapping& m, Timestamp now) const {
  return now - m.refreshed >= config_.mapping_timeout;
}

void Nat::erase(std::map<Key, Mapping>::iterator it) {
  by_port_.erase(it->second.external_port);
  mappings_.erase(it);
}

void Nat::purge_expired(Timestamp now) {
  for (auto it = mappings_.begin(); it != mappings_.end();) {
    auto next = std::next(it);
    if (expired(it->second, now)) {
      ++counters_.mappings_expired;
      erase(it);
    }
    it = next;
  }
}

std::optional<uint16_t> Nat::allocate_port(uint16_t internal_port) {
  const uint32_t lo = config_.port_min;
  const uint32_t hi = config_.port_max;
  const uint32_t span = hi - lo + 1;
  if (by_port_.size() >= span) return std::nullopt;
  auto is_free = [&](uint32_t p) { return by_port_.find(static_cast<uint16_t>(p)) == by_port_.end(); };
  uint32_t start = next_port_;
  switch (config_.port_allocation) {
    case PortAllocation::kPreserve:
      // RFC 4787 §4.2.1: port preservation, when the internal port is in range and free.
      if (internal_port >= lo && internal_port <= hi && is_free(internal_port)) return internal_port;
      break;
    case PortAllocation::kRandom:
      start = lo + rng_.uniform(span);
      break;
    case PortAllocation::kSequential:
      break;
  }
  // Scan upwards from `start`, wrapping inside the range; a free port exists (checked above).
  for (uint32_t i = 0; i < span; ++i) {
    const uint32_t p = lo + (start - lo + i) % span;
    if (is_free(p)) {
      if (config_.port_allocation != PortAllocation::kRandom) next_port_ = p + 1 > hi ? lo : p + 1;
      return static_cast<uint16_t>(p);
    }
  }
  return std::nullopt;
}

std::optional<SocketAddress> Nat::translate_outbound(Timestamp now, const SocketAddress& internal,
                                                     const SocketAddress& remote) {
  const Key key = make_key(internal, remote);
  auto it = mappings_.find(key);
  if (it != mappings_.end() && expired(it->second, now)) {
    ++counters_.mappings_expired;
    erase(it);
    it = mappings_.end();
  }
  if (it == mappings_.end()) {
    purge_expired(now);  // expired mappings give their ports back first
    std::optional<uint16_t> port = allocate_port(internal.port());
    if (!port) {
      ++counters_.dropped_ports_exhausted;
      return std::nullopt;
    }
    Mapping m;
    m.internal = internal;
    m.external_port = *port;
    it = mappings_.emplace(key, std::move(m)).first;
    by_port_.emplace(*port, key);
    ++counters_.mappings_created;
  }
  // RFC 4787 §4.3 REQ-6: outbound traffic refreshes the mapping.
  it->second.refreshed = now;
  // RFC 4787 §5: filtering admits remotes the internal endpoint has sent to.
  it->second.contacted.insert(remote);
  ++counters_.outbound;
  return SocketAddress(public_ip_, it->second.external_port);
}

bool Nat::allowed(const Mapping& m, const SocketAddress& remote) const {
  switch (config_.filtering) {
    // RFC 4787 §5: EIF passes anything sent to X1':x1'.
    case FilteringBehavior::kEndpointIndependent: return true;
    // RFC 4787 §5: ADF passes Y:y only if X sent to Y (any port) before.
    case FilteringBehavior::kAddressDependent:
      for (const SocketAddress& c : m.contacted)
        if (c.ip() == remote.ip()) return true;
      return false;
    // RFC 4787 §5: APDF passes Y:y only if X sent to exactly Y:y before.
    case FilteringBehavior::kAddressAndPortDependent: return m.contacted.count(remote) != 0;
  }
  return false;
}

std::optional<SocketAddress> Nat::translate_inbound(Timestamp now, const SocketAddress& remote,
                                                    uint16_t external_port, DropReason& why) {
  auto port_it = by_port_.find(external_port);
  if (port_it == by_port_.end()) {
    ++counters_.dropped_no_mapping;
    why = DropReason::kNatNoMapping;
    return std::nullopt;
  }
  auto it = mappings_.find(port_it->second);
  TERN_ASSERT(it != mappings_.end(), "NAT port index out of sync with mappings");
  if (expired(it->second, now)) {
    ++counters_.mappings_expired;
    erase(it);
    ++counters_.dropped_no_mapping;
    why = DropReason::kNatNoMapping;
    return std::nullopt;
  }
  if (!allowed(it->second, remote)) {
    ++counters_.dropped_filtered;
    why = DropReason::kNatFiltered;
    return std::nullopt;
  }
  // RFC 4787 §4.3: inbound refresh is a configuration choice (REQ-6 only mandates outbound).
  if (config_.inbound_refresh) it->second.refreshed = now;
  ++counters_.inbound;
  return it->second.internal;
}

std::optional<std::pair<SocketAddress, SocketAddress>> Nat::translate_hairpin(
    Timestamp now, const SocketAddress& internal, const SocketAddress& public_destination,
    DropReason& why) {
  if (!config_.hairpinning) {
    ++counters_.dropped_hairpin;
    why = DropReason::kNatHairpinOff;
    return std::nullopt;
  }
  // RFC 4787 §6 REQ-9: the hairpinned packet carries the sender's external mapping as its source,
  // and the target mapping's filtering applies to that external source.
  std::optional<SocketAddress> source = translate_outbound(now, internal, public_destination);
  if (!source) {
    why = DropReason::kNatPortsExhausted;
    return std::nullopt;
  }
  std::optional<SocketAddress> target =
      translate_inbound(now, *source, public_destination.port(), why);
  if (!target) return std::nullopt;
  ++counters_.hairpinned;
  return std::make_pair(*source, *target);
}

std::optional<SocketAddress> Nat::find_mapping(Timestamp now, const SocketAddress& internal,
                                               const SocketAddress& remote) const {
  auto it = mappings_.find(make_key(internal, remote));
  if (it == mappings_.end() || expired(it->second, now)) return std::nullopt;
  return SocketAddress(public_ip_, it->second.external_port);
}

size_t Nat::active_mappings(Timestamp now) {
  purge_expired(now);
  return mappings_.size();
}

void Nat::clear() {
  mappings_.clear();
  by_port_.clear();
  next_port_ = config_.port_min;
}

}  // namespace tern::sim

#pragma once
// Candidate and pair priorities (RFC 8445 §5.1.2, §6.1.2.3).
//
//   candidate priority = 2^24 * type preference + 2^8 * local preference + (256 - component ID)
//
//     bits 31..24  type preference   (126 host, 110 prflx, 100 srflx, 0 relay: §5.1.2.2)
//     bits 23..8   local preference  (0..65535: the agent's ranking of its own interfaces)
//     bits  7..0   256 - component   (255 for component 1)
//
//   pair priority = 2^32 * MIN(G, D) + 2 * MAX(G, D) + (G > D ? 1 : 0)
//     G = the controlling agent's candidate priority, D = the controlled agent's.
#include <cstdint>

#include "common/socket_address.hpp"
#include "ice/candidate.hpp"

namespace tern::ice {

// RFC 8445 §5.1.2.2: the recommended type preferences.
inline constexpr uint32_t kHostTypePreference = 126;
inline constexpr uint32_t kPeerReflexiveTypePreference = 110;
inline constexpr uint32_t kServerReflexiveTypePreference = 100;
inline constexpr uint32_t kRelayedTypePreference = 0;

// The recommended type preference of `type`.
constexpr uint32_t type_preference(CandidateType type) {
  switch (type) {
    case CandidateType::kHost: return kHostTypePreference;
    case CandidateType::kPeerReflexive: return kPeerReflexiveTypePreference;
    case CandidateType::kServerReflexive: return kServerReflexiveTypePreference;
    case CandidateType::kRelayed: return kRelayedTypePreference;
  }
  return 0;
}

// RFC 8445 §5.1.2.1: the priority formula. type_pref 0..126, component 1..256.
constexpr uint32_t candidate_priority(uint32_t type_pref, uint16_t local_pref, uint16_t component) {
  return (type_pref << 24) + (uint32_t{local_pref} << 8) + (256u - component);
}

// The priority of a candidate of `type` with `local_pref` on `component`.
constexpr uint32_t candidate_priority(CandidateType type, uint16_t local_pref, uint16_t component = 1) {
  return candidate_priority(type_preference(type), local_pref, component);
}

// The local preference bits of a priority.
constexpr uint16_t local_preference_of(uint32_t priority) { return static_cast<uint16_t>(priority >> 8); }

// RFC 8445 §7.1.1: the PRIORITY a check carries: the local candidate's priority recomputed as if it
// were peer-reflexive (same local preference and component).
constexpr uint32_t peer_reflexive_priority(uint32_t local_priority) {
  const uint16_t component = static_cast<uint16_t>(256u - (local_priority & 0xFF));
  return candidate_priority(kPeerReflexiveTypePreference, local_preference_of(local_priority), component);
}

// RFC 8445 §6.1.2.3: the pair priority from the controlling (G) and controlled (D) priorities.
constexpr uint64_t pair_priority(uint32_t controlling, uint32_t controlled) {
  const uint64_t lo = controlling < controlled ? controlling : controlled;
  const uint64_t hi = controlling < controlled ? controlled : controlling;
  return (lo << 32) + 2 * hi + (controlling > controlled ? 1 : 0);
}

// The local preference for a candidate whose base is `ip`, on the interface the owner listed at
// `interface_index` (0 = most preferred). RFC 8445 §5.1.2.1 leaves the value to the agent but asks
// multihomed dual-stack hosts to follow RFC 8421, which prefers IPv6 while keeping IPv4 close behind
// so both families get checked early. The top 3 bits rank the address class:
//   7 IPv6 global   6 IPv4 (public or private)   5 IPv6 unique-local (fc00::/7)
//   3 IPv4-mapped/other IPv6   2 IPv4 link-local   1 IPv6 link-local   0 loopback
// and the low 13 bits order interfaces of one class (earlier listed = higher).
uint16_t local_preference(const IpAddress& ip, uint16_t interface_index = 0);

}  // namespace tern::ice

#pragma once
// Candidate foundations (RFC 8445 §5.1.1.3): two local candidates share a foundation exactly when
// they have the same type, the same base IP address, the same STUN/TURN server IP address (for
// server-reflexive and relayed candidates) and the same transport protocol. Checks on pairs with
// one foundation tend to succeed or fail together, which is what frozen/unfreezing (§6.1.2.6)
// exploits.
#include <compare>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "common/socket_address.hpp"
#include "ice/candidate.hpp"

namespace tern::ice {

// Hands out foundations: the same inputs always give the same string ("1", "2", ...), different
// inputs different strings. One registry per agent, kept across ICE restarts.
class FoundationRegistry {
 public:
  // The foundation for a candidate of `type` whose base IP is `base`, learned through `server`
  // (nullopt for host and peer-reflexive candidates), over `transport`.
  std::string foundation(CandidateType type, const IpAddress& base, const std::optional<IpAddress>& server,
                         TransportProtocol transport);
  size_t size() const { return keys_.size(); }

 private:
  struct Key {
    CandidateType type;
    IpAddress base;
    std::optional<IpAddress> server;
    TransportProtocol transport;
    auto operator<=>(const Key&) const = default;
  };
  std::vector<Key> keys_;
};

// RFC 8445 §6.1.2.6: a pair's foundation is the local and remote foundations together. ':' is not
// an ice-char, so the concatenation is unambiguous.
std::string pair_foundation(const std::string& local, const std::string& remote);

}  // namespace tern::ice

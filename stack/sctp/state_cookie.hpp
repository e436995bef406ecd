#pragma once
// The State Cookie tern puts in its INIT ACK (RFC 9260 §5.1.3) and verifies when it comes back in
// COOKIE ECHO (§5.1.5): everything needed to build the association, so the responder keeps no
// state before the cookie returns, signed with a MAC under a secret only the association knows.
//
// sctp/ may not depend on crypto/ (DESIGN.md), so the MAC is computed by a CookieSigner the owner
// injects (peer/ wires HMAC-SHA256 with a random per-association key; tests do the same).
//
// Layout (tern's own, opaque to the peer; all fields big-endian):
//   magic "TRNC" (4) | created_at us (8) | expires_at us (8) | local tag (4) | peer tag (4) |
//   local tie-tag (4) | peer tie-tag (4) | local initial TSN (4) | peer initial TSN (4) |
//   peer a_rwnd (4) | outbound streams (2) | inbound streams (2) | capabilities (4) | MAC
#include <cstddef>
#include <cstdint>
#include <span>
#include <vector>

#include "common/error.hpp"
#include "common/ids.hpp"
#include "common/time.hpp"

namespace tern::sctp {

// Computes the MAC that authenticates State Cookies. One instance per association, keyed with a
// secret from a cryptographic random source (RFC 9260 §5.1.3: "a secret key").
class CookieSigner {
 public:
  virtual ~CookieSigner() = default;
  // MAC length in bytes, 16..64 (e.g. 32 for HMAC-SHA256).
  virtual size_t mac_size() const = 0;
  // Writes mac_size() bytes of MAC over `data` into `mac`.
  virtual void sign(std::span<const uint8_t> data, std::span<uint8_t> mac) = 0;
};

struct StateCookie {
  static constexpr uint32_t kMagic = 0x54524e43;  // "TRNC"
  static constexpr size_t kBodySize = 56;
  static constexpr uint32_t kPeerForwardTsn = 1;  // the peer supports FORWARD TSN (RFC 3758)
  static constexpr uint32_t kPeerReconfig = 2;    // the peer supports RE-CONFIG (RFC 6525)

  Timestamp created_at;
  Timestamp expires_at;
  uint32_t local_tag = 0;
  uint32_t peer_tag = 0;
  uint32_t local_tie_tag = 0;
  uint32_t peer_tie_tag = 0;
  Tsn local_initial_tsn{0};
  Tsn peer_initial_tsn{0};
  uint32_t peer_a_rwnd = 0;
  uint16_t outbound_streams = 0;  // negotiated: min(our OS, peer MIS)
  uint16_t inbound_streams = 0;   // negotiated: min(our MIS, peer OS)
  uint32_t capabilities = 0;

  bool operator==(const StateCookie&) const = default;
};

// The body followed by its MAC.
std::vector<uint8_t> serialize_signed(const StateCookie& cookie, CookieSigner& signer);
// Verifies the MAC (constant time) and decodes. Errors: kBadLength (wrong size), kBadValue (bad
// magic or MAC mismatch: RFC 9260 §5.1.5 step 2, the cookie is discarded).
Result<StateCookie> parse_signed(std::span<const uint8_t> bytes, CookieSigner& signer);

}  // namespace tern::sctp

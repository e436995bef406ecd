#pragma once
// BindingServer: the sans-IO core of tern-stun-server, an RFC 8489 Binding server without
// authentication (RFC 8489 §6.3, §7). It answers one message at a time with the bytes to send back:
//
//   Binding request            -> success: XOR-MAPPED-ADDRESS (the source), SOFTWARE, FINGERPRINT
//   request, broken attributes -> 400 Bad Request (the header parsed, so there is a transaction ID)
//   request, other method      -> 400 Bad Request
//   unknown comprehension-
//   required attribute         -> 420 Unknown Attribute with UNKNOWN-ATTRIBUTES (§6.3.1.1)
//   indication (keepalive)     -> nothing
//   responses, non-STUN bytes,
//   bad FINGERPRINT            -> dropped and counted
#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <vector>

#include "common/socket_address.hpp"
#include "stun/attribute_type.hpp"

namespace tern::apps {

struct BindingServerCounters {
  uint64_t requests = 0;            // Binding requests answered with success
  uint64_t bad_requests = 0;        // 400 sent
  uint64_t unknown_attributes = 0;  // 420 sent
  uint64_t indications = 0;         // Binding indications (no answer)
  uint64_t dropped = 0;             // not STUN, bad FINGERPRINT, responses, unusable garbage
};

class BindingServer {
 public:
  // `software` goes into SOFTWARE (RFC 8489 §14.14); empty = no SOFTWARE attribute.
  explicit BindingServer(std::string software);

  // Handles one STUN message that came from `source`; returns the response to send back to it, or
  // nullopt when nothing is sent (dropped or an indication).
  std::optional<std::vector<uint8_t>> handle_message(std::span<const uint8_t> bytes, const SocketAddress& source);

  const BindingServerCounters& counters() const { return counters_; }

  // The comprehension-required attributes this server understands (RFC 8489's own, §18.3); a
  // request carrying any other in 0x0000-0x7FFF gets 420.
  static bool understands(stun::AttributeType type);

 private:
  std::vector<uint8_t> error_response(uint16_t raw_method, std::span<const uint8_t, 12> transaction_id, uint16_t code);

  std::string software_;
  BindingServerCounters counters_;
};

}  // namespace tern::apps

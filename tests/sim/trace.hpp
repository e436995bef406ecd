#pragma once
// What happened to a packet in the simulated network: the vocabulary of counters and traces.
#include <cstdint>
#include <string>

#include "common/socket_address.hpp"
#include "common/time.hpp"

namespace tern::sim {

// Why a packet never arrived.
enum class DropReason : uint8_t {
  kNone = 0,
  kLoss,              // random or Gilbert-Elliott loss on a link
  kQueue,             // bandwidth-capped link's queue was full (tail drop)
  kLinkDown,          // link administratively down
  kMtu,               // larger than the link MTU
  kNoRoute,           // no interface owns the destination address in the realm, and no gateway
  kNoListener,        // nothing bound to the destination port (ICMP port unreachable in real life)
  kBadSource,         // an endpoint sent from an address it is not bound to
  kNatNoMapping,      // inbound to a NAT port with no (live) mapping
  kNatFiltered,       // inbound refused by the NAT's filtering behaviour (RFC 4787 §5)
  kNatHairpinOff,     // internal host sent to the NAT's public address without hairpinning
  kNatPortsExhausted, // the NAT could not allocate an external port
};

// "loss", "queue", ... for logs and test failure messages.
const char* drop_reason_name(DropReason reason);

enum class TraceKind : uint8_t {
  kSend,     // an endpoint handed a Transmit to the network
  kDeliver,  // a datagram was handed to an endpoint's handle_input()
  kDrop,     // a packet was discarded (reason says why)
};

// One line of a network trace. Two runs with the same seed and the same inputs produce equal
// traces; that is how determinism is tested.
struct TraceEvent {
  Timestamp at;
  TraceKind kind = TraceKind::kSend;
  DropReason reason = DropReason::kNone;
  std::string where;  // host, link or NAT name
  SocketAddress source;
  SocketAddress destination;
  uint32_t size = 0;
  uint32_t checksum = 0;  // CRC-32 of the payload, so equal traces mean equal bytes

  bool operator==(const TraceEvent&) const = default;
};

// "12.345000 drop(loss) alice/up 10.0.0.1:5000 -> 1.2.3.4:3478 100B crc=..." on one line.
std::string describe(const TraceEvent& event);

}  // namespace tern::sim

#pragma once
// RelayAllocator: how the ICE agent uses a TURN allocation (RFC 8656) for relayed candidates
// (RFC 8445 §5.1.1.2), without knowing TURN. The TURN client (stack/turn) implements it; the agent
// owns one instance per configured TURN server and local base, and drives it like any sans-IO
// machine: datagrams from the TURN server go to handle_input(), its transmits go out from base(),
// its deadlines join the agent's.
//
//   agent --send(peer, bytes)--> allocator --Send indication/ChannelData--> TURN server --> peer
//   agent <--kData(peer, bytes)-- allocator <--Data indication/ChannelData-- TURN server <-- peer
//
// The allocator reports kAllocated once (relayed address, and the server-reflexive address the
// server saw, which the agent also offers as a srflx candidate) or kFailed.
#include <cstdint>
#include <optional>
#include <span>
#include <vector>

#include "common/datagram.hpp"
#include "common/time.hpp"

namespace tern::ice {

struct RelayEvent {
  enum class Kind : uint8_t {
    kAllocated,  // `relayed` (and `mapped`, if known) are set
    kFailed,     // the allocation could not be made or was lost
    kData,       // `peer` sent `data` through the relay
  };
  Kind kind = Kind::kAllocated;
  SocketAddress relayed;                // kAllocated: XOR-RELAYED-ADDRESS
  std::optional<SocketAddress> mapped;  // kAllocated: XOR-MAPPED-ADDRESS of the Allocate response
  SocketAddress peer;                   // kData
  std::vector<uint8_t> data;            // kData
};

class RelayAllocator {
 public:
  virtual ~RelayAllocator() = default;

  // The TURN server's transport address (datagrams from it, arriving on base(), are the
  // allocator's).
  virtual SocketAddress server() const = 0;
  // The local transport address the allocation's traffic uses.
  virtual SocketAddress base() const = 0;

  // Starts allocating (called once, when the agent gathers).
  virtual void start(Timestamp now) = 0;
  // A datagram from server() arrived on base().
  virtual void handle_input(Timestamp now, const Datagram& datagram) = 0;
  // Datagrams for the server (source base(), destination server()).
  virtual std::optional<Transmit> poll_transmit() = 0;
  virtual std::optional<RelayEvent> poll_event() = 0;
  virtual std::optional<Timestamp> poll_timeout() = 0;
  virtual void handle_timeout(Timestamp now) = 0;

  // Wraps `payload` for `peer` (installing the permission the first time, RFC 8656 §9): the
  // datagram to send to the server, or nullopt when it cannot be sent (not allocated, failed).
  virtual std::optional<Transmit> send(Timestamp now, const SocketAddress& peer, std::span<const uint8_t> payload) = 0;
  // Releases the allocation (RFC 8656 §8: Refresh with lifetime 0).
  virtual void close(Timestamp now) = 0;
};

}  // namespace tern::ice

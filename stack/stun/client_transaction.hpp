#pragma once
// ClientTransaction: the retransmission timers of a STUN client transaction (RFC 8489 §6.2), as a
// sans-IO machine. It owns one request's bytes and where they go, says when to (re)send them, and
// ends with one event: a response arrived, or the transaction timed out.
//
// Over UDP (RFC 8489 §6.2.1): the request is sent at once, then retransmitted after RTO, 2*RTO,
// 4*RTO, ... (the interval doubles after each retransmission), Rc transmissions in all. After the
// last one the client waits Rm*RTO (RTO being the initial value) for a response, then gives up.
// With the defaults (RTO 500 ms, Rc 7, Rm 16) the sends happen at 0, 500, 1500, 3500, 7500, 15500
// and 31500 ms and the transaction fails at 39500 ms.
//
// Over TCP/TLS (RFC 8489 §6.2.2): the transport retransmits, so the request is sent once and the
// transaction fails after Ti (39.5 s) without a response.
//
// Usage:
//   ClientTransaction t(now, request_bytes, txid, destination, source, TransportProtocol::kUdp, {});
//   while (auto tx = t.poll_transmit()) socket.send(*tx);
//   ... on a message whose transaction ID is t.id(): t.handle_response(now, message);
//   ... when now >= *t.poll_timeout(): t.handle_timeout(now);
//   if (auto e = t.poll_event()) { e->kind == kResponse / kTimeout }
#include <cstdint>
#include <optional>
#include <span>
#include <vector>

#include "common/datagram.hpp"
#include "common/time.hpp"
#include "stun/message.hpp"

namespace tern::stun {

// Timer parameters. The defaults are the RFC's.
struct TransactionConfig {
  // RFC 8489 §6.2.1: "RTO SHOULD be greater than or equal to 500 ms" initially (or an estimate
  // from earlier transactions to the same server).
  Duration rto = Duration::millis(500);
  // Largest interval between two transmissions; zero = no cap (the RFC does not cap it; usages
  // with their own pacing, such as ICE connectivity checks, may).
  Duration max_rto = Duration::zero();
  // RFC 8489 §6.2.1: Rc, the number of transmissions in all (default 7).
  uint32_t max_transmissions = 7;
  // RFC 8489 §6.2.1: Rm, the final wait in units of the initial RTO (default 16).
  uint32_t final_wait_factor = 16;
  // RFC 8489 §6.2.2: Ti, the reliable-transport timeout (default 39.5 s).
  Duration reliable_timeout = Duration::millis(39500);
};

// How a transaction ended.
struct TransactionEvent {
  enum class Kind : uint8_t {
    kResponse,  // a success or error response arrived (see response_class)
    kTimeout,   // no response within the timers (RFC 8489 §6.2.1 / §6.2.2)
  };
  Kind kind = Kind::kResponse;
  MessageClass response_class = MessageClass::kSuccessResponse;  // for kResponse
  // Round-trip time, when it is unambiguous (Karn's rule: only when the request was sent once).
  std::optional<Duration> rtt;
  uint32_t transmissions = 0;  // how many times the request was sent
};

class ClientTransaction {
 public:
  enum class State : uint8_t { kRunning, kResponded, kTimedOut, kCancelled };

  // Starts a transaction at `now`: the first transmission is ready at once (poll_transmit()).
  // `request` is the whole encoded request (owned by the transaction); `id` its transaction ID.
  ClientTransaction(Timestamp now, std::vector<uint8_t> request, const TransactionId& id,
                    const SocketAddress& destination, const SocketAddress& source,
                    TransportProtocol protocol, const TransactionConfig& config);

  const TransactionId& id() const { return id_; }
  State state() const { return state_; }
  bool running() const { return state_ == State::kRunning; }
  const SocketAddress& destination() const { return destination_; }
  const SocketAddress& source() const { return source_; }
  // The request bytes (for callers that route them themselves, e.g. through a TURN relay).
  std::span<const uint8_t> request() const { return request_; }
  uint32_t transmissions() const { return transmissions_; }

  // True when `message` is a response (success or error class) carrying this transaction's ID.
  bool matches(const Message& message) const;
  // Feeds a response. Returns false (and changes nothing) unless the transaction is running and
  // matches(response). Authenticating the response is the caller's job, before this call.
  bool handle_response(Timestamp now, const Message& response);

  // The request, when a (re)transmission is due. At most one per due time.
  std::optional<Transmit> poll_transmit();
  // Same, as a view of the bytes (the Transmit's addresses are destination()/source()).
  std::optional<std::span<const uint8_t>> poll_transmit_bytes();
  // The next retransmission or the give-up time; nullopt once finished.
  std::optional<Timestamp> poll_timeout() const;
  // Advances the timers: schedules the next retransmission or times the transaction out.
  void handle_timeout(Timestamp now);
  // The result, once (kResponse or kTimeout; nothing after cancel()).
  std::optional<TransactionEvent> poll_event();
  // Stops without an event (the owner lost interest).
  void cancel();

 private:
  std::vector<uint8_t> request_;
  TransactionId id_{};
  SocketAddress destination_;
  SocketAddress source_;
  TransportProtocol protocol_ = TransportProtocol::kUdp;
  TransactionConfig config_;
  State state_ = State::kRunning;
  Timestamp first_sent_;
  Timestamp deadline_;         // next retransmission, or the give-up time after the last one
  Duration interval_;          // current retransmission interval
  uint32_t transmissions_ = 0; // sent so far
  bool send_pending_ = true;
  std::optional<TransactionEvent> event_;
};

}  // namespace tern::stun

#pragma once
// Client: an RFC 8656 TURN client as a sans-IO machine (DESIGN.md). It owns one allocation on one
// server: it allocates with long-term credentials, keeps the allocation, its permissions and its
// channel bindings refreshed, and moves application data to and from peers through the relay.
//
//   owner / ICE agent                 Client                        TURN server
//   allocate(now) ------------------>  Allocate ------------------->  401 REALM NONCE
//                                      Allocate + credentials ----->  success
//   <- Allocated{relayed, mapped}      XOR-RELAYED-ADDRESS <---------
//   create_permission(peer ip) ----->  CreatePermission ----------->  (300 s, refreshed at 240 s)
//   bind_channel(peer) ------------->  ChannelBind 0x4000 --------->  (600 s, refreshed at 540 s)
//   send_to(peer, bytes) ----------->  Send indication | ChannelData  -> relayed to the peer
//   <- Data{peer, bytes}               Data indication | ChannelData  <- from the peer
//                                      Refresh (LIFETIME) before expiry; LIFETIME 0 = deallocate
//
// Transport. The client never touches a socket, a clock or a random source of its own. For UDP,
// handle_input() takes one message per datagram. For TCP and TLS the owner runs the connection (and
// the TLS session) and feeds the received plaintext bytes in any chunking to handle_stream_data()
// (or handle_input(), whose payload is then taken as stream bytes); the transmits are then stream
// bytes to be written in order. The client includes no TLS code.
//
// Failures caused by the server become events: Failed{reason} ends the client; PermissionFailed and
// ChannelBindFailed concern one peer. Calls made in the wrong state return TurnErrc errors.
#include <cstdint>
#include <deque>
#include <optional>
#include <span>
#include <vector>

#include "common/datagram.hpp"
#include "common/error.hpp"
#include "common/rng.hpp"
#include "common/time.hpp"
#include "stun/client_transaction.hpp"
#include "stun/message.hpp"
#include "turn/channel_table.hpp"
#include "turn/config.hpp"
#include "turn/credentials.hpp"
#include "turn/errc.hpp"
#include "turn/event.hpp"
#include "turn/permission_table.hpp"
#include "turn/stream_framer.hpp"

namespace tern::turn {

// What the client dropped or did, for statistics and tests.
struct ClientCounters {
  uint64_t requests_sent = 0;         // transactions started (retries included)
  uint64_t malformed = 0;             // server bytes that are neither valid STUN nor ChannelData
  uint64_t bad_fingerprint = 0;       // STUN messages whose FINGERPRINT did not match
  uint64_t integrity_failures = 0;    // responses dropped for a missing or wrong MESSAGE-INTEGRITY
  uint64_t unmatched_responses = 0;   // responses to no outstanding transaction
  uint64_t unknown_channel = 0;       // ChannelData on a channel we did not bind (RFC 8656 §12.6)
  uint64_t no_permission = 0;         // Data indications from a peer without permission (§11.4)
  uint64_t ignored = 0;               // other requests/indications from the server
  uint64_t sent_send_indications = 0;
  uint64_t sent_channel_data = 0;
  uint64_t received_data_indications = 0;
  uint64_t received_channel_data = 0;
};

class Client {
 public:
  enum class State : uint8_t {
    kIdle,          // allocate() not called yet
    kAllocating,    // Allocate outstanding (possibly after a 401 / 438)
    kAllocated,     // the allocation exists; data can flow
    kDeallocating,  // Refresh with LIFETIME 0 outstanding
    kClosed,        // deallocated (Deallocated reported)
    kFailed,        // Failed reported
  };

  // `rng` supplies transaction IDs; it must outlive the client (crypto::SystemRng in production,
  // SeededRng in simulations).
  Client(ClientConfig config, Rng& rng);

  // Starts the allocation (RFC 8656 §7.1): an Allocate without credentials, answered by a 401 that
  // gives REALM and NONCE, then one with them. Errors: kAlreadyStarted; stun kValueTooLong /
  // kBadUtf8 when the username or SOFTWARE cannot be sent.
  Status allocate(Timestamp now);
  // Sends a Refresh now (RFC 8656 §8; otherwise automatic before expiry). Errors: kNotAllocated.
  Status refresh(Timestamp now);
  // Deletes the allocation: a Refresh with LIFETIME 0 (RFC 8656 §8); ends with Deallocated. Stops
  // refreshing permissions and channels. Errors: kNotAllocated (nothing started, or finished).
  Status deallocate(Timestamp now);

  // Installs a permission for `peer` (RFC 8656 §9; only the IP matters), kept refreshed until the
  // allocation ends. A no-op when one exists. Errors: kNotAllocated, kFamilyMismatch,
  // kTooManyPermissions.
  Status create_permission(Timestamp now, const IpAddress& peer);
  // Binds a channel to `peer` (RFC 8656 §12.1), kept refreshed; returns its number (the existing
  // one when already bound or pending). Until ChannelBound, send_to() uses Send indications.
  // Errors: kNotAllocated, kFamilyMismatch, kChannelsExhausted.
  Result<uint16_t> bind_channel(Timestamp now, const SocketAddress& peer);
  // Sends `data` to `peer` through the relay: ChannelData when a channel is bound (RFC 8656 §12.4),
  // else a Send indication (§11.1). Errors: kNotAllocated, kFamilyMismatch, kNoPermission (no
  // permission or channel for the peer's IP: the server would drop it), kDataTooLarge.
  Status send_to(const SocketAddress& peer, std::span<const uint8_t> data);

  // UDP: one datagram from the network. Returns true when it was for this client (a response to one
  // of its transactions, a Data indication or ChannelData from the server); false when it is not
  // from the server or not ours, so the caller can offer it to another machine sharing the socket.
  // Stream transports: `in.payload` is taken as stream bytes (handle_stream_data); returns true.
  bool handle_input(Timestamp now, const Datagram& in);
  // TCP/TLS: bytes read from the server connection, in any chunking (framed by a StreamFramer).
  // Errors: kNotAStreamTransport; kStreamDesync (the client has then failed with kStreamDesync).
  Status handle_stream_data(Timestamp now, std::span<const uint8_t> bytes);
  // TCP/TLS: the connection to the server is gone (the allocation dies with it, RFC 8656 §3.1).
  void handle_connection_closed(Timestamp now);

  // Bytes to send to the server, in order; drain until nullopt after every call.
  std::optional<Transmit> poll_transmit();
  std::optional<Event> poll_event();
  // The next retransmission, refresh or expiry; nullopt when the client has nothing scheduled.
  std::optional<Timestamp> poll_timeout() const;
  void handle_timeout(Timestamp now);

  State state() const { return state_; }
  const ClientConfig& config() const { return config_; }
  std::optional<SocketAddress> relayed_address() const { return relayed_; }
  std::optional<SocketAddress> mapped_address() const { return mapped_; }
  // When the allocation expires unless refreshed (kAllocated only).
  std::optional<Timestamp> expires_at() const;
  // True when the server confirmed a permission for `peer`.
  bool has_permission(const IpAddress& peer) const;
  // The channel bound to `peer`, when the server confirmed it.
  std::optional<uint16_t> channel_of(const SocketAddress& peer) const;
  const PermissionTable& permissions() const { return permissions_; }
  const ChannelTable& channels() const { return channels_; }
  const LongTermCredentials& credentials() const { return credentials_; }
  const ClientCounters& counters() const { return counters_; }

 private:
  enum class RequestKind : uint8_t { kAllocate, kRefresh, kCreatePermission, kChannelBind };
  struct Request {
    RequestKind kind = RequestKind::kAllocate;
    IpAddress peer_ip;              // kCreatePermission
    SocketAddress peer;             // kChannelBind
    uint16_t channel = 0;           // kChannelBind
    uint32_t lifetime_seconds = 0;  // kAllocate / kRefresh: LIFETIME to ask for (0 = omit)
    bool deallocate = false;        // kRefresh with LIFETIME 0 (RFC 8656 §8)
    Timestamp sent_at;
    bool authenticated = false;     // carried MESSAGE-INTEGRITY
    uint32_t auth_retries = 0;      // 401s answered so far for this request
    uint32_t stale_retries = 0;     // 438s answered so far
  };
  struct Pending {
    stun::ClientTransaction transaction;
    Request request;
  };

  Status start_request(Timestamp now, Request request);
  void drain_transaction(stun::ClientTransaction& transaction);
  void handle_message(Timestamp now, std::span<const uint8_t> bytes, bool* consumed);
  void handle_channel_data(std::span<const uint8_t> bytes, bool* consumed);
  void handle_response(Timestamp now, const stun::Message& message, bool* consumed);
  void handle_data_indication(const stun::Message& message);
  void handle_success(const Request& request, const stun::Message& message);
  void handle_error(Timestamp now, Request request, const stun::Message& message);
  void request_failed(Timestamp now, const Request& request, FailureReason reason, uint16_t code);
  void schedule_refresh(Timestamp base, Duration lifetime);
  void install_permission(const IpAddress& peer, Timestamp sent_at);
  void fail(FailureReason reason, uint16_t code);
  void finish_deallocation();
  void stop_everything();
  void emit(Event event) { events_.push_back(std::move(event)); }
  stun::TransactionId new_transaction_id();
  bool family_matches(IpFamily family) const;

  ClientConfig config_;
  Rng* rng_;
  State state_ = State::kIdle;
  LongTermCredentials credentials_;
  std::vector<Pending> pending_;
  std::deque<Transmit> outbound_;
  std::deque<Event> events_;
  StreamFramer framer_;

  std::optional<SocketAddress> relayed_;
  std::optional<SocketAddress> mapped_;
  Timestamp refresh_at_;
  Timestamp expires_at_;
  bool refresh_in_flight_ = false;

  PermissionTable permissions_;
  ChannelTable channels_;
  ClientCounters counters_;
};

// "idle", "allocating", ...
const char* client_state_name(Client::State state);

}  // namespace tern::turn

#pragma once
// A small TURN server for tests (RFC 8656 server side, just enough to exercise the client):
// long-term credentials with 401 challenges and 438 stale nonces (optionally the RFC 8489 nonce
// cookie and PASSWORD-ALGORITHMS), Allocate / Refresh / CreatePermission / ChannelBind, Send and
// Data indications, ChannelData, and expiry of allocations, permissions and channels. It runs as a
// SimEndpoint on tern_sim; relayed addresses are bound on demand on the server host.
//
// Stream clients (Transmit protocol kTcp) are framed with turn::StreamFramer; the server's replies
// to them are cut into chunks of random size, so the client sees arbitrary chunk boundaries.
#include <cstdint>
#include <deque>
#include <functional>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "common/datagram.hpp"
#include "common/rng.hpp"
#include "common/time.hpp"
#include "sim/endpoint.hpp"
#include "sim/network.hpp"
#include "stun/builder.hpp"
#include "stun/message.hpp"
#include "stun/password_algorithm.hpp"
#include "turn/stream_framer.hpp"

namespace tern::turn::test {

struct FakeTurnConfig {
  std::string realm = "tern.test";
  std::map<std::string, std::string> users = {{"alice", "alice-pw"}, {"bob", "bob-pw"}};
  // Nonces older than this get 438 (Stale Nonce); zero = never stale.
  Duration nonce_lifetime = Duration::zero();
  // Speak RFC 8489: the nonce carries the "obMatJos2" cookie with the password-algorithms bit, and
  // the 401 offers PASSWORD-ALGORITHMS (SHA-256 first, then MD5).
  bool rfc8489 = false;
  Duration default_lifetime = Duration::seconds(600);
  Duration max_lifetime = Duration::seconds(3600);
  Duration permission_lifetime = Duration::seconds(300);  // RFC 8656 §9
  Duration channel_lifetime = Duration::seconds(600);     // RFC 8656 §12
  // When set, every authenticated Allocate gets this error code (437, 486, 508, ...).
  std::optional<uint16_t> allocate_error;
  // Largest stream chunk the server writes (chunks are 1..max bytes, random).
  size_t max_chunk = 7;
  // Send MESSAGE-INTEGRITY on success responses (turn off to test the client's check).
  bool sign_responses = true;
};

// One request the server saw (for checking the client's timing).
struct RequestRecord {
  Timestamp at;
  stun::Method method;
  SocketAddress client;
  uint16_t response_code = 0;  // 0 = success
  uint32_t lifetime = 0;       // LIFETIME asked for (Allocate/Refresh), if present
  bool authenticated = false;  // carried valid integrity
  bool sha256_integrity = false;  // carried MESSAGE-INTEGRITY-SHA256
  stun::PasswordAlgorithm algorithm = stun::PasswordAlgorithm::kMd5;
};

struct FakeTurnCounters {
  uint64_t send_indications = 0;     // relayed
  uint64_t channel_data_in = 0;      // relayed
  uint64_t data_indications = 0;     // sent to clients
  uint64_t channel_data_out = 0;     // sent to clients
  uint64_t dropped_no_permission = 0;
  uint64_t dropped_no_allocation = 0;
  uint64_t malformed = 0;
  uint64_t expired_allocations = 0;
};

class FakeTurnServer final : public sim::SimEndpoint {
 public:
  // `listen` must be bound by the caller (network.bind(host, server, listen)); relayed addresses
  // are bound by the server on `relay_ip` of `host`.
  FakeTurnServer(FakeTurnConfig config, sim::Network& network, sim::Host& host, IpAddress relay_ip, uint64_t seed);

  void handle_input(Timestamp now, const Datagram& datagram) override;
  std::optional<Transmit> poll_transmit() override;
  std::optional<Timestamp> poll_timeout() override;
  void handle_timeout(Timestamp now) override;

  const std::vector<RequestRecord>& log() const { return log_; }
  const FakeTurnCounters& counters() const { return counters_; }
  size_t allocation_count() const { return allocations_.size(); }
  // Whether an allocation for this client transport address exists.
  bool has_allocation(const SocketAddress& client) const;
  // Forgets every nonce: the next authenticated request gets 438.
  void expire_nonces() { ++nonce_generation_; }
  FakeTurnConfig& config() { return config_; }

 private:
  struct Channel {
    SocketAddress peer;
    Timestamp expires_at;
  };
  struct Allocation {
    SocketAddress client;
    TransportProtocol protocol = TransportProtocol::kUdp;
    SocketAddress server_address;  // the address the client talks to
    std::string username;
    std::vector<uint8_t> key;
    stun::PasswordAlgorithm algorithm = stun::PasswordAlgorithm::kMd5;
    SocketAddress relayed;
    Timestamp expires_at;
    std::map<IpAddress, Timestamp> permissions;
    std::map<uint16_t, Channel> channels;
    stun::TransactionId allocate_txid{};
    std::vector<uint8_t> allocate_response;  // replayed for a retransmitted Allocate
  };
  struct StreamState {
    StreamFramer framer;
    std::vector<uint8_t> pending_out;  // bytes not yet cut into chunks
  };

  void handle_client_message(Timestamp now, const Datagram& from, std::span<const uint8_t> bytes);
  void handle_request(Timestamp now, const Datagram& from, const stun::Message& request);
  void handle_peer_data(Timestamp now, const Datagram& datagram, Allocation& allocation);
  // Builds and queues a response: success when code is 0 (`add` adds the attributes), else an
  // error response. Signed with `key` when given (SHA-256 integrity when `sha256`).
  std::vector<uint8_t> respond(const Datagram& to, const stun::Message& request, uint16_t code,
                               const std::vector<uint8_t>* key, bool sha256,
                               const std::function<void(stun::MessageBuilder&)>& add);
  // 401 or 438 with REALM, NONCE (and PASSWORD-ALGORITHMS in RFC 8489 mode).
  void respond_challenge(Timestamp now, const Datagram& to, const stun::Message& request, uint16_t code);
  void send_to_client(const SocketAddress& client, const SocketAddress& server_address, TransportProtocol protocol,
                      std::vector<uint8_t> bytes);
  std::string current_nonce(Timestamp now);
  bool nonce_valid(std::string_view nonce, Timestamp now) const;
  Allocation* find_allocation(const SocketAddress& client);
  void record(RequestRecord r) { log_.push_back(r); }

  FakeTurnConfig config_;
  sim::Network* network_;
  sim::Host* host_;
  IpAddress relay_ip_;
  SeededRng rng_;
  uint16_t next_relay_port_ = 49152;
  uint32_t nonce_generation_ = 0;
  Timestamp nonce_issued_;
  bool nonce_issued_valid_ = false;
  std::map<SocketAddress, Allocation> allocations_;  // by client transport address
  std::map<SocketAddress, SocketAddress> relay_owner_;  // relayed -> client
  std::map<SocketAddress, StreamState> streams_;
  std::deque<Transmit> out_;
  std::vector<RequestRecord> log_;
  FakeTurnCounters counters_;
};

}  // namespace tern::turn::test

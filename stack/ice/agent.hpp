#pragma once
// Agent: a full ICE agent (RFC 8445) for one data stream with one component (WebRTC bundles and
// multiplexes RTP/RTCP), with trickle ICE (RFC 8838) and consent freshness (RFC 7675). Sans-IO:
//
//   owner                                    Agent
//   -----                                    -----
//   add_local_address(base) for each socket  -> host candidates
//   add_relay(allocator) per TURN server     -> relayed candidates
//   start_gathering(now)                     -> LocalCandidateEvent..., GatheringCompleteEvent
//   set_remote_credentials(ufrag, pwd)
//   add_remote_candidate(now, text)          -> pairs, checks
//   handle_input(now, datagram)              -> kConsumed (STUN) / kData (DTLS, RTP...) / kDropped
//   poll_transmit()                          -> datagrams to send (source = one of the bases)
//   poll_timeout() / handle_timeout(now)
//   poll_event()                             -> states, selected pair, candidates
//   send(now, bytes)                         -> the datagram carrying bytes over the selected pair
//
// Time and randomness come from the owner; the agent never touches a socket or a clock.
#include <cstdint>
#include <deque>
#include <memory>
#include <optional>
#include <span>
#include <string_view>
#include <vector>

#include "common/datagram.hpp"
#include "common/error.hpp"
#include "common/rng.hpp"
#include "common/time.hpp"
#include "crypto/hmac.hpp"
#include "ice/candidate.hpp"
#include "ice/check_list.hpp"
#include "ice/config.hpp"
#include "ice/consent.hpp"
#include "ice/credentials.hpp"
#include "ice/event.hpp"
#include "ice/foundation.hpp"
#include "ice/relay.hpp"
#include "ice/state.hpp"
#include "stun/client_transaction.hpp"
#include "stun/message.hpp"

namespace tern::ice {

// What handle_input() did with a datagram.
struct Received {
  enum class Kind : uint8_t {
    kConsumed,  // ICE's own (STUN, or TURN traffic for a relay)
    kData,      // application bytes from a known peer address: `data`
    kDropped,   // malformed, unauthenticated or from an unknown source (see AgentCounters)
  };
  Kind kind = Kind::kDropped;
  // kData: the bytes (DTLS, RTP, ...), a view valid until the next call into the agent.
  std::span<const uint8_t> data;
  SocketAddress from;  // kData: the peer's transport address
};

// Where data currently goes (for owners that write into their own buffers instead of send()).
struct DataRoute {
  SocketAddress source;       // local base
  SocketAddress destination;  // remote candidate
  bool relayed = false;       // through a TURN relay: use send() instead
};

// Why things were dropped or refused: every bad input is counted, none is fatal.
struct AgentCounters {
  uint64_t stun_malformed = 0;          // STUN-looking datagrams that do not parse / bad FINGERPRINT
  uint64_t data_unknown_source = 0;     // non-STUN datagrams from addresses that are no candidate
  uint64_t unknown_local_address = 0;   // datagrams to a base the agent does not know
  uint64_t requests_received = 0;       // Binding requests answered (any code)
  uint64_t bad_requests = 0;            // answered 400
  uint64_t unauthorized_requests = 0;   // answered 401 (wrong ufrag or MESSAGE-INTEGRITY)
  uint64_t unknown_attribute_requests = 0;  // answered 420
  uint64_t role_conflicts = 0;          // 487 sent or received, or a role switch
  uint64_t stale_responses = 0;         // responses matching no live transaction
  uint64_t response_integrity_failures = 0;  // responses whose MESSAGE-INTEGRITY failed (ignored)
  uint64_t ignored_stun = 0;            // indications and non-Binding methods
  uint64_t checks_sent = 0;             // connectivity checks started (not retransmissions)
  uint64_t consent_probes_sent = 0;
  uint64_t remote_candidates_stale = 0;       // ufrag of another generation
  uint64_t remote_candidates_duplicate = 0;
  uint64_t remote_candidates_unsupported = 0; // TCP, component != 1, unsupported family pairing
  uint64_t remote_candidates_over_limit = 0;
  uint64_t remote_hostnames_pending = 0;      // mDNS names waiting for resolve_mdns()
  uint64_t remote_hostnames_unresolved = 0;   // names with no resolver: ignored
  uint64_t pairs_over_limit = 0;              // pairs dropped by the checklist limit
};

class Agent {
 public:
  // A local candidate as the agent keeps it.
  struct LocalCandidate {
    Candidate candidate;
    SocketAddress base;                  // RFC 8445 §5.1.1: where checks and data leave from
    std::optional<size_t> relay;         // relayed candidates: index of the allocator
    std::optional<SocketAddress> server; // srflx: the STUN server that reported it
    uint16_t interface_index = 0;
  };

  // `rng` must outlive the agent (credentials, tie-breaker, transaction IDs, consent jitter).
  Agent(const AgentConfig& config, Rng& rng);
  ~Agent();
  Agent(const Agent&) = delete;
  Agent& operator=(const Agent&) = delete;

  // ---- roles and credentials ----

  Role role() const { return role_; }
  // Sets the role before checks start (the owner knows it from offer/answer).
  void set_role(Role role);
  uint64_t tie_breaker() const { return tie_breaker_; }
  const Credentials& local_credentials() const { return local_credentials_; }
  const Credentials& remote_credentials() const { return remote_credentials_; }
  // The peer's a=ice-ufrag / a=ice-pwd. kBadCredentials when malformed. New values while others
  // are set mean the peer restarted ICE: its candidates and our pairs are dropped (the selected
  // pair keeps carrying data until a new one is selected).
  Status set_remote_credentials(std::string_view ufrag, std::string_view pwd);
  // The peer is ICE-lite (a=ice-lite, RFC 8445 §2.5): we must be controlling; it sends no checks.
  void set_remote_lite(bool lite);

  // ---- gathering ----

  // A local socket the owner opened (interface order = preference: §5.1.2.1 local preference).
  // Before start_gathering() it is gathered then; afterwards at once (a new interface).
  void add_local_address(Timestamp now, const SocketAddress& base);
  // A TURN allocation to gather a relayed candidate from (started by start_gathering()).
  void add_relay(std::unique_ptr<RelayAllocator> relay);
  // Starts gathering: host candidates at once, then server-reflexive and relayed ones.
  void start_gathering(Timestamp now);
  GatheringState gathering_state() const { return gathering_state_; }

  // ---- remote candidates (trickle: any time) ----

  // Adds a remote candidate. Errors (the candidate is ignored, the agent carries on):
  // kUnsupportedComponent, kUnsupportedTransport, kStaleCandidate (ufrag of another generation),
  // kTooManyCandidates, kClosed. Duplicates are ignored without error. A host name is resolved
  // through the configured resolver, or kept pending for resolve_mdns(); without a resolver it is
  // ignored (counted).
  Status add_remote_candidate(Timestamp now, const Candidate& candidate);
  // Same, parsing an a=candidate value / trickle string first (its parse errors).
  Status add_remote_candidate(Timestamp now, std::string_view text);
  // The peer signalled end-of-candidates (RFC 8838 §8.2).
  void end_of_remote_candidates(Timestamp now);
  // Completes pending candidates named `hostname` with `ip`. kUnknownHostname when none waits.
  Status resolve_mdns(Timestamp now, std::string_view hostname, const IpAddress& ip);

  // ---- restart and close ----

  // ICE restart (RFC 8445 §9): new local credentials, candidates gathered again, pairs rebuilt
  // once the peer's new credentials and candidates arrive. The selected pair keeps carrying data
  // (and answering the old credentials) until a new pair is selected.
  void restart(Timestamp now);
  // Stops everything (state closed); relays are released.
  void close(Timestamp now);

  // ---- sans-IO ----

  Received handle_input(Timestamp now, const Datagram& datagram);
  std::optional<Transmit> poll_transmit();
  std::optional<Event> poll_event();
  std::optional<Timestamp> poll_timeout();
  void handle_timeout(Timestamp now);

  // ---- data ----

  // The datagram carrying `payload` over the selected pair. Errors: kNoSelectedPair,
  // kConsentExpired (RFC 7675 §5.1), kClosed.
  Result<Transmit> send(Timestamp now, std::span<const uint8_t> payload);
  // The selected pair's addresses, if any.
  std::optional<DataRoute> data_route() const;

  // ---- observation ----

  ConnectionState connection_state() const { return connection_state_; }
  // The selected pair's candidates.
  std::optional<SelectedPairEvent> selected_pair() const;
  std::span<const LocalCandidate> local_candidates() const { return locals_; }
  std::span<const Candidate> remote_candidates() const { return remotes_; }
  const CheckList& check_list() const { return check_list_; }
  const AgentCounters& counters() const { return counters_; }
  uint32_t generation() const { return generation_; }

 private:
  struct CheckTransaction;
  struct GatherTransaction;
  struct Selected;
  struct RelaySlot;

  // gathering (agent_gathering.cpp)
  void gather_host(Timestamp now, size_t address_index);
  void queue_server_requests(size_t local_index);
  void start_gather_transaction(Timestamp now);
  void handle_gather_response(Timestamp now, size_t index, const stun::Message& response);
  void handle_relay_events(Timestamp now, size_t relay_index, Received* received);
  void add_local_candidate(Timestamp now, LocalCandidate local, bool signal);
  void update_gathering_state();
  std::optional<size_t> find_local_by_address(const SocketAddress& address) const;

  // checks (agent_checks.cpp)
  void form_pairs_for_local(uint32_t local);
  void form_pairs_for_remote(uint32_t remote);
  void add_pair(uint32_t local, uint32_t remote);
  uint64_t compute_pair_priority(uint32_t local, uint32_t remote) const;
  void recompute_priorities();
  bool can_check() const;
  void start_check(Timestamp now);
  void send_check(Timestamp now, uint32_t pair, bool triggered);
  void send_consent_probe(Timestamp now);
  // False when the bytes are not a valid STUN message (dropped, counted).
  bool handle_stun(Timestamp now, size_t local, const SocketAddress& source, std::span<const uint8_t> bytes);
  void handle_request(Timestamp now, size_t local, const SocketAddress& source, const stun::Message& request);
  void handle_check_response(Timestamp now, size_t index, size_t local, const SocketAddress& source,
                             const stun::Message& response);
  void fail_pair(Timestamp now, uint32_t pair);
  void switch_role(Role role);
  void nominate_pair(Timestamp now, uint32_t pair);
  void maybe_nominate(Timestamp now);
  void update_selection(Timestamp now);
  void process_check_events(Timestamp now);
  void route_check(CheckTransaction& check, std::span<const uint8_t> bytes);
  std::optional<uint32_t> best_valid_pair() const;
  bool selected_current() const;
  void select_pair(Timestamp now, uint32_t pair);
  std::optional<size_t> find_base(const SocketAddress& base) const;
  Received handle_payload(Timestamp now, size_t local, const SocketAddress& source, std::span<const uint8_t> payload);
  bool all_pairs_failed() const;
  bool nothing_left_to_check() const;

  // plumbing (agent.cpp)
  void emit(Event event);
  void send_from(Timestamp now, size_t local, const SocketAddress& destination, std::span<const uint8_t> bytes);
  void send_via(Timestamp now, const LocalCandidate& local, const SocketAddress& destination,
                std::span<const uint8_t> bytes);
  void update_state(Timestamp now);
  void reset_remote_state();
  stun::TransactionId new_transaction_id();
  crypto::Hmac& local_key();
  crypto::Hmac& remote_key();
  bool known_remote_address(const SocketAddress& address, size_t local) const;
  std::optional<uint32_t> find_remote(const SocketAddress& address) const;
  Candidate stamped(Candidate candidate) const;

  AgentConfig config_;
  Rng& rng_;
  Role role_;
  uint64_t tie_breaker_ = 0;
  bool remote_lite_ = false;
  Credentials local_credentials_;
  Credentials remote_credentials_;
  std::unique_ptr<crypto::Hmac> local_key_;
  std::unique_ptr<crypto::Hmac> remote_key_;
  uint32_t generation_ = 0;  // local candidate generation (restarts)
  uint64_t session_ = 0;     // pair-set epoch: bumped by local and remote restarts
  bool closed_ = false;

  // gathering
  GatheringState gathering_state_ = GatheringState::kNew;
  bool gathering_started_ = false;
  std::vector<SocketAddress> addresses_;     // the owner's sockets, in preference order
  std::vector<LocalCandidate> locals_;
  std::deque<std::pair<size_t, SocketAddress>> pending_server_requests_;  // (local, server)
  std::vector<GatherTransaction> gather_transactions_;
  std::vector<RelaySlot> relays_;
  FoundationRegistry foundations_;

  // remote
  std::vector<Candidate> remotes_;
  std::vector<Candidate> pending_hostnames_;
  bool remote_end_of_candidates_ = false;
  uint32_t prflx_foundation_counter_ = 0;

  // checks
  CheckList check_list_;
  std::vector<CheckTransaction> check_transactions_;
  Timestamp next_pacing_;
  std::optional<uint32_t> nominating_;
  std::optional<Timestamp> first_valid_at_;
  Timestamp last_pair_change_;

  // selection and consent
  std::unique_ptr<Selected> selected_;
  ConsentFreshness consent_;
  bool consent_lost_ = false;
  std::vector<uint8_t> relay_rx_;  // relayed application bytes handed out by handle_input()

  ConnectionState connection_state_ = ConnectionState::kNew;
  Timestamp now_;
  std::deque<Transmit> transmits_;
  std::deque<Event> events_;
  AgentCounters counters_;
};

}  // namespace tern::ice

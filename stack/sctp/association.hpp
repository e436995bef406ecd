#pragma once
// An SCTP association (RFC 9260) as carried over DTLS for WebRTC (RFC 8261): a sans-IO state
// machine (DESIGN.md). It consumes SCTP packets (the payloads of DTLS application-data records),
// produces SCTP packets for DTLS to send, and reports events; time is always passed in and the
// randomness (tags, initial TSNs) comes from the Rng given at creation.
//
//   auto assoc = sctp::Association::create(config, rng).value();
//   assoc.connect(now);                                  // both WebRTC peers do (RFC 8841 §9.3)
//   assoc.handle_input(now, packet);                     // each SCTP packet from DTLS
//   while (auto p = assoc.poll_transmit()) dtls.send(*p);
//   while (auto e = assoc.poll_event()) ...;             // Connected, MessageReceived, ...
//   if (auto t = assoc.poll_timeout()) ...; assoc.handle_timeout(now);
//   assoc.send(now, StreamId(1), 51, bytes, {});         // PPID 51: WebRTC String (RFC 8831 §8)
//
// Supported: the four-way handshake with a signed State Cookie and the INIT collision rules that
// let two peers connect at once (§5.2.1, §5.2.4), verification tags (§8.5), fragmentation and
// reassembly, ordered and unordered delivery, SACK with gap blocks and duplicates and delayed
// acknowledgement (§6.2), RTO (§6.3), fast retransmit and congestion control (§7), flow control,
// heartbeats (§8.3), graceful shutdown (§9.2) and ABORT (§9.1), PR-SCTP (RFC 3758) and stream
// reset (RFC 6525). Not supported: multi-homing (DTLS gives one path), association restart
// (§5.2.4 case A ends the association with kPeerRestarted), I-DATA (the codec exists).
#include <cstdint>
#include <deque>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "common/error.hpp"
#include "common/ids.hpp"
#include "common/rng.hpp"
#include "common/time.hpp"
#include "sctp/chunk.hpp"
#include "sctp/chunks/error_cause.hpp"
#include "sctp/config.hpp"
#include "sctp/congestion_control.hpp"
#include "sctp/event.hpp"
#include "sctp/packet.hpp"
#include "sctp/reassembly.hpp"
#include "sctp/retransmission_queue.hpp"
#include "sctp/rto_estimator.hpp"
#include "sctp/send_queue.hpp"
#include "sctp/stream_reset.hpp"
#include "sctp/tsn_tracker.hpp"

namespace tern::sctp {

// RFC 9260 §4 states.
enum class AssociationState : uint8_t {
  kClosed,            // no association (listening for INIT / COOKIE ECHO, or ended)
  kCookieWait,        // INIT sent
  kCookieEchoed,      // COOKIE ECHO sent
  kEstablished,
  kShutdownPending,   // shutdown() called, outstanding data still draining
  kShutdownSent,
  kShutdownReceived,
  kShutdownAckSent,
};

const char* association_state_name(AssociationState state);

// Counters for stats, tests and the inspector.
struct AssociationStats {
  uint64_t packets_sent = 0;
  uint64_t packets_received = 0;
  uint64_t packets_dropped = 0;        // malformed, bad checksum, wrong port or tag, wrong state
  uint64_t chunks_dropped = 0;         // malformed or unexpected chunks inside accepted packets
  uint64_t data_chunks_sent = 0;       // first transmissions
  uint64_t data_chunks_retransmitted = 0;
  uint64_t data_chunks_received = 0;   // new (not duplicate) DATA chunks accepted
  uint64_t duplicate_data_chunks = 0;
  uint64_t data_dropped_no_buffer = 0; // DATA beyond the receive window or TSN window
  uint64_t fast_retransmits = 0;       // times fast retransmit was entered
  uint64_t t3_expiries = 0;
  uint64_t sacks_sent = 0;
  uint64_t sacks_received = 0;
  uint64_t forward_tsns_sent = 0;
  uint64_t heartbeats_sent = 0;
  uint64_t messages_sent = 0;          // accepted by send()
  uint64_t messages_received = 0;
  uint64_t messages_abandoned = 0;     // PR-SCTP: dropped before or after being sent
};

class Association {
 public:
  // Validates `config` (cookie signer present, mtu >= kMinMtu, streams > 0, sane RTO bounds,
  // receive window >= 1500: RFC 9260 §6.1 implies a receiver can take one packet). `rng` and
  // `config.cookie_signer` must outlive the association. Errors: kBadConfig.
  static Result<Association> create(const Config& config, Rng& rng);

  AssociationState state() const { return state_; }
  // True once the association ended (Closed or Aborted was reported); it ignores all input then.
  bool terminated() const { return terminated_; }

  // Starts the four-way handshake: sends INIT (RFC 9260 §5.1 A) and arms T1-init. Without it the
  // association still answers an INIT from the peer. Errors: kBadState (not a fresh association).
  Status connect(Timestamp now);

  // One SCTP packet received (the payload of one DTLS application-data record). Malformed
  // packets, bad checksums and wrong verification tags are dropped and counted.
  void handle_input(Timestamp now, std::span<const uint8_t> packet);
  // The next packet to hand to DTLS, or nullopt. Call until nullopt after every input, timeout
  // and API call.
  std::optional<std::vector<uint8_t>> poll_transmit();
  std::optional<Event> poll_event();
  // When handle_timeout() must be called next, or nullopt.
  std::optional<Timestamp> poll_timeout() const;
  void handle_timeout(Timestamp now);

  // Queues a user message on `stream` with payload protocol identifier `ppid`. Errors:
  // kNotConnected (not established yet), kClosed (shutting down or ended), kInvalidStream (not
  // below outbound_streams()), kEmptyMessage (0 bytes: SCTP cannot carry them, RFC 9260 §3.3.1;
  // WebRTC sends PPID 56/57 with one byte instead, RFC 8831 §6.6), kMessageTooLarge,
  // kSendBufferFull, kStreamResetPending (the stream is being reset).
  Status send(Timestamp now, StreamId stream, uint32_t ppid, std::span<const uint8_t> payload,
              const SendOptions& options = {});
  // The same, taking ownership of the bytes (no copy).
  Status send(Timestamp now, StreamId stream, uint32_t ppid, std::vector<uint8_t>&& payload,
              const SendOptions& options = {});

  // Resets the outgoing streams (RFC 6525 §5.1.2) once the messages already queued on them are
  // sent; OutgoingStreamsReset (or StreamResetFailed) reports the outcome. Errors: kNotConnected,
  // kClosed, kNotSupported (the peer did not offer RE-CONFIG), kInvalidStream.
  Status reset_streams(Timestamp now, std::span<const StreamId> streams);

  // Graceful close (RFC 9260 §9.2): queued and outstanding data is delivered first; Closed
  // follows. Before establishment it simply ends the attempt. Errors: kClosed (already ended).
  Status shutdown(Timestamp now);
  // Ends the association now with an ABORT carrying `reason` (RFC 9260 §9.1, User-Initiated
  // Abort). Reports Aborted with kUserAbort. No effect when already ended.
  void abort(Timestamp now, std::string_view reason = {});

  // W3C bufferedAmount: bytes accepted by send() on `stream` and not yet sent.
  size_t buffered_amount(StreamId stream) const { return send_queue_.buffered_amount(stream); }
  size_t total_buffered_amount() const { return send_queue_.total_buffered(); }
  // W3C bufferedAmountLowThreshold (default 0): BufferedAmountLow is reported when the buffered
  // amount falls from above it to at or below it.
  void set_buffered_amount_low_threshold(StreamId stream, size_t bytes) {
    send_queue_.set_buffered_amount_low_threshold(stream, bytes);
  }

  // Negotiated stream counts (0 before establishment).
  uint16_t outbound_streams() const { return outbound_streams_; }
  uint16_t inbound_streams() const { return inbound_streams_; }
  bool peer_supports_partial_reliability() const { return peer_forward_tsn_; }
  bool peer_supports_stream_reset() const { return peer_reconfig_; }

  // Transport state for stats and tests (0 / nullopt before establishment).
  size_t cwnd() const { return cc_ ? cc_->cwnd() : 0; }
  size_t ssthresh() const { return cc_ ? cc_->ssthresh() : 0; }
  size_t flight_size() const { return rtx_ ? rtx_->flight_size() : 0; }
  size_t peer_rwnd() const { return peer_rwnd_; }
  Duration rto() const { return rto_.rto(); }
  std::optional<Duration> srtt() const { return rto_.srtt(); }
  uint32_t local_verification_tag() const { return local_tag_; }
  uint32_t peer_verification_tag() const { return peer_tag_; }
  const AssociationStats& stats() const { return stats_; }
  const Config& config() const { return config_; }

 private:
  struct Timer {
    std::optional<Timestamp> at;
    uint32_t count = 0;  // expirations since (re)start
    bool due(Timestamp now) const { return at && *at <= now; }
    void start(Timestamp when) { at = when; }
    void stop() {
      at.reset();
      count = 0;
    }
  };

  Association(const Config& config, Rng& rng);

  // ---- input ----
  bool check_verification_tag(const PacketView& packet);
  void handle_out_of_the_blue(const PacketView& packet);
  void handle_init(const PacketView& packet);
  void handle_init_ack(const RawChunk& chunk);
  bool handle_cookie_echo(const PacketView& packet, const RawChunk& chunk);
  void handle_cookie_ack();
  bool handle_data(const RawChunk& chunk, bool& immediate);
  void handle_sack(const RawChunk& chunk);
  void process_sack(const SackChunk& sack);
  void handle_heartbeat(const RawChunk& chunk);
  void handle_heartbeat_ack(const RawChunk& chunk);
  void handle_abort(const RawChunk& chunk);
  void handle_shutdown(const RawChunk& chunk);
  void handle_shutdown_ack();
  void handle_shutdown_complete();
  void handle_error(const RawChunk& chunk);
  void handle_forward_tsn(const RawChunk& chunk);
  void handle_reconfig(const RawChunk& chunk);
  // Returns false when the rest of the packet must be skipped (RFC 9260 §3.2 upper bits).
  bool handle_unknown_chunk(const RawChunk& chunk);
  void after_data(bool had_gaps, bool immediate, bool duplicate);
  void on_cumulative_ack_moved();

  // ---- output ----
  void queue_control(std::vector<uint8_t> chunk) { control_.push_back(std::move(chunk)); }
  void queue_packet(uint32_t verification_tag, std::span<const uint8_t> chunk);
  void send_init();
  void send_cookie_echo();
  void send_heartbeat();
  bool add_data_chunks(PacketBuilder& builder);
  void add_sack(PacketBuilder& builder);
  SackChunk make_sack(size_t room) const;
  uint32_t advertised_window() const;

  // ---- state changes ----
  void establish(Tsn peer_initial_tsn, uint32_t peer_a_rwnd, uint16_t outbound, uint16_t inbound,
                 bool peer_forward_tsn, bool peer_reconfig);
  void maybe_progress_shutdown();
  // Sends ABORT (when the peer's tag is known), reports Aborted and ends.
  void fail(const Error& error, const std::string& reason, std::optional<OwnedErrorCause> cause);
  void terminate(Event event);
  void deliver_messages();
  void restart_t3_if_needed(bool cum_advanced);
  void update_burst_ceiling();
  bool data_can_flow() const;
  bool count_error();  // true when Association.Max.Retrans was exceeded (and the association failed)

  Config config_;
  Rng* rng_;
  CookieSigner* signer_;
  Timestamp now_;
  AssociationState state_ = AssociationState::kClosed;
  bool terminated_ = false;
  bool connected_reported_ = false;

  uint32_t local_tag_ = 0;
  uint32_t peer_tag_ = 0;
  Tsn local_initial_tsn_{0};
  Tsn peer_initial_tsn_{0};
  uint32_t peer_a_rwnd_ = 0;  // from INIT / INIT ACK (until established)
  uint16_t peer_outbound_ = 0;
  uint16_t peer_inbound_ = 0;
  uint16_t outbound_streams_ = 0;
  uint16_t inbound_streams_ = 0;
  bool peer_forward_tsn_ = false;
  bool peer_reconfig_ = false;
  std::vector<uint8_t> cookie_;            // to echo while in COOKIE-ECHOED
  std::vector<uint8_t> unrecognized_report_;  // ERROR cause body sent with the COOKIE ECHO

  // Established state (the TCB's data-transfer parts).
  std::optional<TsnTracker> tracker_;
  std::optional<Reassembly> reassembly_;
  std::optional<RetransmissionQueue> rtx_;
  std::optional<CongestionControl> cc_;
  std::optional<StreamReset> stream_reset_;
  SendQueue send_queue_;
  RtoEstimator rto_;
  size_t peer_rwnd_ = 0;
  size_t burst_ceiling_ = 0;
  uint32_t error_count_ = 0;

  // Acknowledgement state (RFC 9260 §6.2).
  bool ack_pending_ = false;   // DATA received since the last SACK
  bool sack_now_ = false;      // a SACK goes out with the next packet
  uint32_t data_packets_since_sack_ = 0;
  bool forward_tsn_pending_ = false;
  bool fast_retransmit_pending_ = false;
  Timestamp last_data_sent_;
  uint64_t heartbeat_nonce_ = 0;
  Timestamp reconfig_not_before_;

  Timer t1_;            // T1-init / T1-cookie
  Duration t1_rto_;
  Timer t2_;            // T2-shutdown
  Timer t3_;            // T3-rtx
  Timer t5_;            // T5-shutdown-guard
  Timer delayed_ack_;
  Timer heartbeat_;     // next HEARTBEAT
  Timer heartbeat_ack_; // HEARTBEAT ACK deadline
  Timer reconfig_;      // RE-CONFIG request retransmission

  std::deque<std::vector<uint8_t>> ready_packets_;  // complete packets (INIT, INIT ACK, ABORT, ...)
  std::deque<std::vector<uint8_t>> control_;        // serialized chunks for the next packets
  std::deque<Event> events_;
  AssociationStats stats_;
};

}  // namespace tern::sctp

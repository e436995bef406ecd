#include "sctp/association.hpp"

#include <algorithm>

#include "common/byte_reader.hpp"
#include "sctp/chunks/any_chunk.hpp"
#include "sctp/errc.hpp"
#include "sctp/tsn.hpp"

namespace tern::sctp {
namespace {

// Room a DATA chunk needs beyond its payload.
constexpr size_t kDataOverhead = DataChunk::kHeaderSize;
// A packet with less room than this for user data is sent as it is.
constexpr size_t kMinFragment = 64;
// Unrecognized parameters echoed back are capped (ERROR / INIT ACK stay small).
constexpr size_t kMaxReportedParameterBytes = 512;
// Heartbeat information: send time (8) and nonce (8).
constexpr size_t kHeartbeatInfoSize = 16;

uint32_t nonzero_random(Rng& rng) {
  for (;;) {
    uint32_t v = rng.next_u32();
    if (v != 0) return v;  // RFC 9260 §3.3.2: the Initiate Tag is never 0
  }
}

std::string printable(std::span<const uint8_t> bytes) {
  std::string s;
  for (uint8_t b : bytes.first(std::min<size_t>(bytes.size(), 256))) {
    s.push_back(b >= 0x20 && b < 0x7f ? static_cast<char>(b) : '?');
  }
  return s;
}

// Concatenated padded TLVs of the parameters to report, capped.
std::vector<uint8_t> serialize_reported(const std::vector<Parameter>& params) {
  std::vector<uint8_t> out;
  for (const Parameter& p : params) {
    if (out.size() + p.serialized_size() > kMaxReportedParameterBytes) break;
    const size_t at = out.size();
    out.resize(at + p.serialized_size());
    ByteWriter w(std::span<uint8_t>(out).subspan(at));
    p.serialize(w);
  }
  return out;
}

}  // namespace

const char* association_state_name(AssociationState state) {
  switch (state) {
    case AssociationState::kClosed: return "CLOSED";
    case AssociationState::kCookieWait: return "COOKIE-WAIT";
    case AssociationState::kCookieEchoed: return "COOKIE-ECHOED";
    case AssociationState::kEstablished: return "ESTABLISHED";
    case AssociationState::kShutdownPending: return "SHUTDOWN-PENDING";
    case AssociationState::kShutdownSent: return "SHUTDOWN-SENT";
    case AssociationState::kShutdownReceived: return "SHUTDOWN-RECEIVED";
    case AssociationState::kShutdownAckSent: return "SHUTDOWN-ACK-SENT";
  }
  return "?";
}

Result<Association> Association::create(const Config& config, Rng& rng) {
  if (config.cookie_signer == nullptr) return Error(SctpErrc::kBadConfig, "cookie_signer is required");
  const size_t mac = config.cookie_signer->mac_size();
  if (mac < 16 || mac > 64) return Error(SctpErrc::kBadConfig, "cookie_signer mac_size outside 16..64");
  if (config.mtu < kMinMtu || config.mtu > kMaxPacketSize) {
    return Error(SctpErrc::kBadConfig, "mtu outside 256..65535");
  }
  if (config.receive_window < 1500) return Error(SctpErrc::kBadConfig, "receive_window below 1500");
  if (config.outbound_streams == 0 || config.inbound_streams == 0) {
    return Error(SctpErrc::kBadConfig, "stream counts must be at least 1");
  }
  if (config.max_message_size == 0) return Error(SctpErrc::kBadConfig, "max_message_size is 0");
  if (config.rto.min <= Duration::zero() || config.rto.min > config.rto.max ||
      config.rto.initial < config.rto.min || config.rto.initial > config.rto.max) {
    return Error(SctpErrc::kBadConfig, "RTO bounds: need 0 < min <= initial <= max");
  }
  if (config.valid_cookie_life <= Duration::zero()) return Error(SctpErrc::kBadConfig, "valid_cookie_life");
  if (config.delayed_ack_timeout < Duration::zero() || config.delayed_ack_timeout > Duration::millis(500)) {
    // RFC 9260 §6.2: the delay MUST NOT exceed 500 ms.
    return Error(SctpErrc::kBadConfig, "delayed_ack_timeout outside 0..500 ms");
  }
  return Association(config, rng);
}

Association::Association(const Config& config, Rng& rng)
    : config_(config), rng_(&rng), signer_(config.cookie_signer), rto_(config.rto), t1_rto_(config.rto.initial) {}

// ============================================================================ API

Status Association::connect(Timestamp now) {
  now_ = now;
  if (state_ != AssociationState::kClosed || terminated_) {
    return Error(SctpErrc::kBadState, "connect() on an association that is not fresh");
  }
  local_tag_ = nonzero_random(*rng_);
  local_initial_tsn_ = Tsn(rng_->next_u32());
  state_ = AssociationState::kCookieWait;
  t1_rto_ = config_.rto.initial;
  send_init();
  t1_.count = 0;
  t1_.start(now_ + t1_rto_);
  return {};
}

Status Association::send(Timestamp now, StreamId stream, uint32_t ppid, std::span<const uint8_t> payload,
                         const SendOptions& options) {
  return send(now, stream, ppid, std::vector<uint8_t>(payload.begin(), payload.end()), options);
}

Status Association::send(Timestamp now, StreamId stream, uint32_t ppid, std::vector<uint8_t>&& payload,
                         const SendOptions& options) {
  now_ = now;
  if (terminated_) return Error(SctpErrc::kClosed, "the association has ended");
  if (state_ == AssociationState::kClosed || state_ == AssociationState::kCookieWait ||
      state_ == AssociationState::kCookieEchoed) {
    return Error(SctpErrc::kNotConnected, "send() before the association is established");
  }
  // RFC 9260 §9.2: after shutdown starts, no new user data is accepted.
  if (state_ != AssociationState::kEstablished) return Error(SctpErrc::kClosed, "the association is shutting down");
  if (stream.value >= outbound_streams_) return Error(SctpErrc::kInvalidStream, "stream id not below the outbound stream count");
  // RFC 9260 §3.3.1: a DATA chunk carries at least one byte.
  if (payload.empty()) return Error(SctpErrc::kEmptyMessage, "SCTP cannot send a 0-byte message");
  if (config_.max_outgoing_message_size != 0 && payload.size() > config_.max_outgoing_message_size) {
    return Error(SctpErrc::kMessageTooLarge, "message larger than max_outgoing_message_size");
  }
  if (send_queue_.total_buffered() + payload.size() > config_.max_send_buffer) {
    return Error(SctpErrc::kSendBufferFull, "send buffer full");
  }
  if (stream_reset_ && stream_reset_->is_resetting(stream)) {
    return Error(SctpErrc::kStreamResetPending, "the stream is being reset");
  }
  send_queue_.push(now, stream, ppid, std::move(payload), options);
  ++stats_.messages_sent;
  update_burst_ceiling();
  return {};
}

Status Association::reset_streams(Timestamp now, std::span<const StreamId> streams) {
  now_ = now;
  if (terminated_) return Error(SctpErrc::kClosed, "the association has ended");
  if (!stream_reset_) return Error(SctpErrc::kNotConnected, "reset_streams() before establishment");
  if (state_ != AssociationState::kEstablished) return Error(SctpErrc::kClosed, "the association is shutting down");
  if (!peer_reconfig_ || !config_.stream_reset) {
    return Error(SctpErrc::kNotSupported, "stream reset (RE-CONFIG) was not negotiated");
  }
  for (StreamId s : streams) {
    if (s.value >= outbound_streams_) return Error(SctpErrc::kInvalidStream, "stream id not below the outbound stream count");
  }
  stream_reset_->request(streams);
  return {};
}

Status Association::shutdown(Timestamp now) {
  now_ = now;
  if (terminated_) return Error(SctpErrc::kClosed, "the association has ended");
  switch (state_) {
    case AssociationState::kClosed:
    case AssociationState::kCookieWait:
    case AssociationState::kCookieEchoed:
      // RFC 9260 §9.2: before establishment there is nothing to drain; the attempt just ends.
      terminate(Closed{});
      return {};
    case AssociationState::kEstablished:
      state_ = AssociationState::kShutdownPending;
      maybe_progress_shutdown();
      return {};
    default:
      return {};  // already shutting down
  }
}

void Association::abort(Timestamp now, std::string_view reason) {
  now_ = now;
  if (terminated_) return;
  fail(Error(SctpErrc::kUserAbort, "abort() called"), std::string(reason),
       OwnedErrorCause::user_initiated_abort(reason));
}

std::optional<Event> Association::poll_event() {
  if (events_.empty()) return std::nullopt;
  Event e = std::move(events_.front());
  events_.pop_front();
  return e;
}

// ============================================================================ timers

std::optional<Timestamp> Association::poll_timeout() const {
  std::optional<Timestamp> next;
  for (const Timer* t : {&t1_, &t2_, &t3_, &t5_, &delayed_ack_, &heartbeat_, &heartbeat_ack_, &reconfig_}) {
    if (t->at && (!next || *t->at < *next)) next = t->at;
  }
  return next;
}

bool Association::count_error() {
  // RFC 9260 §8.1: past Association.Max.Retrans consecutive failures, the peer is unreachable.
  if (++error_count_ > config_.max_retransmits) {
    fail(Error(SctpErrc::kRetransmitLimit, "Association.Max.Retrans exceeded"), "retransmission limit", std::nullopt);
    return true;
  }
  return false;
}

void Association::handle_timeout(Timestamp now) {
  now_ = now;
  if (terminated_) return;

  if (t1_.due(now)) {
    // RFC 9260 §5.1 C/D: retransmit INIT or COOKIE ECHO with a doubled T1 until Max.Init.Retransmits.
    if (++t1_.count > config_.max_init_retransmits) {
      fail(Error(SctpErrc::kInitTimeout, "Max.Init.Retransmits exceeded"), "initialization timed out", std::nullopt);
      return;
    }
    t1_rto_ = std::min(t1_rto_ * 2, config_.rto.max);
    if (state_ == AssociationState::kCookieWait) send_init();
    if (state_ == AssociationState::kCookieEchoed) send_cookie_echo();
    t1_.start(now + t1_rto_);
  }

  if (t3_.due(now)) {
    t3_.stop();
    ++stats_.t3_expiries;
    if (count_error()) return;
    // RFC 9260 §6.3.3 E1-E3 and §7.2.3: back off, collapse cwnd, mark outstanding data lost.
    rto_.back_off();
    cc_->on_retransmission_timeout();
    rtx_->handle_t3_expiry(now);
    fast_retransmit_pending_ = false;
    for (uint64_t id : rtx_->take_abandoned_messages()) {
      send_queue_.discard_message(id);
      ++stats_.messages_abandoned;
    }
    // RFC 3758 §3.5 C3: a FORWARD TSN still needed goes out again.
    if (rtx_->forward_tsn_needed()) forward_tsn_pending_ = true;
    if (rtx_->has_unacked()) t3_.start(now + rto_.rto());
  }

  if (t2_.due(now)) {
    // RFC 9260 §9.2: T2-shutdown retransmits SHUTDOWN or SHUTDOWN ACK.
    if (count_error()) return;
    rto_.back_off();
    if (state_ == AssociationState::kShutdownSent) {
      queue_control(serialize_chunk(ShutdownChunk{tracker_->cumulative_ack()}));
    } else if (state_ == AssociationState::kShutdownAckSent) {
      queue_control(serialize_chunk(ShutdownAckChunk{}));
    }
    t2_.start(now + rto_.rto());
  }

  if (t5_.due(now)) {
    // RFC 9260 §9.2: the T5-shutdown-guard bounds the whole shutdown.
    fail(Error(SctpErrc::kShutdownTimeout, "T5-shutdown-guard expired"), "shutdown timed out", std::nullopt);
    return;
  }

  if (delayed_ack_.due(now)) {
    delayed_ack_.stop();
    if (ack_pending_) sack_now_ = true;
  }

  if (heartbeat_ack_.due(now)) {
    heartbeat_ack_.stop();
    // RFC 9260 §8.3: an unanswered HEARTBEAT counts as a failure and backs the RTO off.
    if (count_error()) return;
    rto_.back_off();
    send_heartbeat();
  }

  if (heartbeat_.due(now)) {
    heartbeat_.stop();
    // RFC 9260 §8.3: heartbeats probe an idle path; while data flows T3-rtx watches it.
    const Timestamp idle_until = last_data_sent_ + config_.heartbeat_interval;
    if (rtx_ && rtx_->has_unacked()) {
      heartbeat_.start(now + config_.heartbeat_interval + rto_.rto());
    } else if (idle_until > now) {
      heartbeat_.start(idle_until + rto_.rto());
    } else if (!heartbeat_ack_.at) {
      send_heartbeat();
    }
  }

  if (reconfig_.due(now)) {
    reconfig_.stop();
    // RFC 6525 §5.1.1: an unanswered request is retransmitted with the same sequence number.
    if (stream_reset_ && stream_reset_->outstanding()) {
      if (count_error()) return;
      rto_.back_off();
      ReconfigChunk c;
      c.parameters.push_back(*stream_reset_->outstanding());
      queue_control(serialize_chunk(c));
      reconfig_.start(now + rto_.rto());
    }
  }
  update_burst_ceiling();
}

// ============================================================================ input

void Association::handle_input(Timestamp now, std::span<const uint8_t> bytes) {
  now_ = now;
  if (terminated_) {
    ++stats_.packets_dropped;
    return;
  }
  auto parsed = parse_packet(bytes);
  if (!parsed) {
    ++stats_.packets_dropped;
    return;
  }
  const PacketView& packet = *parsed;
  // RFC 8261 §5 / RFC 8841: the ports are fixed by the SDP for this association.
  if (packet.header.destination_port != config_.local_port || packet.header.source_port != config_.remote_port) {
    ++stats_.packets_dropped;
    return;
  }
  ++stats_.packets_received;

  // RFC 9260 §6.10: INIT is never bundled; RFC 9260 §8.5.1 A: its packet has tag 0.
  const bool has_init = std::any_of(packet.chunks.begin(), packet.chunks.end(),
                                    [](const RawChunk& c) { return c.chunk_type() == ChunkType::kInit; });
  if (has_init) {
    if (packet.chunks.size() != 1 || packet.header.verification_tag != 0) {
      ++stats_.packets_dropped;
      return;
    }
    handle_init(packet);
    return;
  }
  if (state_ == AssociationState::kClosed) {
    handle_out_of_the_blue(packet);
    return;
  }
  if (!check_verification_tag(packet)) return;

  const bool had_gaps = tracker_ && tracker_->has_gaps();
  bool data_seen = false;
  bool immediate = false;
  const uint64_t duplicates_before = stats_.duplicate_data_chunks;
  for (const RawChunk& chunk : packet.chunks) {
    if (terminated_) break;
    bool keep_going = true;
    switch (chunk.chunk_type()) {
      case ChunkType::kData:
        data_seen = true;
        keep_going = handle_data(chunk, immediate);
        break;
      case ChunkType::kInitAck: handle_init_ack(chunk); break;
      case ChunkType::kSack: handle_sack(chunk); break;
      case ChunkType::kHeartbeat: handle_heartbeat(chunk); break;
      case ChunkType::kHeartbeatAck: handle_heartbeat_ack(chunk); break;
      case ChunkType::kAbort: handle_abort(chunk); break;
      case ChunkType::kShutdown: handle_shutdown(chunk); break;
      case ChunkType::kShutdownAck: handle_shutdown_ack(); break;
      case ChunkType::kShutdownComplete: handle_shutdown_complete(); break;
      case ChunkType::kError: handle_error(chunk); break;
      case ChunkType::kCookieEcho: keep_going = handle_cookie_echo(packet, chunk); break;
      case ChunkType::kCookieAck: handle_cookie_ack(); break;
      case ChunkType::kForwardTsn:
        handle_forward_tsn(chunk);
        break;
      case ChunkType::kReconfig: handle_reconfig(chunk); break;
      default: keep_going = handle_unknown_chunk(chunk); break;
    }
    if (!keep_going) break;
  }
  if (terminated_) return;
  if (data_seen) after_data(had_gaps, immediate, stats_.duplicate_data_chunks != duplicates_before);
  maybe_progress_shutdown();
  update_burst_ceiling();
}

bool Association::check_verification_tag(const PacketView& packet) {
  const uint32_t tag = packet.header.verification_tag;
  const RawChunk& first = packet.chunks.front();
  for (const RawChunk& c : packet.chunks) {
    // RFC 9260 §8.5.1 B and C: ABORT and SHUTDOWN COMPLETE carry our tag, or with the T bit set
    // the peer's own tag.
    if (c.chunk_type() == ChunkType::kAbort || c.chunk_type() == ChunkType::kShutdownComplete) {
      const bool t_bit = (c.flags & AbortChunk::kFlagT) != 0;
      if ((t_bit && tag == peer_tag_ && peer_tag_ != 0) || (!t_bit && tag == local_tag_)) return true;
      ++stats_.packets_dropped;
      return false;
    }
  }
  // RFC 9260 §8.5.1 D: a COOKIE ECHO is checked against the tag inside the cookie instead.
  if (first.chunk_type() == ChunkType::kCookieEcho) return true;
  // RFC 9260 §8.5.1 E: SHUTDOWN ACK before establishment is treated as out of the blue.
  if (first.chunk_type() == ChunkType::kShutdownAck &&
      (state_ == AssociationState::kCookieWait || state_ == AssociationState::kCookieEchoed)) {
    handle_out_of_the_blue(packet);
    return false;
  }
  // RFC 9260 §8.5: every other packet carries the tag we chose.
  if (tag != local_tag_) {
    ++stats_.packets_dropped;
    return false;
  }
  return true;
}

void Association::handle_out_of_the_blue(const PacketView& packet) {
  // RFC 9260 §8.4: with no association, only COOKIE ECHO can create one; the rest is answered
  // (or not) by the rules below.
  const RawChunk& first = packet.chunks.front();
  switch (first.chunk_type()) {
    case ChunkType::kCookieEcho:
      if (state_ == AssociationState::kClosed) {
        for (const RawChunk& chunk : packet.chunks) {
          if (terminated_) break;
          if (&chunk == &first) {
            if (!handle_cookie_echo(packet, chunk)) return;
            continue;
          }
          // DATA and control chunks bundled after the COOKIE ECHO (RFC 9260 §5.1 step 5).
          if (state_ == AssociationState::kClosed) return;
          bool immediate = false;
          if (chunk.chunk_type() == ChunkType::kData) {
            const bool had_gaps = tracker_->has_gaps();
            if (!handle_data(chunk, immediate)) break;
            after_data(had_gaps, immediate, false);
          } else if (chunk.chunk_type() == ChunkType::kSack) {
            handle_sack(chunk);
          }
        }
        update_burst_ceiling();
      }
      return;
    case ChunkType::kAbort:          // rule 2: never answer an ABORT
    case ChunkType::kShutdownComplete:  // rule 6
    case ChunkType::kCookieAck:      // rule 7
    case ChunkType::kError:
      ++stats_.packets_dropped;
      return;
    case ChunkType::kShutdownAck: {
      // Rule 5: answer with SHUTDOWN COMPLETE, T bit set, reflecting the packet's tag.
      queue_packet(packet.header.verification_tag, serialize_chunk(ShutdownCompleteChunk{true}));
      return;
    }
    default:
      break;
  }
  if (terminated_ || state_ != AssociationState::kClosed) {
    ++stats_.packets_dropped;
    return;
  }
  // Rule 8: ABORT with the T bit, reflecting the tag.
  queue_packet(packet.header.verification_tag, serialize_chunk(AbortChunk{true, {}}));
}

void Association::handle_init(const PacketView& packet) {
  auto init = InitChunk::parse(packet.chunks.front());
  if (!init) {
    // RFC 9260 §3.3.2: an INIT with Initiate Tag 0 (or otherwise malformed) is discarded.
    ++stats_.packets_dropped;
    return;
  }
  if (state_ == AssociationState::kShutdownAckSent) {
    // RFC 9260 §9.2: the peer lost our SHUTDOWN COMPLETE path; repeat the SHUTDOWN ACK.
    queue_control(serialize_chunk(ShutdownAckChunk{}));
    return;
  }
  StateCookie cookie;
  uint32_t tag = 0;
  Tsn initial_tsn{0};
  switch (state_) {
    case AssociationState::kClosed:
      // RFC 9260 §5.1 B: a fresh tag and TSN; nothing is kept until the cookie returns.
      tag = nonzero_random(*rng_);
      initial_tsn = Tsn(rng_->next_u32());
      break;
    case AssociationState::kCookieWait:
    case AssociationState::kCookieEchoed:
      // RFC 9260 §5.2.1: an INIT collision: answer with the parameters of our own INIT (same
      // Initiate Tag), so whichever COOKIE ECHO arrives first completes a single association.
      tag = local_tag_;
      initial_tsn = local_initial_tsn_;
      if (state_ == AssociationState::kCookieEchoed) {
        cookie.local_tie_tag = local_tag_;
        cookie.peer_tie_tag = peer_tag_;
      }
      break;
    default:
      // RFC 9260 §5.2.2: an unexpected INIT in an established association: a new tag, and the
      // current tags as tie-tags so a returning cookie can be recognised (§5.2.4).
      tag = nonzero_random(*rng_);
      initial_tsn = Tsn(rng_->next_u32());
      cookie.local_tie_tag = local_tag_;
      cookie.peer_tie_tag = peer_tag_;
      break;
  }
  cookie.created_at = now_;
  cookie.expires_at = now_ + config_.valid_cookie_life;
  cookie.local_tag = tag;
  cookie.peer_tag = init->initiate_tag;
  cookie.local_initial_tsn = initial_tsn;
  cookie.peer_initial_tsn = init->initial_tsn;
  cookie.peer_a_rwnd = init->a_rwnd;
  cookie.outbound_streams = std::min(config_.outbound_streams, init->inbound_streams);
  cookie.inbound_streams = std::min(config_.inbound_streams, init->outbound_streams);
  if (init->forward_tsn_supported) cookie.capabilities |= StateCookie::kPeerForwardTsn;
  if (init->supports_extension(ChunkType::kReconfig)) cookie.capabilities |= StateCookie::kPeerReconfig;
  const std::vector<uint8_t> cookie_bytes = serialize_signed(cookie, *signer_);

  InitAckChunk ack;
  ack.initiate_tag = tag;
  ack.a_rwnd = advertised_window();
  ack.outbound_streams = config_.outbound_streams;
  ack.inbound_streams = config_.inbound_streams;
  ack.initial_tsn = initial_tsn;
  ack.state_cookie = cookie_bytes;
  ack.forward_tsn_supported = config_.partial_reliability;
  std::vector<uint8_t> extensions;
  if (config_.stream_reset) extensions.push_back(static_cast<uint8_t>(ChunkType::kReconfig));
  if (config_.partial_reliability) extensions.push_back(static_cast<uint8_t>(ChunkType::kForwardTsn));
  if (!extensions.empty()) ack.supported_extensions = extensions;
  // RFC 9260 §3.2.1: unknown parameters marked for reporting come back as Unrecognized Parameter.
  size_t reported = 0;
  for (const Parameter& p : init->parameters_to_report()) {
    if (reported + p.bytes.size() > kMaxReportedParameterBytes) break;
    reported += p.bytes.size();
    ack.unrecognized_parameters.push_back(p.bytes);
  }
  // RFC 9260 §5.1 B: the INIT ACK goes to the INIT's Initiate Tag.
  queue_packet(init->initiate_tag, serialize_chunk(ack));
}

void Association::handle_init_ack(const RawChunk& chunk) {
  // RFC 9260 §5.2.3: an INIT ACK outside COOKIE-WAIT is discarded.
  if (state_ != AssociationState::kCookieWait) return;
  auto ack = InitAckChunk::parse(chunk);
  if (!ack) {
    ++stats_.chunks_dropped;
    return;
  }
  peer_tag_ = ack->initiate_tag;
  peer_initial_tsn_ = ack->initial_tsn;
  peer_a_rwnd_ = ack->a_rwnd;
  peer_outbound_ = ack->outbound_streams;
  peer_inbound_ = ack->inbound_streams;
  peer_forward_tsn_ = ack->forward_tsn_supported;
  peer_reconfig_ = ack->supports_extension(ChunkType::kReconfig);
  cookie_.assign(ack->state_cookie->begin(), ack->state_cookie->end());
  // RFC 9260 §3.2.1: unknown INIT ACK parameters marked for reporting go back in an ERROR chunk
  // bundled after the COOKIE ECHO.
  unrecognized_report_ = serialize_reported(ack->parameters_to_report());
  state_ = AssociationState::kCookieEchoed;
  // RFC 9260 §5.1 C: stop T1-init, send COOKIE ECHO, start T1-cookie.
  t1_rto_ = config_.rto.initial;
  t1_.stop();
  t1_.start(now_ + t1_rto_);
  send_cookie_echo();
}

bool Association::handle_cookie_echo(const PacketView& packet, const RawChunk& chunk) {
  auto echo = CookieEchoChunk::parse(chunk);
  if (!echo) {
    ++stats_.chunks_dropped;
    return false;
  }
  auto cookie = parse_signed(echo->cookie, *signer_);
  // RFC 9260 §5.1.5 steps 2-3: a cookie with a bad MAC, or whose tag is not the packet's, is
  // silently discarded.
  if (!cookie || cookie->local_tag != packet.header.verification_tag) {
    ++stats_.packets_dropped;
    return false;
  }
  if (now_ > cookie->expires_at) {
    // RFC 9260 §5.1.5 step 3: a stale cookie is answered with a Stale Cookie error.
    const int64_t stale = (now_ - cookie->expires_at).as_micros();
    const OwnedErrorCause cause =
        OwnedErrorCause::stale_cookie(static_cast<uint32_t>(std::min<int64_t>(stale, 0xffffffff)));
    queue_packet(cookie->peer_tag, serialize_chunk(ErrorChunk{{cause.view()}}));
    return false;
  }
  const bool peer_forward_tsn = (cookie->capabilities & StateCookie::kPeerForwardTsn) != 0;
  const bool peer_reconfig = (cookie->capabilities & StateCookie::kPeerReconfig) != 0;
  if (state_ == AssociationState::kClosed) {
    // RFC 9260 §5.1 D: no TCB: the cookie creates the association.
    local_tag_ = cookie->local_tag;
    peer_tag_ = cookie->peer_tag;
    local_initial_tsn_ = cookie->local_initial_tsn;
    establish(cookie->peer_initial_tsn, cookie->peer_a_rwnd, cookie->outbound_streams, cookie->inbound_streams,
              peer_forward_tsn, peer_reconfig);
    queue_control(serialize_chunk(CookieAckChunk{}));
    return true;
  }
  // RFC 9260 §5.2.4 table 2: a COOKIE ECHO while a TCB exists.
  const bool local_match = cookie->local_tag == local_tag_;
  const bool peer_match = cookie->peer_tag == peer_tag_;
  const bool tie_match = cookie->local_tie_tag == local_tag_ && cookie->peer_tie_tag == peer_tag_;
  if (!local_match && !peer_match && tie_match) {
    // Case A: the peer restarted. tern does not support restarts: the association ends, and the
    // ABORT goes to the restarted peer's new tag so it learns at once.
    peer_tag_ = cookie->peer_tag;
    fail(Error(SctpErrc::kPeerRestarted, "peer restarted the association"), "peer restarted",
         OwnedErrorCause::protocol_violation("association restart not supported"));
    return false;
  }
  if (local_match && (!peer_match || state_ == AssociationState::kCookieWait ||
                      state_ == AssociationState::kCookieEchoed)) {
    // Case B (an INIT collision: our tag, the peer's new tag) and case D (both tags match):
    // enter ESTABLISHED if not there yet, take the peer's parameters, answer COOKIE ACK.
    if (state_ == AssociationState::kCookieWait || state_ == AssociationState::kCookieEchoed) {
      peer_tag_ = cookie->peer_tag;
      establish(cookie->peer_initial_tsn, cookie->peer_a_rwnd, cookie->outbound_streams, cookie->inbound_streams,
                peer_forward_tsn, peer_reconfig);
    } else if (!peer_match) {
      peer_tag_ = cookie->peer_tag;
    }
    queue_control(serialize_chunk(CookieAckChunk{}));
    return true;
  }
  if (local_match && peer_match) {
    // Case D in an established association: a retransmitted COOKIE ECHO whose COOKIE ACK was lost.
    queue_control(serialize_chunk(CookieAckChunk{}));
    return true;
  }
  // Case C (a late cookie) and every other combination: silently discarded.
  return false;
}

void Association::handle_cookie_ack() {
  // RFC 9260 §5.1 E: COOKIE ACK in COOKIE-ECHOED completes the handshake; elsewhere discarded.
  if (state_ != AssociationState::kCookieEchoed) return;
  establish(peer_initial_tsn_, peer_a_rwnd_, std::min(config_.outbound_streams, peer_inbound_),
            std::min(config_.inbound_streams, peer_outbound_), peer_forward_tsn_, peer_reconfig_);
}

void Association::establish(Tsn peer_initial_tsn, uint32_t peer_a_rwnd, uint16_t outbound, uint16_t inbound,
                            bool peer_forward_tsn, bool peer_reconfig) {
  t1_.stop();
  cookie_.clear();
  unrecognized_report_.clear();
  peer_initial_tsn_ = peer_initial_tsn;
  outbound_streams_ = outbound;
  inbound_streams_ = inbound;
  peer_forward_tsn_ = peer_forward_tsn && config_.partial_reliability;
  peer_reconfig_ = peer_reconfig && config_.stream_reset;
  tracker_.emplace(peer_initial_tsn);
  reassembly_.emplace(config_.max_message_size);
  rtx_.emplace(local_initial_tsn_);
  // RFC 9260 §7.2.1: ssthresh starts at the peer's advertised window.
  cc_.emplace(config_.mtu, std::max<size_t>(peer_a_rwnd, 4 * config_.mtu));
  stream_reset_.emplace(local_initial_tsn_, peer_initial_tsn);
  peer_rwnd_ = peer_a_rwnd;
  last_data_sent_ = now_;
  state_ = AssociationState::kEstablished;
  if (config_.heartbeat_interval > Duration::zero()) {
    heartbeat_.start(now_ + config_.heartbeat_interval + rto_.rto());
  }
  update_burst_ceiling();
  if (!connected_reported_) {
    connected_reported_ = true;
    events_.push_back(Connected{});
  }
}

bool Association::data_can_flow() const {
  return state_ == AssociationState::kEstablished || state_ == AssociationState::kShutdownPending ||
         state_ == AssociationState::kShutdownSent || state_ == AssociationState::kShutdownReceived;
}

bool Association::handle_data(const RawChunk& chunk, bool& immediate) {
  auto data = DataChunk::parse(chunk);
  if (!data) {
    if (data.error().is(SctpErrc::kNoUserData)) {
      // RFC 9260 §6.2: DATA without user data is answered with ABORT ("No User Data").
      const Tsn tsn(chunk.value.size() >= 4 ? load_be32(chunk.value.data()) : 0);
      fail(data.error(), "DATA chunk without user data", OwnedErrorCause::no_user_data(tsn));
    } else {
      ++stats_.chunks_dropped;
    }
    return false;
  }
  if (!data_can_flow() || !tracker_) {
    ++stats_.chunks_dropped;
    return true;
  }
  if (data->immediate) immediate = true;
  switch (tracker_->check(data->tsn)) {
    case TsnTracker::Outcome::kDuplicate:
      // RFC 9260 §6.2: duplicates are reported in the next SACK (sent at once).
      ++stats_.duplicate_data_chunks;
      tracker_->add_duplicate(data->tsn);
      return true;
    case TsnTracker::Outcome::kTooFarAhead:
      ++stats_.data_dropped_no_buffer;
      return true;
    case TsnTracker::Outcome::kNew:
      break;
  }
  ack_pending_ = true;
  const uint64_t tsn = tracker_->unwrap(data->tsn);
  if (data->stream.value >= inbound_streams_) {
    // RFC 9260 §6.5: DATA on a stream that does not exist is acknowledged, discarded, and
    // reported with an Invalid Stream Identifier error.
    tracker_->add(data->tsn);
    const OwnedErrorCause cause = OwnedErrorCause::invalid_stream_identifier(data->stream);
    queue_control(serialize_chunk(ErrorChunk{{cause.view()}}));
    on_cumulative_ack_moved();
    return true;
  }
  // RFC 9260 §6.2: beyond the receive window the chunk is dropped (the sender retransmits), but
  // the next expected TSN is always taken so delivery can make progress.
  if (reassembly_->buffered_bytes() + data->payload.size() > config_.receive_window &&
      tsn != tracker_->cumulative_ack_unwrapped() + 1) {
    ++stats_.data_dropped_no_buffer;
    return true;
  }
  Status added = reassembly_->add(tsn, *data);
  if (!added.ok()) {
    // A message above max_message_size (RFC 8841 §6.1) cannot be delivered: the peer broke the
    // negotiated limit, so the association ends.
    fail(added.error(), "message larger than max_message_size",
         OwnedErrorCause::protocol_violation("message exceeds max-message-size"));
    return false;
  }
  tracker_->add(data->tsn);
  ++stats_.data_chunks_received;
  deliver_messages();
  on_cumulative_ack_moved();
  return true;
}

void Association::on_cumulative_ack_moved() {
  // RFC 6525 §5.2.2: a deferred incoming reset happens once the cumulative ack reaches it.
  if (!stream_reset_ || !tracker_) return;
  if (auto streams = stream_reset_->on_cumulative_ack(tracker_->cumulative_ack_unwrapped())) {
    Status s = reassembly_->perform_reset(*streams);
    deliver_messages();
    events_.push_back(IncomingStreamsReset{*streams});
    if (!s.ok()) {
      fail(s.error(), "message larger than max_message_size",
           OwnedErrorCause::protocol_violation("message exceeds max-message-size"));
    }
  }
}

void Association::deliver_messages() {
  while (reassembly_ && reassembly_->has_message()) {
    ReceivedMessage m = reassembly_->pop();
    ++stats_.messages_received;
    events_.push_back(MessageReceived{m.stream, m.ppid, m.unordered, std::move(m.payload)});
  }
}

void Association::after_data(bool had_gaps, bool immediate, bool duplicate) {
  ++data_packets_since_sack_;
  // RFC 9260 §6.2: SACK at once on gaps (new or just filled), duplicates, the I bit, or every
  // second packet; otherwise within the delayed-ack time. In SHUTDOWN-SENT every DATA packet is
  // answered with SACK and SHUTDOWN (§9.2).
  if (had_gaps || tracker_->has_gaps() || duplicate || immediate || data_packets_since_sack_ >= 2 ||
      state_ == AssociationState::kShutdownSent || config_.delayed_ack_timeout == Duration::zero()) {
    sack_now_ = true;
    ack_pending_ = true;
  } else if (!delayed_ack_.at) {
    delayed_ack_.start(now_ + config_.delayed_ack_timeout);
  }
  if (state_ == AssociationState::kShutdownSent) {
    queue_control(serialize_chunk(ShutdownChunk{tracker_->cumulative_ack()}));
    t2_.start(now_ + rto_.rto());
  }
}

void Association::handle_sack(const RawChunk& chunk) {
  if (!data_can_flow() || !rtx_) return;
  auto sack = SackChunk::parse(chunk);
  if (!sack) {
    ++stats_.chunks_dropped;
    return;
  }
  ++stats_.sacks_received;
  process_sack(*sack);
}

void Association::process_sack(const SackChunk& sack) {
  const RetransmissionQueue::SackResult r = rtx_->handle_sack(sack, now_);
  if (!r.accepted) return;
  if (r.rtt) rto_.observe(*r.rtt);
  // RFC 9260 §8.3: an acknowledgement of new data shows the peer is reachable.
  if (r.bytes_acked > 0 || r.cum_advanced) error_count_ = 0;
  cc_->on_sack(r.bytes_acked, r.flight_before, r.cum_advanced, rtx_->cumulative_ack(), rtx_->flight_size());
  if (r.new_fast_retransmits) {
    // RFC 9260 §7.2.4: enter fast recovery and send the marked chunks at once, one packet
    // regardless of cwnd.
    if (cc_->on_fast_retransmit(rtx_->highest_sent())) ++stats_.fast_retransmits;
    fast_retransmit_pending_ = true;
  }
  for (uint64_t id : rtx_->take_abandoned_messages()) {
    send_queue_.discard_message(id);
    ++stats_.messages_abandoned;
  }
  // RFC 9260 §6.2.1: rwnd = a_rwnd minus the bytes still outstanding.
  const size_t outstanding = rtx_->outstanding_bytes();
  peer_rwnd_ = sack.a_rwnd > outstanding ? sack.a_rwnd - outstanding : 0;
  // RFC 3758 §3.5 C2: while the peer's cumulative ack lags the Advanced.Peer.Ack.Point, FORWARD
  // TSN goes out again.
  if (peer_forward_tsn_ && rtx_->forward_tsn_needed()) forward_tsn_pending_ = true;
  restart_t3_if_needed(r.cum_advanced);
}

void Association::restart_t3_if_needed(bool cum_advanced) {
  // RFC 9260 §6.3.2 R2/R3: stop T3-rtx when everything is acknowledged; restart it when the
  // earliest outstanding TSN is acknowledged.
  if (!rtx_->has_unacked()) {
    t3_.stop();
  } else if (cum_advanced || !t3_.at) {
    t3_.start(now_ + rto_.rto());
  }
}

void Association::handle_heartbeat(const RawChunk& chunk) {
  auto hb = HeartbeatRequestChunk::parse(chunk);
  if (!hb) {
    ++stats_.chunks_dropped;
    return;
  }
  // RFC 9260 §8.3: answer with the same Heartbeat Information (if it fits a packet).
  HeartbeatAckChunk ack{hb->info};
  if (ack.serialized_size() + kCommonHeaderSize > config_.mtu) {
    ++stats_.chunks_dropped;
    return;
  }
  queue_control(serialize_chunk(ack));
}

void Association::handle_heartbeat_ack(const RawChunk& chunk) {
  auto ack = HeartbeatAckChunk::parse(chunk);
  if (!ack || ack->info.size() != kHeartbeatInfoSize || !heartbeat_ack_.at) return;
  ByteReader r(ack->info);
  const Timestamp sent = Timestamp::from_micros(static_cast<int64_t>(r.u64()));
  if (r.u64() != heartbeat_nonce_) return;
  heartbeat_ack_.stop();
  // RFC 9260 §8.3: the answer clears the error counter and measures the RTT.
  error_count_ = 0;
  rto_.observe(now_ - sent);
  if (config_.heartbeat_interval > Duration::zero()) heartbeat_.start(now_ + config_.heartbeat_interval + rto_.rto());
}

void Association::send_heartbeat() {
  if (state_ == AssociationState::kClosed || terminated_) return;
  uint8_t info[kHeartbeatInfoSize];
  heartbeat_nonce_ = rng_->next_u64();
  store_be64(info, static_cast<uint64_t>(now_.as_micros()));
  store_be64(info + 8, heartbeat_nonce_);
  queue_control(serialize_chunk(HeartbeatRequestChunk{info}));
  ++stats_.heartbeats_sent;
  heartbeat_ack_.start(now_ + rto_.rto());
}

void Association::handle_abort(const RawChunk& chunk) {
  auto abort = AbortChunk::parse(chunk);
  std::string reason;
  if (abort) {
    for (const ErrorCause& c : abort->causes) {
      if (c.code == static_cast<uint16_t>(ErrorCauseCode::kUserInitiatedAbort)) {
        reason = printable(c.info);
      } else if (reason.empty()) {
        reason = describe(c);
      }
    }
  }
  // RFC 9260 §9.1: the association ends at once; nothing is sent back.
  terminate(Aborted{Error(SctpErrc::kPeerAborted, "the peer sent ABORT"), reason});
}

void Association::handle_shutdown(const RawChunk& chunk) {
  auto shutdown = ShutdownChunk::parse(chunk);
  if (!shutdown) {
    ++stats_.chunks_dropped;
    return;
  }
  switch (state_) {
    case AssociationState::kEstablished:
    case AssociationState::kShutdownPending:
    case AssociationState::kShutdownReceived: {
      // RFC 9260 §9.2: the Cumulative TSN Ack acknowledges our data like a SACK without gaps.
      state_ = AssociationState::kShutdownReceived;
      SackChunk as_sack;
      as_sack.cumulative_tsn_ack = shutdown->cumulative_tsn_ack;
      as_sack.a_rwnd = static_cast<uint32_t>(peer_rwnd_ + rtx_->outstanding_bytes());
      process_sack(as_sack);
      break;
    }
    case AssociationState::kShutdownSent:
      // RFC 9260 §9.2: both sides shut down at once: answer with SHUTDOWN ACK.
      state_ = AssociationState::kShutdownAckSent;
      queue_control(serialize_chunk(ShutdownAckChunk{}));
      t2_.stop();
      t2_.start(now_ + rto_.rto());
      break;
    default:
      break;
  }
}

void Association::handle_shutdown_ack() {
  if (state_ == AssociationState::kShutdownSent || state_ == AssociationState::kShutdownAckSent) {
    // RFC 9260 §9.2: stop T2, send SHUTDOWN COMPLETE, and the association is closed.
    queue_packet(peer_tag_, serialize_chunk(ShutdownCompleteChunk{false}));
    terminate(Closed{});
  }
}

void Association::handle_shutdown_complete() {
  // RFC 9260 §9.2: SHUTDOWN COMPLETE in SHUTDOWN-ACK-SENT ends the association.
  if (state_ == AssociationState::kShutdownAckSent) terminate(Closed{});
}

void Association::handle_error(const RawChunk& chunk) {
  auto error = ErrorChunk::parse(chunk);
  if (!error) {
    ++stats_.chunks_dropped;
    return;
  }
  for (const ErrorCause& cause : error->causes) {
    if (cause.code == static_cast<uint16_t>(ErrorCauseCode::kStaleCookie) &&
        state_ == AssociationState::kCookieEchoed) {
      // RFC 9260 §5.2.6: our cookie went stale in transit: start over with a new INIT.
      if (++t1_.count > config_.max_init_retransmits) {
        fail(Error(SctpErrc::kInitTimeout, "Max.Init.Retransmits exceeded"), "initialization timed out",
             std::nullopt);
        return;
      }
      state_ = AssociationState::kCookieWait;
      peer_tag_ = 0;
      cookie_.clear();
      send_init();
      t1_.start(now_ + t1_rto_);
      return;
    }
  }
}

void Association::handle_forward_tsn(const RawChunk& chunk) {
  if (!data_can_flow() || !tracker_) return;
  auto forward = ForwardTsnChunk::parse(chunk);
  if (!forward) {
    ++stats_.chunks_dropped;
    return;
  }
  // RFC 3758 §3.6: move the cumulative ack point, skip the listed SSNs, and acknowledge at once.
  const uint64_t new_cum = tracker_->unwrap(forward->new_cumulative_tsn);
  if (tracker_->forward_to(forward->new_cumulative_tsn)) {
    reassembly_->forward(new_cum, forward->skipped, inbound_streams_);
    deliver_messages();
    on_cumulative_ack_moved();
  }
  ack_pending_ = true;
  sack_now_ = true;
}

void Association::handle_reconfig(const RawChunk& chunk) {
  if (!stream_reset_ || !data_can_flow()) return;
  auto reconfig = ReconfigChunk::parse(chunk);
  if (!reconfig) {
    ++stats_.chunks_dropped;
    return;
  }
  ReconfigChunk responses;
  auto respond = [&](uint32_t sequence, ReconfigResult result) {
    ReconfigResponse response;
    response.response_sequence = sequence;
    response.result = result;
    responses.parameters.emplace_back(std::in_place_type<ReconfigResponse>, response);
  };
  for (const ReconfigParameter& param : reconfig->parameters) {
    if (const auto* request = std::get_if<OutgoingSsnResetRequest>(&param)) {
      // Only existing incoming streams can be reset; others are ignored.
      OutgoingSsnResetRequest valid = *request;
      std::erase_if(valid.streams, [&](StreamId s) { return s.value >= inbound_streams_; });
      const uint64_t last_tsn = tracker_->unwrap(request->senders_last_assigned_tsn);
      auto decision = stream_reset_->handle_outgoing_request(valid, last_tsn, tracker_->cumulative_ack_unwrapped());
      if (decision.defer) reassembly_->defer_reset(decision.streams, last_tsn);
      if (decision.perform) {
        Status s = reassembly_->perform_reset(decision.streams);
        deliver_messages();
        events_.push_back(IncomingStreamsReset{decision.streams});
        if (!s.ok()) {
          fail(s.error(), "message larger than max_message_size",
               OwnedErrorCause::protocol_violation("message exceeds max-message-size"));
          return;
        }
      }
      respond(request->request_sequence, decision.result);
    } else if (const auto* incoming = std::get_if<IncomingSsnResetRequest>(&param)) {
      respond(incoming->request_sequence, stream_reset_->handle_unsupported_request(incoming->request_sequence));
    } else if (const auto* ssn_tsn = std::get_if<SsnTsnResetRequest>(&param)) {
      respond(ssn_tsn->request_sequence, stream_reset_->handle_unsupported_request(ssn_tsn->request_sequence));
    } else if (const auto* add = std::get_if<AddStreamsRequest>(&param)) {
      respond(add->request_sequence, stream_reset_->handle_unsupported_request(add->request_sequence));
    } else if (const auto* response = std::get_if<ReconfigResponse>(&param)) {
      auto outcome = stream_reset_->handle_response(*response);
      using Kind = StreamReset::ResponseOutcome::Kind;
      switch (outcome.kind) {
        case Kind::kIgnored:
          break;
        case Kind::kPerformed:
          reconfig_.stop();
          error_count_ = 0;
          // RFC 6525 §5.1.2: the outgoing SSNs of the reset streams restart at 0.
          for (StreamId s : outcome.streams) send_queue_.reset_stream(s);
          events_.push_back(OutgoingStreamsReset{outcome.streams});
          break;
        case Kind::kRetry:
          reconfig_.stop();
          reconfig_not_before_ = now_ + rto_.rto();
          reconfig_.start(reconfig_not_before_);
          break;
        case Kind::kFailed:
          reconfig_.stop();
          events_.push_back(StreamResetFailed{outcome.streams, outcome.result});
          break;
      }
    }
  }
  if (!responses.parameters.empty()) queue_control(serialize_chunk(responses));
}

bool Association::handle_unknown_chunk(const RawChunk& chunk) {
  // RFC 9260 §3.2: the two high-order bits of an unrecognized type say what to do.
  const UnknownChunkAction action = unknown_chunk_action(chunk.type);
  if (action == UnknownChunkAction::kStopAndReport || action == UnknownChunkAction::kSkipAndReport) {
    const OwnedErrorCause cause = OwnedErrorCause::unrecognized_chunk_type(chunk.bytes);
    queue_control(serialize_chunk(ErrorChunk{{cause.view()}}));
  }
  ++stats_.chunks_dropped;
  return action == UnknownChunkAction::kSkip || action == UnknownChunkAction::kSkipAndReport;
}

// ============================================================================ output

void Association::queue_packet(uint32_t verification_tag, std::span<const uint8_t> chunk) {
  PacketBuilder b({config_.local_port, config_.remote_port, verification_tag, 0}, config_.mtu);
  b.add_serialized(chunk);
  ready_packets_.push_back(b.finish());
}

void Association::send_init() {
  InitChunk init;
  init.initiate_tag = local_tag_;
  init.a_rwnd = config_.receive_window;
  init.outbound_streams = config_.outbound_streams;
  init.inbound_streams = config_.inbound_streams;
  init.initial_tsn = local_initial_tsn_;
  init.forward_tsn_supported = config_.partial_reliability;
  std::vector<uint8_t> extensions;
  if (config_.stream_reset) extensions.push_back(static_cast<uint8_t>(ChunkType::kReconfig));
  if (config_.partial_reliability) extensions.push_back(static_cast<uint8_t>(ChunkType::kForwardTsn));
  if (!extensions.empty()) init.supported_extensions = extensions;
  // RFC 9260 §8.5.1 A: INIT goes out with Verification Tag 0.
  queue_packet(0, serialize_chunk(init));
}

void Association::send_cookie_echo() {
  PacketBuilder b({config_.local_port, config_.remote_port, peer_tag_, 0}, config_.mtu);
  b.add(CookieEchoChunk{cookie_});
  if (!unrecognized_report_.empty()) {
    ErrorCause cause{static_cast<uint16_t>(ErrorCauseCode::kUnrecognizedParameters), unrecognized_report_};
    b.add(ErrorChunk{{cause}});
  }
  ready_packets_.push_back(b.finish());
}

uint32_t Association::advertised_window() const {
  const size_t held = reassembly_ ? reassembly_->buffered_bytes() : 0;
  return held >= config_.receive_window ? 0 : static_cast<uint32_t>(config_.receive_window - held);
}

SackChunk Association::make_sack(size_t room) const {
  SackChunk s;
  s.cumulative_tsn_ack = tracker_->cumulative_ack();
  s.a_rwnd = advertised_window();
  // Gap blocks and duplicates share the room left in the packet.
  const size_t slots = room > SackChunk::kFixedSize ? (room - SackChunk::kFixedSize) / 4 : 0;
  s.gap_ack_blocks = tracker_->gap_blocks(slots);
  return s;
}

void Association::add_sack(PacketBuilder& builder) {
  SackChunk s = make_sack(builder.remaining());
  std::vector<Tsn> duplicates = tracker_->take_duplicates();
  const size_t slots = (builder.remaining() - s.serialized_size()) / 4;
  if (duplicates.size() > slots) duplicates.resize(slots);
  s.duplicate_tsns = std::move(duplicates);
  if (!builder.add(s)) return;
  ++stats_.sacks_sent;
  sack_now_ = false;
  ack_pending_ = false;
  data_packets_since_sack_ = 0;
  delayed_ack_.stop();
}

void Association::update_burst_ceiling() {
  // RFC 9260 §6.1 D (Max.Burst): one event releases at most max_burst packets of new data.
  const size_t flight = rtx_ ? rtx_->flight_size() : 0;
  burst_ceiling_ = config_.max_burst == 0 ? SIZE_MAX : flight + config_.max_burst * config_.mtu;
}

bool Association::add_data_chunks(PacketBuilder& builder) {
  bool added = false;
  const size_t cwnd = std::min(cc_->cwnd(), burst_ceiling_);  // for retransmissions
  // RFC 9260 §7.2.4: the first packet after fast retransmit is sent regardless of cwnd.
  bool ignore_cwnd = fast_retransmit_pending_;
  fast_retransmit_pending_ = false;
  while (RetransmissionQueue::Item* item = rtx_->next_retransmission(now_)) {
    if (!ignore_cwnd && rtx_->flight_size() >= cwnd) break;
    if (ignore_cwnd && !item->fast_retransmitted) break;
    const OutgoingFragment& f = item->fragment;
    DataChunk d;
    d.tsn = wrap_tsn(item->tsn);
    d.stream = f.stream;
    d.ssn = f.ssn;
    d.ppid = f.ppid;
    d.unordered = f.unordered;
    d.beginning = f.beginning;
    d.ending = f.ending;
    d.payload = f.payload();
    if (!builder.add(d)) break;
    rtx_->mark_retransmitted(*item, now_);
    ++stats_.data_chunks_retransmitted;
    added = true;
  }
  if (ignore_cwnd && added) return true;  // the fast retransmit packet carries only those chunks
  for (uint64_t id : rtx_->take_abandoned_messages()) {
    send_queue_.discard_message(id);
    ++stats_.messages_abandoned;
    if (rtx_->forward_tsn_needed()) forward_tsn_pending_ = true;
  }
  // New data, while cwnd (RFC 9260 §6.1 B) and the peer's window (§6.1 A) allow.
  if (state_ != AssociationState::kEstablished && state_ != AssociationState::kShutdownPending &&
      state_ != AssociationState::kShutdownReceived) {
    return added;
  }
  if (send_queue_.has_sendable() && rtx_->flight_size() == 0 && now_ - last_data_sent_ > rto_.rto()) {
    // RFC 9260 §7.2.1: an idle path's cwnd decays to max(cwnd / 2, 4 * MTU) per RTO.
    const int64_t periods = (now_ - last_data_sent_).as_micros() / std::max<int64_t>(rto_.rto().as_micros(), 1);
    for (int64_t i = 0; i < std::min<int64_t>(periods, 32); ++i) cc_->on_idle();
    last_data_sent_ = now_;
  }
  while (send_queue_.has_sendable() && rtx_->flight_size() < std::min(cc_->cwnd(), burst_ceiling_)) {
    if (builder.remaining() < kDataOverhead + kMinFragment) break;
    size_t room = builder.remaining() - kDataOverhead;
    // RFC 9260 §6.1 A: a zero window allows one probe chunk when nothing is in flight.
    if (peer_rwnd_ < room) {
      if (rtx_->flight_size() > 0 && peer_rwnd_ < kMinFragment) break;
      if (peer_rwnd_ >= kMinFragment) room = peer_rwnd_;
    }
    std::optional<OutgoingFragment> f = send_queue_.produce(now_, room);
    if (!f) break;
    DataChunk d;
    d.stream = f->stream;
    d.ssn = f->ssn;
    d.ppid = f->ppid;
    d.unordered = f->unordered;
    d.beginning = f->beginning;
    d.ending = f->ending;
    d.payload = f->payload();
    const size_t length = f->length;
    d.tsn = wrap_tsn(rtx_->add(std::move(*f), now_));
    const bool ok = builder.add(d);
    TERN_ASSERT(ok, "DATA chunk sized to the room left");
    peer_rwnd_ = peer_rwnd_ > length ? peer_rwnd_ - length : 0;
    ++stats_.data_chunks_sent;
    added = true;
  }
  return added;
}

std::optional<std::vector<uint8_t>> Association::poll_transmit() {
  if (!ready_packets_.empty()) {
    std::vector<uint8_t> p = std::move(ready_packets_.front());
    ready_packets_.pop_front();
    ++stats_.packets_sent;
    return p;
  }
  if (terminated_ || state_ == AssociationState::kClosed || state_ == AssociationState::kCookieWait ||
      state_ == AssociationState::kCookieEchoed) {
    return std::nullopt;
  }
  PacketBuilder b({config_.local_port, config_.remote_port, peer_tag_, 0}, config_.mtu);
  // RFC 9260 §6.10: control chunks first, DATA last.
  while (!control_.empty() && b.add_serialized(control_.front())) control_.pop_front();

  // RFC 6525 §5.1.2: a reset request goes out once the streams' queued messages are all sent and
  // no other request is outstanding; its Sender's Last Assigned TSN covers everything sent so far.
  if (stream_reset_ && !stream_reset_->request_outstanding() && !stream_reset_->pending().empty() &&
      now_ >= reconfig_not_before_ && data_can_flow()) {
    const bool idle = std::all_of(stream_reset_->pending().begin(), stream_reset_->pending().end(), [&](StreamId s) {
      return send_queue_.buffered_amount(s) == 0 && send_queue_.stream_idle(s);
    });
    if (idle) {
      ReconfigChunk c;
      c.parameters.push_back(stream_reset_->make_request(wrap_tsn(rtx_->highest_sent())));
      if (!b.add(c)) queue_control(serialize_chunk(c));
      reconfig_.stop();
      reconfig_.start(now_ + rto_.rto());
    }
  }

  const bool data_waiting = send_queue_.has_sendable() || rtx_->has_retransmissions();
  if (tracker_ && ack_pending_ && (sack_now_ || data_waiting)) add_sack(b);
  if (forward_tsn_pending_ && peer_forward_tsn_ && rtx_->forward_tsn_needed()) {
    if (b.add(rtx_->make_forward_tsn())) {
      forward_tsn_pending_ = false;
      ++stats_.forward_tsns_sent;
      if (!t3_.at) t3_.start(now_ + rto_.rto());
    }
  } else if (!rtx_->forward_tsn_needed()) {
    forward_tsn_pending_ = false;
  }
  if (data_can_flow() && add_data_chunks(b)) {
    last_data_sent_ = now_;
    // RFC 9260 §6.3.2 R1: T3-rtx runs whenever DATA is outstanding.
    if (!t3_.at) t3_.start(now_ + rto_.rto());
  }
  for (StreamId s : send_queue_.take_buffered_amount_low()) events_.push_back(BufferedAmountLow{s});
  maybe_progress_shutdown();
  // The SHUTDOWN / SHUTDOWN ACK that maybe_progress_shutdown() queued can join this packet.
  while (!control_.empty() && b.add_serialized(control_.front())) control_.pop_front();
  if (b.chunk_count() == 0) return std::nullopt;
  ++stats_.packets_sent;
  return b.finish();
}

// ============================================================================ endings

void Association::maybe_progress_shutdown() {
  if (terminated_ || !rtx_) return;
  const bool drained = send_queue_.total_buffered() == 0 && !send_queue_.has_partial_message() && !rtx_->has_unacked();
  if (!drained) return;
  if (state_ == AssociationState::kShutdownPending) {
    // RFC 9260 §9.2: with everything acknowledged, send SHUTDOWN and start T2 and T5.
    state_ = AssociationState::kShutdownSent;
    queue_control(serialize_chunk(ShutdownChunk{tracker_->cumulative_ack()}));
    ack_pending_ = false;
    sack_now_ = false;
    delayed_ack_.stop();
    t2_.start(now_ + rto_.rto());
    t5_.start(now_ + config_.rto.max * 5);
  } else if (state_ == AssociationState::kShutdownReceived) {
    // RFC 9260 §9.2: the SHUTDOWN receiver answers with SHUTDOWN ACK once its data is acknowledged.
    state_ = AssociationState::kShutdownAckSent;
    queue_control(serialize_chunk(ShutdownAckChunk{}));
    t2_.start(now_ + rto_.rto());
    t5_.start(now_ + config_.rto.max * 5);
  }
}

void Association::fail(const Error& error, const std::string& reason, std::optional<OwnedErrorCause> cause) {
  if (terminated_) return;
  // RFC 9260 §9.1: ABORT goes to the peer's tag (when we know it).
  if (peer_tag_ != 0 && state_ != AssociationState::kClosed) {
    AbortChunk abort;
    if (cause) abort.causes.push_back(cause->view());
    std::vector<uint8_t> chunk = serialize_chunk(abort);
    ready_packets_.clear();
    control_.clear();
    queue_packet(peer_tag_, chunk);
  }
  terminate(Aborted{error, reason});
}

void Association::terminate(Event event) {
  terminated_ = true;
  state_ = AssociationState::kClosed;
  for (Timer* t : {&t1_, &t2_, &t3_, &t5_, &delayed_ack_, &heartbeat_, &heartbeat_ack_, &reconfig_}) t->stop();
  control_.clear();
  events_.push_back(std::move(event));
}

}  // namespace tern::sctp

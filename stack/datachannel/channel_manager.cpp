#include "datachannel/channel_manager.hpp"

#include <algorithm>
#include <utility>

#include "datachannel/errc.hpp"
#include "datachannel/ppid.hpp"
#include "sctp/errc.hpp"

namespace tern::datachannel {
namespace {

// Stream ids run 0..65534: an association has at most 65535 streams (RFC 9260 §3.3.2), and the
// W3C API reserves 65535.
constexpr uint32_t kStreamIdSpace = 65535;

// Association errors, in this module's vocabulary (the caller sees one error family).
Error map_send_error(const Error& error) {
  using sctp::SctpErrc;
  if (error.is(SctpErrc::kSendBufferFull)) return Error(DataChannelErrc::kSendBufferFull, "SCTP send buffer full");
  if (error.is(SctpErrc::kMessageTooLarge)) {
    return Error(DataChannelErrc::kMessageTooLarge, "above the association's outgoing message size limit");
  }
  if (error.is(SctpErrc::kNotConnected) || error.is(SctpErrc::kClosed)) {
    return Error(DataChannelErrc::kTransportClosed, "the association does not take messages");
  }
  if (error.is(SctpErrc::kInvalidStream)) {
    return Error(DataChannelErrc::kInvalidId, "stream id not below the negotiated stream count");
  }
  if (error.is(SctpErrc::kStreamResetPending)) return Error(DataChannelErrc::kInvalidState, "the stream is being reset");
  return error;
}

}  // namespace

DataChannelManager::DataChannelManager(SctpTransportPort& port, const ManagerConfig& config)
    : port_(&port), config_(config), role_(config.dtls_role) {}

// ---- lookup and allocation ----

DataChannelManager::Channel* DataChannelManager::find(ChannelHandle handle) {
  auto it = channels_.find(handle.value);
  return it != channels_.end() && it->second.announced ? &it->second : nullptr;
}

const DataChannelManager::Channel* DataChannelManager::find(ChannelHandle handle) const {
  auto it = channels_.find(handle.value);
  return it != channels_.end() && it->second.announced ? &it->second : nullptr;
}

DataChannelManager::Channel* DataChannelManager::on_stream(StreamId stream) {
  auto it = streams_.find(stream.value);
  if (it == streams_.end()) return nullptr;
  auto ch = channels_.find(it->second);
  return ch != channels_.end() ? &ch->second : nullptr;
}

DataChannelManager::Channel& DataChannelManager::add_channel() {
  const uint32_t handle = next_handle_++;
  Channel& ch = channels_[handle];
  ch.info.handle_ = ChannelHandle(handle);
  return ch;
}

bool DataChannelManager::stream_free(uint16_t id) const {
  return streams_.find(id) == streams_.end() && retired_.find(id) == retired_.end();
}

uint16_t DataChannelManager::stream_limit() const {
  // Before establishment the stream counts are unknown: any id may be picked, and open_channel()
  // checks it against the negotiated count later.
  return port_->established() ? port_->stream_count() : static_cast<uint16_t>(kStreamIdSpace);
}

std::optional<uint16_t> DataChannelManager::allocate_stream() const {
  if (!role_) return std::nullopt;
  // RFC 8832 §6: the DTLS client picks even stream ids, the DTLS server odd ones. The lowest free
  // one keeps ids small (and below the peer's stream count).
  const uint32_t first = *role_ == DtlsRole::kClient ? 0 : 1;
  const uint32_t limit = stream_limit();
  for (uint32_t id = first; id < limit; id += 2) {
    if (stream_free(static_cast<uint16_t>(id))) return static_cast<uint16_t>(id);
  }
  return std::nullopt;
}

void DataChannelManager::assign_stream(Channel& ch, uint16_t id) {
  ch.info.id_ = StreamId(id);
  streams_[id] = ch.info.handle_.value;
  // A reused stream id starts with this channel's threshold, not its previous owner's.
  port_->set_buffered_amount_low_threshold(StreamId(id), ch.info.low_threshold_);
}

bool DataChannelManager::assign_pending_stream(Channel& ch) {
  if (!role_) return false;
  auto id = allocate_stream();
  if (!id) {
    emit(ch, ChannelError{ch.info.handle_, Error(DataChannelErrc::kNoStreamAvailable, "no free stream id of our parity")});
    mark_closed(ch);
    return false;
  }
  assign_stream(ch, *id);
  return true;
}

// ---- events and state changes ----

void DataChannelManager::emit(const Channel& ch, Event event) {
  if (ch.announced) events_.push_back(std::move(event));
}

void DataChannelManager::mark_closed(Channel& ch) {
  ch.info.state_ = DataChannelState::kClosed;
  ch.info.awaiting_ack_ = false;
  ch.partial.clear();
  // RFC 8831 §6.7: once both directions are reset the stream id is free for a new channel.
  if (ch.info.id_) {
    auto it = streams_.find(ch.info.id_->value);
    if (it != streams_.end() && it->second == ch.info.handle_.value) streams_.erase(it);
  }
  if (ch.announced) {
    events_.push_back(ChannelClosed{ch.info.handle_});
  } else {
    sweep_.push_back(ch.info.handle_.value);
  }
}

void DataChannelManager::request_reset(Timestamp now, Channel& ch) {
  if (ch.reset_requested || ch.info.state_ == DataChannelState::kClosed) return;
  ch.reset_requested = true;
  const StreamId stream = *ch.info.id_;
  // RFC 8831 §6.7: closing a data channel is resetting its outgoing stream (RFC 6525); the
  // association sends the queued messages first.
  Status s = port_->reset_streams(now, std::span<const StreamId>(&stream, 1));
  if (s) return;
  if (s.error().is(sctp::SctpErrc::kNotSupported)) {
    // Without stream reset the peer is never told; the id cannot be reused safely.
    emit(ch, ChannelError{ch.info.handle_, Error(DataChannelErrc::kResetUnsupported, "the association has no stream reset")});
    retired_.insert(stream.value);
  }
  // Otherwise the association is ending: the channel ends with it.
  mark_closed(ch);
}

void DataChannelManager::maybe_finish(Timestamp now, Channel& ch) {
  if (ch.info.state_ == DataChannelState::kClosed || !ch.outgoing_reset || !ch.incoming_reset) return;
  std::vector<sctp::MessageReceived> deferred = std::move(ch.deferred);
  ch.deferred.clear();
  ch.deferred_bytes = 0;
  mark_closed(ch);
  // The peer already reused the stream for a new channel: its messages can be handled now.
  for (sctp::MessageReceived& m : deferred) handle_message(now, std::move(m));
}

Status DataChannelManager::send_dcep(Timestamp now, StreamId stream, const DcepMessage& message) {
  auto bytes = serialize_dcep_message(message);
  if (!bytes) return bytes.error();
  // RFC 8832 §6: DCEP messages are sent ordered and reliable, on the channel's own stream, with
  // PPID 50.
  Status s = port_->send(now, stream, kPpidDcep, std::move(bytes).value(), sctp::SendOptions{});
  if (!s) return map_send_error(s.error());
  return {};
}

Status DataChannelManager::open_channel(Timestamp now, Channel& ch) {
  if (ch.info.id_->value >= port_->stream_count()) {
    return Error(DataChannelErrc::kInvalidId, "stream id not below the negotiated stream count");
  }
  if (!ch.info.negotiated_) {
    DataChannelOpen open;
    Reliability reliability = Reliability::kReliable;
    if (ch.info.max_retransmits_) {
      reliability = Reliability::kRexmit;
      open.reliability_parameter = *ch.info.max_retransmits_;
    } else if (ch.info.max_packet_life_time_) {
      reliability = Reliability::kTimed;
      open.reliability_parameter = *ch.info.max_packet_life_time_;
    }
    open.channel_type = make_channel_type(ch.info.ordered_, reliability);
    open.priority = ch.info.priority_;
    open.label = ch.info.label_;
    open.protocol = ch.info.protocol_;
    if (Status s = send_dcep(now, *ch.info.id_, open); !s) return s;
    ch.info.awaiting_ack_ = true;
  }
  // RFC 8832 §6: user data may follow the OPEN at once, so the channel is open now (as in
  // browsers); send_message() keeps it ordered until the ACK.
  ch.info.state_ = DataChannelState::kOpen;
  ++stats_.channels_opened_locally;
  emit(ch, ChannelOpen{ch.info.handle_});
  return {};
}

// ---- API ----

void DataChannelManager::set_dtls_role(Timestamp now, DtlsRole role) {
  if (role_) return;
  role_ = role;
  for (auto& [handle, ch] : channels_) {
    if (!ch.announced || ch.info.state_ != DataChannelState::kConnecting || ch.info.id_) continue;
    if (!assign_pending_stream(ch) || !port_->established()) continue;
    if (Status s = open_channel(now, ch); !s) {
      emit(ch, ChannelError{ch.info.handle_, s.error()});
      mark_closed(ch);
    }
  }
}

Result<ChannelHandle> DataChannelManager::create_channel(Timestamp now, std::string_view label,
                                                         const DataChannelInit& init) {
  if (transport_ended_) return Error(DataChannelErrc::kTransportClosed, "the association has ended");
  // RFC 8832 §5.1: Label Length and Protocol Length are 16-bit fields.
  if (label.size() > kMaxLabelLength) return Error(DataChannelErrc::kLabelTooLong, "label above 65535 bytes");
  if (init.protocol.size() > kMaxProtocolLength) {
    return Error(DataChannelErrc::kProtocolTooLong, "protocol above 65535 bytes");
  }
  // W3C createDataChannel: maxPacketLifeTime and maxRetransmits are exclusive (one DCEP
  // reliability parameter, RFC 8832 §5.1).
  if (init.max_retransmits && init.max_packet_life_time) {
    return Error(DataChannelErrc::kBadInit, "both max_retransmits and max_packet_life_time");
  }
  std::optional<uint16_t> stream;
  if (init.negotiated) {
    if (!init.id) return Error(DataChannelErrc::kBadInit, "negotiated channel without id");
    if (*init.id >= stream_limit()) return Error(DataChannelErrc::kInvalidId, "id not below the stream count");
    if (!stream_free(*init.id)) return Error(DataChannelErrc::kIdInUse, "id used by another channel");
    stream = *init.id;
  } else if (role_) {
    stream = allocate_stream();
    if (!stream) return Error(DataChannelErrc::kNoStreamAvailable, "no free stream id of our parity");
  }
  Channel& ch = add_channel();
  ch.info.label_ = std::string(label);
  ch.info.protocol_ = init.protocol;
  ch.info.ordered_ = init.ordered;
  ch.info.max_retransmits_ = init.max_retransmits;
  ch.info.max_packet_life_time_ = init.max_packet_life_time;
  ch.info.negotiated_ = init.negotiated;
  ch.info.priority_ = init.priority;
  const ChannelHandle handle = ch.info.handle_;
  if (stream) assign_stream(ch, *stream);
  if (stream && port_->established()) {
    if (Status s = open_channel(now, ch); !s) {
      // Nothing reached the wire: the channel never existed.
      streams_.erase(*stream);
      channels_.erase(handle.value);
      return s.error();
    }
  }
  return handle;
}

Status DataChannelManager::send_message(Timestamp now, ChannelHandle handle, uint32_t ppid, uint32_t empty_ppid,
                                        std::span<const uint8_t> data) {
  Channel* ch = find(handle);
  if (!ch) return Error(DataChannelErrc::kUnknownChannel, "no such channel");
  if (ch->info.state_ != DataChannelState::kOpen) return Error(DataChannelErrc::kInvalidState, "the channel is not open");
  // RFC 8841 §6: the peer takes messages up to its a=max-message-size (0: any size).
  if (config_.remote_max_message_size != 0 && data.size() > config_.remote_max_message_size) {
    return Error(DataChannelErrc::kMessageTooLarge, "above the peer's max-message-size");
  }
  sctp::SendOptions options;
  // RFC 8832 §6: until the DATA_CHANNEL_ACK arrives, user messages are sent ordered, so none can
  // overtake the DATA_CHANNEL_OPEN.
  options.unordered = !ch->info.ordered_ && !ch->info.awaiting_ack_;
  // RFC 8831 §6.4 / RFC 3758: the channel's reliability becomes each message's PR-SCTP policy.
  options.max_retransmits = ch->info.max_retransmits_;
  if (ch->info.max_packet_life_time_) options.max_lifetime = Duration::millis(*ch->info.max_packet_life_time_);
  std::vector<uint8_t> payload;
  uint32_t wire_ppid = ppid;
  if (data.empty()) {
    // RFC 8831 §6.6: SCTP cannot carry an empty message; it is one 0x00 byte with PPID 56/57.
    payload.assign(1, 0x00);
    wire_ppid = empty_ppid;
  } else {
    payload.assign(data.begin(), data.end());
  }
  Status s = port_->send(now, *ch->info.id_, wire_ppid, std::move(payload), options);
  if (!s) return map_send_error(s.error());
  ch->sent_user_data = true;
  ++stats_.messages_sent;
  stats_.bytes_sent += data.size();
  return {};
}

Status DataChannelManager::send_text(Timestamp now, ChannelHandle channel, std::string_view text) {
  const std::span<const uint8_t> bytes(reinterpret_cast<const uint8_t*>(text.data()), text.size());
  return send_message(now, channel, kPpidString, kPpidStringEmpty, bytes);
}

Status DataChannelManager::send_binary(Timestamp now, ChannelHandle channel, std::span<const uint8_t> data) {
  return send_message(now, channel, kPpidBinary, kPpidBinaryEmpty, data);
}

Status DataChannelManager::close(Timestamp now, ChannelHandle handle) {
  Channel* ch = find(handle);
  if (!ch) return Error(DataChannelErrc::kUnknownChannel, "no such channel");
  switch (ch->info.state_) {
    case DataChannelState::kClosing:
    case DataChannelState::kClosed:
      return {};
    case DataChannelState::kConnecting:
      // Nothing was sent on the stream yet: there is nothing to reset.
      mark_closed(*ch);
      return {};
    case DataChannelState::kOpen:
      ch->info.state_ = DataChannelState::kClosing;
      request_reset(now, *ch);
      maybe_finish(now, *ch);
      return {};
  }
  return {};
}

size_t DataChannelManager::buffered_amount(ChannelHandle handle) const {
  const Channel* ch = find(handle);
  if (!ch || !ch->info.id_ || ch->info.state_ == DataChannelState::kClosed) return 0;
  return port_->buffered_amount(*ch->info.id_);
}

Status DataChannelManager::set_buffered_amount_low_threshold(ChannelHandle handle, size_t bytes) {
  Channel* ch = find(handle);
  if (!ch) return Error(DataChannelErrc::kUnknownChannel, "no such channel");
  ch->info.low_threshold_ = bytes;
  if (ch->info.id_ && ch->info.state_ != DataChannelState::kClosed) {
    port_->set_buffered_amount_low_threshold(*ch->info.id_, bytes);
  }
  return {};
}

const DataChannel* DataChannelManager::channel(ChannelHandle handle) const {
  const Channel* ch = find(handle);
  return ch ? &ch->info : nullptr;
}

DataChannelState DataChannelManager::ready_state(ChannelHandle handle) const {
  const Channel* ch = find(handle);
  return ch ? ch->info.state_ : DataChannelState::kClosed;
}

std::optional<ChannelHandle> DataChannelManager::channel_on_stream(StreamId stream) const {
  auto it = streams_.find(stream.value);
  if (it == streams_.end()) return std::nullopt;
  const Channel* ch = find(ChannelHandle(it->second));
  if (!ch) return std::nullopt;
  return ch->info.handle_;
}

std::vector<ChannelHandle> DataChannelManager::channels() const {
  std::vector<ChannelHandle> out;
  for (const auto& [handle, ch] : channels_) {
    if (ch.announced) out.push_back(ch.info.handle_);
  }
  return out;
}

std::optional<Event> DataChannelManager::poll_event() {
  for (uint32_t handle : sweep_) channels_.erase(handle);
  sweep_.clear();
  if (events_.empty()) return std::nullopt;
  Event event = std::move(events_.front());
  events_.pop_front();
  // ChannelClosed is a channel's last event: its record goes with it.
  if (const auto* closed = std::get_if<ChannelClosed>(&event)) channels_.erase(closed->channel.value);
  return event;
}

// ---- association events ----

void DataChannelManager::handle_sctp_event(Timestamp now, sctp::Event event) {
  if (std::holds_alternative<sctp::Connected>(event)) {
    handle_connected(now);
  } else if (auto* message = std::get_if<sctp::MessageReceived>(&event)) {
    handle_message(now, std::move(*message));
  } else if (const auto* in = std::get_if<sctp::IncomingStreamsReset>(&event)) {
    handle_incoming_reset(now, in->streams);
  } else if (const auto* out = std::get_if<sctp::OutgoingStreamsReset>(&event)) {
    handle_outgoing_reset(now, out->streams);
  } else if (const auto* failed = std::get_if<sctp::StreamResetFailed>(&event)) {
    handle_reset_failed(failed->streams);
  } else if (const auto* low = std::get_if<sctp::BufferedAmountLow>(&event)) {
    Channel* ch = on_stream(low->stream);
    // DCEP messages count in the stream's buffered amount too; W3C bufferedAmount is about user
    // data, so a channel that never sent any reports nothing.
    if (ch && ch->sent_user_data && ch->info.state_ != DataChannelState::kClosed) {
      emit(*ch, BufferedAmountLow{ch->info.handle_});
    }
  } else if (std::holds_alternative<sctp::Closed>(event)) {
    handle_transport_end(false);
  } else if (std::holds_alternative<sctp::Aborted>(event)) {
    handle_transport_end(true);
  }
}

void DataChannelManager::handle_connected(Timestamp now) {
  if (transport_ended_) return;
  for (auto& [handle, ch] : channels_) {
    if (!ch.announced || ch.info.state_ != DataChannelState::kConnecting) continue;
    if (!ch.info.id_ && !assign_pending_stream(ch)) continue;
    if (Status s = open_channel(now, ch); !s) {
      emit(ch, ChannelError{ch.info.handle_, s.error()});
      mark_closed(ch);
    }
  }
}

void DataChannelManager::handle_message(Timestamp now, sctp::MessageReceived&& message) {
  Channel* ch = on_stream(message.stream);
  if (ch && ch->incoming_reset && ch->info.state_ != DataChannelState::kClosed) {
    // RFC 6525 §5.2.2: the peer's reset is performed only after everything it sent before it, so
    // this message is from the stream's next channel (the peer already reused the id while our
    // own reset is still outstanding). Hold it until this channel is closed.
    if (ch->deferred_bytes + message.payload.size() > config_.max_deferred_bytes) {
      ++stats_.messages_dropped;
      return;
    }
    ch->deferred_bytes += message.payload.size();
    ch->deferred.push_back(std::move(message));
    return;
  }
  const PayloadKind kind = classify_ppid(message.ppid);
  if (kind == PayloadKind::kDcep) {
    handle_dcep(now, message.stream, message.payload);
    return;
  }
  // W3C: data for a channel that is not open is discarded.
  if (kind == PayloadKind::kUnknown || !ch || !ch->announced || ch->info.state_ != DataChannelState::kOpen) {
    ++stats_.messages_dropped;
    return;
  }
  std::vector<uint8_t> data;
  bool binary = false;
  switch (kind) {
    case PayloadKind::kStringPartial:
    case PayloadKind::kBinaryPartial:
      // RFC 8831 §8: deprecated pieces of a larger message; the last piece has PPID 51 or 53.
      if (ch->partial.size() + message.payload.size() > config_.max_receive_message_size) {
        ch->partial.clear();
        ++stats_.messages_dropped;
        return;
      }
      ch->partial.insert(ch->partial.end(), message.payload.begin(), message.payload.end());
      return;
    case PayloadKind::kString:
    case PayloadKind::kBinary:
      data = std::move(message.payload);
      binary = kind == PayloadKind::kBinary;
      break;
    case PayloadKind::kStringEmpty:
    case PayloadKind::kBinaryEmpty:
      // RFC 8831 §6.6: the payload of PPID 56/57 is filler; the message is empty.
      binary = kind == PayloadKind::kBinaryEmpty;
      break;
    case PayloadKind::kDcep:
    case PayloadKind::kUnknown:
      return;
  }
  if (!ch->partial.empty()) {
    if (ch->partial.size() + data.size() > config_.max_receive_message_size) {
      ch->partial.clear();
      ++stats_.messages_dropped;
      return;
    }
    ch->partial.insert(ch->partial.end(), data.begin(), data.end());
    data = std::move(ch->partial);
    ch->partial.clear();
  }
  ++stats_.messages_received;
  stats_.bytes_received += data.size();
  emit(*ch, ChannelMessage{ch->info.handle_, message.stream, binary, std::move(data)});
}

void DataChannelManager::reject_open(Timestamp now, StreamId stream) {
  // RFC 8832 §6: a refused DATA_CHANNEL_OPEN gets no ACK; the stream is closed by resetting it,
  // which tells the opener that the setup failed. The bookkeeping entry holds the id until both
  // directions are reset.
  ++stats_.opens_rejected;
  Channel& ch = add_channel();
  ch.announced = false;
  ch.info.state_ = DataChannelState::kClosing;
  assign_stream(ch, stream.value);
  request_reset(now, ch);
}

void DataChannelManager::handle_dcep(Timestamp now, StreamId stream, std::span<const uint8_t> payload) {
  Channel* ch = on_stream(stream);
  auto parsed = parse_dcep_message(payload);
  if (!parsed) {
    ++stats_.dcep_malformed;
    // RFC 8832 §6: a DATA_CHANNEL_OPEN that is not well formed is refused like any other.
    if (!ch && !payload.empty() && payload[0] == kMessageTypeOpen && retired_.count(stream.value) == 0) {
      reject_open(now, stream);
    }
    return;
  }
  if (std::holds_alternative<DataChannelAck>(*parsed)) {
    if (ch && ch->announced && ch->info.awaiting_ack_) {
      ch->info.awaiting_ack_ = false;
    } else {
      ++stats_.dcep_unexpected;
    }
    return;
  }
  const DataChannelOpen& open = std::get<DataChannelOpen>(*parsed);
  if (ch) {
    if (ch->announced && (ch->info.state_ == DataChannelState::kOpen || ch->info.state_ == DataChannelState::kConnecting)) {
      // RFC 8832 §6: an OPEN on a stream already in use is refused by closing the data channel.
      emit(*ch, ChannelError{ch->info.handle_, Error(DataChannelErrc::kProtocolViolation,
                                                      "DATA_CHANNEL_OPEN on a stream in use")});
      ch->info.state_ = DataChannelState::kClosing;
      emit(*ch, ChannelClosing{ch->info.handle_});
      request_reset(now, *ch);
    } else {
      ++stats_.dcep_unexpected;
    }
    return;
  }
  if (retired_.count(stream.value) != 0) {
    ++stats_.dcep_unexpected;
    return;
  }
  // RFC 8832 §6: the opener picks ids of its own DTLS role's parity, the opposite of ours.
  if (role_ && stream.value % 2 == (*role_ == DtlsRole::kClient ? 0 : 1)) {
    reject_open(now, stream);
    return;
  }
  Channel& nc = add_channel();
  nc.info.label_ = open.label;
  nc.info.protocol_ = open.protocol;
  nc.info.ordered_ = !is_unordered(open.channel_type);
  nc.info.priority_ = open.priority;
  nc.info.remote_ = true;
  // The W3C attributes are 16-bit; a larger parameter means "at least that much" in practice.
  const uint16_t parameter = open.reliability_parameter > 0xffff ? 0xffff : static_cast<uint16_t>(open.reliability_parameter);
  switch (reliability_of(open.channel_type)) {
    case Reliability::kReliable: break;  // RFC 8832 §5.1: the parameter is ignored
    case Reliability::kRexmit: nc.info.max_retransmits_ = parameter; break;
    case Reliability::kTimed: nc.info.max_packet_life_time_ = parameter; break;
  }
  assign_stream(nc, stream.value);
  // RFC 8832 §6: the ACK goes back on the stream the OPEN came in on.
  if (!send_dcep(now, stream, DataChannelAck{})) {
    ++stats_.opens_rejected;
    nc.announced = false;
    nc.info.state_ = DataChannelState::kClosing;
    request_reset(now, nc);
    return;
  }
  nc.info.state_ = DataChannelState::kOpen;
  ++stats_.channels_opened_remotely;
  emit(nc, IncomingChannel{nc.info.handle_});
  emit(nc, ChannelOpen{nc.info.handle_});
}

void DataChannelManager::handle_incoming_reset(Timestamp now, const std::vector<StreamId>& listed) {
  std::vector<StreamId> streams = listed;
  if (streams.empty()) {
    // RFC 6525 §4.1: a request listing no streams resets all of them: every stream in use.
    for (const auto& [id, handle] : streams_) streams.push_back(StreamId(id));
    std::sort(streams.begin(), streams.end());
  }
  for (StreamId stream : streams) {
    Channel* ch = on_stream(stream);
    if (!ch) {
      if (retired_.count(stream.value) != 0) continue;
      // RFC 8831 §6.7: a reset incoming stream is answered by resetting the outgoing one, which
      // completes the peer's close even of a stream we had no channel on.
      Channel& stray = add_channel();
      stray.announced = false;
      stray.info.state_ = DataChannelState::kClosing;
      stray.incoming_reset = true;
      assign_stream(stray, stream.value);
      request_reset(now, stray);
      continue;
    }
    if (ch->incoming_reset || ch->info.state_ == DataChannelState::kClosed) continue;
    ch->incoming_reset = true;
    ch->partial.clear();
    if (ch->info.state_ == DataChannelState::kOpen || ch->info.state_ == DataChannelState::kConnecting) {
      if (ch->info.awaiting_ack_) {
        // RFC 8832 §6: a reset before the ACK means the peer refused the OPEN.
        emit(*ch, ChannelError{ch->info.handle_, Error(DataChannelErrc::kOpenRejected,
                                                        "the peer reset the stream before DATA_CHANNEL_ACK")});
        ch->info.awaiting_ack_ = false;
      }
      ch->info.state_ = DataChannelState::kClosing;
      emit(*ch, ChannelClosing{ch->info.handle_});
    }
    request_reset(now, *ch);
    maybe_finish(now, *ch);
  }
}

void DataChannelManager::handle_outgoing_reset(Timestamp now, const std::vector<StreamId>& streams) {
  for (StreamId stream : streams) {
    Channel* ch = on_stream(stream);
    if (!ch || !ch->reset_requested) continue;
    ch->outgoing_reset = true;
    maybe_finish(now, *ch);
  }
}

void DataChannelManager::handle_reset_failed(const std::vector<StreamId>& streams) {
  for (StreamId stream : streams) {
    Channel* ch = on_stream(stream);
    if (!ch || !ch->reset_requested) continue;
    // The stream's sequence numbers were not reset, so the id cannot carry a new channel.
    emit(*ch, ChannelError{ch->info.handle_, Error(DataChannelErrc::kResetFailed, "the peer refused the stream reset")});
    retired_.insert(stream.value);
    ch->deferred.clear();
    mark_closed(*ch);
  }
}

void DataChannelManager::handle_transport_end(bool aborted) {
  if (transport_ended_) return;
  transport_ended_ = true;
  for (auto& [handle, ch] : channels_) {
    if (ch.info.state_ == DataChannelState::kClosed) continue;
    if (aborted) {
      emit(ch, ChannelError{ch.info.handle_, Error(DataChannelErrc::kTransportAborted, "the association was aborted")});
    }
    ch.deferred.clear();
    mark_closed(ch);
  }
}

}  // namespace tern::datachannel

#pragma once
// The data channel table of one SCTP association (RFC 8831, RFC 8832): a sans-IO state machine
// (DESIGN.md) layered on an SCTP association through SctpTransportPort. It never owns the
// association: the owner (peer/) feeds it every sctp::Event and drains its events.
//
//   datachannel::AssociationPort port(assoc);
//   datachannel::DataChannelManager channels(port, {.dtls_role = DtlsRole::kClient});
//   auto h = channels.create_channel(now, "chat").value();    // DATA_CHANNEL_OPEN once connected
//   while (auto e = assoc.poll_event()) channels.handle_sctp_event(now, std::move(*e));
//   while (auto e = channels.poll_event()) ...;    // IncomingChannel, ChannelOpen, ChannelMessage...
//   channels.send_text(now, h, "hello");
//   channels.close(now, h);                        // resets the outgoing stream (RFC 8831 §6.7)
//
// Opening (RFC 8832 §6): the opener picks a free stream id of its parity (DTLS client even,
// server odd), sends DATA_CHANNEL_OPEN on it and may send at once: like browsers, the channel is
// open as soon as the OPEN is queued, and until the DATA_CHANNEL_ACK arrives its messages go
// ordered so that none overtakes the OPEN. The receiver of a valid OPEN answers
// DATA_CHANNEL_ACK and reports IncomingChannel then ChannelOpen; an invalid one (malformed,
// wrong parity, used stream) is refused by resetting the stream, without an ACK. Negotiated
// channels send no DCEP and open with the association.
//
// Closing (RFC 8831 §6.7): each side resets its outgoing stream; once both directions are reset
// the channel is closed and its stream id may be reused.
#include <cstddef>
#include <cstdint>
#include <deque>
#include <map>
#include <optional>
#include <set>
#include <span>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "common/error.hpp"
#include "common/ids.hpp"
#include "common/time.hpp"
#include "datachannel/data_channel.hpp"
#include "datachannel/dcep_message.hpp"
#include "datachannel/event.hpp"
#include "datachannel/sctp_transport_port.hpp"
#include "sctp/event.hpp"

namespace tern::datachannel {

struct ManagerConfig {
  // Our DTLS role, when already known (else call set_dtls_role() later).
  std::optional<DtlsRole> dtls_role;
  // The peer's a=max-message-size (RFC 8841 §6): larger sends fail with kMessageTooLarge.
  // RFC 8841 §6.1: 65536 when the SDP has none; 0 means "no limit".
  size_t remote_max_message_size = 65536;
  // Largest message reassembled from deprecated partial PPIDs 52/54 (our a=max-message-size).
  size_t max_receive_message_size = 256 * 1024;
  // Bytes of messages held for a stream that the peer reused before our reset completed.
  size_t max_deferred_bytes = 256 * 1024;
};

// Counters for stats, tests and the inspector.
struct ManagerStats {
  uint64_t channels_opened_locally = 0;   // ChannelOpen of channels created here
  uint64_t channels_opened_remotely = 0;  // accepted DATA_CHANNEL_OPENs
  uint64_t opens_rejected = 0;            // DATA_CHANNEL_OPENs refused with a stream reset
  uint64_t dcep_malformed = 0;            // PPID 50 messages that failed to parse
  uint64_t dcep_unexpected = 0;           // well-formed DCEP out of place (stray ACK, OPEN while closing)
  uint64_t messages_sent = 0;
  uint64_t bytes_sent = 0;
  uint64_t messages_received = 0;
  uint64_t bytes_received = 0;
  uint64_t messages_dropped = 0;          // unknown PPID or stream, channel not open, oversized pieces
};

class DataChannelManager {
 public:
  // `port` must outlive the manager.
  explicit DataChannelManager(SctpTransportPort& port, const ManagerConfig& config = {});

  // Sets our DTLS role (once the DTLS handshake decided it). Channels created before get their
  // stream ids now; ones that cannot (no free id) report ChannelError(kNoStreamAvailable) and
  // close. A second call with another role is ignored.
  void set_dtls_role(Timestamp now, DtlsRole role);
  std::optional<DtlsRole> dtls_role() const { return role_; }
  // The peer's max-message-size from its SDP (RFC 8841 §6; 0: no limit).
  void set_remote_max_message_size(size_t bytes) { config_.remote_max_message_size = bytes; }
  size_t remote_max_message_size() const { return config_.remote_max_message_size; }

  // W3C createDataChannel. The channel starts connecting; ChannelOpen follows once the association
  // is established (at once when it already is). Errors: kTransportClosed, kLabelTooLong,
  // kProtocolTooLong, kBadInit (both max_retransmits and max_packet_life_time, or negotiated
  // without id), kInvalidId (65535, or not below the negotiated stream count), kIdInUse,
  // kNoStreamAvailable, kSendBufferFull (the OPEN could not be queued).
  Result<ChannelHandle> create_channel(Timestamp now, std::string_view label, const DataChannelInit& init = {});

  // W3C send(): one message, PPID 51 (text) or 53 (binary); an empty one is sent as one 0x00 byte
  // with PPID 56 / 57 (RFC 8831 §6.6). Errors: kUnknownChannel, kInvalidState (not open),
  // kMessageTooLarge (above the peer's max-message-size), kSendBufferFull, kTransportClosed.
  Status send_text(Timestamp now, ChannelHandle channel, std::string_view text);
  Status send_binary(Timestamp now, ChannelHandle channel, std::span<const uint8_t> data);

  // W3C close(): the channel goes closing and its outgoing stream is reset once its queued
  // messages are sent; ChannelClosed follows when the peer has reset its side too. A channel that
  // never reached the wire closes at once. Closing or closed channels: no effect.
  // Errors: kUnknownChannel.
  Status close(Timestamp now, ChannelHandle channel);

  // W3C bufferedAmount: bytes queued in SCTP for the channel's stream and not yet sent.
  size_t buffered_amount(ChannelHandle channel) const;
  // W3C bufferedAmountLowThreshold. Errors: kUnknownChannel.
  Status set_buffered_amount_low_threshold(ChannelHandle channel, size_t bytes);

  // The channel, or nullptr once its ChannelClosed was polled (or for a handle never issued).
  const DataChannel* channel(ChannelHandle channel) const;
  // The ready state; kClosed for forgotten handles.
  DataChannelState ready_state(ChannelHandle channel) const;
  // The channel using `stream`, if any (rejected OPENs and stray resets are not channels).
  std::optional<ChannelHandle> channel_on_stream(StreamId stream) const;
  // Handles of the channels not yet forgotten, in creation order.
  std::vector<ChannelHandle> channels() const;

  // Feeds one association event (every one, in order). Drives opening, messages, closing and
  // buffered-amount events; Closed / Aborted close every channel.
  void handle_sctp_event(Timestamp now, sctp::Event event);
  std::optional<Event> poll_event();

  const ManagerStats& stats() const { return stats_; }

 private:
  struct Channel {
    DataChannel info;
    bool announced = true;       // false: bookkeeping for a refused OPEN or a stray reset, no events
    bool reset_requested = false;
    bool outgoing_reset = false;
    bool incoming_reset = false;
    bool sent_user_data = false;  // BufferedAmountLow is reported only once user data was queued
    // Deprecated PPID 52/54 pieces; the final piece (51/53) decides string or binary.
    std::vector<uint8_t> partial;
    // Messages that arrived after the peer reset its side: they belong to the stream's next
    // channel and are handled once this one is closed.
    std::vector<sctp::MessageReceived> deferred;
    size_t deferred_bytes = 0;
  };

  Channel* find(ChannelHandle handle);
  const Channel* find(ChannelHandle handle) const;
  Channel* on_stream(StreamId stream);
  Channel& add_channel();
  bool stream_free(uint16_t id) const;
  uint16_t stream_limit() const;
  std::optional<uint16_t> allocate_stream() const;
  void assign_stream(Channel& ch, uint16_t id);
  bool assign_pending_stream(Channel& ch);
  Status open_channel(Timestamp now, Channel& ch);
  void emit(const Channel& ch, Event event);
  void request_reset(Timestamp now, Channel& ch);
  void mark_closed(Channel& ch);
  void maybe_finish(Timestamp now, Channel& ch);
  Status send_message(Timestamp now, ChannelHandle handle, uint32_t ppid, uint32_t empty_ppid,
                      std::span<const uint8_t> data);
  Status send_dcep(Timestamp now, StreamId stream, const DcepMessage& message);

  void handle_connected(Timestamp now);
  void handle_message(Timestamp now, sctp::MessageReceived&& message);
  void handle_dcep(Timestamp now, StreamId stream, std::span<const uint8_t> payload);
  void reject_open(Timestamp now, StreamId stream);
  void handle_incoming_reset(Timestamp now, const std::vector<StreamId>& streams);
  void handle_outgoing_reset(Timestamp now, const std::vector<StreamId>& streams);
  void handle_reset_failed(const std::vector<StreamId>& streams);
  void handle_transport_end(bool aborted);

  SctpTransportPort* port_;
  ManagerConfig config_;
  std::optional<DtlsRole> role_;
  bool transport_ended_ = false;
  uint32_t next_handle_ = 1;
  std::map<uint32_t, Channel> channels_;            // by handle: creation order
  std::unordered_map<uint16_t, uint32_t> streams_;  // stream id -> handle, for ids in use
  std::set<uint16_t> retired_;                      // ids whose reset failed: never reused
  std::vector<uint32_t> sweep_;                     // closed bookkeeping entries to erase
  std::deque<Event> events_;
  ManagerStats stats_;
};

}  // namespace tern::datachannel

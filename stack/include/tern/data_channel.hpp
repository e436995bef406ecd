#pragma once
// tern/data_channel.hpp: a WebRTC data channel (W3C RTCDataChannel, webrtc-pc §6.2; RFC 8831 over
// SCTP, opened in-band with DCEP, RFC 8832, unless negotiated out of band).
//
// Threading: every method is thread-safe. Callbacks run on the owning PeerConnection's loop
// thread, one at a time, in event order; they may call any method of this channel or of the
// PeerConnection (calls made on the loop thread take effect at once). Once PeerConnection::close()
// has returned, no callback of this channel runs again. Set the callbacks
// before the channel can open: in on_data_channel for a remote channel, or right after
// create_data_channel for a local one (events are queued until then, so none is lost).
//
// Lifetime: the application holds channels by std::shared_ptr. The PeerConnection keeps its own
// reference while the channel is open; dropping the last application reference does not close
// the channel (call close()).
#include <cstddef>
#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <string_view>

#include "tern/error.hpp"

namespace tern {

// W3C RTCDataChannelInit (webrtc-pc §6.2). Reliability: by default a channel is reliable and
// ordered; set at most one of max_packet_life_time and max_retransmits for a partially reliable
// channel (RFC 8831 §6.1, PR-SCTP RFC 3758).
struct DataChannelInit {
  bool ordered = true;
  std::optional<uint16_t> max_packet_life_time;  // ms; give up retransmitting after this long
  std::optional<uint16_t> max_retransmits;       // give up after this many retransmissions
  std::string protocol;                          // sub-protocol name, carried in DCEP (RFC 8832 §5.1)
  bool negotiated = false;  // true: no DCEP; the application creates the channel on both sides
                            // with the same `id` (RFC 8832 §4 out-of-band negotiation)
  std::optional<uint16_t> id;  // SCTP stream id 0-65534; required when negotiated; otherwise
                               // chosen by tern (even for the DTLS client, odd for the server,
                               // RFC 8832 §6)
  bool operator==(const DataChannelInit&) const = default;
};

// W3C RTCDataChannelState.
enum class DataChannelState : uint8_t { kConnecting, kOpen, kClosing, kClosed };

// "connecting", "open", "closing", "closed".
constexpr std::string_view to_string(DataChannelState state) {
  switch (state) {
    case DataChannelState::kConnecting: return "connecting";
    case DataChannelState::kOpen: return "open";
    case DataChannelState::kClosing: return "closing";
    case DataChannelState::kClosed: return "closed";
  }
  return "unknown";
}

// One received message, valid only during the on_message callback (copy what you keep). Text
// messages are UTF-8 (RFC 8831 §6.6, PPID 51; an empty text message is a message, PPID 56);
// binary messages are bytes (PPID 53, or 57 when empty).
struct DataChannelMessage {
  bool binary = false;
  std::span<const uint8_t> data;

  std::string_view text() const {
    return {reinterpret_cast<const char*>(data.data()), data.size()};
  }
};

class DataChannel {
 public:
  class Impl;
  explicit DataChannel(std::shared_ptr<Impl> impl);
  ~DataChannel();
  DataChannel(const DataChannel&) = delete;
  DataChannel& operator=(const DataChannel&) = delete;

  // --- Properties (thread-safe snapshots) --------------------------------------------------------
  std::string label() const;
  std::string protocol() const;
  // The SCTP stream id; nullopt until the DTLS role is known (a channel created before
  // negotiation without an explicit id gets its id when the DTLS role is decided).
  std::optional<uint16_t> id() const;
  bool ordered() const;
  std::optional<uint16_t> max_packet_life_time() const;
  std::optional<uint16_t> max_retransmits() const;
  bool negotiated() const;
  DataChannelState ready_state() const;
  // Bytes queued by send() and not yet handed to the network (W3C bufferedAmount).
  uint64_t buffered_amount() const;
  uint64_t buffered_amount_low_threshold() const;
  // on_buffered_amount_low fires when buffered_amount drops from above `bytes` to `bytes` or below.
  void set_buffered_amount_low_threshold(uint64_t bytes);

  // --- Sending -----------------------------------------------------------------------------------
  // Queues one text (UTF-8) or binary message. Errors: kInvalidState unless ready_state() is open;
  // kDataChannelFailure when the message exceeds the remote a=max-message-size (RFC 8841 §6: 64 KiB
  // when the remote did not say, no limit when it said 0) — nothing is sent and the channel stays
  // open. The bytes are copied; the caller keeps ownership.
  RtcStatus send(std::string_view text);
  RtcStatus send(std::span<const uint8_t> binary);

  // Starts the closing procedure (RFC 8831 §6.7: an SCTP stream reset of both directions).
  // Idempotent. As in W3C, on_closing and then on_close still fire (on the loop thread) when the
  // reset completes — unless the PeerConnection is closed first.
  void close();

  // --- Callbacks (set from any thread; replacing a callback is thread-safe) ----------------------
  void on_open(std::function<void()> callback);
  void on_message(std::function<void(const DataChannelMessage&)> callback);
  void on_buffered_amount_low(std::function<void()> callback);
  // An error that does not close the channel by itself (e.g. a DCEP failure, an SCTP abort before
  // close, which both Chromium and libdatachannel send when their connection closes: cause 12
  // User-Initiated Abort arrives as kSctpFailure followed by on_close).
  void on_error(std::function<void(const RtcError&)> callback);
  void on_closing(std::function<void()> callback);
  void on_close(std::function<void()> callback);

 private:
  std::shared_ptr<Impl> impl_;
};

}  // namespace tern

#pragma once
// One data channel as the W3C RTCDataChannel sees it (label, protocol, id, ordered,
// maxRetransmits, maxPacketLifeTime, negotiated, priority, readyState,
// bufferedAmountLowThreshold), plus the DataChannelInit dictionary that creates one. The
// DataChannelManager owns the channels; callers read them through `const DataChannel*`.
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>

#include "common/ids.hpp"

namespace tern::datachannel {

struct ChannelHandleTag {};
// Names a channel for its whole life. Unlike the stream id, which is reused after a channel
// closes (RFC 8831 §6.7), a handle is never reused.
using ChannelHandle = StrongId<ChannelHandleTag, uint32_t>;

// Which end of the DTLS handshake we are: it decides the parity of the stream ids we pick
// (RFC 8832 §6: the DTLS client uses even ids, the server odd ones).
enum class DtlsRole : uint8_t { kClient, kServer };

// W3C RTCDataChannelState.
enum class DataChannelState : uint8_t { kConnecting, kOpen, kClosing, kClosed };
// "connecting", "open", "closing", "closed" (the W3C strings).
const char* data_channel_state_name(DataChannelState state);

// W3C RTCPriorityType as DCEP Priority values (W3C webrtc-priority, RFC 8831 §6.4).
inline constexpr uint16_t kPriorityVeryLow = 128;
inline constexpr uint16_t kPriorityLow = 256;
inline constexpr uint16_t kPriorityMedium = 512;
inline constexpr uint16_t kPriorityHigh = 1024;

// W3C RTCDataChannelInit.
struct DataChannelInit {
  bool ordered = true;
  // At most one of the two (W3C: TypeError otherwise). Unset: fully reliable.
  std::optional<uint16_t> max_packet_life_time;  // milliseconds
  std::optional<uint16_t> max_retransmits;
  std::string protocol;
  // true: both ends create the channel themselves with the same `id` and no DCEP is sent.
  bool negotiated = false;
  std::optional<uint16_t> id;  // required (and only used) when negotiated
  uint16_t priority = kPriorityLow;
};

class DataChannel {
 public:
  ChannelHandle handle() const { return handle_; }
  // The SCTP stream id; nullopt until the DTLS role is known (W3C: id is null until then).
  std::optional<StreamId> id() const { return id_; }
  const std::string& label() const { return label_; }
  const std::string& protocol() const { return protocol_; }
  bool ordered() const { return ordered_; }
  std::optional<uint16_t> max_retransmits() const { return max_retransmits_; }
  std::optional<uint16_t> max_packet_life_time() const { return max_packet_life_time_; }
  bool negotiated() const { return negotiated_; }
  uint16_t priority() const { return priority_; }
  DataChannelState ready_state() const { return state_; }
  size_t buffered_amount_low_threshold() const { return low_threshold_; }
  // True for channels the peer opened (announced by IncomingChannel).
  bool remote() const { return remote_; }
  // True between sending our DATA_CHANNEL_OPEN and receiving its DATA_CHANNEL_ACK (messages are
  // sent ordered meanwhile, RFC 8832 §6).
  bool awaiting_ack() const { return awaiting_ack_; }

 private:
  friend class DataChannelManager;

  ChannelHandle handle_{0};
  std::optional<StreamId> id_;
  std::string label_;
  std::string protocol_;
  bool ordered_ = true;
  std::optional<uint16_t> max_retransmits_;
  std::optional<uint16_t> max_packet_life_time_;
  bool negotiated_ = false;
  uint16_t priority_ = kPriorityLow;
  DataChannelState state_ = DataChannelState::kConnecting;
  size_t low_threshold_ = 0;
  bool remote_ = false;
  bool awaiting_ack_ = false;
};

// The channel field by field, one line each, every line prefixed by `indent` (for tern-inspect).
std::string describe(const DataChannel& channel, const std::string& indent = "  ");

}  // namespace tern::datachannel

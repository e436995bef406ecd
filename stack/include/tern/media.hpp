#pragma once
// tern/media.hpp: audio and video tracks and transceivers (W3C MediaStreamTrack, RTCRtpTransceiver,
// webrtc-pc §5). tern moves *encoded* frames: the application (or tern's codecs/ adapters) encodes
// and decodes; tern packetizes, protects (SRTP), paces, retransmits (NACK/RTX) and reassembles.
//
//   auto track = tern::MediaTrack::create_local(tern::MediaKind::kVideo, "cam");
//   auto transceiver = pc->add_track(track, {"stream"}).value();
//   ... once connected: track->send_frame(frame);        // frame.data = one VP8 frame
//
//   pc->on_track([](const tern::TrackEvent& e) {
//     e.track->on_frame([](const tern::EncodedFrame& f) { decode(f); });
//   });
//
// Threading: as for DataChannel (tern/data_channel.hpp): methods are thread-safe, callbacks run
// on the connection's loop thread and never after PeerConnection::close() returned.
#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "tern/error.hpp"

namespace tern {

enum class MediaKind : uint8_t { kAudio, kVideo };

// "audio", "video" (MediaStreamTrack.kind).
constexpr std::string_view to_string(MediaKind kind) { return kind == MediaKind::kAudio ? "audio" : "video"; }

// W3C RTCRtpTransceiverDirection.
enum class TransceiverDirection : uint8_t { kSendRecv, kSendOnly, kRecvOnly, kInactive, kStopped };

// "sendrecv", "sendonly", "recvonly", "inactive", "stopped".
constexpr std::string_view to_string(TransceiverDirection direction) {
  switch (direction) {
    case TransceiverDirection::kSendRecv: return "sendrecv";
    case TransceiverDirection::kSendOnly: return "sendonly";
    case TransceiverDirection::kRecvOnly: return "recvonly";
    case TransceiverDirection::kInactive: return "inactive";
    case TransceiverDirection::kStopped: return "stopped";
  }
  return "unknown";
}

// W3C RTCRtpCodec: a codec as SDP describes it ("video/VP8", 90000, fmtp "...").
struct RtpCodec {
  std::string mime_type;               // "audio/opus", "video/VP8", "video/H264", ...
  uint32_t clock_rate = 0;             // Hz
  std::optional<uint16_t> channels;    // audio only
  std::string sdp_fmtp_line;           // "minptime=10;useinbandfec=1", empty when none
  bool operator==(const RtpCodec&) const = default;
};

// One encoded audio or video frame. Passed by view: valid during the call or callback only.
struct EncodedFrame {
  std::span<const uint8_t> data;  // one Opus packet, one VP8/VP9/AV1 frame, one H.264 access unit
                                  // (Annex B start codes)
  uint32_t rtp_timestamp = 0;     // in the codec's clock rate (48000 for Opus, 90000 for video)
  bool keyframe = false;          // video: an intra frame (receivers waiting after PLI need one)
  std::string_view mime_type;     // the codec of this frame, e.g. "video/VP8"
};

class MediaTrack {
 public:
  class Impl;

  // A track the application sends on (feed it with send_frame once the connection is up).
  static std::shared_ptr<MediaTrack> create_local(MediaKind kind, std::string id);

  explicit MediaTrack(std::shared_ptr<Impl> impl);
  ~MediaTrack();
  MediaTrack(const MediaTrack&) = delete;
  MediaTrack& operator=(const MediaTrack&) = delete;

  MediaKind kind() const;
  std::string id() const;
  bool remote() const;

  // Local tracks: sends one frame on every transceiver this track is attached to whose direction
  // includes send. The frame's codec must be the negotiated one (mime_type; ignored when empty).
  // Errors: kInvalidState on a remote track or before negotiation; kInvalidParameter when the
  // codec was not negotiated. The bytes are copied (packetized) before the call returns.
  RtcStatus send_frame(const EncodedFrame& frame);
  // Local tracks: the remote asked for a keyframe (RTCP PLI or FIR, RFC 4585 §6.3.1, RFC 5104).
  void on_keyframe_request(std::function<void()> callback);

  // Remote tracks: one reassembled frame, in decode order.
  void on_frame(std::function<void(const EncodedFrame&)> callback);
  // Remote tracks: asks the sender for a keyframe (sends a PLI). Thread-safe.
  void request_keyframe();

 private:
  std::shared_ptr<Impl> impl_;
};

// W3C RTCRtpTransceiverInit.
struct TransceiverInit {
  TransceiverDirection direction = TransceiverDirection::kSendRecv;
  std::vector<std::string> stream_ids;  // a=msid stream ids (RFC 8830); empty: "-" (no stream)
};

// W3C RTCRtpTransceiver: one m= section carrying one sending and one receiving track.
class RtpTransceiver {
 public:
  class Impl;
  explicit RtpTransceiver(std::shared_ptr<Impl> impl);
  ~RtpTransceiver();
  RtpTransceiver(const RtpTransceiver&) = delete;
  RtpTransceiver& operator=(const RtpTransceiver&) = delete;

  MediaKind kind() const;
  // The a=mid once negotiated (nullopt before the first offer or answer names it).
  std::optional<std::string> mid() const;
  // What the application wants (changing it fires on_negotiation_needed).
  TransceiverDirection direction() const;
  RtcStatus set_direction(TransceiverDirection direction);  // kInvalidState once stopped
  // What the last completed offer/answer negotiated (nullopt before).
  std::optional<TransceiverDirection> current_direction() const;
  // The track we send (nullptr when none) and the track we receive (always present).
  std::shared_ptr<MediaTrack> sender_track() const;
  std::shared_ptr<MediaTrack> receiver_track() const;
  // Attaches (or detaches, with nullptr) the sending track without renegotiation; the kind must
  // match. Errors: kInvalidParameter (kind), kInvalidState (stopped).
  RtcStatus replace_track(std::shared_ptr<MediaTrack> track);
  // Restricts and orders the codecs offered or answered for this m= section (W3C
  // setCodecPreferences); an empty list restores the defaults. Errors: kInvalidParameter for a
  // codec tern does not support.
  RtcStatus set_codec_preferences(std::vector<RtpCodec> codecs);
  // The codecs the last negotiation settled on, in preference order.
  std::vector<RtpCodec> negotiated_codecs() const;
  // Stops the transceiver for good: its m= section is rejected in the next offer (port 0).
  void stop();

 private:
  std::shared_ptr<Impl> impl_;
};

// W3C RTCTrackEvent: a remote track appeared (set_remote_description found a new sending m=
// section).
struct TrackEvent {
  std::shared_ptr<MediaTrack> track;
  std::shared_ptr<RtpTransceiver> transceiver;
  std::vector<std::string> stream_ids;  // from the remote a=msid
};

}  // namespace tern

#pragma once
// Typed values of the header extensions WebRTC negotiates most (a=extmap URIs below). Each value
// travels as the data of one RFC 8285 element; these functions convert that data.
//
//   sdes:mid / sdes:rtp-stream-id (RFC 9143 §15, RFC 8852 §3): the text itself, no terminator.
//   abs-send-time (webrtc.org): 24 bits, seconds in 6.18 fixed point (wraps every 64 s).
//     +-------------------------------------------------+
//     |        abs send time, 6.18 fixed point (24)     |
//     +-------------------------------------------------+
//   transport-wide-cc (draft-holmer-rmcat-transport-wide-cc-extensions-01): 16-bit sequence.
//     +--------------------------------+
//     | transport-wide sequence number |
//     +--------------------------------+
//   ssrc-audio-level (RFC 6464 §3): one byte, voice-activity flag and level in -dBov.
//     +-+-------------+
//     |V|  level      |
//     +-+-------------+
#include <array>
#include <cstdint>
#include <span>
#include <string_view>

#include "common/error.hpp"
#include "common/time.hpp"
#include "rtp/errc.hpp"
#include "rtp/header_extension.hpp"

namespace tern::rtp {

inline constexpr std::string_view kMidUri = "urn:ietf:params:rtp-hdrext:sdes:mid";
inline constexpr std::string_view kRidUri = "urn:ietf:params:rtp-hdrext:sdes:rtp-stream-id";
inline constexpr std::string_view kRepairedRidUri = "urn:ietf:params:rtp-hdrext:sdes:repaired-rtp-stream-id";
inline constexpr std::string_view kAbsSendTimeUri = "http://www.webrtc.org/experiments/rtp-hdrext/abs-send-time";
inline constexpr std::string_view kTransportWideCcUri =
    "http://www.ietf.org/id/draft-holmer-rmcat-transport-wide-cc-extensions-01";
inline constexpr std::string_view kAudioLevelUri = "urn:ietf:params:rtp-hdrext:ssrc-audio-level";

// A mid value (RFC 9143: an SDP token). Trailing zero bytes, which some senders append, are
// dropped. Errors: kBadExtensionValue (empty, or a character outside the token set).
Result<std::string_view> parse_mid(std::span<const uint8_t> data);
// A rid / repaired-rid value (RFC 8851 §10 rid-id: letters, digits, '-', '_'). Trailing zero bytes
// are dropped. Errors: kBadExtensionValue.
Result<std::string_view> parse_rid(std::span<const uint8_t> data);
// An element carrying `text` (mid or rid); the element views `text`'s bytes.
ExtensionElement sdes_element(uint8_t id, std::string_view text);

// abs-send-time: exactly 3 bytes, else kBadExtensionValue. The result is the 24-bit value.
Result<uint32_t> parse_abs_send_time(std::span<const uint8_t> data);
std::array<uint8_t, 3> serialize_abs_send_time(uint32_t value);
// The 6.18 fixed-point value of `now` modulo 64 seconds.
uint32_t abs_send_time_from(Timestamp now);

// transport-wide-cc: exactly 2 bytes, else kBadExtensionValue.
Result<uint16_t> parse_transport_sequence_number(std::span<const uint8_t> data);
std::array<uint8_t, 2> serialize_transport_sequence_number(uint16_t seq);

// RFC 6464 §3 client-to-mixer audio level.
struct AudioLevel {
  bool voice_activity = false;
  uint8_t level = 127;  // -dBov, 0 (loudest) ..127 (silence)
  bool operator==(const AudioLevel&) const = default;
};
// Exactly 1 byte, else kBadExtensionValue.
Result<AudioLevel> parse_audio_level(std::span<const uint8_t> data);
// Errors: kBadExtensionValue when level > 127.
Result<std::array<uint8_t, 1>> serialize_audio_level(AudioLevel value);

}  // namespace tern::rtp

#pragma once
// First-byte demultiplexing of one UDP port shared by STUN, ZRTP, DTLS, TURN channels, QUIC and
// SRTP/SRTCP (RFC 7983 §7 updating RFC 5764 §5.1.2, itself updated by RFC 9443), and RTP vs RTCP
// on a muxed port (RFC 5761 §4).
//
//                  +------------------+
//                  |       [0..3] ----+--> STUN
//                  |      [4..15] ----+--> drop
//                  |     [16..19] ----+--> ZRTP
//   datagram ----> |     [20..63] ----+--> DTLS
//                  |     [64..79] ----+--> TURN ChannelData (or QUIC, see below)
//                  |    [80..127] ----+--> QUIC
//                  |   [128..191] ----+--> RTP / RTCP: second byte [192..223] is RTCP
//                  |   [192..255] ----+--> QUIC
//                  +------------------+
//
// RFC 9443: QUIC short-header packets may also start with 64..79; a receiver that runs QUIC and
// TURN on one port tells them apart by source address (the TURN server). This classifier reports
// 64..79 as TURN ChannelData; WebRTC runs no QUIC, so callers normally drop kQuic.
#include <cstdint>
#include <span>
#include <string_view>

namespace tern::rtp {

enum class PacketClass : uint8_t {
  kStun,
  kZrtp,
  kDtls,
  kTurnChannel,
  kQuic,
  kRtp,
  kRtcp,
  kDrop,  // empty, a reserved first byte, or too short to tell RTP from RTCP
};

// Classifies a datagram by its first byte (and, in 128..191, its second). Never reads past
// `datagram`.
PacketClass classify_packet(std::span<const uint8_t> datagram);

// RFC 5761 §4: in 128..191, RTCP packet types 192..223 occupy the byte where RTP has M + PT, so
// RTP payload types 64..95 are never used on a muxed port. Needs at least 2 bytes (false if not).
bool is_rtcp(std::span<const uint8_t> datagram);

// "stun", "zrtp", "dtls", "turn-channel", "quic", "rtp", "rtcp", "drop".
std::string_view packet_class_name(PacketClass c);

}  // namespace tern::rtp

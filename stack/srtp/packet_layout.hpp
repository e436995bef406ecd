#pragma once
// Where SRTP and SRTCP put things, and the one piece of RTP parsing SRTP needs (the header length:
// everything before it is authenticated but left in the clear).
//
// SRTP packet (RFC 3711 §3.1; RFC 7714 §8 for AEAD, where the tag is the GCM tag):
//
//    0                   1                   2                   3
//    0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
//   +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
//   |V=2|P|X|  CC   |M|     PT      |       sequence number         | +
//   +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+ |
//   |                           timestamp                           | |
//   +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+ | clear,
//   |                             SSRC                              | | authenticated
//   +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+ | (AEAD: the AAD)
//   |                 CSRC list (CC x 32 bits)                      | |
//   +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+ |
//   |  extension profile (if X)     |  extension length (words)     | |
//   |                 extension data ...                            | +
//   +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
//   |            payload ... (RTP padding, pad count)               |  encrypted
//   +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
//   ~        auth tag (HMAC-SHA1: 80 or 32 bits; GCM: 128 bits)     ~
//   +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
//   (HMAC-SHA1 covers header || payload || ROC; the 32-bit ROC is not sent.)
//
// SRTCP packet, AES-CM (RFC 3711 §3.4):
//
//   +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
//   |V=2|P|   RC    |      PT       |            length             |  clear
//   |                     SSRC of sender                            |  clear
//   +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
//   |        rest of the compound RTCP packet ...                   |  encrypted if E
//   +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
//   |E|                      SRTCP index (31 bits)                  |  clear
//   +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
//   ~                  auth tag (80 bits) over all of the above     ~
//   +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
//
// SRTCP packet, AEAD (RFC 7714 §9): the tag comes before the E || index word.
//
//   | first 8 octets (AAD) | rest, encrypted if E | GCM tag (16) | E | SRTCP index |
//   AAD = first 8 octets || E||index when E = 1; the whole RTCP packet || E||index when E = 0.
#include <cstddef>
#include <cstdint>
#include <span>

#include "common/error.hpp"

namespace tern::srtp {

inline constexpr size_t kRtpFixedHeaderSize = 12;   // RFC 3550 §5.1
inline constexpr size_t kRtcpHeaderSize = 8;        // RTCP header + sender SSRC (RFC 3711 §3.4)
inline constexpr size_t kSrtcpIndexSize = 4;        // E flag || 31-bit SRTCP index
inline constexpr uint32_t kSrtcpEFlag = 0x80000000u;
inline constexpr uint32_t kMaxSrtcpIndex = 0x7fffffffu;  // RFC 3711 §3.4: 31 bits

// Size of the RTP header of `packet` (12 + 4*CC, plus 4 + 4*length when X is set).
// Errors (kBadPacket, position = offset of the field): shorter than 12 bytes, version not 2, CSRC
// list or header extension running past the end of `packet`.
Result<size_t> rtp_header_size(std::span<const uint8_t> packet);

// Checks the part of an RTCP packet SRTCP relies on: at least 8 bytes, version 2.
// Errors: kBadPacket.
Status check_rtcp_header(std::span<const uint8_t> packet);

}  // namespace tern::srtp

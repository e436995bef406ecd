#include "rtp/demux.hpp"

namespace tern::rtp {

bool is_rtcp(std::span<const uint8_t> datagram) {
  // RFC 5761 §4: RTCP packet types 192..223 (SR=200, RR=201, SDES=202, BYE=203, ...) in the second byte.
  return datagram.size() >= 2 && datagram[1] >= 192 && datagram[1] <= 223;
}

PacketClass classify_packet(std::span<const uint8_t> datagram) {
  if (datagram.empty()) return PacketClass::kDrop;
  const uint8_t b = datagram[0];
  // RFC 7983 §7 / RFC 9443: ranges of the first byte.
  if (b <= 3) return PacketClass::kStun;
  if (b <= 15) return PacketClass::kDrop;
  if (b <= 19) return PacketClass::kZrtp;
  if (b <= 63) return PacketClass::kDtls;
  if (b <= 79) return PacketClass::kTurnChannel;
  if (b <= 127) return PacketClass::kQuic;
  if (b <= 191) {
    // RTP and RTCP both need the second byte to be told apart (RFC 5761 §4).
    if (datagram.size() < 2) return PacketClass::kDrop;
    return is_rtcp(datagram) ? PacketClass::kRtcp : PacketClass::kRtp;
  }
  return PacketClass::kQuic;
}

std::string_view packet_class_name(PacketClass c) {
  switch (c) {
    case PacketClass::kStun: return "stun";
    case PacketClass::kZrtp: return "zrtp";
    case PacketClass::kDtls: return "dtls";
    case PacketClass::kTurnChannel: return "turn-channel";
    case PacketClass::kQuic: return "quic";
    case PacketClass::kRtp: return "rtp";
    case PacketClass::kRtcp: return "rtcp";
    case PacketClass::kDrop: return "drop";
  }
  return "drop";
}

}  // namespace tern::rtp

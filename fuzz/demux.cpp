// Fuzz target: RFC 7983 / RFC 9443 first-byte classification, dispatching RTP datagrams into the
// RTP parser. STUN, DTLS and RTCP parsers live in other modules; the lead wires them in here.
#include <cstddef>
#include <cstdint>

#include "rtp/demux.hpp"
#include "rtp/packet.hpp"

using namespace tern::rtp;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::span<const uint8_t> datagram(data, size);
  const PacketClass c = classify_packet(datagram);
  // The classification depends on the first byte only, except RTP vs RTCP (second byte).
  if (size == 0 && c != PacketClass::kDrop) __builtin_trap();
  if (c == PacketClass::kRtcp && !is_rtcp(datagram)) __builtin_trap();
  if (packet_class_name(c).empty()) __builtin_trap();
  switch (c) {
    case PacketClass::kRtp: {
      // A valid RTP header must start with version 2, i.e. a first byte in 128..191.
      auto p = RtpPacket::parse(datagram);
      if (p && (data[0] < 128 || data[0] > 191)) __builtin_trap();
      break;
    }
    case PacketClass::kStun:
    case PacketClass::kZrtp:
    case PacketClass::kDtls:
    case PacketClass::kTurnChannel:
    case PacketClass::kQuic:
    case PacketClass::kRtcp:
    case PacketClass::kDrop:
      break;
  }
  return 0;
}

#include "srtp/packet_layout.hpp"

#include "common/byte_reader.hpp"
#include "srtp/errc.hpp"

namespace tern::srtp {

Result<size_t> rtp_header_size(std::span<const uint8_t> packet) {
  // RFC 3550 §5.1: 12-byte fixed header.
  if (packet.size() < kRtpFixedHeaderSize) return Error(SrtpErrc::kBadPacket, "RTP packet shorter than 12 bytes");
  if ((packet[0] >> 6) != 2) return Error(SrtpErrc::kBadPacket, "RTP version is not 2", 0);
  const size_t csrc_count = packet[0] & 0x0f;
  size_t size = kRtpFixedHeaderSize + 4 * csrc_count;
  if (size > packet.size()) return Error(SrtpErrc::kBadPacket, "CSRC list runs past the packet", 0);
  if (packet[0] & 0x10) {
    // RFC 3550 §5.3.1: 16-bit profile, 16-bit length in 32-bit words (not counting this word).
    if (size + 4 > packet.size())
      return Error(SrtpErrc::kBadPacket, "header extension header runs past the packet", static_cast<uint32_t>(size));
    const size_t words = load_be16(packet.data() + size + 2);
    const size_t ext_end = size + 4 + 4 * words;
    if (ext_end > packet.size())
      return Error(SrtpErrc::kBadPacket, "header extension runs past the packet", static_cast<uint32_t>(size + 2));
    size = ext_end;
  }
  return size;
}

Status check_rtcp_header(std::span<const uint8_t> packet) {
  if (packet.size() < kRtcpHeaderSize) return Error(SrtpErrc::kBadPacket, "RTCP packet shorter than 8 bytes");
  if ((packet[0] >> 6) != 2) return Error(SrtpErrc::kBadPacket, "RTCP version is not 2", 0);
  return {};
}

}  // namespace tern::srtp

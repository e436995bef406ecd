#include "sctp/common_header.hpp"

#include "common/byte_reader.hpp"
#include "common/crc32.hpp"
#include "sctp/errc.hpp"

namespace tern::sctp {

Result<CommonHeader> parse_common_header(std::span<const uint8_t> packet) {
  if (packet.size() < kCommonHeaderSize) {
    return Error(SctpErrc::kTruncated, "packet shorter than the 12-byte common header",
                 static_cast<uint32_t>(packet.size()));
  }
  CommonHeader h;
  h.source_port = load_be16(packet.data());
  h.destination_port = load_be16(packet.data() + 2);
  h.verification_tag = load_be32(packet.data() + 4);
  h.checksum = load_be32(packet.data() + 8);
  return h;
}

void serialize(const CommonHeader& header, ByteWriter& writer) {
  writer.u16(header.source_port);
  writer.u16(header.destination_port);
  writer.u32(header.verification_tag);
  writer.u32(0);
}

uint32_t packet_checksum(std::span<const uint8_t> packet) {
  TERN_ASSERT(packet.size() >= kCommonHeaderSize, "packet_checksum on a short packet");
  // RFC 9260 §6.8: the checksum is computed over the whole packet with the field set to zero;
  // hash the three pieces instead of copying the packet.
  static constexpr uint8_t kZeros[4] = {0, 0, 0, 0};
  uint32_t crc = crc32c(packet.first(8));
  crc = crc32c(kZeros, crc);
  crc = crc32c(packet.subspan(kCommonHeaderSize), crc);
  // RFC 9260 Appendix A: the reflected CRC goes out least significant byte first.
  return __builtin_bswap32(crc);
}

void set_packet_checksum(std::span<uint8_t> packet) {
  store_be32(packet.data() + 8, packet_checksum(packet));
}

bool verify_packet_checksum(std::span<const uint8_t> packet) {
  if (packet.size() < kCommonHeaderSize) return false;
  return load_be32(packet.data() + 8) == packet_checksum(packet);
}

}  // namespace tern::sctp

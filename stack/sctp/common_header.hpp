#pragma once
// The SCTP common header (RFC 9260 §3.1) and the CRC-32c checksum (RFC 9260 §6.8, Appendix A).
//
//   0                   1                   2                   3
//   0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
//  +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
//  |      Source Port Number       |    Destination Port Number    |
//  +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
//  |                       Verification Tag                        |
//  +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
//  |                           Checksum                            |
//  +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
#include <cstddef>
#include <cstdint>
#include <span>

#include "common/byte_writer.hpp"
#include "common/error.hpp"

namespace tern::sctp {

inline constexpr size_t kCommonHeaderSize = 12;

struct CommonHeader {
  uint16_t source_port = 0;
  uint16_t destination_port = 0;
  uint32_t verification_tag = 0;
  uint32_t checksum = 0;  // as carried on the wire (see packet_checksum())
  bool operator==(const CommonHeader&) const = default;
};

// Reads the first 12 bytes. Errors: kTruncated. Does not verify the checksum.
Result<CommonHeader> parse_common_header(std::span<const uint8_t> packet);
// Writes the header with a zero checksum field (set it with set_packet_checksum()).
void serialize(const CommonHeader& header, ByteWriter& writer);

// The CRC-32c of `packet` computed with the checksum field taken as zero, as the 32-bit value
// whose big-endian encoding goes in the field. RFC 9260 Appendix A: the CRC is reflected, so its
// least significant byte is transmitted first; load_be32() of the field then equals this value.
// Precondition: packet.size() >= kCommonHeaderSize.
uint32_t packet_checksum(std::span<const uint8_t> packet);
// Computes and stores the checksum of a complete packet in place.
void set_packet_checksum(std::span<uint8_t> packet);
// True when the stored checksum matches (RFC 9260 §6.8).
bool verify_packet_checksum(std::span<const uint8_t> packet);

}  // namespace tern::sctp

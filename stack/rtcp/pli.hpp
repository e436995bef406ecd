#pragma once
// PLI: picture loss indication, PSFB (PT 206) with FMT 1 (RFC 4585 §6.3.1).
//
//    0                   1                   2                   3
//    0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
//   +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
//   |V=2|P|  FMT=1  |    PT=206     |          length=2             |
//   +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
//   |                  SSRC of packet sender                        |
//   +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
//   |                  SSRC of media source                         |
//   +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
#include <cstdint>

#include "common/ids.hpp"
#include "rtcp/header.hpp"

namespace tern::rtcp {

struct Pli {
  static constexpr size_t kFixedSize = 8;

  Ssrc sender_ssrc{};
  Ssrc media_ssrc{};

  // Decodes a PSFB FMT=1 packet. Errors: kTruncatedPacket, kUnexpectedFci.
  static Result<Pli> parse(const PacketView& v);

  // Framing hooks (WirePacket); use rtcp::serialize()/serialized_size().
  Status validate() const { return {}; }
  uint8_t count_field() const { return kFmtPli; }
  uint8_t packet_type() const { return kPtPsfb; }
  size_t fields_size() const { return kFixedSize; }
  void write_fields(ByteWriter& w) const;

  bool operator==(const Pli&) const = default;
};

}  // namespace tern::rtcp

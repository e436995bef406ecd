#pragma once
// FIR: full intra request, PSFB (PT 206) with FMT 4 (RFC 5104 §4.3.1).
//
//    0                   1                   2                   3
//    0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
//   +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
//   |V=2|P|  FMT=4  |    PT=206     |          length               |
//   +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
//   |                  SSRC of packet sender                        |
//   +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
//   |             SSRC of media source (unused, 0)                  |
//   +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
//   |                              SSRC                             |  FCI entry,
//   +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+  repeated
//   | Seq nr.       |    Reserved (0)                               |
//   +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
#include <cstdint>
#include <vector>

#include "common/ids.hpp"
#include "rtcp/header.hpp"

namespace tern::rtcp {

struct FirEntry {
  Ssrc ssrc{};          // the media sender asked for a decoder refresh point
  uint8_t seq_nr = 0;   // command sequence number (RFC 5104 §4.3.1.1)

  bool operator==(const FirEntry&) const = default;
};

struct Fir {
  static constexpr size_t kFixedSize = 8;
  static constexpr size_t kEntrySize = 8;

  Ssrc sender_ssrc{};
  Ssrc media_ssrc{};              // RFC 5104 §4.3.1.2: SHALL be 0; kept as received
  std::vector<FirEntry> entries;  // at least one

  // Decodes a PSFB FMT=4 packet. Errors: kTruncatedPacket, kEmptyFci, kTrailingBytes.
  static Result<Fir> parse(const PacketView& v);

  // Framing hooks (WirePacket); use rtcp::serialize()/serialized_size().
  Status validate() const;  // kInvalidArgument without entries
  uint8_t count_field() const { return kFmtFir; }
  uint8_t packet_type() const { return kPtPsfb; }
  size_t fields_size() const { return kFixedSize + kEntrySize * entries.size(); }
  void write_fields(ByteWriter& w) const;

  bool operator==(const Fir&) const = default;
};

}  // namespace tern::rtcp

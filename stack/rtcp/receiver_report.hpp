#pragma once
// RR: receiver report, RTCP packet type 201 (RFC 3550 §6.4.2).
//
//           0                   1                   2                   3
//           0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
//          +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
//   header |V=2|P|    RC   |   PT=RR=201   |             length            |
//          +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
//          |                     SSRC of packet sender                     |
//          +=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+
//   report |           RC report blocks (see report_block.hpp)             |
//   blocks +=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+
//          |                  profile-specific extensions                  |
//          +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
#include <cstdint>
#include <span>
#include <vector>

#include "common/ids.hpp"
#include "rtcp/header.hpp"
#include "rtcp/report_block.hpp"

namespace tern::rtcp {

struct ReceiverReport {
  static constexpr size_t kFixedSize = 4;  // the sender SSRC

  Ssrc sender_ssrc{};
  std::vector<ReportBlock> report_blocks;  // at most 31
  std::span<const uint8_t> extension;      // profile-specific extension, borrowed

  // Decodes a PT=201 packet. Errors: kTruncatedPacket, kCountOverrun.
  static Result<ReceiverReport> parse(const PacketView& v);

  // Framing hooks (WirePacket); use rtcp::serialize()/serialized_size().
  Status validate() const;  // kTooLarge above 31 report blocks
  uint8_t count_field() const { return static_cast<uint8_t>(report_blocks.size()); }
  uint8_t packet_type() const { return kPtRr; }
  size_t fields_size() const { return kFixedSize + report_blocks.size() * ReportBlock::kSize + extension.size(); }
  void write_fields(ByteWriter& w) const;

  bool operator==(const ReceiverReport& o) const {
    return sender_ssrc == o.sender_ssrc && report_blocks == o.report_blocks && bytes_equal(extension, o.extension);
  }
};

}  // namespace tern::rtcp

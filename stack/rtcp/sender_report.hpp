#pragma once
// SR: sender report, RTCP packet type 200 (RFC 3550 §6.4.1).
//
//           0                   1                   2                   3
//           0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
//          +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
//   header |V=2|P|    RC   |   PT=SR=200   |             length            |
//          +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
//          |                         SSRC of sender                        |
//          +=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+
//   sender |              NTP timestamp, most significant word             |
//   info   +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
//          |             NTP timestamp, least significant word             |
//          +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
//          |                         RTP timestamp                         |
//          +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
//          |                     sender's packet count                     |
//          +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
//          |                      sender's octet count                     |
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

struct SenderReport {
  static constexpr size_t kFixedSize = 24;  // SSRC + sender info, after the header

  Ssrc sender_ssrc{};
  uint64_t ntp_timestamp = 0;   // 32.32 fixed point seconds since 1900
  uint32_t rtp_timestamp = 0;
  uint32_t packet_count = 0;
  uint32_t octet_count = 0;
  std::vector<ReportBlock> report_blocks;   // at most 31
  std::span<const uint8_t> extension;       // profile-specific extension, borrowed

  // Decodes a PT=200 packet. Errors: kTruncatedPacket, kCountOverrun.
  static Result<SenderReport> parse(const PacketView& v);

  // Framing hooks (WirePacket); use rtcp::serialize()/serialized_size().
  Status validate() const;  // kTooLarge above 31 report blocks
  uint8_t count_field() const { return static_cast<uint8_t>(report_blocks.size()); }
  uint8_t packet_type() const { return kPtSr; }
  size_t fields_size() const { return kFixedSize + report_blocks.size() * ReportBlock::kSize + extension.size(); }
  void write_fields(ByteWriter& w) const;

  bool operator==(const SenderReport& o) const {
    return sender_ssrc == o.sender_ssrc && ntp_timestamp == o.ntp_timestamp && rtp_timestamp == o.rtp_timestamp &&
           packet_count == o.packet_count && octet_count == o.octet_count && report_blocks == o.report_blocks &&
           bytes_equal(extension, o.extension);
  }
};

}  // namespace tern::rtcp

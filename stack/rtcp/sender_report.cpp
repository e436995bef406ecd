#include "rtcp/sender_report.hpp"

namespace tern::rtcp {

Result<SenderReport> SenderReport::parse(const PacketView& v) {
  if (v.body.size() < kFixedSize) return Error(RtcpErrc::kTruncatedPacket, "SR sender info", v.offset);
  SenderReport sr;
  const uint8_t* p = v.body.data();
  sr.sender_ssrc = Ssrc(load_be32(p));
  sr.ntp_timestamp = load_be64(p + 4);
  sr.rtp_timestamp = load_be32(p + 12);
  sr.packet_count = load_be32(p + 16);
  sr.octet_count = load_be32(p + 20);
  if (Status s = read_report_blocks(v, kFixedSize, v.count, sr.report_blocks); !s) return s.error();
  // RFC 3550 §6.4.1: whatever follows the report blocks is a profile-specific extension.
  sr.extension = v.body.subspan(kFixedSize + size_t{v.count} * ReportBlock::kSize);
  return sr;
}

Status SenderReport::validate() const {
  // RFC 3550 §6.4.1: RC is 5 bits.
  if (report_blocks.size() > kMaxCount) return Error(RtcpErrc::kTooLarge, "more than 31 report blocks");
  return {};
}

void SenderReport::write_fields(ByteWriter& w) const {
  w.u32(sender_ssrc.value);
  w.u64(ntp_timestamp);
  w.u32(rtp_timestamp);
  w.u32(packet_count);
  w.u32(octet_count);
  for (const ReportBlock& b : report_blocks) b.write(w);
  w.bytes(extension);
}

}  // namespace tern::rtcp

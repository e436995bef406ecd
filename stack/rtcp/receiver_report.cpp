#include "rtcp/receiver_report.hpp"

namespace tern::rtcp {

Result<ReceiverReport> ReceiverReport::parse(const PacketView& v) {
  if (v.body.size() < kFixedSize) return Error(RtcpErrc::kTruncatedPacket, "RR sender SSRC", v.offset);
  ReceiverReport rr;
  rr.sender_ssrc = Ssrc(load_be32(v.body.data()));
  if (Status s = read_report_blocks(v, kFixedSize, v.count, rr.report_blocks); !s) return s.error();
  // RFC 3550 §6.4.2: as for SR, a profile-specific extension may follow the blocks.
  rr.extension = v.body.subspan(kFixedSize + size_t{v.count} * ReportBlock::kSize);
  return rr;
}

Status ReceiverReport::validate() const {
  // RFC 3550 §6.4.2: RC is 5 bits.
  if (report_blocks.size() > kMaxCount) return Error(RtcpErrc::kTooLarge, "more than 31 report blocks");
  return {};
}

void ReceiverReport::write_fields(ByteWriter& w) const {
  w.u32(sender_ssrc.value);
  for (const ReportBlock& b : report_blocks) b.write(w);
  w.bytes(extension);
}

}  // namespace tern::rtcp

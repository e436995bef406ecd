#include "rtcp/report_block.hpp"

#include <algorithm>

namespace tern::rtcp {

ReportBlock ReportBlock::read(std::span<const uint8_t, kSize> b) {
  ReportBlock r;
  r.ssrc = Ssrc(load_be32(&b[0]));
  r.fraction_lost = b[4];
  uint32_t lost = load_be24(&b[5]);
  // RFC 3550 §6.4.1: the 24-bit cumulative loss is signed; sign-extend it.
  r.cumulative_lost = (lost & 0x800000) ? static_cast<int32_t>(lost) - 0x1000000 : static_cast<int32_t>(lost);
  r.highest_seq = load_be32(&b[8]);
  r.jitter = load_be32(&b[12]);
  r.last_sr = load_be32(&b[16]);
  r.delay_since_last_sr = load_be32(&b[20]);
  return r;
}

void ReportBlock::write(ByteWriter& w) const {
  w.u32(ssrc.value);
  w.u8(fraction_lost);
  // RFC 3550 §A.3: clamp the loss at 0x7fffff / -0x800000 rather than wrapping.
  const int32_t lost = std::clamp(cumulative_lost, kMinCumulativeLost, kMaxCumulativeLost);
  w.u24(static_cast<uint32_t>(lost) & 0xffffff);
  w.u32(highest_seq);
  w.u32(jitter);
  w.u32(last_sr);
  w.u32(delay_since_last_sr);
}

}  // namespace tern::rtcp

namespace tern::rtcp {

Status read_report_blocks(const PacketView& v, size_t body_offset, size_t count, std::vector<ReportBlock>& out) {
  // RFC 3550 §6.4.1: RC blocks follow the fixed part; they must fit inside the length.
  if (body_offset > v.body.size() || count > (v.body.size() - body_offset) / ReportBlock::kSize) {
    return Error(RtcpErrc::kCountOverrun, "report count exceeds the packet length", v.offset);
  }
  out.reserve(count);
  for (size_t i = 0; i < count; ++i) {
    out.push_back(ReportBlock::read(v.body.subspan(body_offset + i * ReportBlock::kSize).first<ReportBlock::kSize>()));
  }
  return {};
}

}  // namespace tern::rtcp

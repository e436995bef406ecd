#include "rtcp/pli.hpp"

namespace tern::rtcp {

Result<Pli> Pli::parse(const PacketView& v) {
  if (v.body.size() < kFixedSize) return Error(RtcpErrc::kTruncatedPacket, "feedback SSRCs", v.offset);
  // RFC 4585 §6.3.1: PLI has no parameters, the length field MUST be 2.
  if (v.body.size() > kFixedSize) return Error(RtcpErrc::kUnexpectedFci, "PLI carries no FCI", v.at(kFixedSize));
  return Pli{Ssrc(load_be32(&v.body[0])), Ssrc(load_be32(&v.body[4]))};
}

void Pli::write_fields(ByteWriter& w) const {
  w.u32(sender_ssrc.value);
  w.u32(media_ssrc.value);
}

}  // namespace tern::rtcp

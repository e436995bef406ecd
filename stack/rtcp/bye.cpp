#include "rtcp/bye.hpp"

namespace tern::rtcp {

Result<Bye> Bye::parse(const PacketView& v) {
  const std::span<const uint8_t> b = v.body;
  // RFC 3550 §6.6: SC SSRC/CSRC identifiers follow the header.
  if (size_t{v.count} * 4 > b.size()) return Error(RtcpErrc::kCountOverrun, "BYE source count exceeds the packet", v.offset);
  Bye bye;
  bye.ssrcs.reserve(v.count);
  for (size_t i = 0; i < v.count; ++i) bye.ssrcs.push_back(Ssrc(load_be32(&b[4 * i])));
  size_t pos = size_t{v.count} * 4;
  if (pos < b.size()) {
    // RFC 3550 §6.6: an optional length octet and that many octets of reason text.
    const size_t len = b[pos];
    if (b.size() - pos - 1 < len) return Error(RtcpErrc::kByeReasonOverrun, "BYE reason exceeds the packet", v.at(pos));
    bye.reason = std::string_view(reinterpret_cast<const char*>(&b[pos + 1]), len);
    pos += 1 + len;
    // RFC 3550 §6.6: null octets pad the reason to the next 32-bit boundary.
    if (b.size() - pos >= 4) return Error(RtcpErrc::kTrailingBytes, "bytes after the BYE reason", v.at(pos));
  }
  return bye;
}

Status Bye::validate() const {
  // RFC 3550 §6.6: SC is 5 bits, the reason length one octet.
  if (ssrcs.size() > kMaxCount) return Error(RtcpErrc::kTooLarge, "more than 31 BYE sources");
  if (reason && reason->size() > 255) return Error(RtcpErrc::kInvalidArgument, "BYE reason above 255 octets");
  return {};
}

void Bye::write_fields(ByteWriter& w) const {
  for (Ssrc s : ssrcs) w.u32(s.value);
  if (reason) {
    w.u8(static_cast<uint8_t>(reason->size()));
    w.chars(*reason);
  }
}

}  // namespace tern::rtcp

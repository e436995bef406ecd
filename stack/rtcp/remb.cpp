#include "rtcp/remb.hpp"

#include <limits>

namespace tern::rtcp {
namespace {
constexpr uint8_t kIdentifier[4] = {'R', 'E', 'M', 'B'};
}  // namespace

bool Remb::is_remb(const PacketView& v) {
  return v.type == kPtPsfb && v.count == kFmtAfb && v.body.size() >= 12 && v.body[8] == kIdentifier[0] &&
         v.body[9] == kIdentifier[1] && v.body[10] == kIdentifier[2] && v.body[11] == kIdentifier[3];
}

Remb::Encoded Remb::encode_bitrate(uint64_t bitrate_bps) {
  Encoded e;
  // draft-alvestrand-rmcat-remb §2.2: 18-bit mantissa, 6-bit exponent; 2^46 * (2^18 - 1) covers
  // every 64-bit value, so exp never exceeds 46.
  while ((bitrate_bps >> e.exp) > kMaxMantissa) ++e.exp;
  e.mantissa = static_cast<uint32_t>(bitrate_bps >> e.exp);
  return e;
}

Result<Remb> Remb::parse(const PacketView& v) {
  if (v.body.size() < kFixedSize) return Error(RtcpErrc::kTruncatedPacket, "REMB fixed fields", v.offset);
  const uint8_t* b = v.body.data();
  if (b[8] != kIdentifier[0] || b[9] != kIdentifier[1] || b[10] != kIdentifier[2] || b[11] != kIdentifier[3]) {
    return Error(RtcpErrc::kRembBadIdentifier, "unique identifier must be 'REMB'", v.at(8));
  }
  Remb remb;
  remb.sender_ssrc = Ssrc(load_be32(b));
  remb.media_ssrc = Ssrc(load_be32(b + 4));
  const size_t num_ssrc = b[12];
  const uint8_t exp = b[13] >> 2;
  const uint64_t mantissa = load_be24(b + 13) & kMaxMantissa;
  // draft-alvestrand-rmcat-remb §2.2: bitrate = mantissa * 2^exp; refuse what 64 bits cannot hold.
  if (mantissa > (std::numeric_limits<uint64_t>::max() >> exp)) {
    return Error(RtcpErrc::kRembBitrateOverflow, "REMB mantissa * 2^exp exceeds 64 bits", v.at(13));
  }
  remb.bitrate_bps = mantissa << exp;
  const size_t room = (v.body.size() - kFixedSize) / 4;
  if (num_ssrc > room) return Error(RtcpErrc::kCountOverrun, "REMB num SSRC exceeds the packet", v.at(12));
  if (v.body.size() - kFixedSize != num_ssrc * 4) {
    return Error(RtcpErrc::kTrailingBytes, "bytes after the REMB SSRC list", v.at(kFixedSize + num_ssrc * 4));
  }
  remb.ssrcs.reserve(num_ssrc);
  for (size_t i = 0; i < num_ssrc; ++i) remb.ssrcs.push_back(Ssrc(load_be32(b + kFixedSize + 4 * i)));
  return remb;
}

Status Remb::validate() const {
  // draft-alvestrand-rmcat-remb §2.2: Num SSRC is one octet.
  if (ssrcs.size() > 255) return Error(RtcpErrc::kTooLarge, "more than 255 REMB SSRCs");
  return {};
}

void Remb::write_fields(ByteWriter& w) const {
  w.u32(sender_ssrc.value);
  w.u32(media_ssrc.value);
  w.bytes(kIdentifier);
  const Encoded e = encode_bitrate(bitrate_bps);
  w.u8(static_cast<uint8_t>(ssrcs.size()));
  w.u24((uint32_t{e.exp} << 18) | e.mantissa);
  for (Ssrc s : ssrcs) w.u32(s.value);
}

}  // namespace tern::rtcp

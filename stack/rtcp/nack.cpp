#include "rtcp/nack.hpp"

namespace tern::rtcp {

Nack Nack::from_lost(Ssrc sender, Ssrc media, std::span<const SeqNo> lost) {
  Nack nack{sender, media, {}};
  for (SeqNo seq : lost) {
    if (!nack.items.empty()) {
      NackItem& last = nack.items.back();
      // RFC 4585 §6.2.1: BLP bit i covers PID + i + 1, modulo 2^16 (wraps past 65535).
      const uint16_t distance = static_cast<uint16_t>(seq.value - last.pid);
      if (distance == 0) continue;
      if (distance <= 16) {
        last.blp = static_cast<uint16_t>(last.blp | (1u << (distance - 1)));
        continue;
      }
    }
    nack.items.push_back(NackItem{seq.value, 0});
  }
  return nack;
}

std::vector<SeqNo> Nack::lost() const {
  std::vector<SeqNo> out;
  for (const NackItem& item : items) {
    out.push_back(SeqNo(item.pid));
    for (unsigned bit = 0; bit < 16; ++bit) {
      if (item.blp & (1u << bit)) out.push_back(SeqNo(static_cast<uint16_t>(item.pid + bit + 1)));
    }
  }
  return out;
}

Result<Nack> Nack::parse(const PacketView& v) {
  if (v.body.size() < kFixedSize) return Error(RtcpErrc::kTruncatedPacket, "feedback SSRCs", v.offset);
  Nack nack;
  nack.sender_ssrc = Ssrc(load_be32(&v.body[0]));
  nack.media_ssrc = Ssrc(load_be32(&v.body[4]));
  const std::span<const uint8_t> fci = v.body.subspan(kFixedSize);
  // RFC 4585 §6.2.1: the FCI holds at least one Generic NACK.
  if (fci.empty()) return Error(RtcpErrc::kEmptyFci, "NACK without FCI entries", v.at(kFixedSize));
  if (fci.size() % 4 != 0) return Error(RtcpErrc::kTrailingBytes, "NACK FCI not a multiple of 4 bytes", v.at(kFixedSize));
  nack.items.reserve(fci.size() / 4);
  for (size_t i = 0; i < fci.size(); i += 4) nack.items.push_back(NackItem{load_be16(&fci[i]), load_be16(&fci[i + 2])});
  return nack;
}

Status Nack::validate() const {
  if (items.empty()) return Error(RtcpErrc::kInvalidArgument, "NACK needs at least one FCI entry");
  return {};
}

void Nack::write_fields(ByteWriter& w) const {
  w.u32(sender_ssrc.value);
  w.u32(media_ssrc.value);
  for (const NackItem& item : items) {
    w.u16(item.pid);
    w.u16(item.blp);
  }
}

}  // namespace tern::rtcp

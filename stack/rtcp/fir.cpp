#include "rtcp/fir.hpp"

namespace tern::rtcp {

Result<Fir> Fir::parse(const PacketView& v) {
  if (v.body.size() < kFixedSize) return Error(RtcpErrc::kTruncatedPacket, "feedback SSRCs", v.offset);
  Fir fir;
  fir.sender_ssrc = Ssrc(load_be32(&v.body[0]));
  fir.media_ssrc = Ssrc(load_be32(&v.body[4]));
  const std::span<const uint8_t> fci = v.body.subspan(kFixedSize);
  // RFC 5104 §4.3.1.2: the FCI contains one or more FIR entries.
  if (fci.empty()) return Error(RtcpErrc::kEmptyFci, "FIR without FCI entries", v.at(kFixedSize));
  if (fci.size() % kEntrySize != 0) {
    return Error(RtcpErrc::kTrailingBytes, "FIR FCI not a multiple of 8 bytes", v.at(kFixedSize));
  }
  fir.entries.reserve(fci.size() / kEntrySize);
  for (size_t i = 0; i < fci.size(); i += kEntrySize) {
    // RFC 5104 §4.3.1.1: the reserved 24 bits are ignored on reception.
    fir.entries.push_back(FirEntry{Ssrc(load_be32(&fci[i])), fci[i + 4]});
  }
  return fir;
}

Status Fir::validate() const {
  if (entries.empty()) return Error(RtcpErrc::kInvalidArgument, "FIR needs at least one FCI entry");
  return {};
}

void Fir::write_fields(ByteWriter& w) const {
  w.u32(sender_ssrc.value);
  w.u32(media_ssrc.value);
  for (const FirEntry& e : entries) {
    w.u32(e.ssrc.value);
    w.u8(e.seq_nr);
    w.u24(0);  // RFC 5104 §4.3.1.1: reserved bits SHALL be 0
  }
}

}  // namespace tern::rtcp

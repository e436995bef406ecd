#include "rtcp/compound.hpp"

namespace tern::rtcp {

Result<PacketView> CompoundReader::next() {
  if (data_.empty()) {
    failed_ = true;
    return Error(RtcpErrc::kEmpty, "empty RTCP datagram");
  }
  TERN_ASSERT(!done(), "CompoundReader::next() after done()");
  const bool first = pos_ == 0;
  Result<PacketView> v = parse_packet_view(data_.subspan(pos_), static_cast<uint32_t>(pos_));
  if (!v) {
    failed_ = true;
    return v;
  }
  pos_ += v->bytes.size();
  if (options_.strict_compound) {
    // RFC 3550 §A.2: the first packet of a compound is SR or RR.
    if (first && v->type != kPtSr && v->type != kPtRr) {
      failed_ = true;
      return Error(RtcpErrc::kNotReport, "compound must start with SR or RR", v->offset + 1);
    }
    // RFC 3550 §A.2 / §6.4.1: padding is only applied to the last packet.
    if (v->padding_bit && pos_ < data_.size()) {
      failed_ = true;
      return Error(RtcpErrc::kPaddingNotLast, "padding bit on a packet that is not the last", v->offset);
    }
  }
  return v;
}

namespace {
template <class T>
Result<Packet> wrap(Result<T> r, uint8_t padding) {
  if (!r) return r.error();
  return Packet{PacketBody(std::move(*r)), padding};
}
}  // namespace

Result<Packet> parse_packet(const PacketView& v) {
  switch (v.type) {
    case kPtSr: return wrap(SenderReport::parse(v), v.padding);
    case kPtRr: return wrap(ReceiverReport::parse(v), v.padding);
    case kPtSdes: return wrap(Sdes::parse(v), v.padding);
    case kPtBye: return wrap(Bye::parse(v), v.padding);
    case kPtApp: return wrap(App::parse(v), v.padding);
    case kPtRtpfb:
      if (v.count == kFmtNack) return wrap(Nack::parse(v), v.padding);
      if (v.count == kFmtTransportCc) return wrap(TransportCc::parse(v), v.padding);
      break;
    case kPtPsfb:
      if (v.count == kFmtPli) return wrap(Pli::parse(v), v.padding);
      if (v.count == kFmtFir) return wrap(Fir::parse(v), v.padding);
      // RFC 4585 §6.4: FMT 15 carries any application-layer feedback; REMB is the one we know.
      if (v.count == kFmtAfb && Remb::is_remb(v)) return wrap(Remb::parse(v), v.padding);
      break;
    default: break;
  }
  // RFC 3550 §6.1 / RFC 4585 §6.1: unknown types and FMTs are kept, not rejected.
  return Packet{PacketBody(RawPacket::parse(v)), v.padding};
}

Result<std::vector<Packet>> parse_compound(std::span<const uint8_t> data, ParseOptions options) {
  std::vector<Packet> packets;
  // Typical compounds hold 2-4 packets (SR/RR, SDES, maybe BYE or feedback): one allocation.
  packets.reserve(4);
  CompoundReader reader(data, options);
  do {
    Result<PacketView> v = reader.next();
    if (!v) return v.error();
    Result<Packet> p = parse_packet(*v);
    if (!p) return p.error();
    packets.push_back(std::move(*p));
  } while (!reader.done());
  return packets;
}

size_t serialized_size(const Packet& packet) {
  return std::visit([&](const auto& p) { return serialized_size(p, packet.padding); }, packet.body);
}

Status serialize(const Packet& packet, ByteWriter& w) {
  return std::visit([&](const auto& p) { return serialize(p, w, packet.padding); }, packet.body);
}

size_t serialized_size(std::span<const Packet> packets) {
  size_t size = 0;
  for (const Packet& p : packets) size += serialized_size(p);
  return size;
}

Result<size_t> serialize_compound(std::span<const Packet> packets, std::span<uint8_t> out) {
  ByteWriter w(out);
  for (const Packet& p : packets) {
    if (Status s = serialize(p, w); !s) return s.error();
  }
  return w.position();
}

}  // namespace tern::rtcp

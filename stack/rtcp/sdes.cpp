#include "rtcp/sdes.hpp"

namespace tern::rtcp {

const char* sdes_type_name(uint8_t type) {
  switch (static_cast<SdesType>(type)) {
    case SdesType::kEnd: return "END";
    case SdesType::kCname: return "CNAME";
    case SdesType::kName: return "NAME";
    case SdesType::kEmail: return "EMAIL";
    case SdesType::kPhone: return "PHONE";
    case SdesType::kLoc: return "LOC";
    case SdesType::kTool: return "TOOL";
    case SdesType::kNote: return "NOTE";
    case SdesType::kPriv: return "PRIV";
  }
  return "?";
}

size_t SdesChunk::wire_size() const {
  size_t items_size = 0;
  for (const SdesItem& item : items) items_size += 2 + item.text.size();
  // RFC 3550 §6.5: at least one null octet ends the list, then null octets to 32 bits.
  return 4 + ((items_size + 1 + 3) & ~size_t{3});
}

Sdes Sdes::cname(Ssrc ssrc, std::string_view cname) {
  Sdes sdes;
  sdes.chunks.push_back(SdesChunk{ssrc, {SdesItem{static_cast<uint8_t>(SdesType::kCname), cname}}});
  return sdes;
}

Result<Sdes> Sdes::parse(const PacketView& v) {
  const std::span<const uint8_t> b = v.body;
  Sdes sdes;
  sdes.chunks.reserve(v.count);
  size_t pos = 0;
  for (size_t c = 0; c < v.count; ++c) {
    // RFC 3550 §6.5: SC chunks follow the header, each at least an SSRC and a null word.
    if (b.size() - pos < 4) return Error(RtcpErrc::kCountOverrun, "SDES source count exceeds the packet", v.at(pos));
    SdesChunk chunk;
    chunk.ssrc = Ssrc(load_be32(&b[pos]));
    pos += 4;
    while (true) {
      if (pos >= b.size()) {
        return Error(RtcpErrc::kSdesMissingTerminator, "SDES chunk ends without a null item", v.at(pos));
      }
      const uint8_t type = b[pos];
      if (type == static_cast<uint8_t>(SdesType::kEnd)) {
        // RFC 3550 §6.5: the null item has no length octet; null octets pad to the next 32-bit
        // boundary (the body starts on one, after the 4-byte header).
        ++pos;
        const size_t fill = (4 - pos % 4) % 4;
        if (b.size() - pos < fill) {
          return Error(RtcpErrc::kSdesMissingTerminator, "SDES chunk null padding to 32 bits", v.at(pos));
        }
        pos += fill;
        break;
      }
      // RFC 3550 §6.5.1: type, length, then `length` octets of text.
      if (b.size() - pos < 2) return Error(RtcpErrc::kSdesItemOverrun, "SDES item length octet", v.at(pos));
      const size_t len = b[pos + 1];
      if (b.size() - pos - 2 < len) {
        return Error(RtcpErrc::kSdesItemOverrun, "SDES item text exceeds the packet", v.at(pos + 1));
      }
      chunk.items.push_back(
          SdesItem{type, std::string_view(reinterpret_cast<const char*>(&b[pos + 2]), len)});
      pos += 2 + len;
    }
    sdes.chunks.push_back(std::move(chunk));
  }
  if (pos != b.size()) return Error(RtcpErrc::kTrailingBytes, "bytes after the last SDES chunk", v.at(pos));
  return sdes;
}

Status Sdes::validate() const {
  // RFC 3550 §6.5: SC is 5 bits.
  if (chunks.size() > kMaxCount) return Error(RtcpErrc::kTooLarge, "more than 31 SDES chunks");
  for (const SdesChunk& chunk : chunks) {
    for (const SdesItem& item : chunk.items) {
      // RFC 3550 §6.5.1: the length octet limits the text to 255 octets.
      if (item.text.size() > 255) return Error(RtcpErrc::kInvalidArgument, "SDES item text above 255 octets");
      // Type 0 would end the list early.
      if (item.type == 0) return Error(RtcpErrc::kInvalidArgument, "SDES item type 0 (END) is the terminator");
    }
  }
  return {};
}

size_t Sdes::fields_size() const {
  size_t size = 0;
  for (const SdesChunk& chunk : chunks) size += chunk.wire_size();
  return size;
}

void Sdes::write_fields(ByteWriter& w) const {
  for (const SdesChunk& chunk : chunks) {
    const size_t start = w.position();
    w.u32(chunk.ssrc.value);
    for (const SdesItem& item : chunk.items) {
      w.u8(item.type);
      w.u8(static_cast<uint8_t>(item.text.size()));
      w.chars(item.text);
    }
    w.zeros(chunk.wire_size() - (w.position() - start));  // null item + fill
  }
}

}  // namespace tern::rtcp

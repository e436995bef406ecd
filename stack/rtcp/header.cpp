#include "rtcp/header.hpp"

#include "common/byte_reader.hpp"

namespace tern::rtcp {

Result<PacketView> parse_packet_view(std::span<const uint8_t> data, uint32_t offset) {
  if (data.size() < kHeaderSize) {
    return Error(RtcpErrc::kTruncatedHeader, "common header needs 4 bytes", offset);
  }
  PacketView v;
  // RFC 3550 §6.4.1: version (V) is 2.
  if ((data[0] >> 6) != 2) return Error(RtcpErrc::kBadVersion, "version must be 2", offset);
  v.padding_bit = (data[0] & 0x20) != 0;
  v.count = data[0] & 0x1f;
  v.type = data[1];
  v.length = load_be16(&data[2]);
  v.offset = offset;
  // RFC 3550 §6.4.1: length is the packet size in 32-bit words minus one, header included.
  const size_t size = (size_t{v.length} + 1) * 4;
  if (size > data.size()) return Error(RtcpErrc::kLengthOverrun, "length field exceeds the datagram", offset + 2);
  v.bytes = data.first(size);
  if (v.padding_bit) {
    // RFC 3550 §6.4.1: the last padding octet counts the padding octets, itself included.
    v.padding = v.bytes[size - 1];
    if (v.padding == 0) return Error(RtcpErrc::kBadPadding, "padding count is zero", offset + static_cast<uint32_t>(size - 1));
    if (v.padding > size - kHeaderSize) {
      return Error(RtcpErrc::kBadPadding, "padding count exceeds the packet", offset + static_cast<uint32_t>(size - 1));
    }
  }
  v.body = v.bytes.subspan(kHeaderSize, size - kHeaderSize - v.padding);
  return v;
}

namespace detail {

void write_header(ByteWriter& w, uint8_t count, uint8_t type, size_t total, uint8_t padding) {
  TERN_ASSERT(count <= kMaxCount && total % 4 == 0 && total >= kHeaderSize && total <= kMaxPacketSize,
              "validated by serialize()");
  w.u8(static_cast<uint8_t>(0x80 | (padding ? 0x20 : 0) | count));
  w.u8(type);
  w.u16(static_cast<uint16_t>(total / 4 - 1));
}

void write_tail(ByteWriter& w, size_t content, size_t total, uint8_t padding) {
  w.zeros(total - content - padding);
  if (padding > 0) {
    w.zeros(padding - 1u);
    w.u8(padding);
  }
}

}  // namespace detail
}  // namespace tern::rtcp

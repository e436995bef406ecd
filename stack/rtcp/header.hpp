#pragma once
// The RTCP common header (RFC 3550 §6.4.1) and the framing every packet type shares.
//
//    0                   1                   2                   3
//    0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
//   +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
//   |V=2|P| count / |      PT       |     length (32-bit words - 1) |
//   |   |  | FMT   |               |                               |
//   +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
//   :            type-specific fields (the "body" below)            :
//   +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
//   :  zero fill to 32 bits   :  padding (P=1) ... | padding count  |
//   +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
//
// Every packet type is a struct with the same framing hooks (see WirePacket): the generic
// serialized_size()/serialize() below write the header, call the type for its fields, then add zero
// fill up to the 32-bit boundary and the P-bit padding, if any.
#include <concepts>
#include <cstddef>
#include <cstdint>
#include <span>

#include "common/byte_writer.hpp"
#include "common/error.hpp"
#include "rtcp/rtcp_errc.hpp"

namespace tern::rtcp {

// RFC 3550 §12.1 and RFC 4585 §6.1 packet types.
inline constexpr uint8_t kPtSr = 200;
inline constexpr uint8_t kPtRr = 201;
inline constexpr uint8_t kPtSdes = 202;
inline constexpr uint8_t kPtBye = 203;
inline constexpr uint8_t kPtApp = 204;
inline constexpr uint8_t kPtRtpfb = 205;  // transport-layer feedback
inline constexpr uint8_t kPtPsfb = 206;   // payload-specific feedback

// Feedback message types (the FMT in the count field).
inline constexpr uint8_t kFmtNack = 1;          // RFC 4585 §6.2.1 (RTPFB)
inline constexpr uint8_t kFmtTransportCc = 15;  // draft-holmer-rmcat-transport-wide-cc-extensions-01 (RTPFB)
inline constexpr uint8_t kFmtPli = 1;           // RFC 4585 §6.3.1 (PSFB)
inline constexpr uint8_t kFmtFir = 4;           // RFC 5104 §4.3.1 (PSFB)
inline constexpr uint8_t kFmtAfb = 15;          // RFC 4585 §6.4 application layer FB (REMB) (PSFB)

inline constexpr size_t kHeaderSize = 4;
// The length field counts 32-bit words minus one in 16 bits.
inline constexpr size_t kMaxPacketSize = 65536 * 4;
// The count/FMT field is 5 bits.
inline constexpr size_t kMaxCount = 31;

// One packet located inside a compound packet (borrowed from the input bytes).
struct PacketView {
  bool padding_bit = false;
  uint8_t count = 0;             // RC, SC, subtype or FMT depending on the type
  uint8_t type = 0;              // PT
  uint16_t length = 0;           // the raw length field (words - 1)
  uint8_t padding = 0;           // padding octets including the count octet (0 when P = 0)
  uint32_t offset = 0;           // where the packet starts in the compound (for error positions)
  std::span<const uint8_t> bytes;  // the whole packet: header, fields, padding
  std::span<const uint8_t> body;   // the fields after the 4-byte header, without the padding

  // Position (offset in the compound) of byte `body_offset` of the body.
  uint32_t at(size_t body_offset) const { return offset + static_cast<uint32_t>(kHeaderSize + body_offset); }
};

// Parses the common header at the start of `data` (which starts at `offset` in the compound) and
// delimits the packet. Errors: kTruncatedHeader, kBadVersion, kLengthOverrun, kBadPadding.
Result<PacketView> parse_packet_view(std::span<const uint8_t> data, uint32_t offset = 0);

// What a packet type provides so the generic framing can write it.
template <class T>
concept WirePacket = requires(const T& p, ByteWriter& w) {
  { p.validate() } -> std::same_as<Status>;         // can these values be encoded at all?
  { p.count_field() } -> std::convertible_to<uint8_t>;  // the 5-bit RC/SC/subtype/FMT
  { p.packet_type() } -> std::convertible_to<uint8_t>;
  { p.fields_size() } -> std::convertible_to<size_t>;   // bytes after the header, may be unaligned
  p.write_fields(w);                                     // writes exactly fields_size() bytes
};

// Byte-wise equality of two borrowed byte ranges (for the packet types' operator==).
inline bool bytes_equal(std::span<const uint8_t> a, std::span<const uint8_t> b) {
  if (a.size() != b.size()) return false;
  for (size_t i = 0; i < a.size(); ++i) {
    if (a[i] != b[i]) return false;
  }
  return true;
}

namespace detail {
// Header + fields + zero fill + padding, rounded up to 32 bits (RFC 3550 §6.4.1: length in words).
constexpr size_t framed_size(size_t content, uint8_t padding) { return (content + padding + 3) & ~size_t{3}; }
// Writes V=2, P, count, PT and the length for a packet of `total` bytes.
void write_header(ByteWriter& w, uint8_t count, uint8_t type, size_t total, uint8_t padding);
// Writes the zero fill and the padding octets (last one = padding count) after `content` bytes.
void write_tail(ByteWriter& w, size_t content, size_t total, uint8_t padding);
}  // namespace detail

// Bytes serialize() will write for `packet` with `padding` P-bit padding octets.
template <WirePacket T>
size_t serialized_size(const T& packet, uint8_t padding = 0) {
  return detail::framed_size(kHeaderSize + packet.fields_size(), padding);
}

// Appends `packet` to `w`. Errors: the type's validate() errors, kTooLarge (above 65536 words),
// kBufferTooSmall (nothing is written then).
template <WirePacket T>
Status serialize(const T& packet, ByteWriter& w, uint8_t padding = 0) {
  if (Status valid = packet.validate(); !valid) return valid;
  const size_t content = kHeaderSize + packet.fields_size();
  const size_t total = detail::framed_size(content, padding);
  if (total > kMaxPacketSize) return Error(RtcpErrc::kTooLarge, "packet exceeds 65536 32-bit words");
  if (w.remaining() < total) return Error(RtcpErrc::kBufferTooSmall, "output buffer");
  const size_t start = w.position();
  detail::write_header(w, packet.count_field(), packet.packet_type(), total, padding);
  packet.write_fields(w);
  detail::write_tail(w, content, total, padding);
  TERN_ASSERT(w.ok() && w.position() - start == total, "fields_size() matches write_fields()");
  return {};
}

// Writes `packet` at the start of `out`; returns the number of bytes written.
template <WirePacket T>
Result<size_t> serialize(const T& packet, std::span<uint8_t> out, uint8_t padding = 0) {
  ByteWriter w(out);
  if (Status s = serialize(packet, w, padding); !s) return s.error();
  return w.position();
}

}  // namespace tern::rtcp

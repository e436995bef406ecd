#pragma once
// A packet this module does not decode (XR, unknown PT, unknown feedback FMT), kept as bytes so a
// compound packet survives parse -> serialize unchanged (RFC 3550 §6.1: unknown types are ignored,
// not fatal).
//
//    0                   1                   2                   3
//    0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
//   +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
//   |V=2|P|  count  |      PT       |             length            |
//   +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
//   :                     body (opaque bytes)                       :
//   +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
#include <cstdint>
#include <span>

#include "rtcp/header.hpp"

namespace tern::rtcp {

struct RawPacket {
  uint8_t count = 0;               // the 5-bit count/FMT field
  uint8_t type = 0;                // PT
  std::span<const uint8_t> body;   // borrowed: the bytes after the header, padding removed

  // Keeps any packet as it is; never fails.
  static RawPacket parse(const PacketView& v) { return RawPacket{v.count, v.type, v.body}; }

  // Framing hooks (WirePacket); use rtcp::serialize()/serialized_size().
  Status validate() const {
    if (count > kMaxCount) return Error(RtcpErrc::kInvalidArgument, "count field above 31");
    return {};
  }
  uint8_t count_field() const { return count; }
  uint8_t packet_type() const { return type; }
  size_t fields_size() const { return body.size(); }
  void write_fields(ByteWriter& w) const { w.bytes(body); }

  bool operator==(const RawPacket& o) const { return count == o.count && type == o.type && bytes_equal(body, o.body); }
};

}  // namespace tern::rtcp

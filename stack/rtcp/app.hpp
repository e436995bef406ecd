#pragma once
// APP: application-defined, RTCP packet type 204 (RFC 3550 §6.7).
//
//    0                   1                   2                   3
//    0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
//   +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
//   |V=2|P| subtype |   PT=APP=204  |             length            |
//   +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
//   |                           SSRC/CSRC                           |
//   +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
//   |                          name (ASCII)                         |
//   +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
//   |                   application-dependent data                ...
//   +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
#include <array>
#include <cstdint>
#include <span>

#include "common/ids.hpp"
#include "rtcp/header.hpp"

namespace tern::rtcp {

struct App {
  static constexpr size_t kFixedSize = 8;

  uint8_t subtype = 0;                // 5 bits
  Ssrc ssrc{};
  std::array<char, 4> name{};         // four ASCII characters
  std::span<const uint8_t> data;      // borrowed; zero-filled to 32 bits on the wire

  // Decodes a PT=204 packet. Errors: kTruncatedPacket.
  static Result<App> parse(const PacketView& v);

  // Framing hooks (WirePacket); use rtcp::serialize()/serialized_size().
  Status validate() const;  // kInvalidArgument when subtype > 31
  uint8_t count_field() const { return subtype; }
  uint8_t packet_type() const { return kPtApp; }
  size_t fields_size() const { return kFixedSize + data.size(); }
  void write_fields(ByteWriter& w) const;

  bool operator==(const App& o) const {
    return subtype == o.subtype && ssrc == o.ssrc && name == o.name && bytes_equal(data, o.data);
  }
};

}  // namespace tern::rtcp

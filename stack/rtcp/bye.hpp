#pragma once
// BYE: goodbye, RTCP packet type 203 (RFC 3550 §6.6).
//
//          0                   1                   2                   3
//          0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
//         +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
//         |V=2|P|    SC   |   PT=BYE=203  |             length            |
//         +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
//         |                           SSRC/CSRC                           |
//         +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
//         :                              ...                              :
//         +=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+
//   (opt) |     length    |               reason for leaving            ...
//         +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
// The reason is null-padded to the next 32-bit boundary.
#include <cstdint>
#include <optional>
#include <string_view>
#include <vector>

#include "common/ids.hpp"
#include "rtcp/header.hpp"

namespace tern::rtcp {

struct Bye {
  std::vector<Ssrc> ssrcs;                  // at most 31
  std::optional<std::string_view> reason;   // borrowed; at most 255 octets

  // Decodes a PT=203 packet. Errors: kCountOverrun, kByeReasonOverrun, kTrailingBytes.
  static Result<Bye> parse(const PacketView& v);

  // Framing hooks (WirePacket); use rtcp::serialize()/serialized_size().
  Status validate() const;  // kTooLarge (> 31 SSRCs), kInvalidArgument (reason > 255)
  uint8_t count_field() const { return static_cast<uint8_t>(ssrcs.size()); }
  uint8_t packet_type() const { return kPtBye; }
  size_t fields_size() const { return 4 * ssrcs.size() + (reason ? 1 + reason->size() : 0); }
  void write_fields(ByteWriter& w) const;

  bool operator==(const Bye&) const = default;
};

}  // namespace tern::rtcp

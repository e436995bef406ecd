#pragma once
// SDES: source description, RTCP packet type 202 (RFC 3550 §6.5).
//
//           0                   1                   2                   3
//           0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
//          +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
//   header |V=2|P|    SC   |  PT=SDES=202  |             length            |
//          +=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+
//   chunk  |                          SSRC/CSRC_1                          |
//     1    +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
//          |                           SDES items                          |
//          |                              ...                              |
//          +=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+
//   chunk  |                          SSRC/CSRC_2                          |
//     2    +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
//          |                           SDES items                          |
//          |                              ...                              |
//          +=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+
//
// An item (RFC 3550 §6.5.1):
//    0                   1                   2                   3
//    0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
//   +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
//   |    type=1..8  |     length    | text (length octets, UTF-8) ...
//   +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
// Each chunk's item list ends with a null octet (type 0, no length), then null octets up to the
// next 32-bit boundary.
#include <cstdint>
#include <string_view>
#include <vector>

#include "common/ids.hpp"
#include "rtcp/header.hpp"

namespace tern::rtcp {

// RFC 3550 §6.5 item types.
enum class SdesType : uint8_t {
  kEnd = 0,
  kCname = 1,
  kName = 2,
  kEmail = 3,
  kPhone = 4,
  kLoc = 5,
  kTool = 6,
  kNote = 7,
  kPriv = 8,
};

// "CNAME", "NAME", ... ("?" for unassigned types).
const char* sdes_type_name(uint8_t type);

struct SdesItem {
  uint8_t type = 0;       // an SdesType value; unknown types are kept as they are
  std::string_view text;  // borrowed; at most 255 octets

  bool operator==(const SdesItem&) const = default;
};

struct SdesChunk {
  Ssrc ssrc{};
  std::vector<SdesItem> items;

  // Bytes on the wire: SSRC, items, null terminator, null fill to 32 bits.
  size_t wire_size() const;
  bool operator==(const SdesChunk&) const = default;
};

struct Sdes {
  std::vector<SdesChunk> chunks;  // at most 31

  // The common case: one chunk with a CNAME item.
  static Sdes cname(Ssrc ssrc, std::string_view cname);

  // Decodes a PT=202 packet; item texts borrow from the input. Errors: kCountOverrun (SC chunks do
  // not fit), kSdesItemOverrun, kSdesMissingTerminator, kTrailingBytes.
  static Result<Sdes> parse(const PacketView& v);

  // Framing hooks (WirePacket); use rtcp::serialize()/serialized_size().
  Status validate() const;  // kTooLarge (> 31 chunks), kInvalidArgument (text > 255, item type 0)
  uint8_t count_field() const { return static_cast<uint8_t>(chunks.size()); }
  uint8_t packet_type() const { return kPtSdes; }
  size_t fields_size() const;
  void write_fields(ByteWriter& w) const;

  bool operator==(const Sdes&) const = default;
};

}  // namespace tern::rtcp

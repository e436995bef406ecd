#pragma once
// Generic NACK: RTPFB (PT 205) with FMT 1 (RFC 4585 §6.2.1).
//
//    0                   1                   2                   3
//    0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
//   +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
//   |V=2|P|  FMT=1  |    PT=205     |          length               |
//   +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
//   |                  SSRC of packet sender                        |
//   +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
//   |                  SSRC of media source                         |
//   +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
//   |            PID                |             BLP               |  FCI,
//   +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+  repeated
//
// PID is a lost sequence number; bit i of BLP (least significant = 0) reports PID + i + 1 lost.
#include <cstdint>
#include <span>
#include <vector>

#include "common/ids.hpp"
#include "rtcp/header.hpp"

namespace tern::rtcp {

struct NackItem {
  uint16_t pid = 0;  // packet ID: a lost RTP sequence number
  uint16_t blp = 0;  // bitmask of following lost packets

  bool operator==(const NackItem&) const = default;
};

struct Nack {
  static constexpr size_t kFixedSize = 8;  // the two SSRCs

  Ssrc sender_ssrc{};
  Ssrc media_ssrc{};
  std::vector<NackItem> items;  // at least one

  // Packs lost sequence numbers (in increasing RFC 1982 order, wrapping past 65535; repeats are
  // harmless) into as few PID/BLP pairs as that order allows.
  static Nack from_lost(Ssrc sender, Ssrc media, std::span<const SeqNo> lost);
  // Expands the PID/BLP pairs back to the lost sequence numbers, in FCI order.
  std::vector<SeqNo> lost() const;

  // Decodes an RTPFB FMT=1 packet. Errors: kTruncatedPacket, kEmptyFci, kTrailingBytes.
  static Result<Nack> parse(const PacketView& v);

  // Framing hooks (WirePacket); use rtcp::serialize()/serialized_size().
  Status validate() const;  // kInvalidArgument without items
  uint8_t count_field() const { return kFmtNack; }
  uint8_t packet_type() const { return kPtRtpfb; }
  size_t fields_size() const { return kFixedSize + 4 * items.size(); }
  void write_fields(ByteWriter& w) const;

  bool operator==(const Nack&) const = default;
};

}  // namespace tern::rtcp

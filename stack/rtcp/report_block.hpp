#pragma once
// Reception report block, shared by SR and RR (RFC 3550 §6.4.1).
//
//    0                   1                   2                   3
//    0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
//   +=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+
//   |                 SSRC_n (SSRC of source being reported)        |
//   +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
//   | fraction lost |       cumulative number of packets lost       |
//   +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
//   |           extended highest sequence number received           |
//   +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
//   |                      interarrival jitter                      |
//   +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
//   |                         last SR (LSR)                         |
//   +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
//   |                   delay since last SR (DLSR)                  |
//   +=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+
#include <cstddef>
#include <cstdint>
#include <span>
#include <vector>

#include "common/byte_writer.hpp"
#include "common/ids.hpp"
#include "rtcp/header.hpp"

namespace tern::rtcp {

struct ReportBlock {
  static constexpr size_t kSize = 24;
  // RFC 3550 §6.4.1: cumulative lost is a signed 24-bit value (duplicates can make it negative).
  static constexpr int32_t kMaxCumulativeLost = 0x7fffff;
  static constexpr int32_t kMinCumulativeLost = -0x800000;

  Ssrc ssrc{};
  uint8_t fraction_lost = 0;          // fixed point, lost/expected * 256
  int32_t cumulative_lost = 0;        // sign-extended from 24 bits
  uint32_t highest_seq = 0;           // extended highest sequence number received
  uint32_t jitter = 0;                // interarrival jitter, RTP timestamp units
  uint32_t last_sr = 0;               // middle 32 bits of the last SR's NTP timestamp
  uint32_t delay_since_last_sr = 0;   // units of 1/65536 s

  // Reads a block from exactly kSize bytes (the caller has checked the bounds).
  static ReportBlock read(std::span<const uint8_t, kSize> bytes);
  // Appends the 24 bytes; cumulative_lost is clamped to 24 signed bits.
  void write(ByteWriter& w) const;

  bool operator==(const ReportBlock&) const = default;
};

// Reads `count` report blocks from `v.body` starting at `body_offset` into `out`.
// Errors: kCountOverrun when the blocks do not fit in the packet.
Status read_report_blocks(const PacketView& v, size_t body_offset, size_t count, std::vector<ReportBlock>& out);

}  // namespace tern::rtcp

#pragma once
// Transport-wide congestion control feedback: RTPFB (PT 205) with FMT 15
// (draft-holmer-rmcat-transport-wide-cc-extensions-01 §3.1).
//
//    0                   1                   2                   3
//    0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
//   +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
//   |V=2|P|  FMT=15 |    PT=205     |           length              |
//   +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
//   |                     SSRC of packet sender                     |
//   +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
//   |                      SSRC of media source                     |
//   +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
//   |      base sequence number     |      packet status count      |
//   +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
//   |                 reference time                | fb pkt. count |
//   +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
//   |          packet chunk         |         packet chunk          |
//   +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
//   .                                                               .
//   +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
//   |         packet chunk          |  recv delta   |  recv delta   |
//   +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
//   .                                                               .
//   +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
//   |           recv delta          |  recv delta   | zero padding  |
//   +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
//
// Packet chunks (§3.1.3, §3.1.4), 16 bits each:
//   run length:     |0| S (2) |        run length (13)        |
//   status vector:  |1|0| 14 one-bit symbols (0 lost, 1 small delta)    |
//                   |1|1| 7 two-bit symbols                             |
// Symbols: 00 not received, 01 received with a small delta, 10 received with a large or negative
// delta, 11 reserved. Small deltas are one unsigned octet, large ones 16 signed bits, both in units
// of 250 us; the first delta is relative to reference time (24 signed bits, units of 64 ms), each
// next one to the previous received packet.
#include <cstdint>
#include <optional>
#include <span>
#include <vector>

#include "common/ids.hpp"
#include "common/time.hpp"
#include "rtcp/header.hpp"

namespace tern::rtcp {

// draft-holmer-rmcat-transport-wide-cc-extensions-01 §3.1.1 packet status symbols.
enum class TwccSymbol : uint8_t {
  kNotReceived = 0,
  kSmallDelta = 1,
  kLargeDelta = 2,
};

// One packet's entry: its symbol and, when received, its receive delta in 250 us ticks.
struct TwccStatus {
  TwccSymbol symbol = TwccSymbol::kNotReceived;
  int16_t delta = 0;  // 0..255 for kSmallDelta; any for kLargeDelta; 0 when not received

  bool operator==(const TwccStatus&) const = default;
};

// A packet as the feedback's user sees it: sequence number and arrival time (nullopt = lost).
struct TwccArrival {
  SeqNo seq{};
  std::optional<Timestamp> arrival;

  bool operator==(const TwccArrival&) const = default;
};

struct TransportCc {
  static constexpr size_t kFixedSize = 16;  // after the header, before the chunks
  static constexpr int64_t kDeltaTickUs = 250;
  static constexpr int64_t kReferenceTickUs = 64000;
  static constexpr size_t kMaxStatusCount = 65535;
  static constexpr int32_t kMaxReferenceTime = (1 << 23) - 1;
  static constexpr int32_t kMinReferenceTime = -(1 << 23);

  Ssrc sender_ssrc{};
  Ssrc media_ssrc{};
  SeqNo base_seq{};
  int32_t reference_time = 0;  // 24-bit signed, units of 64 ms
  uint8_t fb_pkt_count = 0;    // feedback packet counter (wraps)
  std::vector<TwccStatus> packets;  // one per sequence number from base_seq; status count = size

  // Builds feedback for `arrivals`, whose sequence numbers increase (RFC 1982 order; gaps become
  // not-received entries). The reference time is the first arrival rounded down to 64 ms (wrapped
  // to 24 bits); deltas are rounded to 250 us and accumulate from the rounded previous time, so
  // arrivals() returns these times exactly when they are multiples of 250 us. Errors:
  // kInvalidArgument (empty, not increasing, over 65535 packets), kDeltaOutOfRange (a gap between
  // two arrivals beyond -8.192 s .. +8.19 s: split the feedback).
  static Result<TransportCc> build(Ssrc sender, Ssrc media, uint8_t fb_pkt_count,
                                   std::span<const TwccArrival> arrivals);
  // Expands the entries to (sequence number, arrival time); times count from reference time.
  std::vector<TwccArrival> arrivals() const;

  // Decodes an RTPFB FMT=15 packet. Errors: kTruncatedPacket, kTwccChunksTruncated,
  // kTwccReservedSymbol, kTwccDeltasTruncated, kTrailingBytes. Allocates one vector of at most
  // 65535 4-byte entries.
  static Result<TransportCc> parse(const PacketView& v);

  // Framing hooks (WirePacket); use rtcp::serialize()/serialized_size().
  // kInvalidArgument: more than 65535 entries, reference time beyond 24 bits, a small delta
  // outside 0..255, an unknown symbol.
  Status validate() const;
  uint8_t count_field() const { return kFmtTransportCc; }
  uint8_t packet_type() const { return kPtRtpfb; }
  size_t fields_size() const;
  void write_fields(ByteWriter& w) const;

  bool operator==(const TransportCc&) const = default;
};

}  // namespace tern::rtcp

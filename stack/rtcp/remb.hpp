#pragma once
// REMB: receiver estimated maximum bitrate, PSFB (PT 206) FMT 15 (application layer feedback,
// RFC 4585 §6.4) with the "REMB" identifier (draft-alvestrand-rmcat-remb-03 §2.2).
//
//    0                   1                   2                   3
//    0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
//   +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
//   |V=2|P| FMT=15  |   PT=206      |             length            |
//   +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
//   |                  SSRC of packet sender                        |
//   +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
//   |                  SSRC of media source (0)                     |
//   +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
//   |  Unique identifier 'R' 'E' 'M' 'B'                            |
//   +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
//   |  Num SSRC     | BR Exp    |  BR Mantissa                      |
//   +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
//   |   SSRC feedback                                               |
//   +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
//   |  ...                                                          |
//
// Bitrate (bps) = mantissa (18 bits) * 2^exp (6 bits).
#include <cstdint>
#include <span>
#include <vector>

#include "common/ids.hpp"
#include "rtcp/header.hpp"

namespace tern::rtcp {

struct Remb {
  static constexpr size_t kFixedSize = 16;  // SSRCs, identifier, num/exp/mantissa
  static constexpr uint32_t kMaxMantissa = (1u << 18) - 1;

  Ssrc sender_ssrc{};
  Ssrc media_ssrc{};        // draft-alvestrand-rmcat-remb §2.2: always 0
  uint64_t bitrate_bps = 0; // encoded as mantissa * 2^exp, rounded down to 18 significant bits
  std::vector<Ssrc> ssrcs;  // the media streams the estimate applies to, at most 255

  // True when `packet` is an application-layer feedback message carrying the "REMB" identifier
  // (how the compound parser tells REMB from other AFB messages).
  static bool is_remb(const PacketView& v);
  // The (exp, mantissa) pair the encoder uses: the smallest exp with bitrate >> exp <= 2^18 - 1.
  struct Encoded {
    uint8_t exp = 0;
    uint32_t mantissa = 0;
  };
  static Encoded encode_bitrate(uint64_t bitrate_bps);

  // Decodes a PSFB FMT=15 "REMB" packet. Errors: kTruncatedPacket, kRembBadIdentifier,
  // kRembBitrateOverflow, kCountOverrun, kTrailingBytes.
  static Result<Remb> parse(const PacketView& v);

  // Framing hooks (WirePacket); use rtcp::serialize()/serialized_size().
  Status validate() const;  // kTooLarge above 255 SSRCs
  uint8_t count_field() const { return kFmtAfb; }
  uint8_t packet_type() const { return kPtPsfb; }
  size_t fields_size() const { return kFixedSize + 4 * ssrcs.size(); }
  void write_fields(ByteWriter& w) const;

  bool operator==(const Remb&) const = default;
};

}  // namespace tern::rtcp

#pragma once
// The body shared by INIT (RFC 9260 §3.3.2) and INIT ACK (§3.3.3): fixed fields, then parameters.
//
//   0                   1                   2                   3
//   0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
//  +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
//  |  Type = 1 / 2 |  Chunk Flags  |         Chunk Length          |
//  +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
//  |                         Initiate Tag                          |
//  +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
//  |           Advertised Receiver Window Credit (a_rwnd)          |
//  +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
//  |  Number of Outbound Streams   |   Number of Inbound Streams   |
//  +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
//  |                          Initial TSN                          |
//  +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
//  /                                                               /
//  /              Optional/Variable-Length Parameters              /
//  /                                                               /
//  +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
//
// Parameters tern interprets: State Cookie (7, INIT ACK), Unrecognized Parameter (8, INIT ACK),
// Cookie Preservative (9), Forward-TSN-Supported (0xC000, RFC 3758 §3.1) and Supported Extensions
// (0x8008, RFC 5061 §4.2.7):
//
//  +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
//  |     Parameter Type = 0x8008   |      Parameter Length         |
//  +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
//  | CHUNK TYPE 1  |  CHUNK TYPE 2 |  CHUNK TYPE 3 |  CHUNK TYPE 4 |
//  +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
//
// Every other parameter (addresses, ECN, AUTH, unknown types) is kept raw, in order, in
// `other_parameters`.
#include <cstdint>
#include <optional>
#include <span>
#include <vector>

#include "common/byte_writer.hpp"
#include "common/error.hpp"
#include "common/ids.hpp"
#include "sctp/chunk.hpp"
#include "sctp/parameter.hpp"

namespace tern::sctp {

struct InitBody {
  static constexpr size_t kFixedSize = 16;  // after the chunk header

  uint32_t initiate_tag = 0;
  uint32_t a_rwnd = 0;
  uint16_t outbound_streams = 0;
  uint16_t inbound_streams = 0;
  Tsn initial_tsn{0};

  std::optional<std::span<const uint8_t>> state_cookie;     // INIT ACK only (mandatory there)
  bool forward_tsn_supported = false;                        // RFC 3758 §3.1
  std::optional<std::vector<uint8_t>> supported_extensions;  // chunk types, RFC 5061 §4.2.7
  std::optional<uint32_t> cookie_preservative;               // suggested life-span increment, ms
  // INIT ACK: Unrecognized Parameter (8) parameters; each value is the TLV the peer did not know.
  std::vector<std::span<const uint8_t>> unrecognized_parameters;
  // Everything else, in order of appearance (views).
  std::vector<Parameter> other_parameters;
  // RFC 9260 §3.2.1: parsing stopped at an unknown parameter whose upper bits are 00 or 01 (it is
  // the last entry of other_parameters); the parameters after it were not processed.
  bool stopped_at_unknown = false;

  // True when `type` is listed in Supported Extensions.
  bool supports_extension(ChunkType type) const;
  // The unknown parameters whose upper bits ask for a report (01 and 11, RFC 9260 §3.2.1), to be
  // echoed in Unrecognized Parameter parameters (INIT ACK) or an ERROR chunk (after INIT ACK).
  std::vector<Parameter> parameters_to_report() const;

  // The value as written: fixed part plus every parameter padded to 4 bytes.
  size_t value_size() const;
  // What Chunk Length counts after the header: value_size() without the last parameter's padding
  // (RFC 9260 §3.2: the length includes the padding of every parameter but the last).
  size_t unpadded_value_size() const;
  void serialize_value(ByteWriter& writer) const;
  // Parses the value of an INIT or INIT ACK chunk. Errors: kBadLength (value shorter than 16 or a
  // fixed-size parameter of the wrong size), kBadValue (Initiate Tag 0 or zero stream counts:
  // RFC 9260 §3.3.2), kDuplicateParameter, and those of parse_parameters().
  static Result<InitBody> parse_value(const RawChunk& chunk);
};

}  // namespace tern::sctp

#pragma once
// DATA chunk (RFC 9260 §3.3.1; the I bit is RFC 9260's incorporation of RFC 7053).
//
//   0                   1                   2                   3
//   0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
//  +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
//  |   Type = 0    |  Res  |I|U|B|E|            Length             |
//  +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
//  |                              TSN                              |
//  +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
//  |      Stream Identifier S      |   Stream Sequence Number n    |
//  +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
//  |                  Payload Protocol Identifier                  |
//  +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
//  /                                                               /
//  /                 User Data (seq n of Stream S)                 /
//  /                                                               /
//  +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
#include <cstdint>
#include <span>

#include "common/byte_writer.hpp"
#include "common/error.hpp"
#include "common/ids.hpp"
#include "sctp/chunk.hpp"

namespace tern::sctp {

struct DataChunk {
  static constexpr ChunkType kType = ChunkType::kData;
  static constexpr size_t kHeaderSize = 16;  // chunk header + TSN + S + n + PPID
  static constexpr uint8_t kFlagEnding = 0x01;
  static constexpr uint8_t kFlagBeginning = 0x02;
  static constexpr uint8_t kFlagUnordered = 0x04;
  static constexpr uint8_t kFlagImmediate = 0x08;

  Tsn tsn{0};
  StreamId stream{0};
  uint16_t ssn = 0;
  uint32_t ppid = 0;
  bool unordered = false;   // U
  bool beginning = false;   // B: first fragment of a user message
  bool ending = false;      // E: last fragment
  bool immediate = false;   // I: the sender asks for an immediate SACK
  std::span<const uint8_t> payload;  // view into the packet (or the sender's buffer)

  // Parses a DATA chunk. Errors: kBadLength (shorter than 16), kNoUserData (no user data:
  // RFC 9260 §3.3.1 requires at least one byte).
  static Result<DataChunk> parse(const RawChunk& chunk);
  size_t serialized_size() const { return padded_length(kHeaderSize + payload.size()); }
  void serialize(ByteWriter& writer) const;
};

}  // namespace tern::sctp

#pragma once
// I-DATA chunk (RFC 8260 §2.1): DATA with a 32-bit Message Identifier and a Fragment Sequence
// Number, so fragments of different messages can interleave. Codec only: tern's association does
// not negotiate I-DATA yet.
//
//   0                   1                   2                   3
//   0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
//  +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
//  |   Type = 64   |  Res  |I|U|B|E|       Length = Variable       |
//  +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
//  |                              TSN                              |
//  +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
//  |        Stream Identifier      |           Reserved            |
//  +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
//  |                      Message Identifier                       |
//  +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
//  |    Payload Protocol Identifier / Fragment Sequence Number     |
//  +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
//  /                                                               /
//  /                           User Data                           /
//  /                                                               /
//  +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
//
// The fifth word is the PPID when B is set (the first fragment, whose FSN is implicitly 0) and the
// FSN otherwise.
#include <cstdint>
#include <span>

#include "common/ids.hpp"
#include "sctp/chunk.hpp"

namespace tern::sctp {

struct IDataChunk {
  static constexpr ChunkType kType = ChunkType::kIData;
  static constexpr size_t kHeaderSize = 20;

  Tsn tsn{0};
  StreamId stream{0};
  uint32_t message_id = 0;
  uint32_t ppid = 0;  // meaningful when beginning
  uint32_t fsn = 0;   // meaningful when !beginning (0 for the first fragment)
  bool unordered = false;
  bool beginning = false;
  bool ending = false;
  bool immediate = false;
  std::span<const uint8_t> payload;

  // Errors: kBadLength (shorter than 20), kNoUserData (RFC 8260 §2.1: no user data).
  static Result<IDataChunk> parse(const RawChunk& chunk);
  size_t serialized_size() const { return padded_length(kHeaderSize + payload.size()); }
  void serialize(ByteWriter& writer) const;
};

}  // namespace tern::sctp

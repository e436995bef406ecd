#pragma once
// Selective Acknowledgement (SACK) chunk (RFC 9260 §3.3.4).
//
//   0                   1                   2                   3
//   0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
//  +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
//  |   Type = 3    |  Chunk Flags  |         Chunk Length          |
//  +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
//  |                      Cumulative TSN Ack                       |
//  +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
//  |          Advertised Receiver Window Credit (a_rwnd)           |
//  +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
//  | Number of Gap Ack Blocks = N  |  Number of Duplicate TSNs = M |
//  +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
//  |    Gap Ack Block #1 Start     |     Gap Ack Block #1 End      |
//  +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
//  /                                                               /
//  /                              ...                              /
//  /                                                               /
//  +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
//  |    Gap Ack Block #N Start     |     Gap Ack Block #N End      |
//  +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
//  |                        Duplicate TSN 1                        |
//  +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
//  /                                                               /
//  /                              ...                              /
//  /                                                               /
//  +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
//  |                        Duplicate TSN M                        |
//  +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
//
// Gap block offsets are relative to the Cumulative TSN Ack: block [start, end] acknowledges
// TSNs cum_ack + start ... cum_ack + end.
#include <cstdint>
#include <vector>

#include "common/byte_writer.hpp"
#include "common/error.hpp"
#include "common/ids.hpp"
#include "sctp/chunk.hpp"

namespace tern::sctp {

struct GapAckBlock {
  uint16_t start = 0;
  uint16_t end = 0;
  bool operator==(const GapAckBlock&) const = default;
};

struct SackChunk {
  static constexpr ChunkType kType = ChunkType::kSack;
  static constexpr size_t kFixedSize = 16;  // including the chunk header

  Tsn cumulative_tsn_ack{0};
  uint32_t a_rwnd = 0;
  std::vector<GapAckBlock> gap_ack_blocks;
  std::vector<Tsn> duplicate_tsns;

  // Parses a SACK. Errors: kBadLength (shorter than 16, or the counts disagree with the length),
  // kBadValue (a gap block with start 0 or start > end: RFC 9260 §3.3.4 offsets start at 1).
  static Result<SackChunk> parse(const RawChunk& chunk);
  size_t serialized_size() const {
    return kFixedSize + 4 * gap_ack_blocks.size() + 4 * duplicate_tsns.size();
  }
  void serialize(ByteWriter& writer) const;
};

}  // namespace tern::sctp

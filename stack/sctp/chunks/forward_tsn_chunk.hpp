#pragma once
// FORWARD TSN chunk (RFC 3758 §3.2, PR-SCTP): moves the receiver's cumulative TSN past abandoned
// DATA and names, per ordered stream, the last skipped Stream Sequence Number.
//
//   0                   1                   2                   3
//   0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
//  +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
//  |   Type = 192  |  Flags = 0x00 |        Length = Variable      |
//  +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
//  |                      New Cumulative TSN                       |
//  +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
//  |         Stream-1              |       Stream Sequence-1       |
//  +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
//  \                                                               /
//  /                                                               /
//  +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
//  |         Stream-N              |       Stream Sequence-N       |
//  +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
#include <vector>

#include "common/ids.hpp"
#include "sctp/chunk.hpp"

namespace tern::sctp {

struct ForwardTsnChunk {
  static constexpr ChunkType kType = ChunkType::kForwardTsn;

  struct SkippedStream {
    StreamId stream{0};
    uint16_t ssn = 0;
    bool operator==(const SkippedStream&) const = default;
  };

  Tsn new_cumulative_tsn{0};
  std::vector<SkippedStream> skipped;

  // Errors: kBadLength (shorter than 8, or not 8 + 4n).
  static Result<ForwardTsnChunk> parse(const RawChunk& chunk);
  size_t serialized_size() const { return 8 + 4 * skipped.size(); }
  void serialize(ByteWriter& writer) const;
};

}  // namespace tern::sctp

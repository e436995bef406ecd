#pragma once
// I-FORWARD-TSN chunk (RFC 8260 §2.3.1): FORWARD TSN for I-DATA, naming skipped messages by
// Message Identifier and ordered/unordered flag. Codec only (see idata_chunk.hpp).
//
//   0                   1                   2                   3
//   0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
//  +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
//  |   Type = 194  |  Flags = 0x00 |      Length = Variable        |
//  +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
//  |                       New Cumulative TSN                      |
//  +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
//  |      Stream Identifier        |          Reserved           |U|
//  +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
//  |                      Message Identifier                       |
//  +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
//  /                                                               /
//  /                              ...                              /
//  /                                                               /
//  +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
#include <vector>

#include "common/ids.hpp"
#include "sctp/chunk.hpp"

namespace tern::sctp {

struct IForwardTsnChunk {
  static constexpr ChunkType kType = ChunkType::kIForwardTsn;

  struct SkippedMessage {
    StreamId stream{0};
    bool unordered = false;
    uint32_t message_id = 0;
    bool operator==(const SkippedMessage&) const = default;
  };

  Tsn new_cumulative_tsn{0};
  std::vector<SkippedMessage> skipped;

  // Errors: kBadLength (shorter than 8, or not 8 + 8n).
  static Result<IForwardTsnChunk> parse(const RawChunk& chunk);
  size_t serialized_size() const { return 8 + 8 * skipped.size(); }
  void serialize(ByteWriter& writer) const;
};

}  // namespace tern::sctp

#pragma once
// A DCEP message (RFC 8832 §5): the payload of an SCTP user message with PPID 50. The first byte
// (Message Type) selects the format: 0x03 DATA_CHANNEL_OPEN, 0x02 DATA_CHANNEL_ACK; 0x00, 0x01
// and 0xff are reserved and the rest unassigned (RFC 8832 §8.2.1).
#include <cstdint>
#include <span>
#include <string>
#include <variant>
#include <vector>

#include "common/byte_writer.hpp"
#include "common/error.hpp"
#include "datachannel/dcep_ack.hpp"
#include "datachannel/dcep_open.hpp"

namespace tern::datachannel {

using DcepMessage = std::variant<DataChannelOpen, DataChannelAck>;

// Decodes one DCEP message. Errors (position = byte offset): kTruncated (empty, or inside a
// field), kUnknownMessageType, and those of DataChannelOpen::parse / DataChannelAck::parse.
Result<DcepMessage> parse_dcep_message(std::span<const uint8_t> message);

// Bytes serialize() writes.
size_t serialized_size(const DcepMessage& message);
// Appends the message. Errors: as DataChannelOpen::serialize / DataChannelAck::serialize.
Status serialize(const DcepMessage& message, ByteWriter& w);
// The message as a new byte vector (for sending). Errors: kLabelTooLong, kProtocolTooLong.
Result<std::vector<uint8_t>> serialize_dcep_message(const DcepMessage& message);

// The decoded message field by field, one line each, every line prefixed by `indent`.
std::string describe(const DcepMessage& message, const std::string& indent = "  ");
// Parses `message` and describes it, or describes the parse error (for tern-inspect).
std::string describe_dcep_bytes(std::span<const uint8_t> message);

}  // namespace tern::datachannel

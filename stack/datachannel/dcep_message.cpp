#include "datachannel/dcep_message.hpp"

#include "common/hex.hpp"
#include "datachannel/errc.hpp"

namespace tern::datachannel {
namespace {

std::string describe_open(const DataChannelOpen& open, const std::string& in) {
  std::string out;
  out += in + "DATA_CHANNEL_OPEN (message type 0x03)\n";
  const std::string field = in + "  ";
  const uint8_t type = static_cast<uint8_t>(open.channel_type);
  out += field + "channel_type: 0x" + to_hex(std::span<const uint8_t>(&type, 1)) + " " +
         channel_type_name(open.channel_type) + "\n";
  out += field + "priority: " + std::to_string(open.priority) + "\n";
  std::string meaning;
  switch (reliability_of(open.channel_type)) {
    case Reliability::kReliable: meaning = " (ignored: reliable)"; break;
    case Reliability::kRexmit: meaning = " (max retransmissions)"; break;
    case Reliability::kTimed: meaning = " (lifetime, ms)"; break;
  }
  out += field + "reliability_parameter: " + std::to_string(open.reliability_parameter) + meaning + "\n";
  out += field + "label_length: " + std::to_string(open.label.size()) + "\n";
  out += field + "protocol_length: " + std::to_string(open.protocol.size()) + "\n";
  out += field + "label: \"" + open.label + "\"\n";
  out += field + "protocol: \"" + open.protocol + "\"\n";
  return out;
}

}  // namespace

Result<DcepMessage> parse_dcep_message(std::span<const uint8_t> message) {
  if (message.empty()) return Error(DataChannelErrc::kTruncated, "Message Type", 0);
  if (message[0] == kMessageTypeOpen) {
    auto open = DataChannelOpen::parse(message);
    if (!open) return open.error();
    return DcepMessage(std::in_place_type<DataChannelOpen>, std::move(open).value());
  }
  if (message[0] == kMessageTypeAck) {
    auto ack = DataChannelAck::parse(message);
    if (!ack) return ack.error();
    return DcepMessage(std::in_place_type<DataChannelAck>);
  }
  // RFC 8832 §8.2.1: 0x00, 0x01 and 0xff are reserved, everything else unassigned.
  return Error(DataChannelErrc::kUnknownMessageType, "Message Type", 0);
}

size_t serialized_size(const DcepMessage& message) {
  return std::visit([](const auto& m) { return m.serialized_size(); }, message);
}

Status serialize(const DcepMessage& message, ByteWriter& w) {
  return std::visit([&](const auto& m) { return m.serialize(w); }, message);
}

Result<std::vector<uint8_t>> serialize_dcep_message(const DcepMessage& message) {
  std::vector<uint8_t> out(serialized_size(message));
  ByteWriter w(out);
  if (Status s = serialize(message, w); !s) return s.error();
  return out;
}

std::string describe(const DcepMessage& message, const std::string& indent) {
  if (const auto* open = std::get_if<DataChannelOpen>(&message)) return describe_open(*open, indent);
  return indent + "DATA_CHANNEL_ACK (message type 0x02)\n";
}

std::string describe_dcep_bytes(std::span<const uint8_t> message) {
  auto parsed = parse_dcep_message(message);
  if (!parsed) {
    return "DCEP message (" + std::to_string(message.size()) + " bytes): error " + parsed.error().to_string() + "\n";
  }
  return "DCEP message (" + std::to_string(message.size()) + " bytes)\n" + describe(*parsed, "  ");
}

}  // namespace tern::datachannel

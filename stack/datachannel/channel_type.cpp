#include "datachannel/channel_type.hpp"

namespace tern::datachannel {

bool is_known_channel_type(uint8_t value) {
  switch (value) {
    case 0x00: case 0x80: case 0x01: case 0x81: case 0x02: case 0x82:
      return true;
    default:
      return false;
  }
}

Reliability reliability_of(ChannelType type) {
  switch (static_cast<uint8_t>(type) & 0x7f) {
    case 0x01: return Reliability::kRexmit;
    case 0x02: return Reliability::kTimed;
    default: return Reliability::kReliable;
  }
}

ChannelType make_channel_type(bool ordered, Reliability reliability) {
  uint8_t low = 0x00;
  if (reliability == Reliability::kRexmit) low = 0x01;
  if (reliability == Reliability::kTimed) low = 0x02;
  return static_cast<ChannelType>(low | (ordered ? 0x00 : 0x80));
}

const char* channel_type_name(ChannelType type) {
  switch (type) {
    case ChannelType::kReliable: return "DATA_CHANNEL_RELIABLE";
    case ChannelType::kReliableUnordered: return "DATA_CHANNEL_RELIABLE_UNORDERED";
    case ChannelType::kPartialReliableRexmit: return "DATA_CHANNEL_PARTIAL_RELIABLE_REXMIT";
    case ChannelType::kPartialReliableRexmitUnordered: return "DATA_CHANNEL_PARTIAL_RELIABLE_REXMIT_UNORDERED";
    case ChannelType::kPartialReliableTimed: return "DATA_CHANNEL_PARTIAL_RELIABLE_TIMED";
    case ChannelType::kPartialReliableTimedUnordered: return "DATA_CHANNEL_PARTIAL_RELIABLE_TIMED_UNORDERED";
  }
  return "unknown";
}

}  // namespace tern::datachannel

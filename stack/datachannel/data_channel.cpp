#include "datachannel/data_channel.hpp"

namespace tern::datachannel {

const char* data_channel_state_name(DataChannelState state) {
  switch (state) {
    case DataChannelState::kConnecting: return "connecting";
    case DataChannelState::kOpen: return "open";
    case DataChannelState::kClosing: return "closing";
    case DataChannelState::kClosed: return "closed";
  }
  return "unknown";
}

std::string describe(const DataChannel& channel, const std::string& indent) {
  std::string out;
  out += indent + "handle: " + std::to_string(channel.handle().value) + "\n";
  out += indent + "id: " + (channel.id() ? std::to_string(channel.id()->value) : std::string("null")) + "\n";
  out += indent + "label: \"" + channel.label() + "\"\n";
  out += indent + "protocol: \"" + channel.protocol() + "\"\n";
  out += indent + "ready_state: " + data_channel_state_name(channel.ready_state()) + "\n";
  out += indent + "ordered: " + (channel.ordered() ? "true" : "false") + "\n";
  out += indent + "max_retransmits: " +
         (channel.max_retransmits() ? std::to_string(*channel.max_retransmits()) : std::string("null")) + "\n";
  out += indent + "max_packet_life_time: " +
         (channel.max_packet_life_time() ? std::to_string(*channel.max_packet_life_time()) + " ms" : std::string("null")) +
         "\n";
  out += indent + "negotiated: " + (channel.negotiated() ? "true" : "false") + "\n";
  out += indent + "priority: " + std::to_string(channel.priority()) + "\n";
  out += indent + "opened_by: " + (channel.remote() ? "peer" : "us") + "\n";
  out += indent + "awaiting_ack: " + (channel.awaiting_ack() ? "true" : "false") + "\n";
  out += indent + "buffered_amount_low_threshold: " + std::to_string(channel.buffered_amount_low_threshold()) + "\n";
  return out;
}

}  // namespace tern::datachannel

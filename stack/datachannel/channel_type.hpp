#pragma once
// The DCEP Channel Type (RFC 8832 §5.1): delivery order in the high bit, the reliability policy in
// the low bits. It maps to the W3C RTCDataChannelInit fields ordered / maxRetransmits /
// maxPacketLifeTime, and to per-message SCTP send options (RFC 8831 §6.4, RFC 3758 PR-SCTP).
#include <cstdint>

namespace tern::datachannel {

enum class ChannelType : uint8_t {
  kReliable = 0x00,                         // DATA_CHANNEL_RELIABLE
  kReliableUnordered = 0x80,                // DATA_CHANNEL_RELIABLE_UNORDERED
  kPartialReliableRexmit = 0x01,            // DATA_CHANNEL_PARTIAL_RELIABLE_REXMIT
  kPartialReliableRexmitUnordered = 0x81,   // DATA_CHANNEL_PARTIAL_RELIABLE_REXMIT_UNORDERED
  kPartialReliableTimed = 0x02,             // DATA_CHANNEL_PARTIAL_RELIABLE_TIMED
  kPartialReliableTimedUnordered = 0x82,    // DATA_CHANNEL_PARTIAL_RELIABLE_TIMED_UNORDERED
};

// The reliability policy, i.e. how the Reliability Parameter is read (RFC 8832 §5.1).
enum class Reliability : uint8_t {
  kReliable,  // parameter ignored (sent as 0)
  kRexmit,    // parameter = maximum number of retransmissions
  kTimed,     // parameter = lifetime in milliseconds
};

// True for the six values RFC 8832 §5.1 defines.
bool is_known_channel_type(uint8_t value);
// RFC 8832 §5.1: the 0x80 bit selects unordered delivery.
inline bool is_unordered(ChannelType type) { return (static_cast<uint8_t>(type) & 0x80) != 0; }
// The policy of a known channel type.
Reliability reliability_of(ChannelType type);
// The channel type for an order and a policy.
ChannelType make_channel_type(bool ordered, Reliability reliability);
// "DATA_CHANNEL_RELIABLE", ... (the RFC's names), or "unknown".
const char* channel_type_name(ChannelType type);

}  // namespace tern::datachannel

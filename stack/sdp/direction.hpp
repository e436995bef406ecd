#pragma once
// Media direction (RFC 8866 §6.7, RFC 3264 §5.1): the flag attributes a=sendrecv, a=sendonly,
// a=recvonly and a=inactive, also used as the optional direction of a=extmap (RFC 8285 §5).
//
//   a=sendrecv | a=sendonly | a=recvonly | a=inactive      (no value)
#include <cstdint>
#include <optional>
#include <string_view>

namespace tern::sdp {

enum class Direction : uint8_t { kSendRecv, kSendOnly, kRecvOnly, kInactive };

// "sendrecv", "sendonly", "recvonly" or "inactive" (the attribute name).
std::string_view direction_name(Direction direction);
// The direction an attribute name stands for (case-sensitive, RFC 8866 §6.7); nullopt otherwise.
std::optional<Direction> direction_from_name(std::string_view name);
// The direction seen from the other side: sendonly <-> recvonly (RFC 3264 §6.1).
Direction reverse(Direction direction);

}  // namespace tern::sdp

#include "sdp/direction.hpp"

namespace tern::sdp {

std::string_view direction_name(Direction direction) {
  switch (direction) {
    case Direction::kSendRecv: return "sendrecv";
    case Direction::kSendOnly: return "sendonly";
    case Direction::kRecvOnly: return "recvonly";
    case Direction::kInactive: return "inactive";
  }
  return "sendrecv";
}

std::optional<Direction> direction_from_name(std::string_view name) {
  if (name == "sendrecv") return Direction::kSendRecv;
  if (name == "sendonly") return Direction::kSendOnly;
  if (name == "recvonly") return Direction::kRecvOnly;
  if (name == "inactive") return Direction::kInactive;
  return std::nullopt;
}

Direction reverse(Direction direction) {
  switch (direction) {
    case Direction::kSendOnly: return Direction::kRecvOnly;
    case Direction::kRecvOnly: return Direction::kSendOnly;
    default: return direction;
  }
}

}  // namespace tern::sdp

#include "ice/state.hpp"

namespace tern::ice {

std::string_view role_name(Role role) { return role == Role::kControlling ? "controlling" : "controlled"; }

std::string_view gathering_state_name(GatheringState state) {
  switch (state) {
    case GatheringState::kNew: return "new";
    case GatheringState::kGathering: return "gathering";
    case GatheringState::kComplete: return "complete";
  }
  return "new";
}

std::string_view connection_state_name(ConnectionState state) {
  switch (state) {
    case ConnectionState::kNew: return "new";
    case ConnectionState::kChecking: return "checking";
    case ConnectionState::kConnected: return "connected";
    case ConnectionState::kCompleted: return "completed";
    case ConnectionState::kFailed: return "failed";
    case ConnectionState::kDisconnected: return "disconnected";
    case ConnectionState::kClosed: return "closed";
  }
  return "new";
}

}  // namespace tern::ice

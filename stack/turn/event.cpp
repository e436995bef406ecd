#include "turn/event.hpp"

#include <cstdio>

namespace tern::turn {

const char* failure_reason_name(FailureReason reason) {
  switch (reason) {
    case FailureReason::kTimeout: return "timeout";
    case FailureReason::kUnauthenticated: return "unauthenticated";
    case FailureReason::kStaleNonceLoop: return "stale nonce loop";
    case FailureReason::kWrongCredentials: return "wrong credentials";
    case FailureReason::kAllocationMismatch: return "allocation mismatch";
    case FailureReason::kQuotaReached: return "allocation quota reached";
    case FailureReason::kInsufficientCapacity: return "insufficient capacity";
    case FailureReason::kAddressFamilyNotSupported: return "address family not supported";
    case FailureReason::kUnsupportedTransport: return "unsupported transport protocol";
    case FailureReason::kForbidden: return "forbidden";
    case FailureReason::kServerError: return "server error";
    case FailureReason::kBadResponse: return "bad response";
    case FailureReason::kNoPasswordAlgorithm: return "no common password algorithm";
    case FailureReason::kAllocationExpired: return "allocation expired";
    case FailureReason::kConnectionClosed: return "connection closed";
    case FailureReason::kStreamDesync: return "stream desynchronized";
  }
  return "unknown";
}

namespace {

std::string seconds(Duration d) { return std::to_string(d.as_micros() / 1000000) + "s"; }

std::string code_suffix(uint16_t code) { return code ? " (error " + std::to_string(code) + ")" : std::string(); }

struct Describer {
  std::string operator()(const Allocated& e) const {
    return "Allocated relayed=" + e.relayed.to_string() + " mapped=" + e.mapped.to_string() +
           " lifetime=" + seconds(e.lifetime);
  }
  std::string operator()(const Failed& e) const {
    return std::string("Failed ") + failure_reason_name(e.reason) + code_suffix(e.error_code);
  }
  std::string operator()(const Refreshed& e) const { return "Refreshed lifetime=" + seconds(e.lifetime); }
  std::string operator()(const Deallocated&) const { return "Deallocated"; }
  std::string operator()(const PermissionCreated& e) const { return "PermissionCreated " + e.peer.to_string(); }
  std::string operator()(const PermissionFailed& e) const {
    return "PermissionFailed " + e.peer.to_string() + code_suffix(e.error_code);
  }
  std::string operator()(const ChannelBound& e) const {
    char number[8];
    std::snprintf(number, sizeof(number), "0x%04X", e.channel);
    return "ChannelBound " + e.peer.to_string() + " channel " + number;
  }
  std::string operator()(const ChannelBindFailed& e) const {
    char number[8];
    std::snprintf(number, sizeof(number), "0x%04X", e.channel);
    return "ChannelBindFailed " + e.peer.to_string() + " channel " + number + code_suffix(e.error_code);
  }
  std::string operator()(const Data& e) const {
    return "Data from " + e.peer.to_string() + ", " + std::to_string(e.bytes.size()) + " bytes" +
           (e.via_channel ? " (ChannelData)" : " (Data indication)");
  }
};

}  // namespace

std::string describe(const Event& event) { return std::visit(Describer{}, event); }

}  // namespace tern::turn

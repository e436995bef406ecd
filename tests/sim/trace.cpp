#include "sim/trace.hpp"

#include <cinttypes>
#include <cstdio>

namespace tern::sim {

const char* drop_reason_name(DropReason reason) {
  switch (reason) {
    case DropReason::kNone: return "none";
    case DropReason::kLoss: return "loss";
    case DropReason::kQueue: return "queue";
    case DropReason::kLinkDown: return "link-down";
    case DropReason::kMtu: return "mtu";
    case DropReason::kNoRoute: return "no-route";
    case DropReason::kNoListener: return "no-listener";
    case DropReason::kBadSource: return "bad-source";
    case DropReason::kNatNoMapping: return "nat-no-mapping";
    case DropReason::kNatFiltered: return "nat-filtered";
    case DropReason::kNatHairpinOff: return "nat-hairpin-off";
    case DropReason::kNatPortsExhausted: return "nat-ports-exhausted";
  }
  return "unknown";
}

std::string describe(const TraceEvent& event) {
  const char* kind = event.kind == TraceKind::kSend      ? "send"
                     : event.kind == TraceKind::kDeliver ? "deliver"
                                                         : "drop";
  char head[64];
  std::snprintf(head, sizeof head, "%" PRId64 ".%06" PRId64 " ", event.at.as_micros() / 1000000,
                event.at.as_micros() % 1000000);
  std::string out = head;
  out += kind;
  if (event.kind == TraceKind::kDrop) {
    out += '(';
    out += drop_reason_name(event.reason);
    out += ')';
  }
  out += ' ';
  out += event.where;
  out += ' ';
  out += event.source.to_string();
  out += " -> ";
  out += event.destination.to_string();
  char tail[48];
  std::snprintf(tail, sizeof tail, " %" PRIu32 "B crc=%08" PRIx32, event.size, event.checksum);
  out += tail;
  return out;
}

}  // namespace tern::sim

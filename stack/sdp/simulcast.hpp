#pragma once
// a=simulcast (RFC 8853 §5.1): the simulcast streams (by rid) sent and received.
//
//   a=simulcast:<dir> SP <stream list> [SP <other dir> SP <stream list>]
//   a=simulcast:send hi;mid,~mid2;lo recv r0
//                    |  |         +-- ";" separates simulcast streams
//                    |  +------------ "," separates alternative formats of one stream,
//                    |                "~" marks a rid that starts paused
//                    +--------------- rid ids (RFC 8851)
#include <string>
#include <string_view>
#include <vector>

#include "common/error.hpp"
#include "sdp/errc.hpp"

namespace tern::sdp {

struct SimulcastId {
  std::string rid;
  bool paused = false;  // "~" prefix
  bool operator==(const SimulcastId&) const = default;
};

// One simulcast stream: its alternatives, in preference order.
using SimulcastStream = std::vector<SimulcastId>;

struct Simulcast {
  static constexpr std::string_view kAttributeName = "simulcast";
  std::vector<SimulcastStream> send;  // empty = no send direction
  std::vector<SimulcastStream> recv;  // empty = no recv direction
  bool operator==(const Simulcast&) const = default;
};

// Parses "send a;b,~c recv d"; kBadSimulcast for a missing or repeated direction, an empty
// stream or alternative, or a rid that is not 1*(alpha-numeric / "-" / "_").
Result<Simulcast> parse_simulcast(std::string_view value);
// "send a;b,~c recv d" (send first when both are present).
std::string serialize(const Simulcast& simulcast);

}  // namespace tern::sdp

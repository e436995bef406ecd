#pragma once
// a=rid (RFC 8851 §10): a restriction identifier naming one RTP stream (simulcast layer) and
// the payload types and restrictions that apply to it.
//
//   a=rid:<rid-id> SP <direction> [SP "pt=" <fmt> *("," <fmt>)] [*(";" <param>)]
//   a=rid:<rid-id> SP <direction> [SP <param> *(";" <param>)]
//   a=rid:hi send pt=96,97;max-width=1280;max-height=720
//         |  |    |         +-- restrictions: name ["=" value]
//         |  |    +------------ payload types the stream may use
//         |  +----------------- "send" / "recv"
//         +-------------------- rid-id = 1*(alpha-numeric / "-" / "_")
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "common/error.hpp"
#include "sdp/errc.hpp"

namespace tern::sdp {

enum class RidDirection : uint8_t { kSend, kRecv };

struct RidParameter {
  std::string name;                  // 1*(alpha-numeric / "-")
  std::optional<std::string> value;  // printable, no ';'
  bool operator==(const RidParameter&) const = default;
};

struct Rid {
  static constexpr std::string_view kAttributeName = "rid";
  std::string id;
  RidDirection direction = RidDirection::kSend;
  std::vector<std::string> formats;  // from "pt="; empty = no restriction
  std::vector<RidParameter> parameters;
  bool operator==(const Rid&) const = default;
};

// RFC 8851 §10 rid-id / RFC 8853 rid-id = 1*(alpha-numeric / "-" / "_").
bool is_rid_id(std::string_view s);

// Parses "hi send pt=96;max-width=1280"; kBadRid for a bad id, a direction other than send/recv,
// an empty pt= list, or a malformed restriction.
Result<Rid> parse_rid(std::string_view value);
// "hi send pt=96,97;max-width=1280".
std::string serialize(const Rid& rid);

}  // namespace tern::sdp

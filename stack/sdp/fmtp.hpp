#pragma once
// a=fmtp (RFC 8866 §6.15): format-specific parameters, here split into the ';'-separated
// name=value list that RTP payload formats use (RFC 4855 §3), kept in order.
//
//   a=fmtp:<format> SP <param> *(";" <param>)      param = <name>["=" <value>]
//   a=fmtp:111 minptime=10;useinbandfec=1
//   a=fmtp:63 111/111                               (RED: a parameter without '=')
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "common/error.hpp"
#include "sdp/errc.hpp"

namespace tern::sdp {

struct FmtpParameter {
  std::string name;                  // for "111/111" the whole text, with no value
  std::optional<std::string> value;  // after the first '=' (values may contain '=', e.g. base64)
  bool operator==(const FmtpParameter&) const = default;
};

struct Fmtp {
  static constexpr std::string_view kAttributeName = "fmtp";
  std::string format;  // an m= fmt token, usually a payload type
  std::vector<FmtpParameter> parameters;
  // The value of the first parameter called `name` (case-insensitive, RFC 4855 §3); nullopt when
  // absent or when it has no '='.
  std::optional<std::string_view> parameter(std::string_view name) const;
  bool operator==(const Fmtp&) const = default;
};

// Parses "111 minptime=10;useinbandfec=1". Spaces around each parameter are trimmed and empty
// parameters (a trailing ';') are skipped. kBadFmtp when the format is not a token, nothing
// follows it, or a parameter has an empty name.
Result<Fmtp> parse_fmtp(std::string_view value);
// "111 minptime=10;useinbandfec=1".
std::string serialize(const Fmtp& fmtp);

}  // namespace tern::sdp

#pragma once
// a=setup (RFC 4145 §4, used for DTLS roles by RFC 8842 §5): which side opens the connection.
//
//   a=setup:<role>        role = "active" / "passive" / "actpass" / "holdconn"
//           actpass
#include <cstdint>
#include <string_view>

#include "common/error.hpp"
#include "sdp/errc.hpp"

namespace tern::sdp {

enum class SetupRole : uint8_t { kActive, kPassive, kActpass, kHoldconn };

inline constexpr std::string_view kSetupAttribute = "setup";

// The role spelled as RFC 4145 §4 does ("actpass", ...).
std::string_view setup_role_name(SetupRole role);
// Parses the attribute value; kBadSetup for any other word (the names are case-sensitive).
Result<SetupRole> parse_setup(std::string_view value);

}  // namespace tern::sdp

#include "sdp/setup.hpp"

namespace tern::sdp {

std::string_view setup_role_name(SetupRole role) {
  switch (role) {
    case SetupRole::kActive: return "active";
    case SetupRole::kPassive: return "passive";
    case SetupRole::kActpass: return "actpass";
    case SetupRole::kHoldconn: return "holdconn";
  }
  return "actpass";
}

Result<SetupRole> parse_setup(std::string_view value) {
  // RFC 4145 §4: role = "active" / "passive" / "actpass" / "holdconn".
  if (value == "active") return SetupRole::kActive;
  if (value == "passive") return SetupRole::kPassive;
  if (value == "actpass") return SetupRole::kActpass;
  if (value == "holdconn") return SetupRole::kHoldconn;
  return Error(SdpErrc::kBadSetup, "setup role is not active/passive/actpass/holdconn");
}

}  // namespace tern::sdp

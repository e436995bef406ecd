#include "sdp/msid.hpp"

#include "sdp/text.hpp"

namespace tern::sdp {

namespace {
// RFC 8830 §2: msid-id = 1*64token-char; msid-appdata = 1*64token-char.
bool is_msid_part(std::string_view s) { return s.size() <= 64 && text::is_token(s); }
}  // namespace

Result<Msid> parse_msid(std::string_view value) {
  text::Fields fields(value, ' ');
  auto id = fields.next();
  if (!is_msid_part(*id)) return Error(SdpErrc::kBadMsid, "msid-id is not 1-64 token characters");
  Msid msid;
  msid.stream_id = std::string(*id);
  if (auto appdata = fields.next()) {
    if (!is_msid_part(*appdata)) return Error(SdpErrc::kBadMsid, "msid-appdata is not 1-64 token characters");
    msid.track_id = std::string(*appdata);
  }
  if (!fields.done()) return Error(SdpErrc::kBadMsid, "msid has more than two fields");
  return msid;
}

std::string serialize(const Msid& msid) {
  std::string out = msid.stream_id;
  if (msid.track_id) {
    out += ' ';
    out += *msid.track_id;
  }
  return out;
}

}  // namespace tern::sdp

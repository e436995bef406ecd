#include "sdp/extmap.hpp"

#include "sdp/text.hpp"

namespace tern::sdp {

Result<Extmap> parse_extmap(std::string_view value) {
  Extmap extmap;
  text::Fields fields(value, ' ');
  auto entry = fields.next();
  text::Fields id_dir(*entry, '/');
  auto id = id_dir.next();
  // RFC 8285 §5: 0 is reserved for padding in both forms; the two-byte form has 8-bit ids, so
  // nothing above 255 can be used. 15 is valid, but only in the two-byte form.
  if (!text::parse_uint_to(*id, extmap.id, 255) || extmap.id == 0) {
    return Error(SdpErrc::kBadExtmap, "extmap id is not 1-255");
  }
  if (auto dir = id_dir.next()) {
    extmap.direction = direction_from_name(*dir);
    if (!extmap.direction || !id_dir.done()) {
      return Error(SdpErrc::kBadExtmap, "extmap direction is not sendonly/recvonly/sendrecv/inactive");
    }
  }
  auto uri = fields.next();
  if (!uri || !text::is_non_ws_string(*uri)) return Error(SdpErrc::kBadExtmap, "extmap has no extension URI");
  extmap.uri = std::string(*uri);
  if (!fields.done()) {
    const std::string_view attributes = fields.rest();
    if (attributes.empty()) return Error(SdpErrc::kBadExtmap, "extmap has a trailing SP");
    extmap.attributes = std::string(attributes);
  }
  return extmap;
}

std::string serialize(const Extmap& extmap) {
  std::string out;
  text::append_uint(out, extmap.id);
  if (extmap.direction) {
    out += '/';
    out += direction_name(*extmap.direction);
  }
  out += ' ';
  out += extmap.uri;
  if (!extmap.attributes.empty()) {
    out += ' ';
    out += extmap.attributes;
  }
  return out;
}

}  // namespace tern::sdp

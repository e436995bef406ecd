#include "sdp/ice.hpp"

#include "sdp/text.hpp"

namespace tern::sdp {
namespace {
bool is_ice_chars(std::string_view s, size_t min, size_t max) {
  if (s.size() < min || s.size() > max) return false;
  for (char c : s) {
    if (!text::is_ice_char(c)) return false;
  }
  return true;
}
}  // namespace

bool IceOptions::has(std::string_view tag) const {
  for (const auto& t : tags) {
    if (t == tag) return true;
  }
  return false;
}

Result<std::string_view> parse_ice_ufrag(std::string_view value) {
  // RFC 8839 §5.4: ufrag = 4*256ice-char.
  if (!is_ice_chars(value, 4, 256)) return Error(SdpErrc::kBadIce, "ice-ufrag is not 4-256 ice-char");
  return value;
}

Result<std::string_view> parse_ice_pwd(std::string_view value) {
  // RFC 8839 §5.4: password = 22*256ice-char.
  if (!is_ice_chars(value, 22, 256)) return Error(SdpErrc::kBadIce, "ice-pwd is not 22-256 ice-char");
  return value;
}

Result<IceOptions> parse_ice_options(std::string_view value) {
  IceOptions options;
  size_t start = 0;
  for (size_t i = 0; i <= value.size(); ++i) {
    if (i < value.size() && value[i] != ' ' && value[i] != ',') continue;
    // RFC 8839 §5.6: ice-option-tag = 1*ice-char, separated by SP.
    std::string_view tag = value.substr(start, i - start);
    if (!is_ice_chars(tag, 1, 256)) return Error(SdpErrc::kBadIce, "ice-option-tag is not 1*ice-char");
    options.tags.emplace_back(tag);
    start = i + 1;
  }
  return options;
}

std::string serialize(const IceOptions& options) {
  std::string out;
  for (const auto& tag : options.tags) {
    if (!out.empty()) out += ' ';
    out += tag;
  }
  return out;
}

}  // namespace tern::sdp

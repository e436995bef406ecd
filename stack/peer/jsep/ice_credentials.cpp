#include "peer/jsep/ice_credentials.hpp"

#include <string_view>

namespace tern::peer {
namespace {

// RFC 8839 §5.1 ice-char: the 64 characters ALPHA / DIGIT / "+" / "/".
constexpr std::string_view kIceChars = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
static_assert(kIceChars.size() == 64);

std::string random_ice_string(Rng& rng, size_t length) {
  std::string out;
  out.reserve(length);
  for (size_t i = 0; i < length; ++i) out.push_back(kIceChars[rng.uniform(static_cast<uint32_t>(kIceChars.size()))]);
  return out;
}

}  // namespace

IceCredentials generate_ice_credentials(Rng& rng) {
  IceCredentials c;
  c.ufrag = random_ice_string(rng, kIceUfragLength);  // RFC 8839 §5.4: at least 24 bits
  c.pwd = random_ice_string(rng, kIcePwdLength);      // RFC 8839 §5.4: at least 128 bits
  return c;
}

}  // namespace tern::peer

#include "stun/nonce.hpp"

namespace tern::stun {
namespace {

constexpr char kBase64[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

// RFC 4648 §4 alphabet; -1 for anything else.
int base64_value(char c) {
  if (c >= 'A' && c <= 'Z') return c - 'A';
  if (c >= 'a' && c <= 'z') return c - 'a' + 26;
  if (c >= '0' && c <= '9') return c - '0' + 52;
  if (c == '+') return 62;
  if (c == '/') return 63;
  return -1;
}

}  // namespace

Result<NonceCookie> parse_nonce_cookie(std::string_view nonce) {
  NonceCookie cookie;
  if (nonce.substr(0, kNonceCookie.size()) != kNonceCookie) {
    cookie.rest = nonce;
    return cookie;
  }
  // RFC 8489 §9.2: the prefix is followed by the 4-character base64 encoding of 24 bits.
  if (nonce.size() < kNonceCookieSize) {
    return Error(StunErrc::kBadNonceCookie, "nonce cookie: fewer than 4 feature characters",
                 static_cast<uint32_t>(nonce.size()));
  }
  uint32_t bits = 0;
  for (size_t i = kNonceCookie.size(); i < kNonceCookieSize; ++i) {
    const int v = base64_value(nonce[i]);
    if (v < 0) return Error(StunErrc::kBadNonceCookie, "nonce cookie: not a base64 character", static_cast<uint32_t>(i));
    bits = (bits << 6) | static_cast<uint32_t>(v);
  }
  cookie.present = true;
  cookie.features = bits;
  cookie.rest = nonce.substr(kNonceCookieSize);
  return cookie;
}

std::string make_nonce(uint32_t features, std::string_view rest) {
  std::string out(kNonceCookie);
  const uint32_t bits = features & 0xFFFFFF;
  for (int shift = 18; shift >= 0; shift -= 6) out.push_back(kBase64[(bits >> shift) & 0x3F]);
  out.append(rest);
  return out;
}

}  // namespace tern::stun

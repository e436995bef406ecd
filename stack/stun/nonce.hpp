#pragma once
// The NONCE "nonce cookie" (RFC 8489 §9.2): a server that implements RFC 8489 starts its nonces with
// "obMatJos2" followed by the 24-bit STUN Security Features set, base64-encoded in 4 characters:
//
//     NONCE = "obMatJos2" base64(24 feature bits) opaque-rest
//
// Feature bits (RFC 8489 §18.1; bit numbering per erratum 6290: bit 0 is the least significant,
// rightmost bit of the 24):
//     bit 0  Password algorithms (the server supports PASSWORD-ALGORITHMS negotiation, §9.2.4)
//     bit 1  Username anonymity (the server accepts USERHASH, §14.4)
// A client that sees the cookie knows the server speaks RFC 8489, which defeats bid-down attacks.
#include <cstdint>
#include <string>
#include <string_view>

#include "common/error.hpp"
#include "stun/stun_errc.hpp"

namespace tern::stun {

inline constexpr std::string_view kNonceCookie = "obMatJos2";
inline constexpr size_t kNonceCookieSize = 13;  // the prefix and 4 base64 characters

namespace security_features {
inline constexpr uint32_t kPasswordAlgorithms = 1u << 0;
inline constexpr uint32_t kUsernameAnonymity = 1u << 1;
}  // namespace security_features

struct NonceCookie {
  bool present = false;   // the nonce starts with "obMatJos2"
  uint32_t features = 0;  // the 24 feature bits (0 when !present)
  std::string_view rest;  // the nonce after the cookie (the whole nonce when !present)

  bool password_algorithms() const { return (features & security_features::kPasswordAlgorithms) != 0; }
  bool username_anonymity() const { return (features & security_features::kUsernameAnonymity) != 0; }
};

// Decodes the cookie of a NONCE value. A nonce without the prefix is fine (present = false: an
// RFC 5389 server). kBadNonceCookie when the prefix is there but fewer than 4 characters or
// non-base64 characters follow it (position = offset in the nonce).
Result<NonceCookie> parse_nonce_cookie(std::string_view nonce);

// Builds "obMatJos2" + base64(features & 0xFFFFFF) + rest (allocates; server side, once per nonce).
std::string make_nonce(uint32_t features, std::string_view rest);

}  // namespace tern::stun

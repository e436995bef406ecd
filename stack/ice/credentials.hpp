#pragma once
// ICE credentials (RFC 8445 §5.3, RFC 8839 §5.4): the username fragment and password each agent
// advertises (a=ice-ufrag, a=ice-pwd). Connectivity checks carry USERNAME "<remote ufrag>:<local
// ufrag>" and MESSAGE-INTEGRITY keyed with the receiver's password (RFC 8445 §7.2.2).
#include <string>
#include <string_view>

#include "common/error.hpp"
#include "common/rng.hpp"

namespace tern::ice {

struct Credentials {
  std::string ufrag;
  std::string pwd;
  bool empty() const { return ufrag.empty(); }
  bool operator==(const Credentials&) const = default;
};

// RFC 8839 §5.4: ice-ufrag = 4*256ice-char, ice-pwd = 22*256ice-char.
inline constexpr size_t kMinUfragSize = 4;
inline constexpr size_t kMinPwdSize = 22;
inline constexpr size_t kMaxCredentialSize = 256;

// Fresh random credentials: an 8-character ufrag and a 24-character password drawn from letters
// and digits (RFC 8445 §5.3: at least 24 bits of randomness in the ufrag, 128 in the password;
// 8 and 24 characters of 62 symbols give about 47 and 142 bits).
Credentials generate_credentials(Rng& rng);

// kBadCredentials unless both follow RFC 8839 §5.4 (lengths and ice-char).
Status validate_credentials(std::string_view ufrag, std::string_view pwd);

}  // namespace tern::ice

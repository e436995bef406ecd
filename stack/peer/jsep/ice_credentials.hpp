#pragma once
// ICE credentials (RFC 8839 §5.4): the a=ice-ufrag / a=ice-pwd pair one side of a session puts in
// its descriptions, which also key the STUN short-term credentials of the connectivity checks
// (RFC 8445 §7.2.2: USERNAME = "<remote ufrag>:<local ufrag>", MESSAGE-INTEGRITY keyed by the
// password of the side that receives the request).
//
//   a=ice-ufrag:Q0a9hZ3c                   8 ice-char  = 48 random bits (RFC 8839: at least 24)
//   a=ice-pwd:pXc6iA0CjQ0yUvM2+s7rN1/e     24 ice-char = 144 random bits (RFC 8839: at least 128)
#include <string>

#include "common/rng.hpp"

namespace tern::peer {

inline constexpr size_t kIceUfragLength = 8;
inline constexpr size_t kIcePwdLength = 24;

struct IceCredentials {
  std::string ufrag;
  std::string pwd;
  bool empty() const { return ufrag.empty() || pwd.empty(); }
  bool operator==(const IceCredentials&) const = default;
};

// Fresh random credentials from `rng` (RFC 8839 §5.4: ice-char = ALPHA / DIGIT / "+" / "/",
// uniformly chosen, so every character carries 6 bits). Used for the first description and for
// every ICE restart (RFC 8445 §9: a restart changes both).
IceCredentials generate_ice_credentials(Rng& rng);

}  // namespace tern::peer

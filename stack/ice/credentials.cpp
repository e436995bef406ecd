#include "ice/credentials.hpp"

#include "ice/errc.hpp"

namespace tern::ice {
namespace {

constexpr std::string_view kAlphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";

std::string random_string(Rng& rng, size_t size) {
  std::string out(size, 'A');
  for (auto& c : out) c = kAlphabet[rng.uniform(static_cast<uint32_t>(kAlphabet.size()))];
  return out;
}

bool is_ice_chars(std::string_view s) {
  for (char c : s) {
    const bool ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '+' || c == '/';
    if (!ok) return false;
  }
  return true;
}

}  // namespace

Credentials generate_credentials(Rng& rng) { return {random_string(rng, 8), random_string(rng, 24)}; }

Status validate_credentials(std::string_view ufrag, std::string_view pwd) {
  // RFC 8839 §5.4: ice-ufrag-att = "ice-ufrag:" ufrag; ufrag = 4*256ice-char.
  if (ufrag.size() < kMinUfragSize || ufrag.size() > kMaxCredentialSize || !is_ice_chars(ufrag)) {
    return Error(IceErrc::kBadCredentials, "ufrag is not 4-256 ice-char");
  }
  // RFC 8839 §5.4: password = 22*256ice-char.
  if (pwd.size() < kMinPwdSize || pwd.size() > kMaxCredentialSize || !is_ice_chars(pwd)) {
    return Error(IceErrc::kBadCredentials, "pwd is not 22-256 ice-char");
  }
  return {};
}

}  // namespace tern::ice

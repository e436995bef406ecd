#include "dtls/cookie.hpp"

#include <algorithm>

#include "dtls/wire.hpp"

namespace tern::dtls {

CookieAuthority::CookieAuthority(Rng& rng) { rng.fill(secret_); }

CookieAuthority::CookieAuthority(std::span<const uint8_t> secret) {
  // A longer secret is folded through SHA-256 so every byte counts.
  if (secret.size() == kSecretSize) {
    std::copy(secret.begin(), secret.end(), secret_.begin());
  } else {
    crypto::Digest d = crypto::hash(crypto::HashAlgorithm::kSha256, secret);
    std::copy_n(d.bytes.begin(), kSecretSize, secret_.begin());
  }
}

std::vector<uint8_t> CookieAuthority::make(const ClientHello& hello, std::span<const uint8_t> peer) const {
  WireBuilder params;
  params.u16(hello.client_version);
  params.bytes(hello.random);
  params.opaque(1, hello.session_id);
  params.u16(static_cast<uint16_t>(hello.cipher_suites.size()));
  for (uint16_t s : hello.cipher_suites) params.u16(s);
  params.opaque(1, hello.compression_methods);
  params.opaque(2, peer);
  std::vector<uint8_t> data = params.take();
  crypto::Digest mac = crypto::hmac(crypto::HashAlgorithm::kSha256, secret_, data);
  return {mac.bytes.begin(), mac.bytes.begin() + kCookieSize};
}

bool CookieAuthority::verify(const ClientHello& hello, std::span<const uint8_t> peer) const {
  std::vector<uint8_t> expected = make(hello, peer);
  return crypto::constant_time_equal(expected, hello.cookie);
}

}  // namespace tern::dtls

#pragma once
// Stateless HelloVerifyRequest cookies (RFC 6347 §4.2.1): Cookie = HMAC(Secret, Client-Parameters).
// A server answers a ClientHello without a valid cookie with a HelloVerifyRequest and keeps no
// state, so spoofed sources cannot make it do work or send large flights.
#include <array>
#include <cstdint>
#include <span>
#include <vector>

#include "common/rng.hpp"
#include "crypto/hmac.hpp"
#include "dtls/client_hello.hpp"

namespace tern::dtls {

class CookieAuthority {
 public:
  static constexpr size_t kCookieSize = 32;
  static constexpr size_t kSecretSize = 32;

  // A fresh random secret from `rng`.
  explicit CookieAuthority(Rng& rng);
  // A given secret (tests; or several servers sharing one).
  explicit CookieAuthority(std::span<const uint8_t> secret);

  // The cookie for `hello`: HMAC-SHA256 over the fields the client must repeat unchanged in its
  // second ClientHello (version, random, session_id, cipher_suites, compression_methods) and an
  // optional `peer` binding (e.g. the source address bytes).
  std::vector<uint8_t> make(const ClientHello& hello, std::span<const uint8_t> peer = {}) const;
  // True when hello.cookie equals make(hello, peer) (constant time).
  bool verify(const ClientHello& hello, std::span<const uint8_t> peer = {}) const;

 private:
  std::array<uint8_t, kSecretSize> secret_{};
};

}  // namespace tern::dtls

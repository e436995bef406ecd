#pragma once
// ClientHello (RFC 6347 §4.2.1: the TLS 1.2 ClientHello of RFC 5246 §7.4.1.2 plus a cookie).
//
//   +-------------------------------+
//   | client_version (2)            |
//   +-------------------------------+------------------------------+
//   | random (32)                                                  |
//   +-------------------------------+------------------------------+
//   | session_id length (1) | session_id <0..32>                   |
//   | cookie length (1)     | cookie <0..2^8-1>                    |
//   | cipher_suites length (2)  | cipher_suites <2..2^16-2>        |
//   | compression_methods length (1) | methods <1..2^8-1>          |
//   | extensions (optional, see extensions.hpp)                    |
//   +--------------------------------------------------------------+
#include <array>
#include <cstdint>
#include <span>
#include <string>
#include <vector>

#include "common/error.hpp"
#include "dtls/extensions.hpp"
#include "dtls/record.hpp"

namespace tern::dtls {

inline constexpr size_t kRandomSize = 32;
inline constexpr size_t kMaxSessionIdSize = 32;
inline constexpr size_t kMaxCookieSize = 255;

struct ClientHello {
  uint16_t client_version = kDtls12;
  std::array<uint8_t, kRandomSize> random{};
  std::vector<uint8_t> session_id;
  std::vector<uint8_t> cookie;
  std::vector<uint16_t> cipher_suites;
  std::vector<uint8_t> compression_methods{0};
  HelloExtensions extensions;
  bool operator==(const ClientHello&) const = default;
};

// Parses a ClientHello body. Errors: kTruncated, kBadLength (a vector outside its bounds, odd
// cipher_suites length), kTrailingData, and the extension errors of parse_extensions().
Result<ClientHello> parse_client_hello(std::span<const uint8_t> body);
// Serializes the body.
std::vector<uint8_t> serialize(const ClientHello& hello);
// Field-per-line dump.
std::string describe(const ClientHello& hello);

}  // namespace tern::dtls

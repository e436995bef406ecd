#pragma once
// ServerHello (RFC 5246 §7.4.1.3, unchanged in DTLS 1.2).
//
//   +-------------------------------+
//   | server_version (2)            |
//   +-------------------------------+------------------------------+
//   | random (32)                                                  |
//   +--------------------------------------------------------------+
//   | session_id length (1) | session_id <0..32>                   |
//   | cipher_suite (2)      | compression_method (1)               |
//   | extensions (optional, see extensions.hpp)                    |
//   +--------------------------------------------------------------+
#include <array>
#include <cstdint>
#include <span>
#include <string>
#include <vector>

#include "common/error.hpp"
#include "dtls/client_hello.hpp"
#include "dtls/extensions.hpp"

namespace tern::dtls {

struct ServerHello {
  uint16_t server_version = kDtls12;
  std::array<uint8_t, kRandomSize> random{};
  std::vector<uint8_t> session_id;
  uint16_t cipher_suite = 0;
  uint8_t compression_method = 0;
  HelloExtensions extensions;
  bool operator==(const ServerHello&) const = default;
};

// Errors: kTruncated, kBadLength, kTrailingData, extension errors.
Result<ServerHello> parse_server_hello(std::span<const uint8_t> body);
std::vector<uint8_t> serialize(const ServerHello& hello);
std::string describe(const ServerHello& hello);

}  // namespace tern::dtls

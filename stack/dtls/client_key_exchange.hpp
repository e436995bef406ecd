#pragma once
// ClientKeyExchange for ECDHE (RFC 8422 §5.7): the client's ephemeral public key.
//
//   +----------------+----------------------------+
//   | point len (1)  | ecdh_Yc <1..2^8-1>         |
//   +----------------+----------------------------+
#include <cstdint>
#include <span>
#include <string>
#include <vector>

#include "common/error.hpp"

namespace tern::dtls {

struct ClientKeyExchange {
  std::vector<uint8_t> public_key;
  bool operator==(const ClientKeyExchange&) const = default;
};

// Errors: kTruncated, kBadLength (empty point), kTrailingData.
Result<ClientKeyExchange> parse_client_key_exchange(std::span<const uint8_t> body);
std::vector<uint8_t> serialize(const ClientKeyExchange& message);
std::string describe(const ClientKeyExchange& message);

}  // namespace tern::dtls

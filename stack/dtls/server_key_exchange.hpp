#pragma once
// ServerKeyExchange for ECDHE (RFC 8422 §5.4 with the TLS 1.2 signature of RFC 5246 §7.4.3).
//
//   ServerECDHParams:
//   +----------------+-------------------------------+----------------+-------------+
//   | curve_type (1) | named_curve (2)               | point len (1)  | point ...   |
//   | = 3 named_curve|                               |                |             |
//   +----------------+-------------------------------+----------------+-------------+
//   DigitallySigned:
//   +-------------------------------+-------------------------------+---------------+
//   | SignatureAndHashAlgorithm (2) | signature length (2)          | signature ... |
//   +-------------------------------+-------------------------------+---------------+
//
// The signature covers client_random + server_random + ServerECDHParams.
#include <array>
#include <cstdint>
#include <span>
#include <string>
#include <vector>

#include "common/error.hpp"
#include "dtls/client_hello.hpp"
#include "dtls/named_group.hpp"
#include "dtls/signature_scheme.hpp"

namespace tern::dtls {

struct ServerKeyExchange {
  NamedGroup named_curve = NamedGroup::kX25519;
  std::vector<uint8_t> public_key;  // ECPoint <1..2^8-1>
  SignatureScheme signature_scheme = SignatureScheme::kEcdsaSecp256r1Sha256;
  std::vector<uint8_t> signature;   // <0..2^16-1>
  bool operator==(const ServerKeyExchange&) const = default;
};

// Errors: kTruncated, kBadLength (empty point), kBadValue (curve_type not named_curve: RFC 8422
// §5.4 forbids explicit curves), kTrailingData.
Result<ServerKeyExchange> parse_server_key_exchange(std::span<const uint8_t> body);
std::vector<uint8_t> serialize(const ServerKeyExchange& message);
// The bytes the signature covers (RFC 8422 §5.4): client_random + server_random + ServerECDHParams.
std::vector<uint8_t> server_key_exchange_signed_data(const ServerKeyExchange& message,
                                                     std::span<const uint8_t, kRandomSize> client_random,
                                                     std::span<const uint8_t, kRandomSize> server_random);
std::string describe(const ServerKeyExchange& message);

}  // namespace tern::dtls

#pragma once
// The TLS 1.2 pseudo-random function (RFC 5246 §5): P_hash over HMAC, used by DTLS 1.2 for the
// master secret, the key block, Finished verify_data and the keying-material exporter (RFC 5705).
#include <cstdint>
#include <span>
#include <string_view>

#include "crypto/hash.hpp"

namespace tern::crypto {

// Fills `out` with PRF(secret, label, seed) = P_<hash>(secret, label + seed) (RFC 5246 §5).
// `hash` is SHA-256 for the TLS 1.2 default PRF, SHA-384 for *_SHA384 cipher suites.
void tls12_prf(HashAlgorithm hash, std::span<const uint8_t> secret, std::string_view label,
               std::span<const uint8_t> seed, std::span<uint8_t> out);

// The same with seed = seed_a + seed_b (the common "client_random + server_random" case), without
// concatenating into a temporary.
void tls12_prf(HashAlgorithm hash, std::span<const uint8_t> secret, std::string_view label,
               std::span<const uint8_t> seed_a, std::span<const uint8_t> seed_b, std::span<uint8_t> out);

}  // namespace tern::crypto

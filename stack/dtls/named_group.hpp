#pragma once
// Named groups for ECDHE (RFC 8422 §5.1.1, RFC 7748 / RFC 8446 registry values).
#include <cstdint>
#include <optional>

#include "crypto/ecdh.hpp"

namespace tern::dtls {

enum class NamedGroup : uint16_t {
  kSecp256r1 = 23,
  kSecp384r1 = 24,
  kSecp521r1 = 25,
  kX25519 = 29,
  kX448 = 30,
};

// RFC 8422 §5.1.2 ECPointFormat: tern only speaks uncompressed.
inline constexpr uint8_t kPointFormatUncompressed = 0;
// RFC 8422 §5.4 ECCurveType: only named_curve is allowed.
inline constexpr uint8_t kCurveTypeNamedCurve = 3;

// "x25519", "secp256r1", ... or "unknown".
const char* named_group_name(NamedGroup group);
// The crypto group for a group tern implements; nullopt for the others.
std::optional<crypto::EcdhGroup> to_ecdh_group(NamedGroup group);
NamedGroup from_ecdh_group(crypto::EcdhGroup group);

}  // namespace tern::dtls

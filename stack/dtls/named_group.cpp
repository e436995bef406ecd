#include "dtls/named_group.hpp"

namespace tern::dtls {

const char* named_group_name(NamedGroup group) {
  switch (group) {
    case NamedGroup::kSecp256r1: return "secp256r1";
    case NamedGroup::kSecp384r1: return "secp384r1";
    case NamedGroup::kSecp521r1: return "secp521r1";
    case NamedGroup::kX25519: return "x25519";
    case NamedGroup::kX448: return "x448";
  }
  return "unknown";
}

std::optional<crypto::EcdhGroup> to_ecdh_group(NamedGroup group) {
  switch (group) {
    case NamedGroup::kSecp256r1: return crypto::EcdhGroup::kP256;
    case NamedGroup::kX25519: return crypto::EcdhGroup::kX25519;
    default: return std::nullopt;
  }
}

NamedGroup from_ecdh_group(crypto::EcdhGroup group) {
  return group == crypto::EcdhGroup::kX25519 ? NamedGroup::kX25519 : NamedGroup::kSecp256r1;
}

}  // namespace tern::dtls

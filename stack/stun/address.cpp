#include "stun/address.hpp"

#include <algorithm>

#include "common/assert.hpp"
#include "common/byte_reader.hpp"

namespace tern::stun {
namespace {

// The 16 bytes an address is XORed with: magic cookie || transaction ID (RFC 8489 §14.2).
std::array<uint8_t, 16> xor_mask(const TransactionId& txid) {
  std::array<uint8_t, 16> mask{};
  store_be32(mask.data(), kMagicCookie);
  std::copy(txid.begin(), txid.end(), mask.begin() + 4);
  return mask;
}

}  // namespace

const char* address_family_name(AddressFamily family) {
  switch (family) {
    case AddressFamily::kIpv4: return "IPv4";
    case AddressFamily::kIpv6: return "IPv6";
  }
  return "unknown";
}

Result<SocketAddress> parse_address_value(std::span<const uint8_t> value, bool xored, const TransactionId& txid) {
  if (value.size() < 4) return Error(StunErrc::kBadAttributeLength, "address shorter than 4 bytes", 0);
  // RFC 8489 §14.1: the first 8 bits MUST be ignored by receivers.
  const uint8_t family = value[1];
  size_t ip_size = 0;
  if (family == static_cast<uint8_t>(AddressFamily::kIpv4)) {
    ip_size = 4;
  } else if (family == static_cast<uint8_t>(AddressFamily::kIpv6)) {
    ip_size = 16;
  } else {
    // RFC 8489 §14.1: family is 0x01 (IPv4) or 0x02 (IPv6).
    return Error(StunErrc::kBadAddressFamily, "address family", 1);
  }
  // RFC 8489 §14.1: IPv4 addresses MUST be 32 bits, IPv6 128 bits.
  if (value.size() != 4 + ip_size) {
    return Error(StunErrc::kBadAttributeLength, "address length does not match its family", 0);
  }
  uint16_t port = load_be16(value.data() + 2);
  std::array<uint8_t, 16> ip{};
  std::copy_n(value.data() + 4, ip_size, ip.begin());
  if (xored) {
    // RFC 8489 §14.2: X-Port is XORed with the cookie's top 16 bits, X-Address with cookie || txid.
    port ^= static_cast<uint16_t>(kMagicCookie >> 16);
    const auto mask = xor_mask(txid);
    for (size_t i = 0; i < ip_size; ++i) ip[i] ^= mask[i];
  }
  auto address = IpAddress::from_bytes({ip.data(), ip_size});
  TERN_ASSERT(address.has_value(), "4 or 16 address bytes");
  return SocketAddress(*address, port);
}

void serialize_address_value(const SocketAddress& address, bool xored, const TransactionId& txid,
                             std::span<uint8_t> out) {
  const auto ip = address.ip().bytes();
  TERN_ASSERT(out.size() == 4 + ip.size(), "address value buffer size");
  // RFC 8489 §14.1: the first 8 bits MUST be set to 0.
  out[0] = 0;
  out[1] = static_cast<uint8_t>(address_family_of(address.family()));
  uint16_t port = address.port();
  if (xored) port ^= static_cast<uint16_t>(kMagicCookie >> 16);
  store_be16(out.data() + 2, port);
  const auto mask = xor_mask(txid);
  for (size_t i = 0; i < ip.size(); ++i) out[4 + i] = xored ? ip[i] ^ mask[i] : ip[i];
}

}  // namespace tern::stun

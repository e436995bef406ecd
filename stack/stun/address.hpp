#pragma once
// Transport addresses and the attributes that carry them.
//
// MAPPED-ADDRESS (RFC 8489 §14.1, Figure 5), also ALTERNATE-SERVER (§14.15):
//
//      0                   1                   2                   3
//      0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
//     +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
//     |0 0 0 0 0 0 0 0|    Family     |           Port                |
//     +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
//     |                                                               |
//     |                 Address (32 bits or 128 bits)                 |
//     |                                                               |
//     +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
//
// XOR-MAPPED-ADDRESS (RFC 8489 §14.2, Figure 6), also XOR-PEER-ADDRESS and XOR-RELAYED-ADDRESS
// (RFC 8656 §18.3, §18.5):
//
//      0                   1                   2                   3
//      0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
//     +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
//     |0 0 0 0 0 0 0 0|    Family     |         X-Port                |
//     +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
//     |                X-Address (Variable)
//     +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
//
// X-Port = port XOR the top 16 bits of the magic cookie; X-Address = address XOR the magic cookie
// (IPv4) or XOR (magic cookie || transaction ID) (IPv6).
#include <cstdint>
#include <span>

#include "common/error.hpp"
#include "common/socket_address.hpp"
#include "stun/attribute_type.hpp"
#include "stun/message.hpp"

namespace tern::stun {

// RFC 8489 §14.1: address family values.
enum class AddressFamily : uint8_t { kIpv4 = 0x01, kIpv6 = 0x02 };

// "IPv4" / "IPv6" / "unknown".
const char* address_family_name(AddressFamily family);

// The wire family code of a tern::IpAddress.
constexpr AddressFamily address_family_of(IpFamily family) {
  return family == IpFamily::kV6 ? AddressFamily::kIpv6 : AddressFamily::kIpv4;
}

// The address attributes: the same value with or without the XOR obfuscation.
template <AttributeType K, bool kXor>
struct AddressAttribute {
  static constexpr AttributeType kType = K;
  static constexpr const char* kName = attribute_name_cstr(K);

  SocketAddress address;  // tern::SocketAddress (common/socket_address.hpp)

  // Errors: kBadAttributeLength (not 8 or 20 bytes, or not matching the family),
  // kBadAddressFamily. The first byte is ignored (RFC 8489 §14.1: "MUST be ignored by receivers").
  static Result<AddressAttribute> parse(std::span<const uint8_t> value, const TransactionId& txid);
  size_t value_size() const { return 4 + address.ip().bytes().size(); }
  // Always succeeds: a tern::IpAddress is IPv4 or IPv6, the two families the RFC defines.
  Status validate() const { return {}; }
  // Writes value_size() bytes.
  void serialize(std::span<uint8_t> out, const TransactionId& txid) const;
  bool operator==(const AddressAttribute&) const = default;
};

using MappedAddress = AddressAttribute<AttributeType::kMappedAddress, false>;
using AlternateServer = AddressAttribute<AttributeType::kAlternateServer, false>;
using XorMappedAddress = AddressAttribute<AttributeType::kXorMappedAddress, true>;
using XorPeerAddress = AddressAttribute<AttributeType::kXorPeerAddress, true>;
using XorRelayedAddress = AddressAttribute<AttributeType::kXorRelayedAddress, true>;

// The untyped codec behind the attributes above.
Result<SocketAddress> parse_address_value(std::span<const uint8_t> value, bool xored, const TransactionId& txid);
void serialize_address_value(const SocketAddress& address, bool xored, const TransactionId& txid,
                             std::span<uint8_t> out);

template <AttributeType K, bool kXor>
Result<AddressAttribute<K, kXor>> AddressAttribute<K, kXor>::parse(std::span<const uint8_t> value,
                                                                  const TransactionId& txid) {
  auto a = parse_address_value(value, kXor, txid);
  if (!a) return a.error();
  return AddressAttribute{*a};
}

template <AttributeType K, bool kXor>
void AddressAttribute<K, kXor>::serialize(std::span<uint8_t> out, const TransactionId& txid) const {
  serialize_address_value(address, kXor, txid, out);
}

}  // namespace tern::stun

#pragma once
// Shared helpers for the stun tests.
#include <catch2/catch.hpp>

#include <array>
#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "common/hex.hpp"
#include "common/socket_address.hpp"
#include "stun/message.hpp"

namespace tern::stun::test {

// Hex (spaces/newlines allowed, as the RFCs print it) to bytes.
inline std::vector<uint8_t> hex(std::string_view text) {
  auto r = from_hex(text);
  REQUIRE(r.ok());
  return *r;
}

inline std::span<const uint8_t> bytes(std::string_view s) {
  return {reinterpret_cast<const uint8_t*>(s.data()), s.size()};
}

inline TransactionId txid(std::string_view hex_text) {
  auto v = hex(hex_text);
  REQUIRE(v.size() == kTransactionIdSize);
  TransactionId t{};
  std::copy(v.begin(), v.end(), t.begin());
  return t;
}

// A message with a header and the given raw attribute bytes (already TLV-encoded).
inline std::vector<uint8_t> raw_message(uint16_t type, std::string_view attribute_hex,
                                        std::string_view transaction = "000102030405060708090a0b") {
  auto attrs = hex(attribute_hex);
  std::vector<uint8_t> m = hex("0000 0000 2112a442");
  auto t = hex(transaction);
  m.insert(m.end(), t.begin(), t.end());
  m.insert(m.end(), attrs.begin(), attrs.end());
  m[0] = static_cast<uint8_t>(type >> 8);
  m[1] = static_cast<uint8_t>(type);
  m[2] = static_cast<uint8_t>(attrs.size() >> 8);
  m[3] = static_cast<uint8_t>(attrs.size());
  return m;
}

// Socket addresses from their bytes, as the RFC samples print them.
inline SocketAddress v4(std::array<uint8_t, 4> ip, uint16_t port) {
  return {IpAddress::v4(ip[0], ip[1], ip[2], ip[3]), port};
}
inline SocketAddress v6(const std::array<uint8_t, 16>& ip, uint16_t port) {
  return {IpAddress::v6(std::span<const uint8_t, 16>(ip)), port};
}

}  // namespace tern::stun::test

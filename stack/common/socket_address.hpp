#pragma once
// IpAddress and SocketAddress: plain values (no sockets here). Used by STUN/TURN attributes, ICE
// candidates, the simulated network and stack/net alike.
#include <array>
#include <compare>
#include <cstdint>
#include <functional>
#include <optional>
#include <span>
#include <string>
#include <string_view>

namespace tern {

enum class IpFamily : uint8_t { kV4 = 4, kV6 = 6 };

class IpAddress {
 public:
  // 0.0.0.0
  IpAddress() = default;
  static IpAddress v4(uint8_t a, uint8_t b, uint8_t c, uint8_t d);
  static IpAddress v4(uint32_t host_order);
  static IpAddress v6(std::span<const uint8_t, 16> bytes);
  // From 4 or 16 network-order bytes; nullopt for any other length.
  static std::optional<IpAddress> from_bytes(std::span<const uint8_t> bytes);
  // Dotted quad or RFC 4291/5952 text (no zone ids, no brackets); nullopt when malformed.
  static std::optional<IpAddress> parse(std::string_view text);

  IpFamily family() const { return family_; }
  bool is_v4() const { return family_ == IpFamily::kV4; }
  bool is_v6() const { return family_ == IpFamily::kV6; }
  // 4 or 16 network-order bytes.
  std::span<const uint8_t> bytes() const { return {bytes_.data(), is_v4() ? size_t{4} : size_t{16}}; }
  uint32_t v4_host_order() const;

  bool is_loopback() const;    // 127.0.0.0/8, ::1
  bool is_unspecified() const; // 0.0.0.0, ::
  bool is_link_local() const;  // 169.254.0.0/16, fe80::/10
  bool is_private() const;     // RFC 1918, fc00::/7

  // Canonical text (RFC 5952 for IPv6).
  std::string to_string() const;

  auto operator<=>(const IpAddress&) const = default;

 private:
  IpFamily family_ = IpFamily::kV4;
  std::array<uint8_t, 16> bytes_{};  // IPv4 uses the first 4
};

class SocketAddress {
 public:
  SocketAddress() = default;
  SocketAddress(IpAddress ip, uint16_t port) : ip_(ip), port_(port) {}
  // "1.2.3.4:5678" or "[::1]:5678"; nullopt when malformed.
  static std::optional<SocketAddress> parse(std::string_view text);

  const IpAddress& ip() const { return ip_; }
  uint16_t port() const { return port_; }
  IpFamily family() const { return ip_.family(); }
  std::string to_string() const;

  auto operator<=>(const SocketAddress&) const = default;

 private:
  IpAddress ip_;
  uint16_t port_ = 0;
};

enum class TransportProtocol : uint8_t { kUdp, kTcp };
const char* transport_name(TransportProtocol protocol);  // "udp" / "tcp"

}  // namespace tern

template <>
struct std::hash<tern::IpAddress> {
  size_t operator()(const tern::IpAddress& a) const noexcept;
};
template <>
struct std::hash<tern::SocketAddress> {
  size_t operator()(const tern::SocketAddress& a) const noexcept;
};

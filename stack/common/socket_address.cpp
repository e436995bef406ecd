#include "common/socket_address.hpp"

#include <arpa/inet.h>

#include <charconv>
#include <cstring>

namespace tern {

IpAddress IpAddress::v4(uint8_t a, uint8_t b, uint8_t c, uint8_t d) {
  IpAddress ip;
  ip.bytes_[0] = a;
  ip.bytes_[1] = b;
  ip.bytes_[2] = c;
  ip.bytes_[3] = d;
  return ip;
}

IpAddress IpAddress::v4(uint32_t host_order) {
  return v4(static_cast<uint8_t>(host_order >> 24), static_cast<uint8_t>(host_order >> 16),
            static_cast<uint8_t>(host_order >> 8), static_cast<uint8_t>(host_order));
}

IpAddress IpAddress::v6(std::span<const uint8_t, 16> bytes) {
  IpAddress ip;
  ip.family_ = IpFamily::kV6;
  std::memcpy(ip.bytes_.data(), bytes.data(), 16);
  return ip;
}

std::optional<IpAddress> IpAddress::from_bytes(std::span<const uint8_t> bytes) {
  if (bytes.size() == 4) return v4(bytes[0], bytes[1], bytes[2], bytes[3]);
  if (bytes.size() == 16) return v6(bytes.first<16>());
  return std::nullopt;
}

std::optional<IpAddress> IpAddress::parse(std::string_view text) {
  // inet_pton is pure text conversion (no I/O); it needs a terminated string of bounded length.
  char buf[64];
  if (text.empty() || text.size() >= sizeof buf) return std::nullopt;
  std::memcpy(buf, text.data(), text.size());
  buf[text.size()] = '\0';
  uint8_t out[16];
  if (text.find(':') != std::string_view::npos) {
    if (inet_pton(AF_INET6, buf, out) != 1) return std::nullopt;
    return v6(std::span<const uint8_t, 16>(out, 16));
  }
  if (inet_pton(AF_INET, buf, out) != 1) return std::nullopt;
  return v4(out[0], out[1], out[2], out[3]);
}

uint32_t IpAddress::v4_host_order() const {
  return (uint32_t{bytes_[0]} << 24) | (uint32_t{bytes_[1]} << 16) | (uint32_t{bytes_[2]} << 8) | bytes_[3];
}

bool IpAddress::is_loopback() const {
  if (is_v4()) return bytes_[0] == 127;
  for (int i = 0; i < 15; ++i)
    if (bytes_[i] != 0) return false;
  return bytes_[15] == 1;
}

bool IpAddress::is_unspecified() const {
  for (uint8_t b : bytes())
    if (b != 0) return false;
  return true;
}

bool IpAddress::is_link_local() const {
  if (is_v4()) return bytes_[0] == 169 && bytes_[1] == 254;
  return bytes_[0] == 0xfe && (bytes_[1] & 0xc0) == 0x80;
}

bool IpAddress::is_private() const {
  if (is_v4())
    return bytes_[0] == 10 || (bytes_[0] == 172 && (bytes_[1] & 0xf0) == 16) ||
           (bytes_[0] == 192 && bytes_[1] == 168);
  return (bytes_[0] & 0xfe) == 0xfc;
}

std::string IpAddress::to_string() const {
  char buf[INET6_ADDRSTRLEN];
  const char* s = inet_ntop(is_v4() ? AF_INET : AF_INET6, bytes_.data(), buf, sizeof buf);
  return s ? std::string(s) : std::string("?");
}

std::optional<SocketAddress> SocketAddress::parse(std::string_view text) {
  std::string_view host;
  std::string_view port_text;
  if (!text.empty() && text.front() == '[') {
    size_t close = text.find(']');
    if (close == std::string_view::npos || close + 1 >= text.size() || text[close + 1] != ':') return std::nullopt;
    host = text.substr(1, close - 1);
    port_text = text.substr(close + 2);
    if (host.find(':') == std::string_view::npos) return std::nullopt;
  } else {
    size_t colon = text.rfind(':');
    if (colon == std::string_view::npos) return std::nullopt;
    host = text.substr(0, colon);
    port_text = text.substr(colon + 1);
    if (host.find(':') != std::string_view::npos) return std::nullopt;  // IPv6 needs brackets
  }
  uint16_t port = 0;
  auto [end, ec] = std::from_chars(port_text.data(), port_text.data() + port_text.size(), port);
  if (ec != std::errc() || end != port_text.data() + port_text.size() || port_text.empty()) return std::nullopt;
  auto ip = IpAddress::parse(host);
  if (!ip) return std::nullopt;
  return SocketAddress(*ip, port);
}

std::string SocketAddress::to_string() const {
  if (ip_.is_v6()) return "[" + ip_.to_string() + "]:" + std::to_string(port_);
  return ip_.to_string() + ":" + std::to_string(port_);
}

const char* transport_name(TransportProtocol protocol) {
  return protocol == TransportProtocol::kUdp ? "udp" : "tcp";
}

}  // namespace tern

size_t std::hash<tern::IpAddress>::operator()(const tern::IpAddress& a) const noexcept {
  size_t h = static_cast<size_t>(a.family());
  for (uint8_t b : a.bytes()) h = h * 131 + b;
  return h;
}

size_t std::hash<tern::SocketAddress>::operator()(const tern::SocketAddress& a) const noexcept {
  return std::hash<tern::IpAddress>{}(a.ip()) * 65599 + a.port();
}

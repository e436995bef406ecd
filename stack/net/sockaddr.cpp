#include "net/sockaddr.hpp"

#include <arpa/inet.h>
#include <netinet/in.h>

#include <cstring>

namespace tern::net {

int address_family(IpFamily family) { return family == IpFamily::kV4 ? AF_INET : AF_INET6; }

socklen_t to_sockaddr(const SocketAddress& address, sockaddr_storage& out) {
  std::memset(&out, 0, sizeof out);
  if (address.ip().is_v4()) {
    sockaddr_in sin{};
    sin.sin_family = AF_INET;
    sin.sin_port = htons(address.port());
    std::memcpy(&sin.sin_addr, address.ip().bytes().data(), 4);
    std::memcpy(&out, &sin, sizeof sin);
    return sizeof sin;
  }
  sockaddr_in6 sin6{};
  sin6.sin6_family = AF_INET6;
  sin6.sin6_port = htons(address.port());
  std::memcpy(&sin6.sin6_addr, address.ip().bytes().data(), 16);
  std::memcpy(&out, &sin6, sizeof sin6);
  return sizeof sin6;
}

std::optional<SocketAddress> from_sockaddr(const sockaddr_storage& in, socklen_t length) {
  if (in.ss_family == AF_INET && length >= static_cast<socklen_t>(sizeof(sockaddr_in))) {
    sockaddr_in sin;
    std::memcpy(&sin, &in, sizeof sin);
    uint8_t bytes[4];
    std::memcpy(bytes, &sin.sin_addr, 4);
    return SocketAddress(*IpAddress::from_bytes(bytes), ntohs(sin.sin_port));
  }
  if (in.ss_family == AF_INET6 && length >= static_cast<socklen_t>(sizeof(sockaddr_in6))) {
    sockaddr_in6 sin6;
    std::memcpy(&sin6, &in, sizeof sin6);
    uint8_t bytes[16];
    std::memcpy(bytes, &sin6.sin6_addr, 16);
    return SocketAddress(*IpAddress::from_bytes(bytes), ntohs(sin6.sin6_port));
  }
  return std::nullopt;
}

}  // namespace tern::net

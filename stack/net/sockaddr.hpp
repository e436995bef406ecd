#pragma once
// Conversions between tern::SocketAddress and the kernel's sockaddr structures.
#include <sys/socket.h>

#include <optional>

#include "common/socket_address.hpp"

namespace tern::net {

// Fills `out` and returns the length to pass to bind/connect/sendto.
socklen_t to_sockaddr(const SocketAddress& address, sockaddr_storage& out);
// nullopt for families other than AF_INET/AF_INET6 or a short length.
std::optional<SocketAddress> from_sockaddr(const sockaddr_storage& in, socklen_t length);
// AF_INET or AF_INET6.
int address_family(IpFamily family);

}  // namespace tern::net

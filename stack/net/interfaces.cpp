#include "net/interfaces.hpp"

#include <ifaddrs.h>
#include <net/if.h>
#include <netinet/in.h>
#include <sys/socket.h>

#include <bit>
#include <cstring>

#include "net/net_error.hpp"
#include "net/sockaddr.hpp"

namespace tern::net {
namespace {

// Length of the sockaddr behind `sa` for its family (getifaddrs does not give one).
socklen_t sockaddr_length(const sockaddr* sa) {
  return sa->sa_family == AF_INET ? sizeof(sockaddr_in) : sizeof(sockaddr_in6);
}

std::optional<IpAddress> ip_of(const sockaddr* sa) {
  if (sa == nullptr || (sa->sa_family != AF_INET && sa->sa_family != AF_INET6)) return std::nullopt;
  sockaddr_storage ss{};
  std::memcpy(&ss, sa, sockaddr_length(sa));
  std::optional<SocketAddress> a = from_sockaddr(ss, sockaddr_length(sa));
  if (!a) return std::nullopt;
  return a->ip();
}

uint8_t prefix_of(const sockaddr* netmask) {
  std::optional<IpAddress> mask = ip_of(netmask);
  if (!mask) return 0;
  int bits = 0;
  for (uint8_t b : mask->bytes()) bits += std::popcount(b);
  return static_cast<uint8_t>(bits);
}

}  // namespace

Result<std::vector<NetworkInterface>> list_interfaces(const InterfaceQuery& query) {
  ifaddrs* list = nullptr;
  if (::getifaddrs(&list) != 0) return system_error("getifaddrs");
  std::vector<NetworkInterface> out;
  for (const ifaddrs* ifa = list; ifa != nullptr; ifa = ifa->ifa_next) {
    std::optional<IpAddress> ip = ip_of(ifa->ifa_addr);
    if (!ip) continue;  // AF_PACKET and friends
    if (ip->is_v4() ? !query.ipv4 : !query.ipv6) continue;
    NetworkInterface nic;
    nic.name = ifa->ifa_name ? ifa->ifa_name : "";
    nic.index = ifa->ifa_name ? ::if_nametoindex(ifa->ifa_name) : 0;
    nic.address = *ip;
    nic.prefix_length = prefix_of(ifa->ifa_netmask);
    nic.loopback = (ifa->ifa_flags & IFF_LOOPBACK) != 0 || ip->is_loopback();
    nic.up = (ifa->ifa_flags & IFF_UP) != 0 && (ifa->ifa_flags & IFF_RUNNING) != 0;
    if (nic.loopback && !query.include_loopback) continue;
    if (!nic.up && !query.include_down) continue;
    if (ip->is_link_local() && !query.include_link_local) continue;
    out.push_back(std::move(nic));
  }
  ::freeifaddrs(list);
  return out;
}

std::string describe(const NetworkInterface& nic) {
  std::string s = nic.name + " (" + std::to_string(nic.index) + ") " + nic.address.to_string() + "/" +
                  std::to_string(nic.prefix_length);
  if (nic.loopback) s += " loopback";
  s += nic.up ? " up" : " down";
  return s;
}

}  // namespace tern::net

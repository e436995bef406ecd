#pragma once
// Local network interface enumeration (getifaddrs): the addresses ICE gathers host candidates on.
#include <cstdint>
#include <string>
#include <vector>

#include "common/error.hpp"
#include "common/socket_address.hpp"

namespace tern::net {

struct NetworkInterface {
  std::string name;        // "eth0", "lo", ...
  uint32_t index = 0;      // if_nametoindex (IPv6 scope id)
  IpAddress address;
  uint8_t prefix_length = 0;
  bool loopback = false;   // IFF_LOOPBACK
  bool up = false;         // IFF_UP && IFF_RUNNING
};

struct InterfaceQuery {
  bool include_loopback = false;    // tests ask for 127.0.0.1 / ::1
  bool include_down = false;        // interfaces not up and running
  bool include_link_local = true;   // 169.254/16, fe80::/10
  bool ipv4 = true;
  bool ipv6 = true;
};

// Every address matching `query`, in getifaddrs order. Errors: system_error from getifaddrs.
Result<std::vector<NetworkInterface>> list_interfaces(const InterfaceQuery& query = {});

// "eth0 (2) 192.168.1.10/24 up" on one line.
std::string describe(const NetworkInterface& nic);

}  // namespace tern::net

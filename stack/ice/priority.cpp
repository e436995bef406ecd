#include "ice/priority.hpp"

#include <algorithm>

namespace tern::ice {
namespace {

uint16_t address_class_rank(const IpAddress& ip) {
  if (ip.is_loopback()) return 0;
  if (ip.is_v4()) return ip.is_link_local() ? 2 : 6;
  if (ip.is_link_local()) return 1;
  if (ip.is_private()) return 5;  // fc00::/7
  const auto b = ip.bytes();
  // RFC 4291 §2.4: global unicast is 2000::/3; anything else (IPv4-mapped, ...) ranks low.
  if ((b[0] & 0xE0) == 0x20) return 7;
  return 3;
}

}  // namespace

uint16_t local_preference(const IpAddress& ip, uint16_t interface_index) {
  const uint16_t order = static_cast<uint16_t>(0x1FFF - std::min<uint16_t>(interface_index, 0x1FFF));
  return static_cast<uint16_t>((address_class_rank(ip) << 13) | order);
}

}  // namespace tern::ice

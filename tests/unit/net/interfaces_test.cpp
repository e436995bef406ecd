// Interface enumeration: loopback only on request; every address is well formed.
#include <catch2/catch.hpp>

#include "net/interfaces.hpp"

namespace tern::net {
namespace {

TEST_CASE("list_interfaces includes 127.0.0.1 only when loopback is requested", "[net][ifaces]") {
  InterfaceQuery with_lo;
  with_lo.include_loopback = true;
  auto all = list_interfaces(with_lo);
  REQUIRE(all.ok());
  bool found = false;
  for (const NetworkInterface& nic : *all) {
    INFO(describe(nic));
    CHECK_FALSE(nic.name.empty());
    CHECK(nic.prefix_length <= (nic.address.is_v4() ? 32 : 128));
    CHECK(nic.up);  // down ones were not requested
    if (nic.address == IpAddress::v4(127, 0, 0, 1)) {
      found = true;
      CHECK(nic.loopback);
      CHECK(nic.prefix_length == 8);
      CHECK(nic.index != 0);
      CHECK(describe(nic).find("127.0.0.1/8 loopback up") != std::string::npos);
    }
  }
  CHECK(found);

  auto default_query = list_interfaces();
  REQUIRE(default_query.ok());
  for (const NetworkInterface& nic : *default_query) {
    INFO(describe(nic));
    CHECK_FALSE(nic.loopback);
    CHECK_FALSE(nic.address.is_loopback());
  }

  InterfaceQuery v6_only = with_lo;
  v6_only.ipv4 = false;
  auto v6 = list_interfaces(v6_only);
  REQUIRE(v6.ok());
  for (const NetworkInterface& nic : *v6) CHECK(nic.address.is_v6());
}

}  // namespace
}  // namespace tern::net

// UDP sockets on loopback: echo over 127.0.0.1 and ::1, destination address reporting, port
// ranges and the error table.
#include <catch2/catch.hpp>

#include <string>
#include <vector>

#include "net/event_loop.hpp"
#include "net/net_error.hpp"
#include "net/udp_socket.hpp"
#include "loop_util.hpp"

namespace tern::net {
namespace {

// Echo `message` from a client socket through a server socket that reflects it, driven by an
// event loop. Returns false (after a WARN) when the family is unavailable on this machine.
bool echo_over(const IpAddress& loopback) {
  Result<UdpSocket> server = UdpSocket::bind(SocketAddress(loopback, 0));
  if (!server && loopback.is_v6() &&
      (server.error().is(NetErrc::kAddressNotAvailable) || server.error().is(NetErrc::kFamilyNotSupported))) {
    WARN("IPv6 loopback unavailable, skipped: " << server.error().to_string());
    return false;
  }
  REQUIRE(server.ok());
  Result<UdpSocket> client = UdpSocket::bind(SocketAddress(loopback, 0));
  REQUIRE(client.ok());
  CHECK(server->local_address().ip() == loopback);
  CHECK(server->local_address().port() != 0);

  auto loop = EventLoop::create();
  REQUIRE(loop.ok());
  std::vector<ReceivedDatagram> at_server;
  std::string echoed;
  REQUIRE((*loop)->watch(server->fd(), kReadable, [&](uint32_t) {
    uint8_t buf[2048];
    while (true) {
      auto r = server->receive(buf);
      REQUIRE(r.ok());
      if (!*r) break;
      at_server.push_back(**r);
      REQUIRE(server->send_to(std::span<const uint8_t>(buf, (*r)->size), (*r)->source).ok());
    }
  }).ok());
  REQUIRE((*loop)->watch(client->fd(), kReadable, [&](uint32_t) {
    uint8_t buf[2048];
    auto r = client->receive(buf);
    REQUIRE(r.ok());
    if (*r) echoed.assign(reinterpret_cast<const char*>(buf), (*r)->size);
  }).ok());

  const std::string message = "ping over " + loopback.to_string();
  Transmit t;
  t.destination = server->local_address();
  t.payload.assign(message.begin(), message.end());
  REQUIRE(client->send(t).ok());
  REQUIRE(test::run_loop_until(**loop, [&] { return !echoed.empty(); }));
  CHECK(echoed == message);
  REQUIRE(at_server.size() == 1);
  CHECK(at_server[0].source == client->local_address());
  CHECK(at_server[0].destination == server->local_address());  // from IP(V6)_PKTINFO
  CHECK_FALSE(at_server[0].truncated);
  (*loop)->unwatch(server->fd());
  (*loop)->unwatch(client->fd());
  return true;
}

TEST_CASE("UDP echo over 127.0.0.1", "[net][udp]") {
  CHECK(echo_over(IpAddress::v4(127, 0, 0, 1)));
}

TEST_CASE("UDP echo over ::1 (skipped when IPv6 is unavailable)", "[net][udp]") {
  echo_over(*IpAddress::parse("::1"));
}

TEST_CASE("a wildcard-bound socket reports the loopback address each datagram arrived on",
          "[net][udp]") {
  Result<UdpSocket> server = UdpSocket::bind(SocketAddress(IpAddress(), 0));
  REQUIRE(server.ok());
  const uint16_t port = server->local_address().port();
  Result<UdpSocket> client = UdpSocket::bind(SocketAddress(IpAddress::v4(127, 0, 0, 1), 0));
  REQUIRE(client.ok());
  // 127.0.0.2 is loopback too (all of 127/8 is routed to lo on Linux).
  const uint8_t data[] = {1, 2, 3};
  REQUIRE(client->send_to(data, SocketAddress(IpAddress::v4(127, 0, 0, 1), port)).ok());
  REQUIRE(client->send_to(data, SocketAddress(IpAddress::v4(127, 0, 0, 2), port)).ok());
  std::vector<SocketAddress> destinations;
  auto loop = EventLoop::create();
  REQUIRE(loop.ok());
  REQUIRE((*loop)->watch(server->fd(), kReadable, [&](uint32_t) {
    uint8_t buf[16];
    auto r = server->receive(buf);
    REQUIRE(r.ok());
    if (*r) destinations.push_back((*r)->destination);
  }).ok());
  REQUIRE(test::run_loop_until(**loop, [&] { return destinations.size() == 2; }));
  CHECK(destinations[0] == SocketAddress(IpAddress::v4(127, 0, 0, 1), port));
  CHECK(destinations[1] == SocketAddress(IpAddress::v4(127, 0, 0, 2), port));

  // Replying with an explicit source IP (IP_PKTINFO on send) makes the reply come from 127.0.0.2.
  REQUIRE(server->send_to(data, client->local_address(), IpAddress::v4(127, 0, 0, 2)).ok());
  std::optional<ReceivedDatagram> reply;
  REQUIRE((*loop)->watch(client->fd(), kReadable, [&](uint32_t) {
    uint8_t buf[16];
    auto r = client->receive(buf);
    REQUIRE(r.ok());
    if (*r) reply = **r;
  }).ok());
  REQUIRE(test::run_loop_until(**loop, [&] { return reply.has_value(); }));
  CHECK(reply->source == SocketAddress(IpAddress::v4(127, 0, 0, 2), port));
  (*loop)->unwatch(server->fd());
  (*loop)->unwatch(client->fd());
}

TEST_CASE("receive: nothing waiting, and truncation", "[net][udp]") {
  Result<UdpSocket> a = UdpSocket::bind(SocketAddress(IpAddress::v4(127, 0, 0, 1), 0));
  Result<UdpSocket> b = UdpSocket::bind(SocketAddress(IpAddress::v4(127, 0, 0, 1), 0));
  REQUIRE(a.ok());
  REQUIRE(b.ok());
  uint8_t small[4];
  auto none = b->receive(small);
  REQUIRE(none.ok());
  CHECK_FALSE(none->has_value());  // non-blocking: returns at once

  const std::vector<uint8_t> big(100, 0xab);
  REQUIRE(a->send_to(big, b->local_address()).ok());
  auto loop = EventLoop::create();
  REQUIRE(loop.ok());
  bool readable = false;
  REQUIRE((*loop)->watch(b->fd(), kReadable, [&](uint32_t) { readable = true; }).ok());
  REQUIRE(test::run_loop_until(**loop, [&] { return readable; }));
  (*loop)->unwatch(b->fd());
  auto got = b->receive(small);
  REQUIRE(got.ok());
  REQUIRE(got->has_value());
  CHECK((*got)->size == 4);
  CHECK((*got)->truncated);
}

TEST_CASE("bind_range takes the first free port", "[net][udp]") {
  const IpAddress lo = IpAddress::v4(127, 0, 0, 1);
  // Find two adjacent free ports by binding one ephemeral port and trying the next.
  for (int attempt = 0; attempt < 20; ++attempt) {
    Result<UdpSocket> first = UdpSocket::bind(SocketAddress(lo, 0));
    REQUIRE(first.ok());
    const uint16_t p = first->local_address().port();
    if (p == 65535) continue;
    Result<UdpSocket> next = UdpSocket::bind_range(lo, p, static_cast<uint16_t>(p + 1));
    if (!next.ok()) continue;  // p+1 happened to be busy: try again elsewhere
    CHECK(next->local_address().port() == p + 1);
    Result<UdpSocket> full = UdpSocket::bind_range(lo, p, p);
    REQUIRE_FALSE(full.ok());
    CHECK(full.error().is(NetErrc::kAddressInUse));
    return;
  }
  FAIL("could not find two adjacent free ports");
}

TEST_CASE("UDP error table", "[net][udp]") {
  const IpAddress lo = IpAddress::v4(127, 0, 0, 1);
  Result<UdpSocket> taken = UdpSocket::bind(SocketAddress(lo, 0));
  REQUIRE(taken.ok());
  struct Row {
    const char* name;
    Result<UdpSocket> result;
    NetErrc code;
  };
  Row rows[] = {
      {"address in use", UdpSocket::bind(taken->local_address()), NetErrc::kAddressInUse},
      {"not a local address", UdpSocket::bind(SocketAddress(IpAddress::v4(192, 0, 2, 1), 0)),
       NetErrc::kAddressNotAvailable},
      {"empty range", UdpSocket::bind_range(lo, 2000, 1999), NetErrc::kInvalidArgument},
      {"range with port 0", UdpSocket::bind_range(lo, 0, 10), NetErrc::kInvalidArgument},
  };
  for (const Row& row : rows) {
    INFO(row.name);
    REQUIRE_FALSE(row.result.ok());
    CHECK(row.result.error().is(row.code));
  }
  const uint8_t data[] = {1};
  Status wrong_family = taken->send_to(data, SocketAddress(*IpAddress::parse("::1"), 9));
  REQUIRE_FALSE(wrong_family.ok());
  CHECK(wrong_family.error().is(NetErrc::kInvalidArgument));
}

}  // namespace
}  // namespace tern::net

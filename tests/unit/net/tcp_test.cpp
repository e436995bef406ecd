// TCP on loopback: non-blocking connect, accept, send both ways, end of stream, refused connect.
#include <catch2/catch.hpp>

#include <string>

#include "net/event_loop.hpp"
#include "net/net_error.hpp"
#include "net/tcp.hpp"
#include "loop_util.hpp"

namespace tern::net {
namespace {

void tcp_round_trip(const IpAddress& loopback) {
  Result<TcpListener> listener = TcpListener::listen(SocketAddress(loopback, 0));
  if (!listener && loopback.is_v6()) {
    WARN("IPv6 loopback unavailable, skipped: " << listener.error().to_string());
    return;
  }
  REQUIRE(listener.ok());
  auto loop_r = EventLoop::create();
  REQUIRE(loop_r.ok());
  EventLoop& loop = **loop_r;

  std::optional<TcpStream> server_side;
  REQUIRE(loop.watch(listener->fd(), kReadable, [&](uint32_t) {
    auto accepted = listener->accept();
    REQUIRE(accepted.ok());
    if (*accepted) server_side.emplace(std::move(**accepted));
  }).ok());

  Result<TcpStream> client = TcpStream::connect(listener->local_address());
  REQUIRE(client.ok());
  bool connected = false;
  REQUIRE(loop.watch(client->fd(), kWritable, [&](uint32_t) {
    REQUIRE(client->finish_connect().ok());
    connected = true;
    REQUIRE(loop.modify(client->fd(), kReadable).ok());
  }).ok());
  REQUIRE(test::run_loop_until(loop, [&] { return connected && server_side.has_value(); }));
  CHECK(server_side->remote_address() == client->local_address().value());
  CHECK(client->remote_address() == listener->local_address());

  // client -> server
  const std::string hello = "hello over tcp";
  auto sent = client->send(std::span<const uint8_t>(reinterpret_cast<const uint8_t*>(hello.data()), hello.size()));
  REQUIRE(sent.ok());
  REQUIRE(sent->has_value());
  CHECK(**sent == hello.size());
  std::string at_server;
  bool server_eof = false;
  REQUIRE(loop.watch(server_side->fd(), kReadable, [&](uint32_t) {
    uint8_t buf[256];
    auto r = server_side->receive(buf);
    REQUIRE(r.ok());
    if (!*r) return;
    if (**r == 0) {
      server_eof = true;
      loop.unwatch(server_side->fd());
      return;
    }
    at_server.append(reinterpret_cast<const char*>(buf), **r);
  }).ok());
  REQUIRE(test::run_loop_until(loop, [&] { return at_server.size() == hello.size(); }));
  CHECK(at_server == hello);

  // server -> client, then the client half-closes and the server sees end of stream.
  const std::string reply = "and back";
  auto sent_back = server_side->send(std::span<const uint8_t>(reinterpret_cast<const uint8_t*>(reply.data()), reply.size()));
  REQUIRE(sent_back.ok());
  std::string at_client;
  loop.unwatch(client->fd());
  REQUIRE(loop.watch(client->fd(), kReadable, [&](uint32_t) {
    uint8_t buf[256];
    auto r = client->receive(buf);
    REQUIRE(r.ok());
    if (*r && **r > 0) at_client.append(reinterpret_cast<const char*>(buf), **r);
  }).ok());
  REQUIRE(test::run_loop_until(loop, [&] { return at_client == reply; }));
  REQUIRE(client->shutdown_send().ok());
  REQUIRE(test::run_loop_until(loop, [&] { return server_eof; }));
  loop.unwatch(client->fd());
  loop.unwatch(listener->fd());
}

TEST_CASE("TCP connect/accept/send on 127.0.0.1", "[net][tcp]") {
  tcp_round_trip(IpAddress::v4(127, 0, 0, 1));
}

TEST_CASE("TCP connect/accept/send on ::1 (skipped when IPv6 is unavailable)", "[net][tcp]") {
  tcp_round_trip(*IpAddress::parse("::1"));
}

TEST_CASE("TCP: nothing to accept or read yet, and a refused connect", "[net][tcp]") {
  const IpAddress lo = IpAddress::v4(127, 0, 0, 1);
  Result<TcpListener> listener = TcpListener::listen(SocketAddress(lo, 0));
  REQUIRE(listener.ok());
  auto none = listener->accept();
  REQUIRE(none.ok());
  CHECK_FALSE(none->has_value());

  // Free a port, then connect to it: the kernel refuses (RST) and finish_connect reports it.
  uint16_t closed_port;
  {
    Result<TcpListener> temp = TcpListener::listen(SocketAddress(lo, 0));
    REQUIRE(temp.ok());
    closed_port = temp->local_address().port();
  }
  Result<TcpStream> doomed = TcpStream::connect(SocketAddress(lo, closed_port));
  if (!doomed) {
    CHECK(doomed.error().is(NetErrc::kConnectionRefused));  // refused synchronously
    return;
  }
  auto loop = EventLoop::create();
  REQUIRE(loop.ok());
  std::optional<Status> outcome;
  REQUIRE((*loop)->watch(doomed->fd(), kWritable, [&](uint32_t) { outcome = doomed->finish_connect(); }).ok());
  REQUIRE(test::run_loop_until(**loop, [&] { return outcome.has_value(); }));
  REQUIRE_FALSE(outcome->ok());
  CHECK(outcome->error().is(NetErrc::kConnectionRefused));
  (*loop)->unwatch(doomed->fd());
}

}  // namespace
}  // namespace tern::net

#include "net/tcp.hpp"

#include <netinet/in.h>
#include <netinet/tcp.h>
#include <sys/socket.h>

#include <cerrno>

#include "net/net_error.hpp"
#include "net/sockaddr.hpp"

namespace tern::net {
namespace {

Status set_int_option(int fd, int level, int name, int value, const char* detail) {
  if (::setsockopt(fd, level, name, &value, sizeof value) != 0) return system_error(detail);
  return {};
}

Result<UniqueFd> tcp_socket(IpFamily family) {
  const int af = address_family(family);
  UniqueFd fd(::socket(af, SOCK_STREAM | SOCK_NONBLOCK | SOCK_CLOEXEC, IPPROTO_TCP));
  if (!fd.valid()) return system_error("socket(SOCK_STREAM)");
  if (af == AF_INET6) {
    Status s = set_int_option(fd.get(), IPPROTO_IPV6, IPV6_V6ONLY, 1, "setsockopt(IPV6_V6ONLY)");
    if (!s) return s.error();
  }
  return fd;
}

Result<SocketAddress> name_of(int fd, bool peer) {
  sockaddr_storage ss;
  socklen_t len = sizeof ss;
  const int rc = peer ? ::getpeername(fd, reinterpret_cast<sockaddr*>(&ss), &len)
                      : ::getsockname(fd, reinterpret_cast<sockaddr*>(&ss), &len);
  if (rc != 0) return system_error(peer ? "getpeername" : "getsockname");
  std::optional<SocketAddress> a = from_sockaddr(ss, len);
  if (!a) return Error(NetErrc::kSystem, "socket name has an unknown family");
  return *a;
}

}  // namespace

Result<TcpStream> TcpStream::connect(const SocketAddress& remote,
                                     const std::optional<SocketAddress>& local) {
  if (local && local->family() != remote.family())
    return Error(NetErrc::kInvalidArgument, "local and remote families differ");
  Result<UniqueFd> fd = tcp_socket(remote.family());
  if (!fd) return fd.error();
  // Interactive traffic (STUN/TURN/ICE-TCP framing): no Nagle delay.
  Status s = set_int_option(fd->get(), IPPROTO_TCP, TCP_NODELAY, 1, "setsockopt(TCP_NODELAY)");
  if (!s) return s.error();
  if (local) {
    sockaddr_storage ss;
    const socklen_t len = to_sockaddr(*local, ss);
    if (::bind(fd->get(), reinterpret_cast<const sockaddr*>(&ss), len) != 0) return system_error("bind");
  }
  sockaddr_storage ss;
  const socklen_t len = to_sockaddr(remote, ss);
  if (::connect(fd->get(), reinterpret_cast<const sockaddr*>(&ss), len) != 0 && errno != EINPROGRESS)
    return system_error("connect");
  return TcpStream(std::move(*fd), remote);
}

Result<SocketAddress> TcpStream::local_address() const { return name_of(fd_.get(), false); }

Status TcpStream::finish_connect() {
  int err = 0;
  socklen_t len = sizeof err;
  if (::getsockopt(fd_.get(), SOL_SOCKET, SO_ERROR, &err, &len) != 0)
    return system_error("getsockopt(SO_ERROR)");
  if (err != 0) return system_error(err, "connect");
  // No error yet: connected only if the peer name is known.
  Result<SocketAddress> peer = name_of(fd_.get(), true);
  if (!peer) return Error(NetErrc::kNotConnected, "connect still in progress");
  return {};
}

Result<std::optional<size_t>> TcpStream::send(std::span<const uint8_t> data) {
  for (;;) {
    const ssize_t n = ::send(fd_.get(), data.data(), data.size(), MSG_NOSIGNAL);
    if (n >= 0) return std::optional<size_t>(static_cast<size_t>(n));
    if (errno == EAGAIN || errno == EWOULDBLOCK) return std::optional<size_t>();
    if (errno != EINTR) return system_error("send");
  }
}

Result<std::optional<size_t>> TcpStream::receive(std::span<uint8_t> buffer) {
  for (;;) {
    const ssize_t n = ::recv(fd_.get(), buffer.data(), buffer.size(), 0);
    if (n >= 0) return std::optional<size_t>(static_cast<size_t>(n));
    if (errno == EAGAIN || errno == EWOULDBLOCK) return std::optional<size_t>();
    if (errno != EINTR) return system_error("recv");
  }
}

Status TcpStream::shutdown_send() {
  if (::shutdown(fd_.get(), SHUT_WR) != 0) return system_error("shutdown(SHUT_WR)");
  return {};
}

Result<TcpListener> TcpListener::listen(const SocketAddress& local, int backlog) {
  Result<UniqueFd> fd = tcp_socket(local.family());
  if (!fd) return fd.error();
  Status s = set_int_option(fd->get(), SOL_SOCKET, SO_REUSEADDR, 1, "setsockopt(SO_REUSEADDR)");
  if (!s) return s.error();
  sockaddr_storage ss;
  const socklen_t len = to_sockaddr(local, ss);
  if (::bind(fd->get(), reinterpret_cast<const sockaddr*>(&ss), len) != 0) return system_error("bind");
  if (::listen(fd->get(), backlog) != 0) return system_error("listen");
  Result<SocketAddress> bound = name_of(fd->get(), false);
  if (!bound) return bound.error();
  return TcpListener(std::move(*fd), *bound);
}

Result<std::optional<TcpStream>> TcpListener::accept() {
  for (;;) {
    sockaddr_storage ss;
    socklen_t len = sizeof ss;
    UniqueFd fd(::accept4(fd_.get(), reinterpret_cast<sockaddr*>(&ss), &len,
                          SOCK_NONBLOCK | SOCK_CLOEXEC));
    if (fd.valid()) {
      std::optional<SocketAddress> remote = from_sockaddr(ss, len);
      if (!remote) return Error(NetErrc::kSystem, "accepted peer has an unknown family");
      Status s = set_int_option(fd.get(), IPPROTO_TCP, TCP_NODELAY, 1, "setsockopt(TCP_NODELAY)");
      if (!s) return s.error();
      return std::optional<TcpStream>(TcpStream(std::move(fd), *remote));
    }
    if (errno == EAGAIN || errno == EWOULDBLOCK) return std::optional<TcpStream>();
    // A connection that died in the backlog is not the listener's failure: try the next one.
    if (errno == ECONNABORTED || errno == EINTR) continue;
    return system_error("accept4");
  }
}

}  // namespace tern::net

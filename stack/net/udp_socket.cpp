#include "net/udp_socket.hpp"

#include <netinet/in.h>
#include <sys/socket.h>
#include <sys/uio.h>

#include <cerrno>
#include <cstring>

#include "net/net_error.hpp"
#include "net/sockaddr.hpp"

namespace tern::net {
namespace {

Status set_int_option(int fd, int level, int name, int value, const char* detail) {
  if (::setsockopt(fd, level, name, &value, sizeof value) != 0) return system_error(detail);
  return {};
}

// Control-message space for one in_pktinfo or in6_pktinfo.
constexpr size_t kControlSize = CMSG_SPACE(sizeof(in6_pktinfo)) > CMSG_SPACE(sizeof(in_pktinfo))
                                    ? CMSG_SPACE(sizeof(in6_pktinfo))
                                    : CMSG_SPACE(sizeof(in_pktinfo));

}  // namespace

Result<UdpSocket> UdpSocket::bind(const SocketAddress& local, const UdpOptions& options) {
  const int family = address_family(local.family());
  UniqueFd fd(::socket(family, SOCK_DGRAM | SOCK_NONBLOCK | SOCK_CLOEXEC, IPPROTO_UDP));
  if (!fd.valid()) return system_error("socket(SOCK_DGRAM)");
  if (options.reuse_address) {
    Status s = set_int_option(fd.get(), SOL_SOCKET, SO_REUSEADDR, 1, "setsockopt(SO_REUSEADDR)");
    if (!s) return s.error();
  }
  if (options.receive_buffer > 0) {
    Status s = set_int_option(fd.get(), SOL_SOCKET, SO_RCVBUF, options.receive_buffer, "setsockopt(SO_RCVBUF)");
    if (!s) return s.error();
  }
  if (options.send_buffer > 0) {
    Status s = set_int_option(fd.get(), SOL_SOCKET, SO_SNDBUF, options.send_buffer, "setsockopt(SO_SNDBUF)");
    if (!s) return s.error();
  }
  if (family == AF_INET6) {
    // One family per socket: dual-stack sockets would report IPv4 peers as ::ffff:a.b.c.d.
    Status s = set_int_option(fd.get(), IPPROTO_IPV6, IPV6_V6ONLY, 1, "setsockopt(IPV6_V6ONLY)");
    if (!s) return s.error();
    s = set_int_option(fd.get(), IPPROTO_IPV6, IPV6_RECVPKTINFO, 1, "setsockopt(IPV6_RECVPKTINFO)");
    if (!s) return s.error();
  } else {
    Status s = set_int_option(fd.get(), IPPROTO_IP, IP_PKTINFO, 1, "setsockopt(IP_PKTINFO)");
    if (!s) return s.error();
  }
  sockaddr_storage ss;
  const socklen_t len = to_sockaddr(local, ss);
  if (::bind(fd.get(), reinterpret_cast<const sockaddr*>(&ss), len) != 0) return system_error("bind");
  sockaddr_storage bound;
  socklen_t bound_len = sizeof bound;
  if (::getsockname(fd.get(), reinterpret_cast<sockaddr*>(&bound), &bound_len) != 0)
    return system_error("getsockname");
  std::optional<SocketAddress> actual = from_sockaddr(bound, bound_len);
  if (!actual) return Error(NetErrc::kSystem, "getsockname returned an unknown family");
  return UdpSocket(std::move(fd), *actual);
}

Result<UdpSocket> UdpSocket::bind_range(const IpAddress& ip, uint16_t first_port,
                                        uint16_t last_port, const UdpOptions& options) {
  if (first_port == 0 || first_port > last_port)
    return Error(NetErrc::kInvalidArgument, "port range is empty or includes port 0");
  for (uint32_t port = first_port; port <= last_port; ++port) {
    Result<UdpSocket> s = bind(SocketAddress(ip, static_cast<uint16_t>(port)), options);
    if (s.ok() || !s.error().is(NetErrc::kAddressInUse)) return s;
  }
  return Error(NetErrc::kAddressInUse, "every port in the range is in use");
}

Status UdpSocket::send_to(std::span<const uint8_t> payload, const SocketAddress& destination,
                          const std::optional<IpAddress>& source_ip) {
  if (destination.family() != family())
    return Error(NetErrc::kInvalidArgument, "destination family differs from the socket's");
  sockaddr_storage ss;
  const socklen_t len = to_sockaddr(destination, ss);
  iovec iov{const_cast<uint8_t*>(payload.data()), payload.size()};
  msghdr msg{};
  msg.msg_name = &ss;
  msg.msg_namelen = len;
  msg.msg_iov = &iov;
  msg.msg_iovlen = 1;
  alignas(cmsghdr) uint8_t control[kControlSize];
  if (source_ip && !source_ip->is_unspecified()) {
    if (source_ip->family() != family())
      return Error(NetErrc::kInvalidArgument, "source family differs from the socket's");
    std::memset(control, 0, sizeof control);
    msg.msg_control = control;
    cmsghdr* cmsg;
    if (family() == IpFamily::kV4) {
      msg.msg_controllen = CMSG_SPACE(sizeof(in_pktinfo));
      cmsg = CMSG_FIRSTHDR(&msg);
      cmsg->cmsg_level = IPPROTO_IP;
      cmsg->cmsg_type = IP_PKTINFO;
      cmsg->cmsg_len = CMSG_LEN(sizeof(in_pktinfo));
      in_pktinfo info{};
      std::memcpy(&info.ipi_spec_dst, source_ip->bytes().data(), 4);
      std::memcpy(CMSG_DATA(cmsg), &info, sizeof info);
    } else {
      msg.msg_controllen = CMSG_SPACE(sizeof(in6_pktinfo));
      cmsg = CMSG_FIRSTHDR(&msg);
      cmsg->cmsg_level = IPPROTO_IPV6;
      cmsg->cmsg_type = IPV6_PKTINFO;
      cmsg->cmsg_len = CMSG_LEN(sizeof(in6_pktinfo));
      in6_pktinfo info{};
      std::memcpy(&info.ipi6_addr, source_ip->bytes().data(), 16);
      std::memcpy(CMSG_DATA(cmsg), &info, sizeof info);
    }
  }
  for (;;) {
    const ssize_t n = ::sendmsg(fd_.get(), &msg, MSG_NOSIGNAL);
    if (n >= 0) return {};
    if (errno != EINTR) return system_error("sendmsg");
  }
}

Status UdpSocket::send(const Transmit& transmit) {
  std::optional<IpAddress> source;
  if (!transmit.source.ip().is_unspecified()) source = transmit.source.ip();
  return send_to(transmit.payload, transmit.destination, source);
}

Result<std::optional<ReceivedDatagram>> UdpSocket::receive(std::span<uint8_t> buffer) {
  sockaddr_storage from;
  iovec iov{buffer.data(), buffer.size()};
  alignas(cmsghdr) uint8_t control[kControlSize];
  msghdr msg{};
  msg.msg_name = &from;
  msg.msg_namelen = sizeof from;
  msg.msg_iov = &iov;
  msg.msg_iovlen = 1;
  msg.msg_control = control;
  msg.msg_controllen = sizeof control;
  ssize_t n;
  for (;;) {
    n = ::recvmsg(fd_.get(), &msg, 0);
    if (n >= 0) break;
    if (errno == EAGAIN || errno == EWOULDBLOCK) return std::optional<ReceivedDatagram>();
    if (errno != EINTR) return system_error("recvmsg");
  }
  ReceivedDatagram out;
  out.size = static_cast<size_t>(n);
  out.truncated = (msg.msg_flags & MSG_TRUNC) != 0;
  std::optional<SocketAddress> source = from_sockaddr(from, msg.msg_namelen);
  if (!source) return Error(NetErrc::kSystem, "recvmsg returned an unknown source family");
  out.source = *source;
  out.destination = local_;
  for (cmsghdr* c = CMSG_FIRSTHDR(&msg); c != nullptr; c = CMSG_NXTHDR(&msg, c)) {
    if (c->cmsg_level == IPPROTO_IP && c->cmsg_type == IP_PKTINFO) {
      in_pktinfo info;
      std::memcpy(&info, CMSG_DATA(c), sizeof info);
      uint8_t bytes[4];
      std::memcpy(bytes, &info.ipi_addr, 4);
      out.destination = SocketAddress(*IpAddress::from_bytes(bytes), local_.port());
    } else if (c->cmsg_level == IPPROTO_IPV6 && c->cmsg_type == IPV6_PKTINFO) {
      in6_pktinfo info;
      std::memcpy(&info, CMSG_DATA(c), sizeof info);
      uint8_t bytes[16];
      std::memcpy(bytes, &info.ipi6_addr, 16);
      out.destination = SocketAddress(*IpAddress::from_bytes(bytes), local_.port());
    }
  }
  return std::optional<ReceivedDatagram>(out);
}

}  // namespace tern::net

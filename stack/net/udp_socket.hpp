#pragma once
// UdpSocket: a non-blocking UDP socket (IPv4 or IPv6) that reports, for every datagram received,
// the local address it arrived on (IP_PKTINFO / IPV6_RECVPKTINFO), so a socket bound to the
// wildcard address still fills Datagram::destination correctly, and can choose its source address
// per datagram when sending.
#include <cstddef>
#include <cstdint>
#include <optional>
#include <span>

#include "common/datagram.hpp"
#include "common/error.hpp"
#include "common/socket_address.hpp"
#include "net/fd.hpp"

namespace tern::net {

struct UdpOptions {
  bool reuse_address = false;  // SO_REUSEADDR
  int receive_buffer = 0;      // SO_RCVBUF in bytes; 0 keeps the kernel default
  int send_buffer = 0;         // SO_SNDBUF in bytes; 0 keeps the kernel default
};

// One datagram read by UdpSocket::receive().
struct ReceivedDatagram {
  size_t size = 0;           // bytes written to the caller's buffer
  bool truncated = false;    // the datagram was larger than the buffer (the rest is lost)
  SocketAddress source;      // remote
  SocketAddress destination; // local address it arrived on
};

class UdpSocket {
 public:
  // Binds to `local` (port 0: the kernel picks one). IPv6 sockets are IPv6-only.
  // Errors: kAddressInUse, kAddressNotAvailable, kFamilyNotSupported, kPermissionDenied, ...
  static Result<UdpSocket> bind(const SocketAddress& local, const UdpOptions& options = {});
  // Binds to the first free port of [first_port, last_port] on `ip` (ICE port ranges).
  // Errors: kInvalidArgument (empty range or port 0), kAddressInUse (every port taken), others
  // as bind().
  static Result<UdpSocket> bind_range(const IpAddress& ip, uint16_t first_port, uint16_t last_port,
                                      const UdpOptions& options = {});

  UdpSocket(UdpSocket&&) = default;
  UdpSocket& operator=(UdpSocket&&) = default;

  // The bound address (with the port the kernel chose).
  const SocketAddress& local_address() const { return local_; }
  IpFamily family() const { return local_.family(); }
  // For registering with an EventLoop; the socket keeps ownership.
  int fd() const { return fd_.get(); }

  // Sends one datagram to `destination`. `source_ip`, when given, selects the local address for a
  // wildcard-bound socket (IP_PKTINFO). Errors: kWouldBlock (socket buffer full: drop or retry when
  // writable), kMessageTooLong, kUnreachable, kConnectionRefused (an earlier ICMP), ...
  Status send_to(std::span<const uint8_t> payload, const SocketAddress& destination,
                 const std::optional<IpAddress>& source_ip = std::nullopt);
  // send_to() for a sans-IO Transmit (its source IP is used when it is not unspecified).
  Status send(const Transmit& transmit);
  // Reads one datagram into `buffer`; nullopt when none is waiting.
  Result<std::optional<ReceivedDatagram>> receive(std::span<uint8_t> buffer);

 private:
  UdpSocket(UniqueFd fd, SocketAddress local) : fd_(std::move(fd)), local_(local) {}
  UniqueFd fd_;
  SocketAddress local_;
};

}  // namespace tern::net

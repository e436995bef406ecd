#pragma once
// Non-blocking TCP: a listener and a connected stream (for ICE-TCP, RFC 6544, and TURN over TCP).
// Framing (RFC 4571 length prefixes) belongs to the layers above; this is bytes only.
#include <cstddef>
#include <cstdint>
#include <optional>
#include <span>

#include "common/error.hpp"
#include "common/socket_address.hpp"
#include "net/fd.hpp"

namespace tern::net {

class TcpStream {
 public:
  // Starts a non-blocking connect to `remote` (optionally from `local`). The stream is usable once
  // the fd turns writable and finish_connect() succeeds. Errors: as socket()/bind()/connect().
  static Result<TcpStream> connect(const SocketAddress& remote,
                                   const std::optional<SocketAddress>& local = std::nullopt);

  TcpStream(TcpStream&&) = default;
  TcpStream& operator=(TcpStream&&) = default;

  int fd() const { return fd_.get(); }
  const SocketAddress& remote_address() const { return remote_; }
  // The local address (known after connect() has bound the socket).
  Result<SocketAddress> local_address() const;
  // Call when the fd becomes writable after connect(): OK when connected, otherwise the connect
  // error (kConnectionRefused, kTimedOut, kUnreachable, ...); kNotConnected while still pending.
  Status finish_connect();

  // Writes some of `data`: the number of bytes taken, nullopt when the socket buffer is full.
  // Errors: kConnectionReset, ... (SIGPIPE is never raised).
  Result<std::optional<size_t>> send(std::span<const uint8_t> data);
  // Reads into `buffer`: bytes read (0 = the peer closed), nullopt when nothing is waiting.
  Result<std::optional<size_t>> receive(std::span<uint8_t> buffer);
  // Half-close: no more sends (the peer reads end of stream).
  Status shutdown_send();

 private:
  friend class TcpListener;
  TcpStream(UniqueFd fd, SocketAddress remote) : fd_(std::move(fd)), remote_(remote) {}
  UniqueFd fd_;
  SocketAddress remote_;
};

class TcpListener {
 public:
  // Listens on `local` (port 0: the kernel picks one). SO_REUSEADDR is set, as servers expect.
  static Result<TcpListener> listen(const SocketAddress& local, int backlog = 128);

  TcpListener(TcpListener&&) = default;
  TcpListener& operator=(TcpListener&&) = default;

  int fd() const { return fd_.get(); }
  const SocketAddress& local_address() const { return local_; }
  // Accepts one pending connection (non-blocking); nullopt when none is waiting.
  Result<std::optional<TcpStream>> accept();

 private:
  TcpListener(UniqueFd fd, SocketAddress local) : fd_(std::move(fd)), local_(local) {}
  UniqueFd fd_;
  SocketAddress local_;
};

}  // namespace tern::net

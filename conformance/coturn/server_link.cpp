#include "server_link.hpp"

#include <openssl/err.h>
#include <openssl/ssl.h>
#include <poll.h>

#include <chrono>
#include <optional>

#include "net/tcp.hpp"
#include "net/udp_socket.hpp"

namespace tern::conformance {

namespace {

const IpAddress kLoopback = IpAddress::v4(127, 0, 0, 1);

bool wait_fd(int fd, short events, int timeout_ms) {
  pollfd p{fd, events, 0};
  return ::poll(&p, 1, timeout_ms) > 0;
}

class UdpLink final : public ServerLink {
 public:
  UdpLink(net::UdpSocket socket, SocketAddress server) : socket_(std::move(socket)), server_(server) {}
  int fd() const override { return socket_.fd(); }
  SocketAddress local_address() const override { return socket_.local_address(); }
  bool send(std::span<const uint8_t> bytes) override { return socket_.send_to(bytes, server_).ok(); }
  bool receive(std::vector<std::vector<uint8_t>>& out) override {
    std::vector<uint8_t> buffer(65536);
    while (true) {
      auto r = socket_.receive(buffer);
      // A failed receive on UDP (an ICMP error, for instance) does not end the link.
      if (!r) return true;
      if (!*r) return true;
      if ((*r)->source != server_) continue;
      out.emplace_back(buffer.begin(), buffer.begin() + static_cast<std::ptrdiff_t>((*r)->size));
    }
  }

 private:
  net::UdpSocket socket_;
  SocketAddress server_;
};

std::optional<net::TcpStream> connect_tcp(const SocketAddress& server, std::string& error) {
  auto stream = net::TcpStream::connect(server, SocketAddress(kLoopback, 0));
  if (!stream) {
    error = "connect: " + stream.error().to_string();
    return std::nullopt;
  }
  if (!wait_fd(stream->fd(), POLLOUT, 5000)) {
    error = "connect timed out";
    return std::nullopt;
  }
  if (auto s = stream->finish_connect(); !s) {
    error = "connect: " + s.error().to_string();
    return std::nullopt;
  }
  return std::move(*stream);
}

class TcpLink final : public ServerLink {
 public:
  explicit TcpLink(net::TcpStream stream) : stream_(std::move(stream)) {}
  int fd() const override { return stream_.fd(); }
  SocketAddress local_address() const override {
    auto a = stream_.local_address();
    return a ? *a : SocketAddress();
  }
  bool send(std::span<const uint8_t> bytes) override {
    while (!bytes.empty()) {
      auto n = stream_.send(bytes);
      if (!n) return false;
      if (!*n) {
        if (!wait_fd(stream_.fd(), POLLOUT, 5000)) return false;
        continue;
      }
      bytes = bytes.subspan(**n);
    }
    return true;
  }
  bool receive(std::vector<std::vector<uint8_t>>& out) override {
    uint8_t buffer[4096];
    while (true) {
      auto n = stream_.receive(buffer);
      if (!n) return false;
      if (!*n) return true;
      if (**n == 0) return false;  // end of stream
      out.emplace_back(buffer, buffer + **n);
    }
  }

 private:
  net::TcpStream stream_;
};

class TlsLink final : public ServerLink {
 public:
  TlsLink(net::TcpStream stream, SSL_CTX* ctx, SSL* ssl) : stream_(std::move(stream)), ctx_(ctx), ssl_(ssl) {}
  ~TlsLink() override {
    SSL_free(ssl_);
    SSL_CTX_free(ctx_);
  }
  int fd() const override { return stream_.fd(); }
  SocketAddress local_address() const override {
    auto a = stream_.local_address();
    return a ? *a : SocketAddress();
  }
  bool send(std::span<const uint8_t> bytes) override {
    while (!bytes.empty()) {
      const int n = SSL_write(ssl_, bytes.data(), static_cast<int>(bytes.size()));
      if (n > 0) {
        bytes = bytes.subspan(static_cast<size_t>(n));
        continue;
      }
      const int e = SSL_get_error(ssl_, n);
      if (e == SSL_ERROR_WANT_WRITE) {
        if (!wait_fd(stream_.fd(), POLLOUT, 5000)) return false;
      } else if (e == SSL_ERROR_WANT_READ) {
        if (!wait_fd(stream_.fd(), POLLIN, 5000)) return false;
      } else {
        return false;
      }
    }
    return true;
  }
  bool receive(std::vector<std::vector<uint8_t>>& out) override {
    uint8_t buffer[4096];
    while (true) {
      const int n = SSL_read(ssl_, buffer, sizeof buffer);
      if (n > 0) {
        out.emplace_back(buffer, buffer + n);
        continue;
      }
      const int e = SSL_get_error(ssl_, n);
      if (e == SSL_ERROR_WANT_READ || e == SSL_ERROR_WANT_WRITE) return true;
      return false;  // closed or broken
    }
  }

 private:
  net::TcpStream stream_;
  SSL_CTX* ctx_;
  SSL* ssl_;
};

}  // namespace

std::unique_ptr<ServerLink> ServerLink::open(turn::ServerTransport transport, const SocketAddress& server,
                                             const std::string& ca_file, std::string& error) {
  if (transport == turn::ServerTransport::kUdp) {
    auto socket = net::UdpSocket::bind(SocketAddress(kLoopback, 0));
    if (!socket) {
      error = "udp bind: " + socket.error().to_string();
      return nullptr;
    }
    return std::make_unique<UdpLink>(std::move(*socket), server);
  }
  auto stream = connect_tcp(server, error);
  if (!stream) return nullptr;
  if (transport == turn::ServerTransport::kTcp) return std::make_unique<TcpLink>(std::move(*stream));

  // RFC 8656 §3.1 / RFC 7065: TURN over TLS; the server's certificate is verified against the
  // self-signed one the test generated, for the name it was issued to.
  SSL_CTX* ctx = SSL_CTX_new(TLS_client_method());
  if (!ctx || SSL_CTX_load_verify_locations(ctx, ca_file.c_str(), nullptr) != 1) {
    error = "SSL_CTX setup failed";
    SSL_CTX_free(ctx);
    return nullptr;
  }
  SSL_CTX_set_verify(ctx, SSL_VERIFY_PEER, nullptr);
  SSL* ssl = SSL_new(ctx);
  SSL_set_fd(ssl, stream->fd());
  // SNI (the SSL_set_tlsext_host_name macro, without its C cast).
  char host[] = "tern.test";
  SSL_ctrl(ssl, SSL_CTRL_SET_TLSEXT_HOSTNAME, TLSEXT_NAMETYPE_host_name, host);
  SSL_set1_host(ssl, "tern.test");
  auto link = std::make_unique<TlsLink>(std::move(*stream), ctx, ssl);
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(5);
  while (true) {
    const int rc = SSL_connect(ssl);
    if (rc == 1) break;
    const int e = SSL_get_error(ssl, rc);
    const int left = static_cast<int>(
        std::chrono::duration_cast<std::chrono::milliseconds>(deadline - std::chrono::steady_clock::now()).count());
    if (left <= 0 || (e != SSL_ERROR_WANT_READ && e != SSL_ERROR_WANT_WRITE)) {
      char text[256];
      ERR_error_string_n(ERR_get_error(), text, sizeof text);
      error = std::string("TLS handshake failed: ") + text + " (verify: " +
              X509_verify_cert_error_string(SSL_get_verify_result(ssl)) + ")";
      return nullptr;
    }
    wait_fd(link->fd(), e == SSL_ERROR_WANT_READ ? POLLIN : POLLOUT, left);
  }
  return link;
}

}  // namespace tern::conformance

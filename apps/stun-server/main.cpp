// tern-stun-server: an RFC 8489 Binding server over UDP and (with --tcp) TCP.
//
//   tern-stun-server [--listen 127.0.0.1:3478] [--tcp] [--software TEXT]
//
// Prints one line per listening socket ("udp 127.0.0.1:3478", "tcp 127.0.0.1:3478") on stdout once
// it is ready (port 0 picks a free port, shared by UDP and TCP), runs until SIGINT/SIGTERM, then
// prints its counters on stderr.
#include <signal.h>
#include <sys/signalfd.h>
#include <unistd.h>

#include <cstdio>
#include <cstring>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "binding_server.hpp"
#include "net/event_loop.hpp"
#include "net/fd.hpp"
#include "net/tcp.hpp"
#include "net/udp_socket.hpp"
#include "stun/message.hpp"

namespace {

using namespace tern;

constexpr size_t kMaxConnections = 256;
// RFC 8489 §6.2.2: over TCP, messages follow each other; the largest is 20 + 0xFFFC bytes.
constexpr size_t kMaxBuffered = stun::kHeaderSize + stun::kMaxMessageLength;

struct Options {
  SocketAddress listen = SocketAddress(IpAddress::v4(127, 0, 0, 1), 3478);
  bool tcp = false;
  std::string software = "tern-stun-server";
};

int usage(const char* argv0) {
  std::fprintf(stderr, "usage: %s [--listen IP:PORT] [--tcp] [--software TEXT]\n", argv0);
  return 2;
}

struct Connection {
  explicit Connection(net::TcpStream s) : stream(std::move(s)) {}
  net::TcpStream stream;
  std::vector<uint8_t> in;
  std::vector<uint8_t> out;
};

class Server {
 public:
  Server(net::EventLoop& loop, apps::BindingServer& core) : loop_(loop), core_(core) {}

  void on_udp_readable(net::UdpSocket& socket) {
    std::vector<uint8_t> buffer(65536);
    for (int i = 0; i < 64; ++i) {
      auto r = socket.receive(buffer);
      if (!r || !*r) return;
      const net::ReceivedDatagram& d = **r;
      if (d.truncated) continue;
      auto reply = core_.handle_message({buffer.data(), d.size}, d.source);
      if (reply) (void)socket.send_to(*reply, d.source, d.destination.ip());
    }
  }

  void on_accept(net::TcpListener& listener) {
    while (true) {
      auto r = listener.accept();
      if (!r || !*r) return;
      if (connections_.size() >= kMaxConnections) continue;  // dropped: closes on scope exit
      auto c = std::make_unique<Connection>(std::move(**r));
      const int fd = c->stream.fd();
      connections_[fd] = std::move(c);
      (void)loop_.watch(fd, net::kReadable, [this, fd](uint32_t ready) { on_connection(fd, ready); });
    }
  }

  size_t connection_count() const { return connections_.size(); }

 private:
  void close(int fd) {
    loop_.unwatch(fd);
    connections_.erase(fd);
  }

  void on_connection(int fd, uint32_t ready) {
    auto it = connections_.find(fd);
    if (it == connections_.end()) return;
    Connection& c = *it->second;
    if (ready & net::kWritable) {
      if (!flush(c)) return close(fd);
    }
    if (ready & (net::kReadable | net::kError)) {
      uint8_t buffer[4096];
      while (true) {
        auto r = c.stream.receive(buffer);
        if (!r || (*r && **r == 0)) return close(fd);  // error or end of stream
        if (!*r) break;
        c.in.insert(c.in.end(), buffer, buffer + **r);
        if (!frame(c)) return close(fd);
      }
    }
    if (!flush(c)) return close(fd);
    (void)loop_.modify(fd, c.out.empty() ? net::kReadable : net::kReadable | net::kWritable);
  }

  // Answers every complete message in the buffer; false when the stream holds garbage.
  bool frame(Connection& c) {
    size_t at = 0;
    while (c.in.size() - at >= 1) {
      const std::span<const uint8_t> rest(c.in.data() + at, c.in.size() - at);
      // RFC 8489 §5: a STUN message starts with two zero bits; anything else cannot be resynced.
      if ((rest[0] & 0xC0) != 0) return false;
      if (rest.size() < stun::kHeaderSize) break;
      auto size = stun::message_size(rest);
      if (!size) return false;
      if (*size > rest.size()) break;
      const SocketAddress& peer = c.stream.remote_address();
      auto reply = core_.handle_message(rest.first(*size), peer);
      if (reply) c.out.insert(c.out.end(), reply->begin(), reply->end());
      at += *size;
    }
    c.in.erase(c.in.begin(), c.in.begin() + static_cast<std::ptrdiff_t>(at));
    return c.in.size() <= kMaxBuffered;
  }

  bool flush(Connection& c) {
    while (!c.out.empty()) {
      auto r = c.stream.send(c.out);
      if (!r) return false;
      if (!*r) return true;  // socket buffer full: wait for writable
      c.out.erase(c.out.begin(), c.out.begin() + static_cast<std::ptrdiff_t>(**r));
    }
    return true;
  }

  net::EventLoop& loop_;
  apps::BindingServer& core_;
  std::map<int, std::unique_ptr<Connection>> connections_;
};

}  // namespace

int main(int argc, char** argv) {
  Options options;
  for (int i = 1; i < argc; ++i) {
    const std::string_view arg = argv[i];
    if (arg == "--listen" && i + 1 < argc) {
      auto a = SocketAddress::parse(argv[++i]);
      if (!a) {
        std::fprintf(stderr, "tern-stun-server: bad address '%s'\n", argv[i]);
        return 2;
      }
      options.listen = *a;
    } else if (arg == "--tcp") {
      options.tcp = true;
    } else if (arg == "--software" && i + 1 < argc) {
      options.software = argv[++i];
    } else {
      return usage(argv[0]);
    }
  }

  // Signals arrive through a signalfd watched by the loop (no handler runs at a random point).
  sigset_t mask;
  sigemptyset(&mask);
  sigaddset(&mask, SIGINT);
  sigaddset(&mask, SIGTERM);
  sigprocmask(SIG_BLOCK, &mask, nullptr);
  net::UniqueFd signal_fd(signalfd(-1, &mask, SFD_NONBLOCK | SFD_CLOEXEC));
  if (!signal_fd.valid()) {
    std::perror("signalfd");
    return 1;
  }

  auto loop = net::EventLoop::create();
  if (!loop) {
    std::fprintf(stderr, "tern-stun-server: %s\n", loop.error().to_string().c_str());
    return 1;
  }
  auto udp = net::UdpSocket::bind(options.listen);
  if (!udp) {
    std::fprintf(stderr, "tern-stun-server: udp %s: %s\n", options.listen.to_string().c_str(),
                 udp.error().to_string().c_str());
    return 1;
  }
  std::optional<net::TcpListener> tcp;
  if (options.tcp) {
    // The same port as UDP (the one the kernel picked, for port 0).
    auto l = net::TcpListener::listen(udp->local_address());
    if (!l) {
      std::fprintf(stderr, "tern-stun-server: tcp %s: %s\n", udp->local_address().to_string().c_str(),
                   l.error().to_string().c_str());
      return 1;
    }
    tcp.emplace(std::move(*l));
  }

  apps::BindingServer core(options.software);
  Server server(**loop, core);
  net::EventLoop& l = **loop;
  net::UdpSocket& udp_socket = *udp;
  (void)l.watch(udp_socket.fd(), net::kReadable, [&](uint32_t) { server.on_udp_readable(udp_socket); });
  if (tcp) (void)l.watch(tcp->fd(), net::kReadable, [&](uint32_t) { server.on_accept(*tcp); });
  (void)l.watch(signal_fd.get(), net::kReadable, [&](uint32_t) {
    signalfd_siginfo info;
    while (::read(signal_fd.get(), &info, sizeof info) == static_cast<ssize_t>(sizeof info)) {
    }
    l.stop();
  });

  std::printf("udp %s\n", udp_socket.local_address().to_string().c_str());
  if (tcp) std::printf("tcp %s\n", tcp->local_address().to_string().c_str());
  std::fflush(stdout);

  l.run();

  const apps::BindingServerCounters& k = core.counters();
  std::fprintf(stderr,
               "tern-stun-server: %llu requests answered, %llu bad requests (400), %llu unknown attributes (420), "
               "%llu indications, %llu dropped\n",
               static_cast<unsigned long long>(k.requests), static_cast<unsigned long long>(k.bad_requests),
               static_cast<unsigned long long>(k.unknown_attributes), static_cast<unsigned long long>(k.indications),
               static_cast<unsigned long long>(k.dropped));
  l.unwatch(udp_socket.fd());
  if (tcp) l.unwatch(tcp->fd());
  l.unwatch(signal_fd.get());
  return 0;
}

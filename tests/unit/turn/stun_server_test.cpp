// tern-stun-server: its Binding core (RFC 8489 §6.3, §7) table-driven, then the real program
// started on a loopback port and queried over UDP and TCP.
#include <catch2/catch.hpp>

#include <poll.h>
#include <signal.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <optional>
#include <string>
#include <thread>
#include <vector>

#include "binding_server.hpp"
#include "net/tcp.hpp"
#include "net/udp_socket.hpp"
#include "stun/attributes.hpp"
#include "stun/builder.hpp"
#include "stun/fingerprint.hpp"

extern char** environ;

namespace tern::apps {
namespace {

const stun::TransactionId kId = {0xA1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 0xB2};
const SocketAddress kClient(IpAddress::v4(198, 51, 100, 9), 41000);

std::vector<uint8_t> request(stun::Method method, const std::vector<uint16_t>& extra_attributes = {},
                             stun::MessageClass c = stun::MessageClass::kRequest, bool fingerprint = true) {
  std::vector<uint8_t> out;
  stun::MessageBuilder b(out, {method, c}, kId);
  const uint8_t value[4] = {0, 0, 0, 17};
  for (uint16_t type : extra_attributes) b.add_raw(static_cast<stun::AttributeType>(type), value);
  if (fingerprint) b.add_fingerprint();
  REQUIRE(b.finish().ok());
  return out;
}

struct Parsed {
  std::vector<uint8_t> bytes;
  stun::Message message;
};

std::unique_ptr<Parsed> parse(std::vector<uint8_t> bytes) {
  auto p = std::make_unique<Parsed>();
  p->bytes = std::move(bytes);
  REQUIRE(stun::parse(p->bytes, p->message).ok());
  return p;
}

uint16_t error_code(const stun::Message& m) {
  auto e = stun::get<stun::ErrorCode>(m);
  return e ? e->code : 0;
}

TEST_CASE("Binding core: success, 400, 420, and what is dropped", "[stun-server]") {
  BindingServer server("tern-stun-server test");

  // Success: XOR-MAPPED-ADDRESS reflects the source (RFC 8489 §7), SOFTWARE, FINGERPRINT last.
  auto ok = server.handle_message(request(stun::Method::kBinding), kClient);
  REQUIRE(ok);
  auto r = parse(*ok);
  CHECK(r->message.message_class() == stun::MessageClass::kSuccessResponse);
  CHECK(r->message.method() == stun::Method::kBinding);
  CHECK(r->message.transaction_id() == kId);
  CHECK(stun::get<stun::XorMappedAddress>(r->message)->address == kClient);
  CHECK(stun::get<stun::Software>(r->message)->text == "tern-stun-server test");
  CHECK(stun::verify_fingerprint(r->message).ok());

  // Unknown comprehension-required attributes: 420 listing them (RFC 8489 §6.3.1.1); a TURN
  // attribute counts as unknown to a Binding server. Comprehension-optional ones are ignored.
  auto unknown = server.handle_message(request(stun::Method::kBinding, {0x0019, 0x8888, 0x7777, 0x0019}), kClient);
  REQUIRE(unknown);
  r = parse(*unknown);
  CHECK(r->message.message_class() == stun::MessageClass::kErrorResponse);
  CHECK(error_code(r->message) == 420);
  auto list = stun::get<stun::UnknownAttributes>(r->message);
  REQUIRE(list.ok());
  CHECK(std::vector<uint16_t>(list->view().begin(), list->view().end()) == std::vector<uint16_t>{0x0019, 0x7777});
  CHECK(server.handle_message(request(stun::Method::kBinding, {0x8888}), kClient).has_value());

  // Another method: 400.
  auto other = server.handle_message(request(stun::Method::kAllocate), kClient);
  REQUIRE(other);
  r = parse(*other);
  CHECK(error_code(r->message) == 400);
  CHECK(r->message.method() == stun::Method::kAllocate);
  CHECK(r->message.transaction_id() == kId);

  // A request whose header is fine but whose attribute overruns the message: 400 (it has a class
  // and a transaction ID).
  std::vector<uint8_t> broken = request(stun::Method::kBinding, {}, stun::MessageClass::kRequest, false);
  const uint8_t attribute[8] = {0x80, 0x22, 0x00, 0x40, 'a', 'b', 'c', 'd'};  // says 64 bytes, has 4
  broken.insert(broken.end(), attribute, attribute + 8);
  broken[3] = 8;  // Message Length covers the 8 attribute bytes
  auto bad = server.handle_message(broken, kClient);
  REQUIRE(bad);
  r = parse(*bad);
  CHECK(error_code(r->message) == 400);
  CHECK(r->message.transaction_id() == kId);

  // Dropped: indications (keepalives), responses, non-STUN bytes, a bad FINGERPRINT.
  const uint64_t dropped_before = server.counters().dropped;
  CHECK_FALSE(server.handle_message(request(stun::Method::kBinding, {}, stun::MessageClass::kIndication), kClient));
  CHECK(server.counters().indications == 1);
  CHECK_FALSE(server.handle_message(request(stun::Method::kBinding, {}, stun::MessageClass::kSuccessResponse), kClient));
  const std::vector<uint8_t> garbage = {0x16, 0x03, 0x01, 0x00, 0x05, 1, 2, 3, 4, 5};
  CHECK_FALSE(server.handle_message(garbage, kClient));
  std::vector<uint8_t> bad_fp = request(stun::Method::kBinding);
  bad_fp.back() ^= 0xFF;
  CHECK_FALSE(server.handle_message(bad_fp, kClient));
  CHECK(server.counters().dropped == dropped_before + 3);
  CHECK(server.counters().requests == 2);
  CHECK(server.counters().bad_requests == 2);
  CHECK(server.counters().unknown_attributes == 1);
}

// ---- the real program ----

// Starts tern-stun-server on 127.0.0.1 (a free port), reads where it listens; stops it by PID.
class ServerProcess {
 public:
  ServerProcess() {
    int fds[2];
    REQUIRE(::pipe(fds) == 0);
    posix_spawn_file_actions_t actions;
    posix_spawn_file_actions_init(&actions);
    posix_spawn_file_actions_adddup2(&actions, fds[1], STDOUT_FILENO);
    posix_spawn_file_actions_addclose(&actions, fds[0]);
    const char* argv[] = {TERN_STUN_SERVER_PATH, "--listen", "127.0.0.1:0", "--tcp", nullptr};
    const int rc = posix_spawn(&pid_, TERN_STUN_SERVER_PATH, &actions, nullptr, const_cast<char**>(argv), environ);
    posix_spawn_file_actions_destroy(&actions);
    ::close(fds[1]);
    out_ = fds[0];
    REQUIRE(rc == 0);
    // Two lines: "udp ADDR" and "tcp ADDR", within 10 s.
    std::string text;
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(10);
    while (std::count(text.begin(), text.end(), '\n') < 2 && std::chrono::steady_clock::now() < deadline) {
      pollfd p{out_, POLLIN, 0};
      if (::poll(&p, 1, 100) <= 0) continue;
      char buf[256];
      const ssize_t n = ::read(out_, buf, sizeof buf);
      if (n <= 0) break;
      text.append(buf, static_cast<size_t>(n));
    }
    const size_t udp = text.find("udp ");
    const size_t tcp = text.find("tcp ");
    REQUIRE(udp != std::string::npos);
    REQUIRE(tcp != std::string::npos);
    udp_ = *SocketAddress::parse(text.substr(udp + 4, text.find('\n', udp) - udp - 4));
    tcp_ = *SocketAddress::parse(text.substr(tcp + 4, text.find('\n', tcp) - tcp - 4));
  }
  ~ServerProcess() { stop(); }

  // SIGTERM, then up to 5 s for a clean exit (SIGKILL after); returns the exit status.
  int stop() {
    if (pid_ <= 0) return status_;
    ::kill(pid_, SIGTERM);
    for (int i = 0; i < 500; ++i) {
      int status = 0;
      if (::waitpid(pid_, &status, WNOHANG) == pid_) {
        pid_ = 0;
        status_ = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
        ::close(out_);
        return status_;
      }
      std::this_thread::sleep_for(std::chrono::milliseconds(10));
    }
    ::kill(pid_, SIGKILL);
    ::waitpid(pid_, nullptr, 0);
    pid_ = 0;
    ::close(out_);
    return status_ = 137;
  }

  const SocketAddress& udp() const { return udp_; }
  const SocketAddress& tcp() const { return tcp_; }

 private:
  pid_t pid_ = 0;
  int out_ = -1;
  int status_ = -1;
  SocketAddress udp_;
  SocketAddress tcp_;
};

bool wait_fd(int fd, short events, int timeout_ms) {
  pollfd p{fd, events, 0};
  return ::poll(&p, 1, timeout_ms) > 0;
}

TEST_CASE("tern-stun-server answers Binding requests over UDP and TCP on loopback", "[stun-server][process]") {
  ServerProcess server;
  CHECK(server.udp().ip() == IpAddress::v4(127, 0, 0, 1));
  CHECK(server.udp().port() == server.tcp().port());

  SECTION("UDP: garbage is ignored, a request is answered with our address") {
    auto socket = net::UdpSocket::bind(SocketAddress(IpAddress::v4(127, 0, 0, 1), 0));
    REQUIRE(socket.ok());
    const std::vector<uint8_t> garbage = {0xFF, 0xFF, 0xFF};
    REQUIRE(socket->send_to(garbage, server.udp()).ok());
    std::vector<uint8_t> buffer(2048);
    std::optional<std::vector<uint8_t>> answer;
    for (int attempt = 0; attempt < 5 && !answer; ++attempt) {
      REQUIRE(socket->send_to(request(stun::Method::kBinding), server.udp()).ok());
      if (!wait_fd(socket->fd(), POLLIN, 1000)) continue;
      auto r = socket->receive(buffer);
      REQUIRE(r.ok());
      if (*r) answer.emplace(buffer.begin(), buffer.begin() + static_cast<std::ptrdiff_t>((*r)->size));
    }
    REQUIRE(answer);
    auto p = parse(*answer);
    CHECK(p->message.message_class() == stun::MessageClass::kSuccessResponse);
    CHECK(p->message.transaction_id() == kId);
    CHECK(stun::get<stun::XorMappedAddress>(p->message)->address == socket->local_address());
  }

  SECTION("TCP: two requests split across writes, answered in order") {
    auto stream = net::TcpStream::connect(server.tcp());
    REQUIRE(stream.ok());
    REQUIRE(wait_fd(stream->fd(), POLLOUT, 5000));
    REQUIRE(stream->finish_connect().ok());
    std::vector<uint8_t> bytes = request(stun::Method::kBinding);
    const auto second = request(stun::Method::kAllocate);  // answered with 400
    bytes.insert(bytes.end(), second.begin(), second.end());
    // First 7 bytes alone, then the rest: the server must reassemble.
    auto write_all = [&](std::span<const uint8_t> data) {
      while (!data.empty()) {
        REQUIRE(wait_fd(stream->fd(), POLLOUT, 5000));
        auto n = stream->send(data);
        REQUIRE(n.ok());
        if (*n) data = data.subspan(**n);
      }
    };
    write_all(std::span<const uint8_t>(bytes).first(7));
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
    write_all(std::span<const uint8_t>(bytes).subspan(7));

    std::vector<uint8_t> received;
    std::vector<std::unique_ptr<Parsed>> answers;
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(5);
    while (answers.size() < 2 && std::chrono::steady_clock::now() < deadline) {
      if (!wait_fd(stream->fd(), POLLIN, 200)) continue;
      uint8_t buf[1024];
      auto n = stream->receive(buf);
      REQUIRE(n.ok());
      if (!*n) continue;
      REQUIRE(**n > 0);
      received.insert(received.end(), buf, buf + **n);
      while (received.size() >= stun::kHeaderSize) {
        auto size = stun::message_size(received);
        REQUIRE(size.ok());
        if (*size > received.size()) break;
        answers.push_back(parse(std::vector<uint8_t>(received.begin(), received.begin() + static_cast<std::ptrdiff_t>(*size))));
        received.erase(received.begin(), received.begin() + static_cast<std::ptrdiff_t>(*size));
      }
    }
    REQUIRE(answers.size() == 2);
    CHECK(answers[0]->message.message_class() == stun::MessageClass::kSuccessResponse);
    CHECK(stun::get<stun::XorMappedAddress>(answers[0]->message)->address == *stream->local_address());
    CHECK(error_code(answers[1]->message) == 400);
  }

  CHECK(server.stop() == 0);
}

}  // namespace
}  // namespace tern::apps

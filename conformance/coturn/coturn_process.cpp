#include "coturn_process.hpp"

#include <fcntl.h>
#include <signal.h>
#include <spawn.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <thread>
#include <vector>

#include "net/net_error.hpp"
#include "net/tcp.hpp"
#include "net/udp_socket.hpp"

extern char** environ;

namespace tern::conformance {

namespace {

const IpAddress kLoopback = IpAddress::v4(127, 0, 0, 1);

// Spawns argv with stdout/stderr sent to `log` (appended); returns the PID or -1.
pid_t spawn(const std::vector<std::string>& args, const std::string& log) {
  std::vector<char*> argv;
  for (const std::string& a : args) argv.push_back(const_cast<char*>(a.c_str()));
  argv.push_back(nullptr);
  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  posix_spawn_file_actions_addopen(&actions, STDOUT_FILENO, log.c_str(), O_WRONLY | O_CREAT | O_APPEND, 0644);
  posix_spawn_file_actions_adddup2(&actions, STDOUT_FILENO, STDERR_FILENO);
  posix_spawn_file_actions_addopen(&actions, STDIN_FILENO, "/dev/null", O_RDONLY, 0);
  pid_t pid = -1;
  const int rc = posix_spawn(&pid, argv[0], &actions, nullptr, argv.data(), environ);
  posix_spawn_file_actions_destroy(&actions);
  return rc == 0 ? pid : -1;
}

// Waits up to `timeout` for `pid` to exit; returns its wait status, or nullopt.
std::optional<int> wait_exit(pid_t pid, std::chrono::milliseconds timeout) {
  const auto deadline = std::chrono::steady_clock::now() + timeout;
  while (true) {
    int status = 0;
    const pid_t r = ::waitpid(pid, &status, WNOHANG);
    if (r == pid) return status;
    if (r < 0) return 0;  // not our child any more
    if (std::chrono::steady_clock::now() >= deadline) return std::nullopt;
    std::this_thread::sleep_for(std::chrono::milliseconds(10));
  }
}

// A port on 127.0.0.1 free for both UDP and TCP right now.
uint16_t free_port() {
  for (int attempt = 0; attempt < 50; ++attempt) {
    auto udp = net::UdpSocket::bind(SocketAddress(kLoopback, 0));
    if (!udp) continue;
    const uint16_t port = udp->local_address().port();
    auto tcp = net::TcpListener::listen(SocketAddress(kLoopback, port));
    if (tcp) return port;
  }
  return 0;
}

bool tcp_accepts(const SocketAddress& address) {
  auto s = net::TcpStream::connect(address);
  if (!s) return false;
  for (int i = 0; i < 50; ++i) {
    Status done = s->finish_connect();
    if (done) return true;
    if (!done.error().is(net::NetErrc::kNotConnected)) return false;
    std::this_thread::sleep_for(std::chrono::milliseconds(5));
  }
  return false;
}

}  // namespace

std::optional<std::string> CoturnProcess::find_turnserver() {
  if (const char* path = std::getenv("PATH")) {
    std::stringstream dirs(path);
    std::string dir;
    while (std::getline(dirs, dir, ':')) {
      const std::string candidate = dir + "/turnserver";
      if (!dir.empty() && ::access(candidate.c_str(), X_OK) == 0) return candidate;
    }
  }
  if (::access("/usr/bin/turnserver", X_OK) == 0) return std::string("/usr/bin/turnserver");
  return std::nullopt;
}

CoturnProcess::CoturnProcess(CoturnOptions options) : options_(std::move(options)) {
  auto turnserver = find_turnserver();
  if (!turnserver) {
    error_ = "turnserver not found";
    return;
  }
  char tmpl[] = "/tmp/tern-coturn-XXXXXX";
  if (!::mkdtemp(tmpl)) {
    error_ = "mkdtemp failed";
    return;
  }
  dir_ = tmpl;
  if (!run_openssl()) return;
  port_ = free_port();
  tls_port_ = free_port();
  if (port_ == 0 || tls_port_ == 0 || port_ == tls_port_ || tls_port_ == port_ + 1) {
    // coturn also opens listening-port + 1 for RFC 5780 unless told not to; keep them apart anyway.
    tls_port_ = free_port();
  }
  if (port_ == 0 || tls_port_ == 0 || port_ == tls_port_) {
    error_ = "no free loopback port";
    return;
  }
  // /work/shared/INTEROP.md: the relay address differs from the listening address, or peers may
  // bypass the relay.
  const std::vector<std::string> args = {
      *turnserver,
      "-n",
      "--listening-ip=127.0.0.1",
      "--relay-ip=127.0.0.2",
      "--listening-port=" + std::to_string(port_),
      "--tls-listening-port=" + std::to_string(tls_port_),
      "--min-port=" + std::to_string(options_.min_relay_port),
      "--max-port=" + std::to_string(options_.max_relay_port),
      "--lt-cred-mech",
      "--user=" + options_.user + ":" + options_.password,
      "--realm=" + options_.realm,
      "--cert=" + dir_ + "/cert.pem",
      "--pkey=" + dir_ + "/key.pem",
      "--fingerprint",
      "--no-cli",
      "--no-dtls",
      "--no-rfc5780",
      "--no-stun-backward-compatibility",
      "--allow-loopback-peers",
      "--no-multicast-peers",
      "--pidfile=" + dir_ + "/turn.pid",
      "--log-file=" + dir_ + "/turn.log",
      "--simple-log",
  };
  pid_ = spawn(args, dir_ + "/stdout.log");
  if (pid_ <= 0) {
    pid_ = 0;
    error_ = "posix_spawn(turnserver) failed";
    return;
  }
  if (!wait_ready()) {
    error_ = "turnserver did not start listening within 15 s; log:\n" + log_tail();
    stop();
  }
}

CoturnProcess::~CoturnProcess() {
  stop();
  if (!dir_.empty()) {
    std::error_code ignored;
    std::filesystem::remove_all(dir_, ignored);
  }
}

bool CoturnProcess::run_openssl() {
  // A throw-away P-256 certificate for "tern.test", valid one day.
  const std::vector<std::string> args = {
      "/usr/bin/openssl", "req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1", "-nodes",
      "-keyout", dir_ + "/key.pem", "-out", dir_ + "/cert.pem", "-days", "1", "-subj", "/CN=tern.test",
      "-addext", "subjectAltName=DNS:tern.test"};
  const pid_t pid = spawn(args, dir_ + "/openssl.log");
  if (pid <= 0) {
    error_ = "cannot run /usr/bin/openssl";
    return false;
  }
  auto status = wait_exit(pid, std::chrono::seconds(30));
  if (!status) {
    ::kill(pid, SIGKILL);
    (void)wait_exit(pid, std::chrono::seconds(5));
    error_ = "openssl req timed out";
    return false;
  }
  if (!WIFEXITED(*status) || WEXITSTATUS(*status) != 0 || ::access((dir_ + "/cert.pem").c_str(), R_OK) != 0) {
    error_ = "openssl req failed";
    return false;
  }
  return true;
}

bool CoturnProcess::wait_ready() {
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(15);
  while (std::chrono::steady_clock::now() < deadline) {
    int status = 0;
    if (::waitpid(pid_, &status, WNOHANG) == pid_) {
      pid_ = 0;  // exited early
      return false;
    }
    if (tcp_accepts(listen_address()) && tcp_accepts(tls_address())) return true;
    std::this_thread::sleep_for(std::chrono::milliseconds(50));
  }
  return false;
}

SocketAddress CoturnProcess::listen_address() const { return SocketAddress(kLoopback, port_); }
SocketAddress CoturnProcess::tls_address() const { return SocketAddress(kLoopback, tls_port_); }

std::string CoturnProcess::log_tail(size_t max_bytes) const {
  std::string all;
  for (const char* name : {"/turn.log", "/stdout.log"}) {
    std::ifstream in(dir_ + name);
    std::stringstream s;
    s << in.rdbuf();
    all += s.str();
  }
  return all.size() > max_bytes ? all.substr(all.size() - max_bytes) : all;
}

bool CoturnProcess::stop() {
  if (pid_ <= 0) return true;
  // INTEROP.md: stop it by the PID in its pidfile. With -n turnserver stays in the foreground, so
  // that PID is our child's; a pidfile naming any other process is ignored (never ours to signal).
  pid_t target = pid_;
  std::ifstream pidfile(dir_ + "/turn.pid");
  long from_file = 0;
  if (pidfile >> from_file && from_file == static_cast<long>(pid_)) target = static_cast<pid_t>(from_file);
  ::kill(target, SIGTERM);
  bool clean = true;
  if (!wait_exit(pid_, std::chrono::seconds(5))) {
    clean = false;
    ::kill(pid_, SIGKILL);
    (void)wait_exit(pid_, std::chrono::seconds(5));
  }
  pid_ = 0;
  return clean;
}

}  // namespace tern::conformance

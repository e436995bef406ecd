#pragma once
// CoturnProcess: runs Debian's `turnserver` (coturn) on loopback for the conformance test, with the
// command line of /work/shared/INTEROP.md: listening on 127.0.0.1, relaying from 127.0.0.2, one
// long-term-credential user, and TLS with a self-signed certificate generated (openssl CLI) in a
// fresh temporary directory. Stopped by the PID in its pidfile (SIGTERM, then SIGKILL), always
// within bounded time; the directory is removed afterwards.
#include <sys/types.h>

#include <optional>
#include <string>

#include "common/socket_address.hpp"

namespace tern::conformance {

struct CoturnOptions {
  std::string realm = "tern.test";
  std::string user = "tern";
  std::string password = "tern-pw";
  // Relay ports: a fixed range away from the kernel's usual ephemeral picks.
  uint16_t min_relay_port = 50200;
  uint16_t max_relay_port = 50299;
};

class CoturnProcess {
 public:
  // The path of turnserver (PATH, then /usr/bin), or nullopt when it is not installed.
  static std::optional<std::string> find_turnserver();

  // Starts the server and waits (up to 15 s) until its TCP and TLS ports accept connections. On
  // failure, error() says why and the process (if any) is already stopped.
  explicit CoturnProcess(CoturnOptions options = {});
  ~CoturnProcess();
  CoturnProcess(const CoturnProcess&) = delete;
  CoturnProcess& operator=(const CoturnProcess&) = delete;

  bool running() const { return pid_ > 0 && error_.empty(); }
  const std::string& error() const { return error_; }
  const CoturnOptions& options() const { return options_; }
  // UDP and TCP share the listening port; TLS has its own.
  SocketAddress listen_address() const;
  SocketAddress tls_address() const;
  // The self-signed certificate (PEM) the server presents, to trust in the TLS client.
  std::string certificate_path() const { return dir_ + "/cert.pem"; }
  // The last lines of turnserver's log, for failure messages.
  std::string log_tail(size_t max_bytes = 4000) const;
  // Stops the server (idempotent); true when it exited on SIGTERM in time.
  bool stop();

 private:
  bool run_openssl();
  bool wait_ready();

  CoturnOptions options_;
  std::string dir_;
  std::string error_;
  pid_t pid_ = 0;
  uint16_t port_ = 0;
  uint16_t tls_port_ = 0;
};

}  // namespace tern::conformance

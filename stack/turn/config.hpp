#pragma once
// ClientConfig: what a TURN client needs to know about its server and its allocation.
#include <cstddef>
#include <cstdint>
#include <string>

#include "common/socket_address.hpp"
#include "common/time.hpp"
#include "stun/client_transaction.hpp"

namespace tern::turn {

// How the client reaches its server. The client never touches the connection: it hands out bytes
// and takes bytes in. For kTcp and kTls those bytes are a stream (the owner runs the TCP connection,
// and for kTls the TLS session, e.g. with libssl) and the client frames them (RFC 8656 §12.5).
enum class ServerTransport : uint8_t {
  kUdp,  // one STUN/ChannelData message per datagram
  kTcp,  // a byte stream (RFC 8656 §3.1)
  kTls,  // a byte stream inside TLS (RFC 8656 §3.1); same framing as kTcp
};

// "udp", "tcp", "tls".
const char* server_transport_name(ServerTransport transport);

constexpr bool is_stream(ServerTransport transport) { return transport != ServerTransport::kUdp; }

struct ClientConfig {
  SocketAddress server;            // the TURN server's address (UDP: the source of its datagrams)
  SocketAddress local;             // Transmit::source of everything sent (may be unspecified)
  ServerTransport transport = ServerTransport::kUdp;

  // Long-term credentials (RFC 8489 §9.2). Used byte for byte: pass them already prepared with
  // OpaqueString (RFC 8265) when they are not plain ASCII.
  std::string username;
  std::string password;
  std::string software;  // SOFTWARE attribute on requests; empty = none

  // RFC 8656 §7.1: REQUESTED-ADDRESS-FAMILY. For IPv4 the attribute is omitted (§7.2: absent means
  // IPv4), which keeps RFC 5766 servers happy; for IPv6 it is sent.
  IpFamily relay_family = IpFamily::kV4;
  // RFC 8656 §7.1 / §8: the LIFETIME asked for in Allocate and Refresh; zero = omit (server default).
  Duration requested_lifetime = Duration::seconds(600);
  // Add FINGERPRINT to everything sent (it lets a receiver sharing the port tell STUN from other traffic, RFC 8489 §7).
  bool fingerprint = true;

  // 401 (Unauthenticated) responses answered with a new attempt before failing with
  // FailureReason::kUnauthenticated (RFC 8489 §9.2.5: a 401 to a request that carried credentials
  // means they were refused, unless the nonce or realm changed).
  uint32_t max_auth_retries = 2;
  // 438 (Stale Nonce) responses in a row answered with a retry before failing.
  uint32_t max_stale_nonce_retries = 3;

  // RFC 8656 §9: a permission lasts 300 s; refreshing after 240 s leaves a minute of margin.
  Duration permission_lifetime = Duration::seconds(300);
  Duration permission_refresh = Duration::seconds(240);
  // RFC 8656 §12: a channel binding lasts 600 s; refresh after 540 s.
  Duration channel_lifetime = Duration::seconds(600);
  Duration channel_refresh = Duration::seconds(540);
  // RFC 8656 §8: refresh the allocation this long before it expires (half the lifetime when the
  // lifetime is shorter than twice this).
  Duration refresh_margin = Duration::seconds(60);
  // Bounds on the tables (a misbehaving caller cannot grow them without limit).
  size_t max_permissions = 1024;

  // Retransmission timers of each request (RFC 8489 §6.2; Ti for TCP/TLS).
  stun::TransactionConfig transaction;
};

}  // namespace tern::turn

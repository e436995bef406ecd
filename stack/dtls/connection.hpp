#pragma once
// A DTLS 1.2 endpoint (RFC 6347), client or server, as a sans-IO state machine (DESIGN.md):
// feed it datagrams and the time, drain the datagrams it wants sent, its events, and its next
// deadline. It never reads a clock or a socket; randomness comes from the Rng passed in.
//
//   auto conn = dtls::Connection::create(config, rng).value();
//   conn.start(now);                                  // client: sends the ClientHello
//   conn.handle_input(now, bytes);                    // each received datagram
//   while (auto d = conn.poll_transmit()) send(*d);   // each datagram to send
//   while (auto e = conn.poll_event()) ...            // HandshakeComplete, ApplicationData, ...
//   if (auto t = conn.poll_timeout()) ...; conn.handle_timeout(now);
//
// The association is bound to one path chosen below (ICE), so datagrams are plain byte buffers.
#include <cstdint>
#include <memory>
#include <optional>
#include <span>
#include <string_view>
#include <vector>

#include "common/datagram.hpp"
#include "common/error.hpp"
#include "common/rng.hpp"
#include "common/time.hpp"
#include "crypto/certificate.hpp"
#include "dtls/config.hpp"
#include "dtls/event.hpp"
#include "dtls/record_layer.hpp"
#include "dtls/use_srtp.hpp"

namespace tern::dtls {

enum class ConnectionState : uint8_t { kIdle, kHandshaking, kConnected, kClosed, kFailed };

const char* connection_state_name(ConnectionState state);

// Counters for drops and retransmissions (for stats and tests).
struct ConnectionStats {
  RecordCounters records;
  uint64_t handshake_fragments_dropped = 0;  // malformed, inconsistent, too far ahead or too large
  uint64_t flights_retransmitted = 0;
  uint64_t hello_verify_requests_sent = 0;
  uint64_t early_records_buffered = 0;  // next-epoch records kept until keys were ready
};

class Connection {
 public:
  // Validates `config` (certificate and key present and matching, mtu >= kMinMtu, known suites,
  // groups and profiles). `rng` must outlive the connection. Errors: kBadConfig.
  static Result<Connection> create(Config config, Rng& rng);

  ~Connection();
  Connection(Connection&&) noexcept;
  Connection& operator=(Connection&&) noexcept;
  Connection(const Connection&) = delete;
  Connection& operator=(const Connection&) = delete;

  Role role() const;
  ConnectionState state() const;

  // Client: sends the first ClientHello and arms the retransmission timer. Server: nothing (it
  // waits for a ClientHello). Only the first call has an effect.
  void start(Timestamp now);

  // One received datagram (one or more records). Malformed, unauthenticated, replayed or
  // out-of-epoch records are dropped and counted (RFC 6347 §4.1.2.7); peer protocol violations
  // end the connection with a fatal alert and a Failed event.
  void handle_input(Timestamp now, std::span<const uint8_t> datagram);
  void handle_input(Timestamp now, const Datagram& datagram) { handle_input(now, datagram.payload); }

  // The next datagram to send, or nullopt when there is none.
  std::optional<std::vector<uint8_t>> poll_transmit();
  // The next event, or nullopt.
  std::optional<Event> poll_event();
  // When handle_timeout() must be called next (flight retransmission), or nullopt.
  std::optional<Timestamp> poll_timeout() const;
  // Retransmits the current flight if its deadline passed (RFC 6347 §4.2.4); fails the
  // connection with kHandshakeTimeout once the retransmission budget is spent.
  void handle_timeout(Timestamp now);

  // Queues `data` as one application_data record. Errors: kNotConnected (handshake not done),
  // kClosed, kTooLarge (above 2^14 bytes).
  Status send(std::span<const uint8_t> data);
  // Sends close_notify (RFC 5246 §7.2.1) and closes. Further input is ignored.
  void close();

  // RFC 5705 keying-material exporter (no context when `context` is nullopt).
  // Errors: kNotConnected, and those of dtls::export_keying_material().
  Result<std::vector<uint8_t>> export_keying_material(std::string_view label,
                                                      std::optional<std::span<const uint8_t>> context,
                                                      size_t length) const;
  // The SRTP master keys and salts for the negotiated profile (RFC 5764 §4.2).
  // Errors: kNotConnected, kHandshakeFailure (no SRTP profile was negotiated).
  Result<SrtpKeyingMaterial> srtp_keying_material() const;

  // After the handshake: the negotiated parameters and the peer's certificate.
  std::optional<CipherSuite> cipher_suite() const;
  std::optional<SrtpProfile> srtp_profile() const;
  bool extended_master_secret() const;
  const crypto::Certificate* peer_certificate() const;

  const ConnectionStats& stats() const;

  struct Impl;

 private:
  explicit Connection(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl_;
};

}  // namespace tern::dtls

#pragma once
// Internal to dtls/: the state behind Connection, shared by connection.cpp (records, flights,
// timers, alerts, application data), client_handshake.cpp and server_handshake.cpp.
#include <deque>
#include <optional>
#include <vector>

#include "crypto/ecdh.hpp"
#include "dtls/connection.hpp"
#include "dtls/cookie.hpp"
#include "dtls/flight.hpp"
#include "dtls/handshake_header.hpp"
#include "dtls/key_schedule.hpp"
#include "dtls/reassembler.hpp"
#include "dtls/signature_scheme.hpp"

namespace tern::dtls {

struct Connection::Impl {
  // Which handshake message each side waits for next (RFC 5246 §7.3 message flow).
  enum class Step : uint8_t {
    kIdle,
    kClientWaitServerHello,  // also accepts HelloVerifyRequest
    kClientWaitCertificate,
    kClientWaitServerKeyExchange,
    kClientWaitCertificateRequestOrDone,
    kClientWaitServerHelloDone,
    kClientWaitFinished,
    kServerWaitClientHello,
    kServerWaitCertificate,
    kServerWaitClientKeyExchange,
    kServerWaitCertificateVerify,
    kServerWaitFinished,
    kDone,
  };

  // tern's caps on adversarial behaviour.
  static constexpr size_t kMaxEarlyRecords = 16;
  static constexpr unsigned kMaxHelloVerifyRequests = 4;

  Impl(Config c, Rng& r);

  Config config;
  Rng& rng;
  ConnectionState state = ConnectionState::kIdle;
  Step step = Step::kIdle;

  RecordLayer records;
  Reassembler reassembler;
  Transcript transcript;
  Flight flight;
  RetransmitTimer timer;
  bool final_flight_retained = false;  // server: flight 6 kept to answer a retransmitted flight 5
  bool sent_ccs = false;
  uint16_t next_send_seq = 0;

  std::deque<std::vector<uint8_t>> outgoing;
  std::deque<Event> events;
  std::vector<uint8_t> scratch;
  std::vector<std::vector<uint8_t>> early_records;
  bool replay_early_records = false;
  bool retransmit_requested = false;
  mutable ConnectionStats stats;

  // Negotiated state.
  Random client_random{};
  Random server_random{};
  const CipherSuiteInfo* suite = nullptr;
  std::optional<SrtpProfile> srtp;
  bool ems = false;
  std::optional<crypto::EcdhPrivateKey> ecdh;
  std::vector<uint8_t> peer_ecdh_public;
  std::optional<MasterSecret> master;
  std::optional<crypto::Certificate> peer_cert;
  bool certificate_requested = false;  // client: the server sent CertificateRequest
  std::vector<SignatureScheme> peer_signature_algorithms;
  ClientHello client_hello;  // client: kept to resend with the cookie
  unsigned hello_verify_requests = 0;
  std::optional<CookieAuthority> cookies;  // server

  // ---- connection.cpp
  void handle_datagram(Timestamp now, std::span<const uint8_t> datagram);
  void process_record(Timestamp now, const RecordHeader& header, std::span<uint8_t> fragment,
                      std::span<const uint8_t> raw_record);
  void process_handshake_record(Timestamp now, const RecordHeader& header, std::span<const uint8_t> payload);
  void process_alert(uint16_t epoch, std::span<const uint8_t> payload);
  void handle_message(Timestamp now, HandshakeMessage& message);

  // Appends a handshake message to the flight being built (and to the transcript). False when the
  // transcript cap is hit (the connection has then failed).
  bool add_message(HandshakeType type, std::vector<uint8_t> body, uint16_t epoch);
  void add_change_cipher_spec();
  // Appends a received message to the transcript; fails the connection (false) past the cap.
  bool append_transcript(const HandshakeMessage& message);
  // Emits the built flight. expect_response arms the retransmission timer.
  void send_flight(Timestamp now, bool expect_response);
  void retransmit_flight();
  void send_alert(const Alert& alert);
  uint16_t write_epoch() const { return sent_ccs ? 1 : 0; }
  // Fails the connection: sends `alert` (fatal) if given, emits Failed, stops timers.
  void fail(const Error& error, std::optional<AlertDescription> alert);
  // Derives the key block from `master` and installs epoch-1 protection both ways.
  void install_keys();
  void complete_handshake();

  // Signature schemes we offer / accept, in preference order.
  static std::vector<SignatureScheme> supported_signature_schemes();
  // Our preferred scheme for our key that appears in `peer_list`; nullopt if none.
  std::optional<SignatureScheme> choose_signature_scheme(std::span<const SignatureScheme> peer_list) const;
  // Checks a peer signature: the scheme must be one we offered and fit the peer's key.
  Status verify_peer_signature(SignatureScheme scheme, std::span<const uint8_t> data,
                               std::span<const uint8_t> signature, const char* what);
  // Parses the peer's Certificate message body: sets peer_cert, checks the fingerprint.
  // Fails the connection itself and returns false on error. An empty list sets nothing.
  bool accept_peer_certificate(std::span<const uint8_t> body);

  // ---- client_handshake.cpp
  void client_start(Timestamp now);
  void client_handle(Timestamp now, HandshakeMessage& message);
  void client_on_hello_verify_request(Timestamp now, const HandshakeMessage& message);
  void client_on_server_hello(const HandshakeMessage& message);
  void client_on_server_key_exchange(const HandshakeMessage& message);
  void client_on_certificate_request(const HandshakeMessage& message);
  void client_send_flight5(Timestamp now);
  void client_on_finished(const HandshakeMessage& message);

  // ---- server_handshake.cpp
  void server_on_first_client_hello(Timestamp now, const RecordHeader& record, const HandshakeFragment& fragment);
  void server_handle(Timestamp now, HandshakeMessage& message);
  void server_on_client_key_exchange(const HandshakeMessage& message);
  void server_on_certificate_verify(const HandshakeMessage& message);
  void server_on_finished(Timestamp now, const HandshakeMessage& message);
};

}  // namespace tern::dtls

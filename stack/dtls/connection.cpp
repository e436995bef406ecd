#include "dtls/connection.hpp"

#include <algorithm>

#include "common/log.hpp"
#include "crypto/hmac.hpp"
#include "dtls/certificate_message.hpp"
#include "dtls/connection_impl.hpp"
#include "dtls/errc.hpp"

namespace tern::dtls {

const char* connection_state_name(ConnectionState state) {
  switch (state) {
    case ConnectionState::kIdle: return "idle";
    case ConnectionState::kHandshaking: return "handshaking";
    case ConnectionState::kConnected: return "connected";
    case ConnectionState::kClosed: return "closed";
    case ConnectionState::kFailed: return "failed";
  }
  return "unknown";
}

Connection::Impl::Impl(Config c, Rng& r)
    : config(std::move(c)),
      rng(r),
      timer(config.initial_retransmit_timeout, config.max_retransmit_timeout, config.max_retransmits) {}

// ---------------------------------------------------------------------------------------------
// Input

void Connection::Impl::handle_datagram(Timestamp now, std::span<const uint8_t> datagram) {
  if (state == ConnectionState::kClosed || state == ConnectionState::kFailed) return;
  // AEAD opens in place, so work on a private copy (the buffer is reused across datagrams).
  scratch.assign(datagram.begin(), datagram.end());
  retransmit_requested = false;
  size_t offset = 0;
  while (offset < scratch.size() && state != ConnectionState::kFailed && state != ConnectionState::kClosed) {
    std::span<uint8_t> rest(scratch.data() + offset, scratch.size() - offset);
    auto record = parse_record(rest);
    if (!record) {
      // RFC 6347 §4.1.2.7: invalid records are discarded; without a valid length the rest of the
      // datagram cannot be delimited, so it goes too.
      ++records.counters().malformed;
      break;
    }
    size_t size = record->size();
    std::span<uint8_t> fragment(rest.data() + kRecordHeaderSize, record->header.length);
    std::span<const uint8_t> raw(rest.data(), size);
    process_record(now, record->header, fragment, raw);
    offset += size;
  }
  // Records of the next epoch that arrived before its keys were ready.
  while (replay_early_records && state == ConnectionState::kHandshaking) {
    replay_early_records = false;
    std::vector<std::vector<uint8_t>> pending = std::move(early_records);
    early_records.clear();
    for (auto& raw : pending) {
      auto record = parse_record(raw);
      if (!record) continue;
      std::span<uint8_t> fragment(raw.data() + kRecordHeaderSize, record->header.length);
      process_record(now, record->header, fragment, raw);
    }
  }
  // RFC 6347 §4.2.4: a retransmitted flight from the peer means our last flight was lost; answer
  // it once per datagram (not per record), so a peer cannot amplify through us.
  if (retransmit_requested && (timer.deadline() || final_flight_retained) &&
      (state == ConnectionState::kHandshaking || state == ConnectionState::kConnected)) {
    retransmit_flight();
  }
  retransmit_requested = false;
}

void Connection::Impl::process_record(Timestamp now, const RecordHeader& header, std::span<uint8_t> fragment,
                                      std::span<const uint8_t> raw_record) {
  if (header.epoch == 1 && !records.has_read_epoch(1)) {
    // RFC 6347 §4.1: packets from the next epoch MAY be retained until its keys are available;
    // only once a cipher suite was negotiated, so a stateless server holds nothing.
    if (state == ConnectionState::kHandshaking && suite != nullptr && early_records.size() < kMaxEarlyRecords) {
      early_records.emplace_back(raw_record.begin(), raw_record.end());
      ++stats.early_records_buffered;
    } else {
      ++records.counters().wrong_epoch;
    }
    return;
  }
  auto plaintext = records.open(header, fragment);
  if (!plaintext) return;  // counted by the record layer
  switch (header.type) {
    case ContentType::kHandshake:
      process_handshake_record(now, header, *plaintext);
      break;
    case ContentType::kChangeCipherSpec:
      // RFC 5246 §7.1: a single byte of value 1. DTLS records name their epoch, so tern does not
      // need the CCS to switch keys: the epoch-1 Finished itself proves the peer switched.
      break;
    case ContentType::kAlert:
      process_alert(header.epoch, *plaintext);
      break;
    case ContentType::kApplicationData:
      // RFC 5246 §7.4.9 / RFC 6347 §4.1: application data only flows in the protected epoch after
      // the handshake finished; anything else is dropped.
      if (state == ConnectionState::kConnected && header.epoch == 1)
        events.push_back(ApplicationData{std::vector<uint8_t>(plaintext->begin(), plaintext->end())});
      else
        ++records.counters().wrong_epoch;
      break;
  }
}

void Connection::Impl::process_handshake_record(Timestamp now, const RecordHeader& header,
                                                std::span<const uint8_t> payload) {
  while (!payload.empty() && state != ConnectionState::kFailed && state != ConnectionState::kClosed) {
    auto fragment = parse_handshake_fragment(payload);
    if (!fragment) {
      ++stats.handshake_fragments_dropped;
      return;
    }
    payload = payload.subspan(fragment->size());
    const HandshakeHeader& h = fragment->header;

    if (state == ConnectionState::kConnected) {
      if (h.message_seq < reassembler.next_seq()) {
        retransmit_requested = true;  // the peer repeats its last flight: ours was lost
      } else if ((h.type == HandshakeType::kClientHello && config.role == Role::kServer && header.epoch == 1) ||
                 (h.type == HandshakeType::kHelloRequest && config.role == Role::kClient && header.epoch == 1)) {
        // RFC 5746 §4.2 / §4.4: tern refuses renegotiation with a warning alert.
        send_alert(Alert{AlertLevel::kWarning, AlertDescription::kNoRenegotiation});
      }
      continue;
    }
    if (step == Step::kServerWaitClientHello) {
      server_on_first_client_hello(now, header, *fragment);
      continue;
    }
    switch (reassembler.add(*fragment, header.epoch)) {
      case Reassembler::Outcome::kAccepted: break;
      case Reassembler::Outcome::kOld: retransmit_requested = true; break;
      default: ++stats.handshake_fragments_dropped; break;
    }
    while (state == ConnectionState::kHandshaking) {
      auto message = reassembler.pop();
      if (!message) break;
      handle_message(now, *message);
    }
  }
}

void Connection::Impl::process_alert(uint16_t epoch, std::span<const uint8_t> payload) {
  auto alert = parse_alert(payload);
  if (!alert) return;
  // After the handshake, unprotected alerts could be forged by anyone on the path: ignore them.
  if (state == ConnectionState::kConnected && epoch == 0) return;
  if (alert->description == AlertDescription::kCloseNotify) {
    // RFC 5246 §7.2.1: answer close_notify with close_notify and close down.
    send_alert(Alert{AlertLevel::kWarning, AlertDescription::kCloseNotify});
    state = ConnectionState::kClosed;
    timer.stop();
    final_flight_retained = false;
    events.push_back(Closed{});
    return;
  }
  if (alert->level == AlertLevel::kFatal) {
    state = ConnectionState::kFailed;
    timer.stop();
    final_flight_retained = false;
    events.push_back(Failed{Error(DtlsErrc::kAlertReceived, "peer sent a fatal alert", 0), std::nullopt, *alert});
    return;
  }
  // Other warnings (e.g. no_renegotiation) need no action.
}

void Connection::Impl::handle_message(Timestamp now, HandshakeMessage& message) {
  if (config.role == Role::kClient)
    client_handle(now, message);
  else
    server_handle(now, message);
}

// ---------------------------------------------------------------------------------------------
// Output

bool Connection::Impl::add_message(HandshakeType type, std::vector<uint8_t> body, uint16_t epoch) {
  uint16_t seq = next_send_seq++;
  if (!transcript.append(static_cast<uint8_t>(type), seq, body)) {
    fail(Error(DtlsErrc::kTooLarge, "handshake transcript above tern's cap"), AlertDescription::kInternalError);
    return false;
  }
  flight.add(OutgoingMessage{false, type, seq, epoch, std::move(body)});
  return true;
}

bool Connection::Impl::append_transcript(const HandshakeMessage& message) {
  if (transcript.append(static_cast<uint8_t>(message.type), message.message_seq, message.body)) return true;
  fail(Error(DtlsErrc::kTooLarge, "handshake transcript above tern's cap"), AlertDescription::kInternalError);
  return false;
}

void Connection::Impl::add_change_cipher_spec() {
  flight.add(OutgoingMessage{true, HandshakeType::kFinished, 0, 0, {}});
  sent_ccs = true;
}

void Connection::Impl::send_flight(Timestamp now, bool expect_response) {
  std::vector<std::vector<uint8_t>> datagrams;
  if (auto s = flight.emit(records, config.mtu, datagrams); !s) {
    fail(s.error(), AlertDescription::kInternalError);
    return;
  }
  for (auto& d : datagrams) outgoing.push_back(std::move(d));
  if (expect_response)
    timer.start(now);
  else
    timer.stop();
}

void Connection::Impl::retransmit_flight() {
  if (flight.empty()) return;
  std::vector<std::vector<uint8_t>> datagrams;
  if (auto s = flight.emit(records, config.mtu, datagrams); !s) {
    fail(s.error(), AlertDescription::kInternalError);
    return;
  }
  for (auto& d : datagrams) outgoing.push_back(std::move(d));
  ++stats.flights_retransmitted;
}

void Connection::Impl::send_alert(const Alert& alert) {
  uint8_t payload[kAlertSize];
  serialize_alert(alert, payload);
  std::vector<uint8_t> datagram;
  if (records.append_record(datagram, ContentType::kAlert, write_epoch(), payload)) outgoing.push_back(std::move(datagram));
}

void Connection::Impl::fail(const Error& error, std::optional<AlertDescription> alert) {
  if (state == ConnectionState::kFailed || state == ConnectionState::kClosed) return;
  std::optional<Alert> sent;
  if (alert) {
    sent = Alert{AlertLevel::kFatal, *alert};
    send_alert(*sent);
  }
  TERN_LOG(LogLevel::kInfo, "dtls", "connection failed: %s", error.to_string().c_str());
  state = ConnectionState::kFailed;
  timer.stop();
  final_flight_retained = false;
  flight.clear();
  events.push_back(Failed{error, sent, std::nullopt});
}

void Connection::Impl::install_keys() {
  KeyBlock kb = derive_key_block(*suite, *master, client_random, server_random);
  bool client = config.role == Role::kClient;
  RecordProtection write(*suite, client ? kb.client_write_key : kb.server_write_key,
                         client ? kb.client_write_iv : kb.server_write_iv);
  RecordProtection read(*suite, client ? kb.server_write_key : kb.client_write_key,
                        client ? kb.server_write_iv : kb.client_write_iv);
  records.install_write_protection(std::move(write));
  records.install_read_protection(std::move(read));
  replay_early_records = !early_records.empty();
}

void Connection::Impl::complete_handshake() {
  state = ConnectionState::kConnected;
  step = Step::kDone;
  ecdh.reset();  // the ephemeral private key is no longer needed
  early_records.clear();
  events.push_back(HandshakeComplete{suite->id, srtp, ems});
}

// ---------------------------------------------------------------------------------------------
// Shared handshake helpers

std::vector<SignatureScheme> Connection::Impl::supported_signature_schemes() {
  return {SignatureScheme::kEcdsaSecp256r1Sha256, SignatureScheme::kEcdsaSecp384r1Sha384,
          SignatureScheme::kRsaPssRsaeSha256,     SignatureScheme::kRsaPssRsaeSha384,
          SignatureScheme::kRsaPssRsaeSha512,     SignatureScheme::kRsaPkcs1Sha256,
          SignatureScheme::kRsaPkcs1Sha384,       SignatureScheme::kRsaPkcs1Sha512};
}

std::optional<SignatureScheme> Connection::Impl::choose_signature_scheme(
    std::span<const SignatureScheme> peer_list) const {
  for (SignatureScheme scheme : supported_signature_schemes()) {
    auto algorithm = to_signature_algorithm(scheme);
    if (!algorithm || !crypto::key_supports(config.private_key.type(), *algorithm)) continue;
    if (std::find(peer_list.begin(), peer_list.end(), scheme) != peer_list.end()) return scheme;
  }
  return std::nullopt;
}

Status Connection::Impl::verify_peer_signature(SignatureScheme scheme, std::span<const uint8_t> data,
                                               std::span<const uint8_t> signature, const char* what) {
  auto offered = supported_signature_schemes();
  auto algorithm = to_signature_algorithm(scheme);
  // RFC 5246 §7.4.3 / §7.4.8: the algorithm must be one the verifier offered.
  if (!algorithm || std::find(offered.begin(), offered.end(), scheme) == offered.end() ||
      !crypto::key_supports(peer_cert->public_key().type(), *algorithm))
    return Error(DtlsErrc::kIllegalParameter, "signature algorithm not offered or not fitting the key");
  if (!peer_cert->public_key().verify(*algorithm, data, signature)) return Error(DtlsErrc::kBadSignature, what);
  return {};
}

bool Connection::Impl::accept_peer_certificate(std::span<const uint8_t> body) {
  auto message = parse_certificate_message(body);
  if (!message) {
    fail(message.error(), AlertDescription::kDecodeError);
    return false;
  }
  if (message->certificates.empty()) return true;
  auto cert = crypto::Certificate::parse(message->certificates.front());
  if (!cert) {
    fail(Error(DtlsErrc::kBadCertificate, "peer certificate does not parse"), AlertDescription::kBadCertificate);
    return false;
  }
  // RFC 8122 §5 / RFC 5763 §5: the certificate must match the fingerprint from the SDP.
  if (config.expected_peer_fingerprint && !config.expected_peer_fingerprint->matches(*cert)) {
    fail(Error(DtlsErrc::kFingerprintMismatch, "peer certificate does not match the SDP fingerprint"),
         AlertDescription::kBadCertificate);
    return false;
  }
  crypto::KeyType type = cert->public_key().type();
  if (type != crypto::KeyType::kEcdsaP256 && type != crypto::KeyType::kEcdsaP384 && type != crypto::KeyType::kRsa) {
    fail(Error(DtlsErrc::kBadCertificate, "peer certificate key type not supported"),
         AlertDescription::kUnsupportedCertificate);
    return false;
  }
  peer_cert = std::move(*cert);
  return true;
}

// ---------------------------------------------------------------------------------------------
// Public API

namespace {

// Whether `certificate` belongs to `key`. The comparison decodes the private key's public half
// through OpenSSL's decoders, which cost about as much as the rest of a handshake's CPU time on
// one side; an application uses one identity for many connections, so the last matching pair is
// remembered (per thread: no locking). The cache holds copies, which keep both keys alive, so a
// pointer match can never be a freed key's address reused by another key.
bool certificate_matches_key(const crypto::Certificate& certificate, const crypto::PrivateKey& key) {
  struct Validated {
    crypto::Certificate certificate;
    crypto::PrivateKey key;
  };
  thread_local std::optional<Validated> last;
  if (last && last->certificate.public_key().native() == certificate.public_key().native() &&
      last->key.native() == key.native())
    return true;
  if (certificate.public_key().spki_der() != key.public_key().spki_der()) return false;
  last = Validated{certificate, key};
  return true;
}

}  // namespace

Result<Connection> Connection::create(Config config, Rng& rng) {
  if (config.certificate.empty() || config.private_key.empty())
    return Error(DtlsErrc::kBadConfig, "certificate and private key are required");
  if (!certificate_matches_key(config.certificate, config.private_key))
    return Error(DtlsErrc::kBadConfig, "certificate does not belong to the private key");
  if (config.mtu < kMinMtu) return Error(DtlsErrc::kBadConfig, "mtu below kMinMtu");
  if (config.cipher_suites.empty()) return Error(DtlsErrc::kBadConfig, "no cipher suites");
  for (CipherSuite s : config.cipher_suites)
    if (!find_cipher_suite(static_cast<uint16_t>(s))) return Error(DtlsErrc::kBadConfig, "unknown cipher suite");
  if (config.groups.empty()) return Error(DtlsErrc::kBadConfig, "no ECDHE groups");
  for (NamedGroup g : config.groups)
    if (!to_ecdh_group(g)) return Error(DtlsErrc::kBadConfig, "unsupported ECDHE group");
  for (SrtpProfile p : config.srtp_profiles)
    if (!find_srtp_profile(static_cast<uint16_t>(p))) return Error(DtlsErrc::kBadConfig, "unknown SRTP profile");
  if (config.initial_retransmit_timeout <= Duration::zero() ||
      config.max_retransmit_timeout < config.initial_retransmit_timeout)
    return Error(DtlsErrc::kBadConfig, "retransmit timeouts");
  auto impl = std::make_unique<Impl>(std::move(config), rng);
  if (impl->config.role == Role::kServer) impl->cookies.emplace(rng);
  return Connection(std::move(impl));
}

Connection::Connection(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
Connection::~Connection() = default;
Connection::Connection(Connection&&) noexcept = default;
Connection& Connection::operator=(Connection&&) noexcept = default;

Role Connection::role() const { return impl_->config.role; }
ConnectionState Connection::state() const { return impl_->state; }

void Connection::start(Timestamp now) {
  if (impl_->state != ConnectionState::kIdle) return;
  impl_->state = ConnectionState::kHandshaking;
  if (impl_->config.role == Role::kClient) {
    impl_->client_start(now);
  } else {
    impl_->step = Impl::Step::kServerWaitClientHello;
  }
}

void Connection::handle_input(Timestamp now, std::span<const uint8_t> datagram) {
  // A server starts implicitly on its first datagram.
  if (impl_->state == ConnectionState::kIdle && impl_->config.role == Role::kServer) start(now);
  if (impl_->state == ConnectionState::kIdle) return;
  impl_->handle_datagram(now, datagram);
}

std::optional<std::vector<uint8_t>> Connection::poll_transmit() {
  if (impl_->outgoing.empty()) return std::nullopt;
  std::vector<uint8_t> d = std::move(impl_->outgoing.front());
  impl_->outgoing.pop_front();
  return d;
}

std::optional<Event> Connection::poll_event() {
  if (impl_->events.empty()) return std::nullopt;
  Event e = std::move(impl_->events.front());
  impl_->events.pop_front();
  return e;
}

std::optional<Timestamp> Connection::poll_timeout() const {
  if (impl_->state != ConnectionState::kHandshaking) return std::nullopt;
  return impl_->timer.deadline();
}

void Connection::handle_timeout(Timestamp now) {
  Impl& s = *impl_;
  if (s.state != ConnectionState::kHandshaking || !s.timer.expired(now)) return;
  if (!s.timer.backoff(now)) {
    // RFC 6347 §4.2.4: give up after the retransmission budget.
    s.fail(Error(DtlsErrc::kHandshakeTimeout, "no response after the maximum number of retransmissions"),
           std::nullopt);
    return;
  }
  s.retransmit_flight();
}

Status Connection::send(std::span<const uint8_t> data) {
  Impl& s = *impl_;
  if (s.state == ConnectionState::kClosed || s.state == ConnectionState::kFailed)
    return Error(DtlsErrc::kClosed, "connection closed");
  if (s.state != ConnectionState::kConnected) return Error(DtlsErrc::kNotConnected, "handshake not complete");
  if (data.size() > kMaxPlaintextLength) return Error(DtlsErrc::kTooLarge, "application data above 2^14 bytes");
  std::vector<uint8_t> datagram;
  datagram.reserve(s.records.record_size(1, data.size()));
  if (auto st = s.records.append_record(datagram, ContentType::kApplicationData, 1, data); !st) return st;
  s.outgoing.push_back(std::move(datagram));
  return {};
}

void Connection::close() {
  Impl& s = *impl_;
  if (s.state == ConnectionState::kClosed || s.state == ConnectionState::kFailed) return;
  if (s.state != ConnectionState::kIdle) s.send_alert(Alert{AlertLevel::kWarning, AlertDescription::kCloseNotify});
  s.state = ConnectionState::kClosed;
  s.timer.stop();
  s.final_flight_retained = false;
}

Result<std::vector<uint8_t>> Connection::export_keying_material(std::string_view label,
                                                                std::optional<std::span<const uint8_t>> context,
                                                                size_t length) const {
  const Impl& s = *impl_;
  if (s.state != ConnectionState::kConnected || !s.master)
    return Error(DtlsErrc::kNotConnected, "exporter needs a completed handshake");
  return dtls::export_keying_material(s.suite->prf_hash, *s.master, s.client_random, s.server_random, label, context,
                                      length);
}

Result<SrtpKeyingMaterial> Connection::srtp_keying_material() const {
  const Impl& s = *impl_;
  if (s.state != ConnectionState::kConnected) return Error(DtlsErrc::kNotConnected, "handshake not complete");
  if (!s.srtp) return Error(DtlsErrc::kHandshakeFailure, "no SRTP profile negotiated");
  const SrtpProfileInfo* profile = find_srtp_profile(static_cast<uint16_t>(*s.srtp));
  auto exported = export_keying_material(kSrtpExporterLabel, std::nullopt, srtp_keying_material_size(*profile));
  if (!exported) return exported.error();
  return split_srtp_keying_material(*profile, *exported);
}

std::optional<CipherSuite> Connection::cipher_suite() const {
  if (impl_->state != ConnectionState::kConnected || !impl_->suite) return std::nullopt;
  return impl_->suite->id;
}
std::optional<SrtpProfile> Connection::srtp_profile() const {
  return impl_->state == ConnectionState::kConnected ? impl_->srtp : std::nullopt;
}
bool Connection::extended_master_secret() const { return impl_->ems; }
const crypto::Certificate* Connection::peer_certificate() const {
  return impl_->peer_cert ? &*impl_->peer_cert : nullptr;
}
const ConnectionStats& Connection::stats() const {
  impl_->stats.records = impl_->records.counters();
  return impl_->stats;
}

}  // namespace tern::dtls

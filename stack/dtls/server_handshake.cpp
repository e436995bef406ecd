// The server side of the DTLS 1.2 handshake (RFC 6347 §4.2.4 flights 2, 4 and 6):
//
//   ClientHello                 -->
//                               <--  HelloVerifyRequest (stateless, when a cookie is required)
//   ClientHello (with cookie)   -->
//                               <--  ServerHello, Certificate, ServerKeyExchange,
//                                    CertificateRequest, ServerHelloDone
//   Certificate, ClientKeyExchange, CertificateVerify,
//   [ChangeCipherSpec], Finished -->
//                               <--  [ChangeCipherSpec], Finished
#include <algorithm>

#include "crypto/hmac.hpp"
#include "dtls/certificate_message.hpp"
#include "dtls/certificate_request.hpp"
#include "dtls/certificate_verify.hpp"
#include "dtls/client_key_exchange.hpp"
#include "dtls/connection_impl.hpp"
#include "dtls/errc.hpp"
#include "dtls/hello_verify_request.hpp"
#include "dtls/server_hello.hpp"
#include "dtls/server_key_exchange.hpp"

namespace tern::dtls {
namespace {
template <class T>
bool contains(const std::vector<T>& v, T x) {
  return std::find(v.begin(), v.end(), x) != v.end();
}
}  // namespace

void Connection::Impl::server_on_first_client_hello(Timestamp now, const RecordHeader& record,
                                                    const HandshakeFragment& fragment) {
  // Before a verified ClientHello the server keeps almost no state (RFC 6347 §4.2.1): only a
  // ClientHello in epoch 0 is considered, and a fragmented one is reassembled within the
  // reassembler's fixed bounds.
  const HandshakeHeader& h = fragment.header;
  if (h.type != HandshakeType::kClientHello || record.epoch != 0) {
    ++stats.handshake_fragments_dropped;
    return;
  }
  std::span<const uint8_t> body = fragment.body;
  std::optional<HandshakeMessage> reassembled;
  if (!h.is_complete()) {
    if (h.message_seq != reassembler.next_seq()) reassembler.reset(h.message_seq);
    if (reassembler.add(fragment, 0) != Reassembler::Outcome::kAccepted) {
      ++stats.handshake_fragments_dropped;
      return;
    }
    reassembled = reassembler.pop();
    if (!reassembled) return;
    body = reassembled->body;
  }
  auto parsed = parse_client_hello(body);
  if (!parsed) {
    ++stats.handshake_fragments_dropped;
    return;
  }
  uint16_t seq = h.message_seq;
  ClientHello& ch = *parsed;

  if (config.require_cookie && !cookies->verify(ch)) {
    // RFC 6347 §4.2.1: answer with HelloVerifyRequest, reusing the ClientHello's message_seq and
    // record sequence number, and remember nothing.
    HelloVerifyRequest hvr;
    hvr.cookie = cookies->make(ch);
    auto hvr_body = serialize(hvr);
    HandshakeHeader hvr_header;
    hvr_header.type = HandshakeType::kHelloVerifyRequest;
    hvr_header.length = static_cast<uint32_t>(hvr_body.size());
    hvr_header.message_seq = seq;
    hvr_header.fragment_length = hvr_header.length;
    std::vector<uint8_t> payload(kHandshakeHeaderSize);
    serialize_handshake_header(hvr_header, std::span<uint8_t, kHandshakeHeaderSize>(payload.data(), kHandshakeHeaderSize));
    payload.insert(payload.end(), hvr_body.begin(), hvr_body.end());
    uint64_t saved = records.next_write_sequence(0);
    records.set_next_write_sequence(0, record.sequence);
    std::vector<uint8_t> datagram;
    if (records.append_record(datagram, ContentType::kHandshake, 0, payload)) outgoing.push_back(std::move(datagram));
    records.set_next_write_sequence(0, saved);
    ++stats.hello_verify_requests_sent;
    reassembler.reset(0);
    return;
  }

  // ---- Negotiate. From here on, failures are the client's and end the connection.
  // RFC 6347 §4.2.1 / RFC 5246 §E.1: client_version is the highest version the client supports;
  // DTLS versions count downwards, so anything numerically above 1.2's {254,253} lacks DTLS 1.2.
  if (ch.client_version > kDtls12)
    return fail(Error(DtlsErrc::kBadVersion, "client does not support DTLS 1.2"), AlertDescription::kProtocolVersion);
  const HelloExtensions& ext = ch.extensions;

  const CipherSuiteInfo* chosen = nullptr;
  bool rsa_key = config.private_key.type() == crypto::KeyType::kRsa;
  for (CipherSuite s : config.cipher_suites) {
    const CipherSuiteInfo* info = find_cipher_suite(static_cast<uint16_t>(s));
    if (!info || (info->auth == AuthAlgorithm::kRsa) != rsa_key) continue;
    if (contains(ch.cipher_suites, static_cast<uint16_t>(s))) {
      chosen = info;
      break;
    }
  }
  if (!chosen) return fail(Error(DtlsErrc::kHandshakeFailure, "no cipher suite in common"), AlertDescription::kHandshakeFailure);
  // RFC 5246 §7.4.1.2: the null compression method must be offered.
  if (!contains(ch.compression_methods, uint8_t{0}))
    return fail(Error(DtlsErrc::kIllegalParameter, "null compression not offered"), AlertDescription::kIllegalParameter);
  // RFC 8422 §5.1.1 / §5.1.2: pick our preferred group the client supports; uncompressed points.
  std::optional<NamedGroup> group;
  for (NamedGroup g : config.groups) {
    if (!ext.supported_groups || contains(*ext.supported_groups, g)) {
      group = g;
      break;
    }
  }
  if (!group) return fail(Error(DtlsErrc::kHandshakeFailure, "no ECDHE group in common"), AlertDescription::kHandshakeFailure);
  if (ext.ec_point_formats && !contains(*ext.ec_point_formats, kPointFormatUncompressed))
    return fail(Error(DtlsErrc::kIllegalParameter, "client lacks uncompressed points"), AlertDescription::kIllegalParameter);
  // RFC 5246 §7.4.1.4.1: the ServerKeyExchange signature uses an algorithm the client listed.
  std::optional<SignatureScheme> ske_scheme;
  if (ext.signature_algorithms) ske_scheme = choose_signature_scheme(*ext.signature_algorithms);
  if (!ske_scheme)
    return fail(Error(DtlsErrc::kHandshakeFailure, "no signature algorithm in common"), AlertDescription::kHandshakeFailure);
  // RFC 5746 §3.6: on an initial handshake renegotiated_connection must be empty.
  if (ext.renegotiation_info && !ext.renegotiation_info->empty())
    return fail(Error(DtlsErrc::kHandshakeFailure, "non-empty renegotiation_info"), AlertDescription::kHandshakeFailure);
  bool secure_renegotiation =
      ext.renegotiation_info.has_value() || contains(ch.cipher_suites, kEmptyRenegotiationInfoScsv);
  ems = ext.extended_master_secret;
  // RFC 7627 §5.2: a server that requires the extension aborts when the client lacks it.
  if (config.require_extended_master_secret && !ems)
    return fail(Error(DtlsErrc::kHandshakeFailure, "client does not support extended_master_secret"),
                AlertDescription::kHandshakeFailure);
  // RFC 5764 §4.1.1: choose one of the client's profiles (in our preference order) and echo no MKI.
  if (ext.use_srtp) {
    for (SrtpProfile p : config.srtp_profiles) {
      if (contains(ext.use_srtp->profiles, p)) {
        srtp = p;
        break;
      }
    }
  }

  suite = chosen;
  client_random = ch.random;
  rng.fill(server_random);
  // The ClientHello's numbers continue: our replies carry its message_seq onwards, and our record
  // sequence numbers start no lower than its own (what a stateless exchange implies, §4.2.1).
  reassembler.reset(static_cast<uint16_t>(seq + 1));
  next_send_seq = seq;
  records.set_next_write_sequence(0, std::max(records.next_write_sequence(0), record.sequence));
  transcript.clear();
  if (!transcript.append(static_cast<uint8_t>(HandshakeType::kClientHello), seq, body))
    return fail(Error(DtlsErrc::kTooLarge, "transcript cap"), AlertDescription::kInternalError);

  // ---- Flight 4.
  flight.clear();
  ServerHello sh;
  sh.server_version = kDtls12;
  sh.random = server_random;
  sh.cipher_suite = static_cast<uint16_t>(chosen->id);
  sh.compression_method = 0;
  if (srtp) sh.extensions.use_srtp = UseSrtp{{*srtp}, {}};
  sh.extensions.extended_master_secret = ems;
  if (secure_renegotiation) sh.extensions.renegotiation_info = std::vector<uint8_t>{};
  if (ext.ec_point_formats) sh.extensions.ec_point_formats = std::vector<uint8_t>{kPointFormatUncompressed};
  if (!add_message(HandshakeType::kServerHello, serialize(sh), 0)) return;

  CertificateMessage cert;
  cert.certificates.emplace_back(config.certificate.der().begin(), config.certificate.der().end());
  if (!add_message(HandshakeType::kCertificate, serialize(cert), 0)) return;

  ecdh = crypto::EcdhPrivateKey::generate(*to_ecdh_group(*group), rng);
  ServerKeyExchange ske;
  ske.named_curve = *group;
  ske.public_key.assign(ecdh->public_key().begin(), ecdh->public_key().end());
  ske.signature_scheme = *ske_scheme;
  auto signature = config.private_key.sign(*to_signature_algorithm(*ske_scheme),
                                           server_key_exchange_signed_data(ske, client_random, server_random));
  if (!signature) return fail(Error(DtlsErrc::kInternal, "signing ServerKeyExchange failed"), AlertDescription::kInternalError);
  ske.signature = std::move(*signature);
  if (!add_message(HandshakeType::kServerKeyExchange, serialize(ske), 0)) return;

  if (config.require_client_certificate) {
    // RFC 8827 §6.5: WebRTC endpoints authenticate each other, so the client is asked for its
    // certificate.
    CertificateRequest cr;
    cr.certificate_types = {ClientCertificateType::kEcdsaSign, ClientCertificateType::kRsaSign};
    cr.signature_algorithms = supported_signature_schemes();
    if (!add_message(HandshakeType::kCertificateRequest, serialize(cr), 0)) return;
  }
  if (!add_message(HandshakeType::kServerHelloDone, {}, 0)) return;
  step = config.require_client_certificate ? Step::kServerWaitCertificate : Step::kServerWaitClientKeyExchange;
  send_flight(now, true);
}

void Connection::Impl::server_handle(Timestamp now, HandshakeMessage& m) {
  if ((m.type == HandshakeType::kFinished) != (m.epoch == 1)) {
    fail(Error(DtlsErrc::kUnexpectedMessage, "handshake message in the wrong epoch"), AlertDescription::kUnexpectedMessage);
    return;
  }
  switch (step) {
    case Step::kServerWaitCertificate:
      if (m.type == HandshakeType::kCertificate) {
        if (!accept_peer_certificate(m.body)) return;
        // RFC 5246 §7.4.6: an empty list when the server insists is a handshake_failure.
        if (!peer_cert && config.require_client_certificate)
          return fail(Error(DtlsErrc::kBadCertificate, "client sent no certificate"), AlertDescription::kHandshakeFailure);
        if (!append_transcript(m)) return;
        step = Step::kServerWaitClientKeyExchange;
        return;
      }
      break;
    case Step::kServerWaitClientKeyExchange:
      if (m.type == HandshakeType::kClientKeyExchange) return server_on_client_key_exchange(m);
      break;
    case Step::kServerWaitCertificateVerify:
      if (m.type == HandshakeType::kCertificateVerify) return server_on_certificate_verify(m);
      break;
    case Step::kServerWaitFinished:
      if (m.type == HandshakeType::kFinished) return server_on_finished(now, m);
      break;
    default:
      break;
  }
  fail(Error(DtlsErrc::kUnexpectedMessage, "handshake message out of order"), AlertDescription::kUnexpectedMessage);
}

void Connection::Impl::server_on_client_key_exchange(const HandshakeMessage& m) {
  auto cke = parse_client_key_exchange(m.body);
  if (!cke) return fail(cke.error(), AlertDescription::kDecodeError);
  auto pre_master = ecdh->derive(cke->public_key);
  if (!pre_master)
    return fail(Error(DtlsErrc::kIllegalParameter, "client ECDHE public key is invalid"), AlertDescription::kIllegalParameter);
  if (!append_transcript(m)) return;
  // RFC 7627 §4: session_hash includes the ClientKeyExchange.
  master = ems ? compute_extended_master_secret(suite->prf_hash, *pre_master, transcript.hash(suite->prf_hash))
               : compute_master_secret(suite->prf_hash, *pre_master, client_random, server_random);
  install_keys();
  // The flight-4 timer keeps running until the client's Finished arrives: if later messages of
  // flight 5 are lost, our retransmission prompts the client to resend.
  step = peer_cert ? Step::kServerWaitCertificateVerify : Step::kServerWaitFinished;
}

void Connection::Impl::server_on_certificate_verify(const HandshakeMessage& m) {
  auto cv = parse_certificate_verify(m.body);
  if (!cv) return fail(cv.error(), AlertDescription::kDecodeError);
  // RFC 5246 §7.4.8: the signature covers every handshake message before CertificateVerify.
  if (auto s = verify_peer_signature(cv->signature_scheme, transcript.bytes(), cv->signature,
                                     "CertificateVerify signature does not verify");
      !s) {
    return fail(s.error(), s.error().is(DtlsErrc::kBadSignature) ? AlertDescription::kDecryptError
                                                                 : AlertDescription::kIllegalParameter);
  }
  if (!append_transcript(m)) return;
  step = Step::kServerWaitFinished;
}

void Connection::Impl::server_on_finished(Timestamp now, const HandshakeMessage& m) {
  auto finished = parse_finished(m.body);
  if (!finished) return fail(finished.error(), AlertDescription::kDecodeError);
  auto expected = compute_verify_data(suite->prf_hash, *master, true, transcript.hash(suite->prf_hash));
  if (!crypto::constant_time_equal(expected, finished->verify_data))
    return fail(Error(DtlsErrc::kBadFinished, "client Finished verify_data mismatch"), AlertDescription::kDecryptError);
  if (!append_transcript(m)) return;
  // ---- Flight 6: kept (without a timer) to answer a retransmitted flight 5 (RFC 6347 §4.2.4).
  flight.clear();
  add_change_cipher_spec();
  Finished ours;
  ours.verify_data = compute_verify_data(suite->prf_hash, *master, false, transcript.hash(suite->prf_hash));
  if (!add_message(HandshakeType::kFinished, serialize(ours), 1)) return;
  send_flight(now, false);
  final_flight_retained = true;
  complete_handshake();
}

}  // namespace tern::dtls

// The client side of the DTLS 1.2 handshake (RFC 6347 §4.2.4 flights 1, 3 and 5):
//
//   ClientHello                 -->
//                               <--  HelloVerifyRequest (optional)
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
#include "dtls/server_hello_done.hpp"
#include "dtls/server_key_exchange.hpp"

namespace tern::dtls {

void Connection::Impl::client_start(Timestamp now) {
  ClientHello& h = client_hello;
  h.client_version = kDtls12;
  // RFC 5246 §7.4.1.2 allows a fully random Random (gmt_unix_time is not required to be the time).
  rng.fill(client_random);
  h.random = client_random;
  for (CipherSuite s : config.cipher_suites) h.cipher_suites.push_back(static_cast<uint16_t>(s));
  h.compression_methods = {0};
  HelloExtensions& ext = h.extensions;
  ext.supported_groups = config.groups;
  ext.ec_point_formats = std::vector<uint8_t>{kPointFormatUncompressed};
  ext.signature_algorithms = supported_signature_schemes();
  if (!config.srtp_profiles.empty()) ext.use_srtp = UseSrtp{config.srtp_profiles, {}};
  ext.extended_master_secret = true;         // RFC 7627 §5.1
  ext.renegotiation_info = std::vector<uint8_t>{};  // RFC 5746 §3.4: empty on the initial handshake
  if (config.customize_client_hello) {
    config.customize_client_hello(h);
    client_random = h.random;  // the hook may have set its own
  }
  step = Step::kClientWaitServerHello;
  if (!add_message(HandshakeType::kClientHello, serialize(h), 0)) return;
  send_flight(now, true);
}

void Connection::Impl::client_handle(Timestamp now, HandshakeMessage& m) {
  // RFC 5246 §7.4.1.1: a HelloRequest during a handshake is ignored.
  if (m.type == HandshakeType::kHelloRequest) return;
  // Only Finished may (and must) arrive under the new keys.
  if ((m.type == HandshakeType::kFinished) != (m.epoch == 1)) {
    fail(Error(DtlsErrc::kUnexpectedMessage, "handshake message in the wrong epoch"), AlertDescription::kUnexpectedMessage);
    return;
  }
  // The server's flight is answered as a whole, so the previous flight's timer stops as soon as
  // the first message of the response arrives (RFC 6347 §4.2.4 state machine: "read retransmit").
  switch (step) {
    case Step::kClientWaitServerHello:
      if (m.type == HandshakeType::kHelloVerifyRequest) return client_on_hello_verify_request(now, m);
      if (m.type == HandshakeType::kServerHello) return client_on_server_hello(m);
      break;
    case Step::kClientWaitCertificate:
      if (m.type == HandshakeType::kCertificate) {
        if (!accept_peer_certificate(m.body)) return;
        if (!peer_cert) {
          fail(Error(DtlsErrc::kBadCertificate, "server sent no certificate"), AlertDescription::kHandshakeFailure);
          return;
        }
        // RFC 8422 §5.3: the server certificate must fit the suite's authentication algorithm.
        bool rsa = peer_cert->public_key().type() == crypto::KeyType::kRsa;
        if (rsa != (suite->auth == AuthAlgorithm::kRsa)) {
          fail(Error(DtlsErrc::kBadCertificate, "server certificate key does not fit the cipher suite"),
               AlertDescription::kUnsupportedCertificate);
          return;
        }
        if (!append_transcript(m)) return;
        step = Step::kClientWaitServerKeyExchange;
        return;
      }
      break;
    case Step::kClientWaitServerKeyExchange:
      if (m.type == HandshakeType::kServerKeyExchange) return client_on_server_key_exchange(m);
      break;
    case Step::kClientWaitCertificateRequestOrDone:
      if (m.type == HandshakeType::kCertificateRequest) return client_on_certificate_request(m);
      [[fallthrough]];
    case Step::kClientWaitServerHelloDone:
      if (m.type == HandshakeType::kServerHelloDone) {
        if (auto s = parse_server_hello_done(m.body); !s) return fail(s.error(), AlertDescription::kDecodeError);
        if (!append_transcript(m)) return;
        return client_send_flight5(now);
      }
      break;
    case Step::kClientWaitFinished:
      if (m.type == HandshakeType::kFinished) return client_on_finished(m);
      break;
    default:
      break;
  }
  fail(Error(DtlsErrc::kUnexpectedMessage, "handshake message out of order"), AlertDescription::kUnexpectedMessage);
}

void Connection::Impl::client_on_hello_verify_request(Timestamp now, const HandshakeMessage& m) {
  auto hvr = parse_hello_verify_request(m.body);
  if (!hvr) return fail(hvr.error(), AlertDescription::kDecodeError);
  if (hvr->cookie.empty())
    return fail(Error(DtlsErrc::kIllegalParameter, "HelloVerifyRequest with an empty cookie"),
                AlertDescription::kIllegalParameter);
  if (++hello_verify_requests > kMaxHelloVerifyRequests)
    return fail(Error(DtlsErrc::kUnexpectedMessage, "too many HelloVerifyRequests"), AlertDescription::kUnexpectedMessage);
  // RFC 6347 §4.2.1: resend the same ClientHello with the cookie added. Neither the first
  // ClientHello nor the HelloVerifyRequest enters the handshake hash (§4.2.6).
  client_hello.cookie = hvr->cookie;
  transcript.clear();
  flight.clear();
  if (!add_message(HandshakeType::kClientHello, serialize(client_hello), 0)) return;
  send_flight(now, true);
}

void Connection::Impl::client_on_server_hello(const HandshakeMessage& m) {
  auto sh = parse_server_hello(m.body);
  if (!sh) return fail(sh.error(), AlertDescription::kDecodeError);
  // tern only speaks DTLS 1.2 (RFC 6347 §4.2.1: a lower server_version is refused).
  if (sh->server_version != kDtls12)
    return fail(Error(DtlsErrc::kBadVersion, "server did not choose DTLS 1.2"), AlertDescription::kProtocolVersion);
  const CipherSuiteInfo* chosen = find_cipher_suite(sh->cipher_suite);
  bool offered = std::find(client_hello.cipher_suites.begin(), client_hello.cipher_suites.end(), sh->cipher_suite) !=
                 client_hello.cipher_suites.end();
  // RFC 5246 §7.4.1.3: the suite must be one the client offered.
  if (!chosen || !offered)
    return fail(Error(DtlsErrc::kIllegalParameter, "server chose a cipher suite we did not offer"),
                AlertDescription::kIllegalParameter);
  if (sh->compression_method != 0)
    return fail(Error(DtlsErrc::kIllegalParameter, "server chose compression"), AlertDescription::kIllegalParameter);
  const HelloExtensions& ext = sh->extensions;
  // RFC 5246 §7.4.1.4: a server may only send extensions the client offered.
  if (!ext.unknown.empty() || ext.supported_groups || ext.signature_algorithms)
    return fail(Error(DtlsErrc::kUnsupportedExtension, "server sent an extension we did not offer"),
                AlertDescription::kUnsupportedExtension);
  if (ext.use_srtp) {
    // RFC 5764 §4.1.1: exactly one profile, one the client offered, and no MKI we did not send.
    const auto& offered_profiles = config.srtp_profiles;
    if (offered_profiles.empty())
      return fail(Error(DtlsErrc::kUnsupportedExtension, "use_srtp not offered"), AlertDescription::kUnsupportedExtension);
    if (ext.use_srtp->profiles.size() != 1 ||
        std::find(offered_profiles.begin(), offered_profiles.end(), ext.use_srtp->profiles[0]) == offered_profiles.end() ||
        !ext.use_srtp->mki.empty())
      return fail(Error(DtlsErrc::kIllegalParameter, "use_srtp selection not among the offered profiles"),
                  AlertDescription::kIllegalParameter);
    srtp = ext.use_srtp->profiles[0];
  }
  // RFC 5746 §3.4: on the initial handshake the server's renegotiated_connection must be empty.
  if (ext.renegotiation_info && !ext.renegotiation_info->empty())
    return fail(Error(DtlsErrc::kHandshakeFailure, "non-empty renegotiation_info"), AlertDescription::kHandshakeFailure);
  if (ext.ec_point_formats &&
      std::find(ext.ec_point_formats->begin(), ext.ec_point_formats->end(), kPointFormatUncompressed) ==
          ext.ec_point_formats->end())
    return fail(Error(DtlsErrc::kIllegalParameter, "server lacks uncompressed points"), AlertDescription::kIllegalParameter);
  ems = ext.extended_master_secret;
  // RFC 7627 §5.3: a client that requires the extension aborts when the server does not echo it.
  if (config.require_extended_master_secret && !ems)
    return fail(Error(DtlsErrc::kHandshakeFailure, "server does not support extended_master_secret"),
                AlertDescription::kHandshakeFailure);
  suite = chosen;
  server_random = sh->random;
  if (!append_transcript(m)) return;
  step = Step::kClientWaitCertificate;
}

void Connection::Impl::client_on_server_key_exchange(const HandshakeMessage& m) {
  auto ske = parse_server_key_exchange(m.body);
  if (!ske) return fail(ske.error(), AlertDescription::kDecodeError);
  // RFC 8422 §5.4: the curve must be one the client offered in supported_groups.
  auto group = to_ecdh_group(ske->named_curve);
  if (!group || std::find(config.groups.begin(), config.groups.end(), ske->named_curve) == config.groups.end())
    return fail(Error(DtlsErrc::kIllegalParameter, "server chose a group we did not offer"),
                AlertDescription::kIllegalParameter);
  auto signed_data = server_key_exchange_signed_data(*ske, client_random, server_random);
  if (auto s = verify_peer_signature(ske->signature_scheme, signed_data, ske->signature,
                                     "ServerKeyExchange signature does not verify");
      !s) {
    // RFC 5246 §7.2.2: decrypt_error for a signature that cannot be verified.
    return fail(s.error(), s.error().is(DtlsErrc::kBadSignature) ? AlertDescription::kDecryptError
                                                                 : AlertDescription::kIllegalParameter);
  }
  peer_ecdh_public = ske->public_key;
  ecdh = crypto::EcdhPrivateKey::generate(*group, rng);
  if (!append_transcript(m)) return;
  step = Step::kClientWaitCertificateRequestOrDone;
}

void Connection::Impl::client_on_certificate_request(const HandshakeMessage& m) {
  auto cr = parse_certificate_request(m.body);
  if (!cr) return fail(cr.error(), AlertDescription::kDecodeError);
  certificate_requested = true;
  peer_signature_algorithms = cr->signature_algorithms;
  if (!append_transcript(m)) return;
  step = Step::kClientWaitServerHelloDone;
}

void Connection::Impl::client_send_flight5(Timestamp now) {
  flight.clear();
  std::optional<SignatureScheme> cv_scheme;
  if (certificate_requested) {
    // RFC 5246 §7.4.8: CertificateVerify uses an algorithm from the CertificateRequest list.
    cv_scheme = choose_signature_scheme(peer_signature_algorithms);
    if (!cv_scheme)
      return fail(Error(DtlsErrc::kHandshakeFailure, "no signature algorithm in common for CertificateVerify"),
                  AlertDescription::kHandshakeFailure);
    CertificateMessage cert;
    cert.certificates.emplace_back(config.certificate.der().begin(), config.certificate.der().end());
    if (!add_message(HandshakeType::kCertificate, serialize(cert), 0)) return;
  }
  // RFC 8422 §5.10: the premaster secret is the ECDH shared secret.
  auto pre_master = ecdh->derive(peer_ecdh_public);
  if (!pre_master)
    return fail(Error(DtlsErrc::kIllegalParameter, "server ECDHE public key is invalid"),
                AlertDescription::kIllegalParameter);
  ClientKeyExchange cke;
  cke.public_key.assign(ecdh->public_key().begin(), ecdh->public_key().end());
  if (!add_message(HandshakeType::kClientKeyExchange, serialize(cke), 0)) return;
  // RFC 7627 §4: session_hash covers the messages up to and including ClientKeyExchange.
  master = ems ? compute_extended_master_secret(suite->prf_hash, *pre_master, transcript.hash(suite->prf_hash))
               : compute_master_secret(suite->prf_hash, *pre_master, client_random, server_random);
  if (cv_scheme) {
    auto algorithm = to_signature_algorithm(*cv_scheme);
    // RFC 5246 §7.4.8: the signature covers handshake_messages so far (not yet the CertificateVerify).
    auto signature = config.private_key.sign(*algorithm, transcript.bytes());
    if (!signature) return fail(Error(DtlsErrc::kInternal, "signing CertificateVerify failed"), AlertDescription::kInternalError);
    CertificateVerify cv{*cv_scheme, std::move(*signature)};
    if (!add_message(HandshakeType::kCertificateVerify, serialize(cv), 0)) return;
  }
  add_change_cipher_spec();
  install_keys();
  Finished finished;
  finished.verify_data = compute_verify_data(suite->prf_hash, *master, true, transcript.hash(suite->prf_hash));
  if (!add_message(HandshakeType::kFinished, serialize(finished), 1)) return;
  step = Step::kClientWaitFinished;
  send_flight(now, true);
}

void Connection::Impl::client_on_finished(const HandshakeMessage& m) {
  auto finished = parse_finished(m.body);
  if (!finished) return fail(finished.error(), AlertDescription::kDecodeError);
  auto expected = compute_verify_data(suite->prf_hash, *master, false, transcript.hash(suite->prf_hash));
  // RFC 5246 §7.4.9: a wrong verify_data is a decrypt_error.
  if (!crypto::constant_time_equal(expected, finished->verify_data))
    return fail(Error(DtlsErrc::kBadFinished, "server Finished verify_data mismatch"), AlertDescription::kDecryptError);
  timer.stop();
  flight.clear();
  complete_handshake();
}

}  // namespace tern::dtls

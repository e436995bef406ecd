#pragma once
// Configuration of one DTLS endpoint. WebRTC defaults: mutual authentication with self-signed
// certificates pinned by SDP fingerprints (RFC 8827 §6.5), use_srtp offered, extended master
// secret offered.
#include <cstddef>
#include <cstdint>
#include <functional>
#include <optional>
#include <vector>

#include "common/time.hpp"
#include "crypto/certificate.hpp"
#include "crypto/signature.hpp"
#include "dtls/cipher_suite.hpp"
#include "dtls/client_hello.hpp"
#include "dtls/named_group.hpp"
#include "dtls/use_srtp.hpp"

namespace tern::dtls {

enum class Role : uint8_t { kClient, kServer };

struct Config {
  Role role = Role::kClient;

  // Our identity: a certificate and its private key (ECDSA P-256 or RSA). Required.
  crypto::Certificate certificate;
  crypto::PrivateKey private_key;

  // The peer's SDP a=fingerprint. When set, a peer certificate that does not match aborts the
  // handshake with a bad_certificate alert. When unset, any certificate is accepted and the
  // application must check peer_certificate() itself.
  std::optional<crypto::Fingerprint> expected_peer_fingerprint;

  // Offered (client) / accepted in preference order (server). Suites whose authentication does
  // not match our key are skipped by a server.
  std::vector<CipherSuite> cipher_suites = {
      CipherSuite::kEcdheEcdsaAes128GcmSha256,        CipherSuite::kEcdheEcdsaAes256GcmSha384,
      CipherSuite::kEcdheEcdsaChaCha20Poly1305Sha256, CipherSuite::kEcdheRsaAes128GcmSha256,
      CipherSuite::kEcdheRsaAes256GcmSha384,          CipherSuite::kEcdheRsaChaCha20Poly1305Sha256,
  };
  // use_srtp profiles in preference order; empty: no use_srtp extension.
  std::vector<SrtpProfile> srtp_profiles = {
      SrtpProfile::kAeadAes128Gcm,
      SrtpProfile::kAes128CmHmacSha1_80,
      SrtpProfile::kAeadAes256Gcm,
      SrtpProfile::kAes128CmHmacSha1_32,
  };
  // ECDHE groups in preference order (only x25519 and secp256r1 are implemented). This is also
  // the supported_groups a client sends, which RFC 8422 §5.1.1 makes cover the curves of ECDSA
  // certificates too: keep secp256r1 in the list for peers with P-256 certificates (libssl
  // refuses the handshake otherwise).
  std::vector<NamedGroup> groups = {NamedGroup::kX25519, NamedGroup::kSecp256r1};

  // Largest datagram we send (the path MTU minus IP/UDP headers). Flights are fragmented to fit.
  size_t mtu = 1200;
  // RFC 6347 §4.2.4.1 timer: initial value (1 s; WebRTC stacks often use less), cap (60 s), and
  // how many retransmissions of one flight before the handshake fails.
  Duration initial_retransmit_timeout = Duration::seconds(1);
  Duration max_retransmit_timeout = Duration::seconds(60);
  unsigned max_retransmits = 7;

  // Server: answer a ClientHello without a valid cookie with HelloVerifyRequest (RFC 6347 §4.2.1).
  bool require_cookie = true;
  // Server: send CertificateRequest and reject clients that present no certificate.
  bool require_client_certificate = true;
  // Abort if the peer does not support the extended master secret (RFC 7627 §5.2/§5.3).
  bool require_extended_master_secret = false;

  // Client, interop testing only: called once on the first ClientHello after tern filled it in
  // and before it is sent, so a test can make tern look like another implementation on the wire
  // (e.g. a DTLS 1.3-capable browser: extra cipher suites, groups and extensions tern does not
  // implement). The edited hello is what enters the handshake hash. Values tern does not
  // implement stay unusable: a server that selects one makes the handshake fail cleanly with
  // illegal_parameter (suites must be implemented, ECDHE groups must be in `groups`).
  std::function<void(ClientHello&)> customize_client_hello;
};

// Smallest mtu a Config may set (a fragment needs headers plus some body).
inline constexpr size_t kMinMtu = 128;

}  // namespace tern::dtls

// Interoperability of tern's hand-written DTLS 1.2 with OpenSSL's libssl DTLS (RFC 6347): tern as
// client and as server, every cipher suite and SRTP profile, both ECDHE groups, cookie exchange,
// small MTUs, application data both ways, and RFC 5705 / RFC 5764 exporter output compared byte
// for byte with SSL_export_keying_material.
#include <catch2/catch.hpp>

#include <openssl/bio.h>
#include <openssl/err.h>
#include <openssl/evp.h>
#include <openssl/srtp.h>
#include <openssl/ssl.h>
#include <openssl/x509.h>

#include <cstring>
#include <deque>
#include <memory>
#include <string>
#include <vector>

#include "common/rng.hpp"
#include "crypto/certificate.hpp"
#include "dtls/connection.hpp"
#include "dtls/errc.hpp"
#include "dtls/key_schedule.hpp"

using namespace tern;
using namespace tern::dtls;

namespace {

// ---- A datagram-preserving in-memory BIO: each BIO_write is one datagram, each BIO_read
// returns exactly one datagram (BIO_s_mem would merge them).
using Queue = std::deque<std::vector<uint8_t>>;

int dgram_write(BIO* b, const char* data, int len) {
  auto* q = static_cast<Queue*>(BIO_get_data(b));
  q->emplace_back(reinterpret_cast<const uint8_t*>(data), reinterpret_cast<const uint8_t*>(data) + len);
  return len;
}
int dgram_read(BIO* b, char* out, int len) {
  auto* q = static_cast<Queue*>(BIO_get_data(b));
  BIO_clear_retry_flags(b);
  if (q->empty()) {
    BIO_set_retry_read(b);
    return -1;
  }
  auto d = std::move(q->front());
  q->pop_front();
  int n = std::min(len, static_cast<int>(d.size()));
  std::memcpy(out, d.data(), static_cast<size_t>(n));
  return n;
}
long dgram_ctrl(BIO* b, int cmd, long, void*) {
  auto* q = static_cast<Queue*>(BIO_get_data(b));
  switch (cmd) {
    case BIO_CTRL_FLUSH: return 1;
    case BIO_CTRL_PENDING: return q->empty() ? 0 : static_cast<long>(q->front().size());
    case BIO_CTRL_WPENDING: return 0;
    case BIO_CTRL_DGRAM_QUERY_MTU: return 0;
    case BIO_CTRL_DGRAM_GET_FALLBACK_MTU: return 1200;
    default: return 0;
  }
}
int dgram_create(BIO* b) {
  BIO_set_init(b, 1);
  return 1;
}
BIO_METHOD* dgram_method() {
  static BIO_METHOD* method = [] {
    BIO_METHOD* m = BIO_meth_new(BIO_get_new_index() | BIO_TYPE_SOURCE_SINK, "tern-test-dgram");
    BIO_meth_set_write(m, dgram_write);
    BIO_meth_set_read(m, dgram_read);
    BIO_meth_set_ctrl(m, dgram_ctrl);
    BIO_meth_set_create(m, dgram_create);
    return m;
  }();
  return method;
}

int accept_any_certificate(int, X509_STORE_CTX*) { return 1; }

unsigned char kCookieSecret[] = "tern-oracle-cookie";
int generate_cookie(SSL*, unsigned char* cookie, unsigned int* len) {
  std::memcpy(cookie, kCookieSecret, 16);
  *len = 16;
  return 1;
}
int verify_cookie(SSL*, const unsigned char* cookie, unsigned int len) {
  return len == 16 && std::memcmp(cookie, kCookieSecret, 16) == 0;
}

std::vector<uint8_t> der_of(X509* x) {
  int len = i2d_X509(x, nullptr);
  std::vector<uint8_t> out(static_cast<size_t>(len));
  unsigned char* p = out.data();
  i2d_X509(x, &p);
  return out;
}

// A libssl DTLS endpoint with its own OpenSSL-generated key and self-signed certificate.
struct OpenSslPeer {
  SSL_CTX* ctx = nullptr;
  SSL* ssl = nullptr;
  EVP_PKEY* key = nullptr;
  X509* cert = nullptr;
  Queue in;   // datagrams from tern
  Queue out;  // datagrams to tern
  bool done = false;
  bool failed = false;

  struct Options {
    bool server = false;
    bool rsa = false;
    bool with_certificate = true;
    std::string ciphers;
    std::string srtp = "SRTP_AEAD_AES_128_GCM:SRTP_AES128_CM_SHA1_80:SRTP_AES128_CM_SHA1_32:SRTP_AEAD_AES_256_GCM";
    std::string groups = "X25519:P-256";
    bool cookie_exchange = false;
    bool no_extended_master_secret = false;
    long mtu = 1200;
  };

  explicit OpenSslPeer(const Options& o) {
    ctx = SSL_CTX_new(DTLS_method());
    REQUIRE(ctx);
    SSL_CTX_set_min_proto_version(ctx, DTLS1_2_VERSION);
    if (o.with_certificate) {
      key = o.rsa ? EVP_RSA_gen(2048) : EVP_EC_gen("P-256");
      REQUIRE(key);
      cert = X509_new();
      X509_set_version(cert, X509_VERSION_3);
      ASN1_INTEGER_set(X509_get_serialNumber(cert), 42);
      X509_gmtime_adj(X509_getm_notBefore(cert), -3600);
      X509_gmtime_adj(X509_getm_notAfter(cert), 86400);
      X509_NAME* name = X509_get_subject_name(cert);
      X509_NAME_add_entry_by_txt(name, "CN", MBSTRING_ASC, reinterpret_cast<const unsigned char*>("openssl"), -1, -1, 0);
      X509_set_issuer_name(cert, name);
      X509_set_pubkey(cert, key);
      REQUIRE(X509_sign(cert, key, EVP_sha256()) > 0);
      REQUIRE(SSL_CTX_use_certificate(ctx, cert) == 1);
      REQUIRE(SSL_CTX_use_PrivateKey(ctx, key) == 1);
    }
    SSL_CTX_set_verify(ctx, SSL_VERIFY_PEER | SSL_VERIFY_FAIL_IF_NO_PEER_CERT, accept_any_certificate);
    if (!o.ciphers.empty()) REQUIRE(SSL_CTX_set_cipher_list(ctx, o.ciphers.c_str()) == 1);
    // Note the inverted return convention of this one call: 0 means success.
    REQUIRE(SSL_CTX_set_tlsext_use_srtp(ctx, o.srtp.c_str()) == 0);
    REQUIRE(SSL_CTX_set1_groups_list(ctx, o.groups.c_str()) == 1);
    if (o.no_extended_master_secret) SSL_CTX_set_options(ctx, SSL_OP_NO_EXTENDED_MASTER_SECRET);
    if (o.cookie_exchange) {
      SSL_CTX_set_options(ctx, SSL_OP_COOKIE_EXCHANGE);
      SSL_CTX_set_cookie_generate_cb(ctx, generate_cookie);
      SSL_CTX_set_cookie_verify_cb(ctx, verify_cookie);
    }
    ssl = SSL_new(ctx);
    REQUIRE(ssl);
    BIO* rbio = BIO_new(dgram_method());
    BIO* wbio = BIO_new(dgram_method());
    BIO_set_data(rbio, &in);
    BIO_set_data(wbio, &out);
    SSL_set_bio(ssl, rbio, wbio);
    SSL_set_options(ssl, SSL_OP_NO_QUERY_MTU);
    SSL_set_mtu(ssl, o.mtu);
    if (o.server)
      SSL_set_accept_state(ssl);
    else
      SSL_set_connect_state(ssl);
  }
  ~OpenSslPeer() {
    SSL_free(ssl);
    SSL_CTX_free(ctx);
    X509_free(cert);
    EVP_PKEY_free(key);
  }
  OpenSslPeer(const OpenSslPeer&) = delete;
  OpenSslPeer& operator=(const OpenSslPeer&) = delete;

  crypto::Fingerprint fingerprint() const {
    auto parsed = crypto::Certificate::parse(der_of(cert)).value();
    return crypto::Fingerprint::of(parsed, crypto::HashAlgorithm::kSha256);
  }

  // Advances the handshake or reads application data; returns what SSL_read delivered.
  std::vector<std::vector<uint8_t>> step() {
    std::vector<std::vector<uint8_t>> received;
    if (failed) return received;
    if (!done) {
      int r = SSL_do_handshake(ssl);
      if (r == 1) {
        done = true;
      } else {
        int e = SSL_get_error(ssl, r);
        if (e != SSL_ERROR_WANT_READ && e != SSL_ERROR_WANT_WRITE) failed = true;
        return received;
      }
    }
    for (;;) {
      uint8_t buf[4096];
      int n = SSL_read(ssl, buf, sizeof(buf));
      if (n <= 0) {
        int e = SSL_get_error(ssl, n);
        if (e != SSL_ERROR_WANT_READ && e != SSL_ERROR_WANT_WRITE) failed = true;
        break;
      }
      received.emplace_back(buf, buf + n);
    }
    return received;
  }
};

struct TernSide {
  SeededRng rng{2024};
  crypto::PrivateKey key = crypto::PrivateKey::generate_ecdsa_p256(rng);
  crypto::Certificate cert = crypto::Certificate::generate_self_signed(key, "tern", rng, 1700000000, 1900000000).value();
  Config config(Role role) const {
    Config c;
    c.role = role;
    c.certificate = cert;
    c.private_key = key;
    return c;
  }
};

struct Outcome {
  std::vector<Event> tern_events;
  std::vector<std::vector<uint8_t>> openssl_received;
};

// Moves datagrams both ways until neither side has anything left to say.
void pump(Connection& tern, OpenSslPeer& peer, Outcome& outcome, Timestamp now) {
  for (int i = 0; i < 200; ++i) {
    bool moved = false;
    while (auto d = tern.poll_transmit()) {
      peer.in.push_back(std::move(*d));
      moved = true;
    }
    auto got = peer.step();
    for (auto& g : got) outcome.openssl_received.push_back(std::move(g));
    while (!peer.out.empty()) {
      tern.handle_input(now, peer.out.front());
      peer.out.pop_front();
      moved = true;
    }
    while (auto e = tern.poll_event()) outcome.tern_events.push_back(std::move(*e));
    if (!moved && peer.in.empty()) break;
  }
}

template <class E>
const E* find(const std::vector<Event>& events) {
  for (const auto& e : events)
    if (auto* p = std::get_if<E>(&e)) return p;
  return nullptr;
}

std::string openssl_errors() {
  std::string out;
  unsigned long e;
  char buf[256];
  while ((e = ERR_get_error()) != 0) {
    ERR_error_string_n(e, buf, sizeof(buf));
    out += buf;
    out += "\n";
  }
  return out;
}

// The checks every successful handshake must pass.
void check_interop(Connection& tern, OpenSslPeer& peer, Outcome& outcome, const TernSide& side,
                   std::optional<SrtpProfile> expected_profile, Timestamp now) {
  INFO(openssl_errors());
  if (const auto* f = find<Failed>(outcome.tern_events)) FAIL_CHECK("tern failed: " << f->error.to_string());
  REQUIRE(peer.done);
  REQUIRE(tern.state() == ConnectionState::kConnected);
  const auto* complete = find<HandshakeComplete>(outcome.tern_events);
  REQUIRE(complete);
  // Same suite on both sides.
  const SSL_CIPHER* cipher = SSL_get_current_cipher(peer.ssl);
  REQUIRE(cipher);
  CHECK(SSL_CIPHER_get_protocol_id(cipher) == static_cast<uint16_t>(complete->cipher_suite));
  CHECK(SSL_version(peer.ssl) == DTLS1_2_VERSION);
  CHECK(complete->extended_master_secret == (SSL_get_extms_support(peer.ssl) == 1));
  // Same SRTP profile.
  SRTP_PROTECTION_PROFILE* profile = SSL_get_selected_srtp_profile(peer.ssl);
  if (expected_profile) {
    REQUIRE(profile);
    CHECK(profile->id == static_cast<unsigned long>(*expected_profile));
    CHECK(complete->srtp_profile == expected_profile);
    // RFC 5764 §4.2: the SRTP keys are EXTRACTOR-dtls_srtp exporter output, identical on both sides.
    auto material = tern.srtp_keying_material();
    REQUIRE(material.ok());
    std::vector<uint8_t> joined = material->client_write_key;
    joined.insert(joined.end(), material->server_write_key.begin(), material->server_write_key.end());
    joined.insert(joined.end(), material->client_write_salt.begin(), material->client_write_salt.end());
    joined.insert(joined.end(), material->server_write_salt.begin(), material->server_write_salt.end());
    std::vector<uint8_t> theirs(joined.size());
    REQUIRE(SSL_export_keying_material(peer.ssl, theirs.data(), theirs.size(), "EXTRACTOR-dtls_srtp", 19, nullptr, 0,
                                       0) == 1);
    CHECK(joined == theirs);
  } else {
    CHECK(profile == nullptr);
    CHECK_FALSE(complete->srtp_profile);
  }
  // RFC 5705 with a context value.
  const uint8_t context[] = {1, 2, 3, 4, 5};
  auto ours = tern.export_keying_material("EXPORTER-tern-oracle", std::span<const uint8_t>(context), 77);
  REQUIRE(ours.ok());
  std::vector<uint8_t> theirs(77);
  REQUIRE(SSL_export_keying_material(peer.ssl, theirs.data(), theirs.size(), "EXPORTER-tern-oracle", 20, context,
                                     sizeof(context), 1) == 1);
  CHECK(*ours == theirs);
  // Each side holds the other's certificate.
  REQUIRE(tern.peer_certificate());
  CHECK(tern.peer_certificate()->der().size() == der_of(peer.cert).size());
  X509* their_view = SSL_get0_peer_certificate(peer.ssl);
  REQUIRE(their_view);
  auto der = der_of(their_view);
  CHECK(std::equal(der.begin(), der.end(), side.cert.der().begin(), side.cert.der().end()));
  // Application data both ways.
  std::vector<uint8_t> from_tern(500, 0x7a);
  REQUIRE(tern.send(from_tern).ok());
  const char kHello[] = "hello from libssl";
  REQUIRE(SSL_write(peer.ssl, kHello, sizeof(kHello)) == static_cast<int>(sizeof(kHello)));
  outcome.tern_events.clear();
  outcome.openssl_received.clear();
  pump(tern, peer, outcome, now);
  REQUIRE(outcome.openssl_received.size() == 1);
  CHECK(outcome.openssl_received[0] == from_tern);
  const auto* data = find<ApplicationData>(outcome.tern_events);
  REQUIRE(data);
  CHECK(data->data == std::vector<uint8_t>(kHello, kHello + sizeof(kHello)));
  // close_notify from tern reaches libssl.
  tern.close();
  pump(tern, peer, outcome, now);
  CHECK((SSL_get_shutdown(peer.ssl) & SSL_RECEIVED_SHUTDOWN) != 0);
}

struct SuiteCase {
  CipherSuite suite;
  const char* openssl_name;
  bool rsa;
};
const SuiteCase kSuites[] = {
    {CipherSuite::kEcdheEcdsaAes128GcmSha256, "ECDHE-ECDSA-AES128-GCM-SHA256", false},
    {CipherSuite::kEcdheEcdsaAes256GcmSha384, "ECDHE-ECDSA-AES256-GCM-SHA384", false},
    {CipherSuite::kEcdheEcdsaChaCha20Poly1305Sha256, "ECDHE-ECDSA-CHACHA20-POLY1305", false},
    {CipherSuite::kEcdheRsaAes128GcmSha256, "ECDHE-RSA-AES128-GCM-SHA256", true},
    {CipherSuite::kEcdheRsaAes256GcmSha384, "ECDHE-RSA-AES256-GCM-SHA384", true},
    {CipherSuite::kEcdheRsaChaCha20Poly1305Sha256, "ECDHE-RSA-CHACHA20-POLY1305", true},
};
struct ProfileCase {
  SrtpProfile profile;
  const char* openssl_name;
};
const ProfileCase kProfiles[] = {
    {SrtpProfile::kAes128CmHmacSha1_80, "SRTP_AES128_CM_SHA1_80"},
    {SrtpProfile::kAes128CmHmacSha1_32, "SRTP_AES128_CM_SHA1_32"},
    {SrtpProfile::kAeadAes128Gcm, "SRTP_AEAD_AES_128_GCM"},
    {SrtpProfile::kAeadAes256Gcm, "SRTP_AEAD_AES_256_GCM"},
};

}  // namespace

TEST_CASE("tern client <-> libssl server: every suite, profile and group", "[conformance][dtls]") {
  TernSide side;
  size_t i = 0;
  for (const auto& s : kSuites) {
    for (const auto& p : kProfiles) {
      const char* group = (i++ % 2) ? "P-256" : "X25519";
      CAPTURE(s.openssl_name, p.openssl_name, group);
      OpenSslPeer::Options o;
      o.server = true;
      o.rsa = s.rsa;
      o.ciphers = s.openssl_name;
      o.srtp = p.openssl_name;
      o.cookie_exchange = (i % 3) == 0;
      OpenSslPeer peer(o);
      Config c = side.config(Role::kClient);
      // RFC 8422 §5.1.1: supported_groups also names the curves of ECDSA certificates, so both
      // groups stay offered (libssl insists); the group under test goes first and libssl follows
      // the client's order.
      c.groups = std::string(group) == "X25519" ? std::vector{NamedGroup::kX25519, NamedGroup::kSecp256r1}
                                                : std::vector{NamedGroup::kSecp256r1, NamedGroup::kX25519};
      c.expected_peer_fingerprint = peer.fingerprint();
      Connection tern = Connection::create(c, side.rng).value();
      Outcome outcome;
      Timestamp now = Timestamp::from_millis(0);
      tern.start(now);
      pump(tern, peer, outcome, now);
      check_interop(tern, peer, outcome, side, p.profile, now);
      CHECK(SSL_get_negotiated_group(peer.ssl) ==
            (std::string(group) == "X25519" ? NID_X25519 : NID_X9_62_prime256v1));
    }
  }
}

TEST_CASE("libssl client <-> tern server: every suite, profile and group", "[conformance][dtls]") {
  TernSide side;
  SeededRng rsa_rng(5);
  crypto::PrivateKey rsa_key = crypto::PrivateKey::generate_rsa(2048);
  crypto::Certificate rsa_cert =
      crypto::Certificate::generate_self_signed(rsa_key, "tern-rsa", rsa_rng, 1700000000, 1900000000).value();
  size_t i = 0;
  for (const auto& s : kSuites) {
    for (const auto& p : kProfiles) {
      const char* group = (i++ % 2) ? "X25519" : "P-256";
      CAPTURE(s.openssl_name, p.openssl_name, group);
      OpenSslPeer::Options o;
      o.server = false;
      o.ciphers = s.openssl_name;
      o.srtp = p.openssl_name;
      OpenSslPeer peer(o);
      Config c = side.config(Role::kServer);
      // tern's server picks its own first group that the client offers.
      c.groups = std::string(group) == "X25519" ? std::vector{NamedGroup::kX25519, NamedGroup::kSecp256r1}
                                                : std::vector{NamedGroup::kSecp256r1, NamedGroup::kX25519};
      if (s.rsa) {
        c.certificate = rsa_cert;
        c.private_key = rsa_key;
      }
      c.require_cookie = (i % 2) == 0;
      c.expected_peer_fingerprint = peer.fingerprint();
      Connection tern = Connection::create(c, side.rng).value();
      Outcome outcome;
      Timestamp now = Timestamp::from_millis(0);
      tern.start(now);
      pump(tern, peer, outcome, now);
      TernSide check_side = side;
      if (s.rsa) check_side.cert = rsa_cert;
      check_interop(tern, peer, outcome, check_side, p.profile, now);
      CHECK(tern.stats().hello_verify_requests_sent == (c.require_cookie ? 1u : 0u));
      CHECK(SSL_get_negotiated_group(peer.ssl) ==
            (std::string(group) == "X25519" ? NID_X25519 : NID_X9_62_prime256v1));
    }
  }
}

TEST_CASE("small MTU: both implementations fragment and reassemble", "[conformance][dtls][mtu]") {
  for (bool tern_is_client : {true, false}) {
    CAPTURE(tern_is_client);
    TernSide side;
    OpenSslPeer::Options o;
    o.server = tern_is_client;
    o.rsa = true;  // large certificate and signatures: many fragments
    o.ciphers = "ECDHE-RSA-AES128-GCM-SHA256:ECDHE-ECDSA-AES128-GCM-SHA256";
    o.mtu = 256;
    OpenSslPeer peer(o);
    Config c = side.config(tern_is_client ? Role::kClient : Role::kServer);
    c.mtu = 256;
    Connection tern = Connection::create(c, side.rng).value();
    Outcome outcome;
    Timestamp now = Timestamp::from_millis(0);
    std::vector<size_t> sizes;
    tern.start(now);
    for (int i = 0; i < 200; ++i) {
      bool moved = false;
      while (auto d = tern.poll_transmit()) {
        sizes.push_back(d->size());
        peer.in.push_back(std::move(*d));
        moved = true;
      }
      peer.step();
      while (!peer.out.empty()) {
        CHECK(peer.out.front().size() <= 256);
        tern.handle_input(now, peer.out.front());
        peer.out.pop_front();
        moved = true;
      }
      while (auto e = tern.poll_event()) outcome.tern_events.push_back(std::move(*e));
      if (!moved && peer.in.empty()) break;
    }
    for (size_t n : sizes) CHECK(n <= 256);
    check_interop(tern, peer, outcome, side, SrtpProfile::kAeadAes128Gcm, now);
  }
}

TEST_CASE("libssl without extended_master_secret", "[conformance][dtls][ems]") {
  for (bool require : {false, true}) {
    CAPTURE(require);
    TernSide side;
    OpenSslPeer::Options o;
    o.server = true;
    o.no_extended_master_secret = true;
    OpenSslPeer peer(o);
    Config c = side.config(Role::kClient);
    c.require_extended_master_secret = require;
    Connection tern = Connection::create(c, side.rng).value();
    Outcome outcome;
    Timestamp now = Timestamp::from_millis(0);
    tern.start(now);
    pump(tern, peer, outcome, now);
    if (!require) {
      check_interop(tern, peer, outcome, side, SrtpProfile::kAeadAes128Gcm, now);
      CHECK_FALSE(tern.extended_master_secret());
    } else {
      const auto* failed = find<Failed>(outcome.tern_events);
      REQUIRE(failed);
      CHECK(failed->error.is(DtlsErrc::kHandshakeFailure));
      CHECK(peer.failed);
      ERR_clear_error();
    }
  }
}

TEST_CASE("fingerprint mismatch against libssl aborts with bad_certificate", "[conformance][dtls][fingerprint]") {
  for (bool tern_is_client : {true, false}) {
    CAPTURE(tern_is_client);
    TernSide side;
    OpenSslPeer::Options o;
    o.server = tern_is_client;
    OpenSslPeer peer(o);
    Config c = side.config(tern_is_client ? Role::kClient : Role::kServer);
    c.expected_peer_fingerprint = crypto::Fingerprint::of(side.cert, crypto::HashAlgorithm::kSha256);  // not theirs
    Connection tern = Connection::create(c, side.rng).value();
    Outcome outcome;
    Timestamp now = Timestamp::from_millis(0);
    tern.start(now);
    pump(tern, peer, outcome, now);
    const auto* failed = find<Failed>(outcome.tern_events);
    REQUIRE(failed);
    CHECK(failed->error.is(DtlsErrc::kFingerprintMismatch));
    CHECK(peer.failed);
    // libssl reports the alert it received.
    CHECK(openssl_errors().find("bad certificate") != std::string::npos);
  }
}

TEST_CASE("libssl client without a certificate is refused by a tern server", "[conformance][dtls]") {
  TernSide side;
  OpenSslPeer::Options o;
  o.server = false;
  o.with_certificate = false;
  OpenSslPeer peer(o);
  Connection tern = Connection::create(side.config(Role::kServer), side.rng).value();
  Outcome outcome;
  Timestamp now = Timestamp::from_millis(0);
  pump(tern, peer, outcome, now);
  const auto* failed = find<Failed>(outcome.tern_events);
  REQUIRE(failed);
  CHECK(failed->error.is(DtlsErrc::kBadCertificate));
  REQUIRE(failed->alert_sent);
  CHECK(failed->alert_sent->description == AlertDescription::kHandshakeFailure);
  CHECK(peer.failed);
  ERR_clear_error();
}

namespace {

// What Chromium 156 offers beside DTLS 1.2 (conformance/peers/README.md): TLS 1.3 suites first,
// the X25519MLKEM768 hybrid group, supported_versions [DTLS 1.3, DTLS 1.2], a key_share and
// psk_key_exchange_modes. Its ClientHello is 1413 bytes and goes out in two fragments.
void dress_as_chromium(ClientHello& hello) {
  hello.cipher_suites = {0x1301, 0x1302, 0x1303, 0xc02b, 0xc02f, 0xcca9, 0xcca8,
                         0xc009, 0xc013, 0xc00a, 0xc014, 0x009c, 0x002f, 0x0035};
  hello.extensions.supported_groups = std::vector<NamedGroup>{static_cast<NamedGroup>(0x11ec), NamedGroup::kX25519,
                                                              NamedGroup::kSecp256r1, NamedGroup::kSecp384r1};
  hello.extensions.signature_algorithms.emplace();
  for (uint16_t scheme : {0x0403, 0x0804, 0x0401, 0x0503, 0x0805, 0x0501, 0x0806, 0x0601, 0x0201})
    hello.extensions.signature_algorithms->push_back(static_cast<SignatureScheme>(scheme));
  hello.extensions.use_srtp->profiles = {SrtpProfile::kAes128CmHmacSha1_80, SrtpProfile::kAeadAes256Gcm,
                                         SrtpProfile::kAeadAes128Gcm};
  hello.extensions.unknown.push_back(RawExtension{43, {4, 0xfe, 0xfc, 0xfe, 0xfd}});  // supported_versions
  std::vector<uint8_t> key_share = {0x04, 0xe8, 0x11, 0xec, 0x04, 0xc0};              // lengths: 1256, 1216
  key_share.resize(key_share.size() + 1216, 0x5a);
  key_share.insert(key_share.end(), {0x00, 0x1d, 0x00, 0x20});
  key_share.resize(key_share.size() + 32, 0x09);
  hello.extensions.unknown.push_back(RawExtension{51, key_share});  // key_share
  hello.extensions.unknown.push_back(RawExtension{45, {1, 1}});     // psk_key_exchange_modes
}

}  // namespace

TEST_CASE("a tern client sending a Chromium-shaped ClientHello interoperates with libssl", "[conformance][dtls][chromium]") {
  // libssl (OpenSSL 3's DTLS is 1.2 only) must ignore the DTLS 1.3 offers exactly as a tern
  // server does, and the fragmented 1.4 KB ClientHello must be reassembled.
  for (bool cookie : {false, true}) {
    CAPTURE(cookie);
    TernSide side;
    OpenSslPeer::Options o;
    o.server = true;
    o.cookie_exchange = cookie;
    OpenSslPeer peer(o);
    Config c = side.config(Role::kClient);
    c.customize_client_hello = dress_as_chromium;
    c.expected_peer_fingerprint = peer.fingerprint();
    Connection tern = Connection::create(c, side.rng).value();
    Outcome outcome;
    Timestamp now = Timestamp::from_millis(0);
    tern.start(now);
    std::vector<size_t> first_flight;
    while (auto d = tern.poll_transmit()) {
      first_flight.push_back(d->size());
      peer.in.push_back(std::move(*d));
    }
    CHECK(first_flight == std::vector<size_t>{1200, 13 + 12 + 238});
    pump(tern, peer, outcome, now);
    // libssl's server picks the SRTP profile by its own preference (AEAD_AES_128_GCM first).
    CHECK(tern.cipher_suite() == CipherSuite::kEcdheEcdsaAes128GcmSha256);
    check_interop(tern, peer, outcome, side, SrtpProfile::kAeadAes128Gcm, now);
    CHECK(SSL_get_negotiated_group(peer.ssl) == NID_X25519);
  }
}

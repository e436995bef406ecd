// DTLS 1.2 benchmarks against OpenSSL's libssl, measured in the same run:
//   - full handshakes per second, in process with no loss: tern <-> tern, tern client <-> libssl
//     server, libssl client <-> tern server, each against libssl <-> libssl;
//   - application-data records per second (1200-byte records, seal + open): tern vs libssl.
// Every handshake is the WebRTC one: ECDHE-ECDSA-AES128-GCM-SHA256 over x25519, ECDSA P-256
// certificates on both sides (mutual authentication), use_srtp and extended_master_secret; no
// cookie exchange on any server. Datagrams move through in-memory queues (libssl: a datagram BIO).
// Each rate is the best of three interleaved rounds (the build machine is shared).
#include <openssl/bio.h>
#include <openssl/err.h>
#include <openssl/evp.h>
#include <openssl/ssl.h>
#include <openssl/x509.h>

#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <deque>
#include <optional>
#include <vector>

#include "bench_util.hpp"
#include "common/rng.hpp"
#include "crypto/certificate.hpp"
#include "crypto/random.hpp"
#include "dtls/connection.hpp"

using namespace tern;
using namespace tern::dtls;

namespace {

constexpr size_t kRecordSize = 1200;

[[noreturn]] void die(const char* what) {
  std::fprintf(stderr, "bench_dtls: %s\n", what);
  ERR_print_errors_fp(stderr);
  std::exit(1);
}

// ---- libssl side: a datagram-preserving BIO over a deque (BIO_s_mem would merge datagrams).
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
  int n = std::min(len, static_cast<int>(q->front().size()));
  std::memcpy(out, q->front().data(), static_cast<size_t>(n));
  q->pop_front();
  return n;
}
long dgram_ctrl(BIO* b, int cmd, long, void*) {
  auto* q = static_cast<Queue*>(BIO_get_data(b));
  switch (cmd) {
    case BIO_CTRL_FLUSH: return 1;
    case BIO_CTRL_PENDING: return q->empty() ? 0 : static_cast<long>(q->front().size());
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
    BIO_METHOD* m = BIO_meth_new(BIO_get_new_index() | BIO_TYPE_SOURCE_SINK, "tern-bench-dgram");
    BIO_meth_set_write(m, dgram_write);
    BIO_meth_set_read(m, dgram_read);
    BIO_meth_set_ctrl(m, dgram_ctrl);
    BIO_meth_set_create(m, dgram_create);
    return m;
  }();
  return method;
}

int accept_any_certificate(int, X509_STORE_CTX*) { return 1; }

// One SSL_CTX per role, created once (as an application would).
struct LibsslContext {
  SSL_CTX* ctx = nullptr;
  EVP_PKEY* key = nullptr;
  X509* cert = nullptr;

  LibsslContext() {
    ctx = SSL_CTX_new(DTLS_method());
    if (!ctx) die("SSL_CTX_new");
    SSL_CTX_set_min_proto_version(ctx, DTLS1_2_VERSION);
    SSL_CTX_set_max_proto_version(ctx, DTLS1_2_VERSION);
    key = EVP_EC_gen("P-256");
    cert = X509_new();
    X509_set_version(cert, X509_VERSION_3);
    ASN1_INTEGER_set(X509_get_serialNumber(cert), 7);
    X509_gmtime_adj(X509_getm_notBefore(cert), -3600);
    X509_gmtime_adj(X509_getm_notAfter(cert), 86400);
    X509_NAME* name = X509_get_subject_name(cert);
    X509_NAME_add_entry_by_txt(name, "CN", MBSTRING_ASC, reinterpret_cast<const unsigned char*>("libssl"), -1, -1, 0);
    X509_set_issuer_name(cert, name);
    X509_set_pubkey(cert, key);
    if (X509_sign(cert, key, EVP_sha256()) <= 0) die("X509_sign");
    if (SSL_CTX_use_certificate(ctx, cert) != 1 || SSL_CTX_use_PrivateKey(ctx, key) != 1) die("certificate");
    SSL_CTX_set_verify(ctx, SSL_VERIFY_PEER | SSL_VERIFY_FAIL_IF_NO_PEER_CERT, accept_any_certificate);
    if (SSL_CTX_set_cipher_list(ctx, "ECDHE-ECDSA-AES128-GCM-SHA256") != 1) die("cipher list");
    if (SSL_CTX_set_tlsext_use_srtp(ctx, "SRTP_AEAD_AES_128_GCM:SRTP_AES128_CM_SHA1_80") != 0) die("use_srtp");
    if (SSL_CTX_set1_groups_list(ctx, "X25519:P-256") != 1) die("groups");
    // Like tern: no session tickets or resumption (every handshake is full).
    SSL_CTX_set_options(ctx, SSL_OP_NO_TICKET);
    SSL_CTX_set_session_cache_mode(ctx, SSL_SESS_CACHE_OFF);
  }
  ~LibsslContext() {
    SSL_CTX_free(ctx);
    X509_free(cert);
    EVP_PKEY_free(key);
  }
  LibsslContext(const LibsslContext&) = delete;
  LibsslContext& operator=(const LibsslContext&) = delete;
};

// One libssl DTLS endpoint; `in` holds datagrams for it, `out` datagrams it sent.
struct LibsslPeer {
  SSL* ssl = nullptr;
  Queue in;
  Queue out;
  bool done = false;

  LibsslPeer(const LibsslContext& context, bool server) {
    ssl = SSL_new(context.ctx);
    BIO* rbio = BIO_new(dgram_method());
    BIO* wbio = BIO_new(dgram_method());
    BIO_set_data(rbio, &in);
    BIO_set_data(wbio, &out);
    SSL_set_bio(ssl, rbio, wbio);
    SSL_set_options(ssl, SSL_OP_NO_QUERY_MTU);
    SSL_set_mtu(ssl, 1200);
    if (server)
      SSL_set_accept_state(ssl);
    else
      SSL_set_connect_state(ssl);
  }
  ~LibsslPeer() { SSL_free(ssl); }
  LibsslPeer(const LibsslPeer&) = delete;
  LibsslPeer& operator=(const LibsslPeer&) = delete;

  void step() {
    if (done) return;
    int r = SSL_do_handshake(ssl);
    if (r == 1) {
      done = true;
      return;
    }
    int e = SSL_get_error(ssl, r);
    if (e != SSL_ERROR_WANT_READ && e != SSL_ERROR_WANT_WRITE) die("libssl handshake failed");
  }
};

// ---- tern side.
struct TernIdentity {
  SeededRng rng{2025};
  crypto::PrivateKey key = crypto::PrivateKey::generate_ecdsa_p256(rng);
  crypto::Certificate cert =
      crypto::Certificate::generate_self_signed(key, "tern-bench", rng, 1700000000, 1900000000).value();

  Config config(Role role) const {
    Config c;
    c.role = role;
    c.certificate = cert;
    c.private_key = key;
    c.cipher_suites = {CipherSuite::kEcdheEcdsaAes128GcmSha256};
    c.srtp_profiles = {SrtpProfile::kAeadAes128Gcm, SrtpProfile::kAes128CmHmacSha1_80};
    c.require_cookie = false;
    return c;
  }
};

// A fresh OS-seeded generator per run, like production (SystemRng).
crypto::SystemRng& system_rng() {
  static crypto::SystemRng rng;
  return rng;
}

void expect_connected(const Connection& c) {
  if (c.state() != ConnectionState::kConnected) die("tern handshake did not complete");
}

void drain_events(Connection& c) {
  while (c.poll_event()) {
  }
}

// tern <-> tern: a full handshake, returns the connected pair's client via the out params.
void tern_tern_handshake(const Config& client_config, const Config& server_config,
                         std::optional<Connection>* client_out = nullptr, std::optional<Connection>* server_out = nullptr) {
  Connection client = Connection::create(client_config, system_rng()).value();
  Connection server = Connection::create(server_config, system_rng()).value();
  Timestamp now;
  client.start(now);
  for (int i = 0; i < 64; ++i) {
    bool moved = false;
    while (auto d = client.poll_transmit()) {
      server.handle_input(now, *d);
      moved = true;
    }
    while (auto d = server.poll_transmit()) {
      client.handle_input(now, *d);
      moved = true;
    }
    if (!moved) break;
  }
  expect_connected(client);
  expect_connected(server);
  drain_events(client);
  drain_events(server);
  if (client_out) client_out->emplace(std::move(client));
  if (server_out) server_out->emplace(std::move(server));
}

// tern <-> libssl in either direction.
void tern_libssl_handshake(const Config& tern_config, const LibsslContext& context) {
  bool tern_is_client = tern_config.role == Role::kClient;
  Connection tern = Connection::create(tern_config, system_rng()).value();
  LibsslPeer peer(context, /*server=*/tern_is_client);
  Timestamp now;
  tern.start(now);
  for (int i = 0; i < 64; ++i) {
    bool moved = false;
    while (auto d = tern.poll_transmit()) {
      peer.in.push_back(std::move(*d));
      moved = true;
    }
    peer.step();
    while (!peer.out.empty()) {
      tern.handle_input(now, peer.out.front());
      peer.out.pop_front();
      moved = true;
    }
    if (!moved && peer.in.empty()) break;
  }
  expect_connected(tern);
  if (!peer.done) die("libssl did not complete");
}

// libssl <-> libssl.
void libssl_libssl_handshake(const LibsslContext& client_context, const LibsslContext& server_context,
                             LibsslPeer** keep_client = nullptr, LibsslPeer** keep_server = nullptr) {
  auto* client = new LibsslPeer(client_context, false);
  auto* server = new LibsslPeer(server_context, true);
  for (int i = 0; i < 64 && !(client->done && server->done); ++i) {
    client->step();
    while (!client->out.empty()) {
      server->in.push_back(std::move(client->out.front()));
      client->out.pop_front();
    }
    server->step();
    while (!server->out.empty()) {
      client->in.push_back(std::move(server->out.front()));
      server->out.pop_front();
    }
  }
  if (!client->done || !server->done) die("libssl <-> libssl did not complete");
  if (keep_client) {
    *keep_client = client;
    *keep_server = server;
  } else {
    delete client;
    delete server;
  }
}

constexpr int kRounds = 3;

void keep_best(bench::Rate& best, bench::Rate r) {
  if (r.ops_per_second > best.ops_per_second) best = r;
}

void print_latency(const char* what, bench::Rate r) {
  std::printf("  %-40s %8.1f us per handshake\n", what, 1e6 / r.ops_per_second);
}

}  // namespace

int main() {
  std::printf("DTLS 1.2 full handshakes (ECDHE-ECDSA-AES128-GCM, x25519, mutual auth, use_srtp, EMS), in process\n");
  TernIdentity id;
  const Config tern_client = id.config(Role::kClient);
  const Config tern_server = id.config(Role::kServer);
  LibsslContext libssl_client;
  LibsslContext libssl_server;

  // The machine may be shared: each configuration is measured kRounds times, interleaved, and the
  // best round counts (noise only ever slows a run down).
  bench::Rate base, tt, tl, lt;
  for (int round = 0; round < kRounds; ++round) {
    keep_best(base, bench::measure([&] { libssl_libssl_handshake(libssl_client, libssl_server); }));
    keep_best(tt, bench::measure([&] { tern_tern_handshake(tern_client, tern_server); }));
    keep_best(tl, bench::measure([&] { tern_libssl_handshake(tern_client, libssl_server); }));
    keep_best(lt, bench::measure([&] { tern_libssl_handshake(tern_server, libssl_client); }));
  }
  bench::report("handshakes: tern client <-> tern server", tt, "libssl <-> libssl", base);
  bench::report("handshakes: tern client <-> libssl server", tl, "libssl <-> libssl", base);
  bench::report("handshakes: libssl client <-> tern server", lt, "libssl <-> libssl", base);
  print_latency("libssl <-> libssl", base);
  print_latency("tern <-> tern", tt);
  print_latency("tern client <-> libssl server", tl);
  print_latency("libssl client <-> tern server", lt);

  std::printf("\nApplication data: %zu-byte records, sealed by one side and opened by the other\n", kRecordSize);
  std::vector<uint8_t> payload(kRecordSize);
  for (size_t i = 0; i < payload.size(); ++i) payload[i] = static_cast<uint8_t>(i * 13);

  std::optional<Connection> tc, ts;
  tern_tern_handshake(tern_client, tern_server, &tc, &ts);
  Timestamp now;
  LibsslPeer* lc = nullptr;
  LibsslPeer* ls = nullptr;
  libssl_libssl_handshake(libssl_client, libssl_server, &lc, &ls);
  size_t tern_bytes = 0;
  size_t libssl_bytes = 0;
  uint8_t buf[2048];
  bench::Rate tern_rate, libssl_rate;
  for (int round = 0; round < kRounds; ++round) {
    keep_best(tern_rate, bench::measure(
                             [&] {
                               if (!tc->send(payload).ok()) die("tern send");
                               auto d = tc->poll_transmit();
                               ts->handle_input(now, *d);
                               auto e = ts->poll_event();
                               auto* data = std::get_if<ApplicationData>(&*e);
                               tern_bytes += data->data.size();
                             },
                             kRecordSize));
    keep_best(libssl_rate, bench::measure(
                               [&] {
                                 if (SSL_write(lc->ssl, payload.data(), static_cast<int>(payload.size())) !=
                                     static_cast<int>(payload.size()))
                                   die("SSL_write");
                                 ls->in.push_back(std::move(lc->out.front()));
                                 lc->out.pop_front();
                                 int n = SSL_read(ls->ssl, buf, sizeof(buf));
                                 if (n != static_cast<int>(kRecordSize)) die("SSL_read");
                                 libssl_bytes += static_cast<size_t>(n);
                               },
                               kRecordSize));
  }
  bench::do_not_optimize(tern_bytes);
  bench::do_not_optimize(libssl_bytes);
  bench::report("records: tern -> tern", tern_rate, "libssl -> libssl", libssl_rate);
  bench::report("records: tern -> tern (bytes)", tern_rate, "libssl -> libssl", libssl_rate, true);
  delete lc;
  delete ls;
  return 0;
}

// tern client <-> tern server handshakes in memory with a simulated clock: every suite, group
// and SRTP profile; loss, reordering, duplication and small MTUs; fingerprint checks; exporter
// agreement; application data; alerts and close_notify; retransmission timeouts.
#include <catch2/catch.hpp>

#include <set>

#include "dtls/errc.hpp"
#include "dtls/record.hpp"
#include "dtls_test_util.hpp"

using namespace tern;
using namespace tern::dtls;
using namespace tern::dtls::test;

namespace {

struct Setup {
  SeededRng client_rng{101};
  SeededRng server_rng{202};
  Identity client_id;
  Identity server_id;
  Config client_config;
  Config server_config;
  explicit Setup(bool rsa_server = false) {
    client_id = make_identity(client_rng);
    server_id = rsa_server ? shared_rsa_identity() : make_identity(server_rng);
    client_config = make_config(Role::kClient, client_id);
    server_config = make_config(Role::kServer, server_id);
  }
  Pair pair() { return Pair(client_config, server_config, client_rng, server_rng); }
};

void check_connected(Pair& p) {
  for (const auto* events : {&p.client_events, &p.server_events})
    if (const auto* f = Pair::find<Failed>(*events)) FAIL_CHECK("Failed: " << f->error.to_string());
  REQUIRE(p.connected());
  const auto* c = Pair::find<HandshakeComplete>(p.client_events);
  const auto* s = Pair::find<HandshakeComplete>(p.server_events);
  REQUIRE(c);
  REQUIRE(s);
  CHECK(c->cipher_suite == s->cipher_suite);
  CHECK(c->srtp_profile == s->srtp_profile);
  CHECK(c->extended_master_secret);
  CHECK(s->extended_master_secret);
  // Both sides export the same keying material (RFC 5705).
  auto ce = p.client.export_keying_material("EXPORTER-tern-test", std::nullopt, 48);
  auto se = p.server.export_keying_material("EXPORTER-tern-test", std::nullopt, 48);
  REQUIRE(ce.ok());
  REQUIRE(se.ok());
  CHECK(*ce == *se);
}

// Sends `text` both ways and checks it arrives.
void check_application_data(Pair& p) {
  std::vector<uint8_t> ping = {'p', 'i', 'n', 'g'};
  std::vector<uint8_t> pong(1000, 0x42);
  REQUIRE(p.client.send(ping).ok());
  REQUIRE(p.server.send(pong).ok());
  p.client_events.clear();
  p.server_events.clear();
  p.run();
  const auto* at_server = Pair::find<ApplicationData>(p.server_events);
  const auto* at_client = Pair::find<ApplicationData>(p.client_events);
  REQUIRE(at_server);
  REQUIRE(at_client);
  CHECK(at_server->data == ping);
  CHECK(at_client->data == pong);
}

}  // namespace

TEST_CASE("full handshake with cookie exchange, SRTP, EMS and application data", "[dtls][connection]") {
  Setup s;
  s.client_config.expected_peer_fingerprint = crypto::Fingerprint::of(s.server_id.certificate, crypto::HashAlgorithm::kSha256);
  s.server_config.expected_peer_fingerprint = crypto::Fingerprint::of(s.client_id.certificate, crypto::HashAlgorithm::kSha256);
  Pair p = s.pair();
  p.run();
  check_connected(p);
  CHECK(p.client.cipher_suite() == CipherSuite::kEcdheEcdsaAes128GcmSha256);
  CHECK(p.client.srtp_profile() == SrtpProfile::kAeadAes128Gcm);
  CHECK(p.server.stats().hello_verify_requests_sent == 1);
  CHECK(p.client.stats().flights_retransmitted == 0);
  CHECK(p.server.stats().flights_retransmitted == 0);
  // No time passed: nothing was lost, so no timer fired.
  CHECK(p.now == Timestamp::from_millis(0));
  // Flights: ClientHello, HelloVerifyRequest, ClientHello+cookie, server flight 4, client flight 5,
  // server flight 6 — each one datagram at the default MTU.
  CHECK(p.client_sent.size() == 3);
  CHECK(p.server_sent.size() == 3);
  // Both sides hold each other's certificate.
  REQUIRE(p.client.peer_certificate());
  REQUIRE(p.server.peer_certificate());
  CHECK(s.client_config.expected_peer_fingerprint->matches(*p.client.peer_certificate()));
  auto ck = p.client.srtp_keying_material();
  auto sk = p.server.srtp_keying_material();
  REQUIRE(ck.ok());
  REQUIRE(sk.ok());
  CHECK(*ck == *sk);
  CHECK(ck->client_write_key.size() == 16);
  CHECK(ck->client_write_salt.size() == 12);
  CHECK(ck->client_write_key != ck->server_write_key);
  check_application_data(p);
  CHECK(p.client.poll_timeout() == std::nullopt);
  CHECK(p.server.poll_timeout() == std::nullopt);
}

TEST_CASE("every cipher suite negotiates and carries data", "[dtls][connection][suites]") {
  const CipherSuite suites[] = {
      CipherSuite::kEcdheEcdsaAes128GcmSha256, CipherSuite::kEcdheEcdsaAes256GcmSha384,
      CipherSuite::kEcdheEcdsaChaCha20Poly1305Sha256, CipherSuite::kEcdheRsaAes128GcmSha256,
      CipherSuite::kEcdheRsaAes256GcmSha384, CipherSuite::kEcdheRsaChaCha20Poly1305Sha256,
  };
  for (CipherSuite suite : suites) {
    const CipherSuiteInfo* info = find_cipher_suite(static_cast<uint16_t>(suite));
    CAPTURE(info->name);
    Setup s(info->auth == AuthAlgorithm::kRsa);
    s.client_config.cipher_suites = {suite};
    Pair p = s.pair();
    p.run();
    check_connected(p);
    CHECK(p.client.cipher_suite() == suite);
    CHECK(p.server.cipher_suite() == suite);
    check_application_data(p);
  }
}

TEST_CASE("an RSA client certificate authenticates with RSA-PSS CertificateVerify", "[dtls][connection][rsa]") {
  Setup s;
  s.client_config.certificate = shared_rsa_identity().certificate;
  s.client_config.private_key = shared_rsa_identity().key;
  Pair p = s.pair();
  p.run();
  check_connected(p);
  REQUIRE(p.server.peer_certificate());
  CHECK(p.server.peer_certificate()->public_key().type() == crypto::KeyType::kRsa);
}

TEST_CASE("every SRTP profile and ECDHE group", "[dtls][connection][srtp]") {
  for (SrtpProfile profile : {SrtpProfile::kAes128CmHmacSha1_80, SrtpProfile::kAes128CmHmacSha1_32,
                              SrtpProfile::kAeadAes128Gcm, SrtpProfile::kAeadAes256Gcm}) {
    for (NamedGroup group : {NamedGroup::kX25519, NamedGroup::kSecp256r1}) {
      CAPTURE(srtp_profile_name(static_cast<uint16_t>(profile)), named_group_name(group));
      Setup s;
      s.client_config.srtp_profiles = {profile};
      s.client_config.groups = {group};
      Pair p = s.pair();
      p.run();
      check_connected(p);
      CHECK(p.client.srtp_profile() == profile);
      auto ck = p.client.srtp_keying_material();
      auto sk = p.server.srtp_keying_material();
      REQUIRE(ck.ok());
      CHECK(*ck == *sk);
      const SrtpProfileInfo* info = find_srtp_profile(static_cast<uint16_t>(profile));
      CHECK(ck->server_write_key.size() == info->master_key_size);
      CHECK(ck->server_write_salt.size() == info->master_salt_size);
    }
  }
}

TEST_CASE("no common SRTP profile: handshake completes without use_srtp", "[dtls][connection][srtp]") {
  Setup s;
  s.client_config.srtp_profiles = {SrtpProfile::kAes128CmHmacSha1_32};
  s.server_config.srtp_profiles = {SrtpProfile::kAes128CmHmacSha1_80};
  Pair p = s.pair();
  p.run();
  check_connected(p);
  CHECK(p.client.srtp_profile() == std::nullopt);
  auto r = p.client.srtp_keying_material();
  REQUIRE_FALSE(r.ok());
  CHECK(r.error().is(DtlsErrc::kHandshakeFailure));
}

TEST_CASE("server without cookie exchange or client authentication", "[dtls][connection]") {
  Setup s;
  s.server_config.require_cookie = false;
  s.server_config.require_client_certificate = false;
  Pair p = s.pair();
  p.run();
  check_connected(p);
  CHECK(p.server.stats().hello_verify_requests_sent == 0);
  CHECK(p.server.peer_certificate() == nullptr);
  CHECK(p.client_sent.size() == 2);
}

TEST_CASE("lost flights are retransmitted and the handshake recovers", "[dtls][connection][loss]") {
  // Which datagram (by sender ordinal) to drop, once.
  struct Case {
    const char* name;
    Direction direction;
    size_t index;
  };
  const Case cases[] = {
      {"first ClientHello", Direction::kClientToServer, 0},
      {"HelloVerifyRequest", Direction::kServerToClient, 0},
      {"ClientHello with cookie", Direction::kClientToServer, 1},
      {"server flight 4", Direction::kServerToClient, 1},
      {"client flight 5", Direction::kClientToServer, 2},
      {"server flight 6 (answered by retransmitting flight 5)", Direction::kServerToClient, 2},
  };
  for (const auto& c : cases) {
    CAPTURE(c.name);
    Setup s;
    Pair p = s.pair();
    p.policy = [&](Direction dir, std::vector<Packet>& batch) {
      if (dir != c.direction) return;
      std::erase_if(batch, [&](const Packet& pk) { return pk.index == c.index; });
    };
    p.run();
    check_connected(p);
    // Exactly one retransmission timer fired (1 s).
    CHECK(p.now == Timestamp::from_millis(1000));
    uint64_t retransmitted = p.client.stats().flights_retransmitted + p.server.stats().flights_retransmitted;
    CHECK(retransmitted >= 1);
    check_application_data(p);
  }
}

TEST_CASE("reordered and duplicated datagrams with a small MTU", "[dtls][connection][reorder]") {
  for (size_t mtu : {size_t{1200}, size_t{300}, size_t{kMinMtu}}) {
    CAPTURE(mtu);
    Setup s(true);  // RSA server: a larger certificate, more fragments
    s.client_config.mtu = mtu;
    s.server_config.mtu = mtu;
    s.client_config.cipher_suites = {CipherSuite::kEcdheRsaAes128GcmSha256};
    Pair p = s.pair();
    p.policy = [](Direction, std::vector<Packet>& batch) {
      std::reverse(batch.begin(), batch.end());
      std::vector<Packet> doubled;
      for (auto& pk : batch) {
        doubled.push_back(pk);
        doubled.push_back(pk);
      }
      batch = std::move(doubled);
    };
    p.run();
    check_connected(p);
    for (const auto& d : p.client_sent) CHECK(d.size() <= mtu);
    for (const auto& d : p.server_sent) CHECK(d.size() <= mtu);
    if (mtu == kMinMtu) CHECK(p.server_sent.size() > 10);
    check_application_data(p);
  }
}

TEST_CASE("random loss, reordering and duplication converge (seeded)", "[dtls][connection][chaos]") {
  for (uint64_t seed = 1; seed <= 20; ++seed) {
    CAPTURE(seed);
    Setup s;
    s.client_config.mtu = 200;
    s.server_config.mtu = 200;
    s.client_config.initial_retransmit_timeout = Duration::millis(100);
    s.server_config.initial_retransmit_timeout = Duration::millis(100);
    s.client_config.max_retransmits = 20;
    s.server_config.max_retransmits = 20;
    Pair p = s.pair();
    SeededRng net(seed);
    p.policy = [&](Direction, std::vector<Packet>& batch) {
      std::vector<Packet> out;
      for (auto& pk : batch) {
        uint32_t roll = net.uniform(100);
        if (roll < 25) continue;                 // 25% loss
        if (roll < 35) out.push_back(pk);        // 10% duplicated
        out.push_back(pk);
      }
      for (size_t i = out.size(); i > 1; --i) std::swap(out[i - 1], out[net.uniform(static_cast<uint32_t>(i))]);
      batch = std::move(out);
    };
    p.run();
    // The server may finish while the client's view lags if the very last flight keeps getting
    // lost; with 20 retransmissions at 25% loss both complete.
    check_connected(p);
    p.policy = nullptr;
    check_application_data(p);
  }
}

TEST_CASE("next-epoch records that arrive before the keys are buffered", "[dtls][connection][reorder]") {
  Setup s;
  s.client_config.mtu = 400;  // flight 5 spans several datagrams; Finished is last
  Pair p = s.pair();
  p.policy = [](Direction dir, std::vector<Packet>& batch) {
    if (dir == Direction::kClientToServer) std::reverse(batch.begin(), batch.end());
  };
  p.run();
  check_connected(p);
  CHECK(p.server.stats().early_records_buffered >= 1);
  CHECK(p.now == Timestamp::from_millis(0));  // no retransmission was needed
}

TEST_CASE("fingerprint mismatch aborts with bad_certificate on both sides", "[dtls][connection][fingerprint]") {
  for (bool client_checks : {true, false}) {
    CAPTURE(client_checks);
    Setup s;
    SeededRng other_rng(7);
    Identity stranger = make_identity(other_rng);
    auto wrong = crypto::Fingerprint::of(stranger.certificate, crypto::HashAlgorithm::kSha256);
    if (client_checks)
      s.client_config.expected_peer_fingerprint = wrong;
    else
      s.server_config.expected_peer_fingerprint = wrong;
    Pair p = s.pair();
    p.run();
    const auto& checker_events = client_checks ? p.client_events : p.server_events;
    const auto& other_events = client_checks ? p.server_events : p.client_events;
    const auto* failed = Pair::find<Failed>(checker_events);
    REQUIRE(failed);
    CHECK(failed->error.is(DtlsErrc::kFingerprintMismatch));
    REQUIRE(failed->alert_sent);
    CHECK(failed->alert_sent->description == AlertDescription::kBadCertificate);
    const auto* peer_failed = Pair::find<Failed>(other_events);
    REQUIRE(peer_failed);
    CHECK(peer_failed->error.is(DtlsErrc::kAlertReceived));
    REQUIRE(peer_failed->alert_received);
    CHECK(peer_failed->alert_received->description == AlertDescription::kBadCertificate);
    CHECK(p.client.state() == ConnectionState::kFailed);
    CHECK(p.server.state() == ConnectionState::kFailed);
    CHECK(Pair::find<HandshakeComplete>(checker_events) == nullptr);
    CHECK(p.client.poll_timeout() == std::nullopt);
  }
}

TEST_CASE("sha-1 and sha-512 fingerprints are accepted too", "[dtls][connection][fingerprint]") {
  for (auto alg : {crypto::HashAlgorithm::kSha1, crypto::HashAlgorithm::kSha512}) {
    Setup s;
    s.client_config.expected_peer_fingerprint = crypto::Fingerprint::of(s.server_id.certificate, alg);
    Pair p = s.pair();
    p.run();
    check_connected(p);
  }
}

TEST_CASE("no common cipher suite: server sends handshake_failure", "[dtls][connection]") {
  Setup s;  // ECDSA server
  s.client_config.cipher_suites = {CipherSuite::kEcdheRsaAes128GcmSha256};
  Pair p = s.pair();
  p.run();
  const auto* sf = Pair::find<Failed>(p.server_events);
  const auto* cf = Pair::find<Failed>(p.client_events);
  REQUIRE(sf);
  REQUIRE(cf);
  CHECK(sf->error.is(DtlsErrc::kHandshakeFailure));
  REQUIRE(cf->alert_received);
  CHECK(cf->alert_received->description == AlertDescription::kHandshakeFailure);
}

TEST_CASE("an unanswered client gives up after the retransmission budget", "[dtls][connection][timeout]") {
  Setup s;
  s.client_config.max_retransmits = 4;
  Pair p = s.pair();
  p.policy = [](Direction dir, std::vector<Packet>& batch) {
    if (dir == Direction::kClientToServer) batch.clear();
  };
  p.run();
  const auto* failed = Pair::find<Failed>(p.client_events);
  REQUIRE(failed);
  CHECK(failed->error.is(DtlsErrc::kHandshakeTimeout));
  // 1 + 2 + 4 + 8 seconds of retransmissions, then the last 16 s wait expires.
  CHECK(p.now == Timestamp::from_millis((1 + 2 + 4 + 8 + 16) * 1000));
  CHECK(p.client_sent.size() == 5);
  CHECK(p.client.state() == ConnectionState::kFailed);
}

TEST_CASE("close_notify closes both sides", "[dtls][connection][close]") {
  Setup s;
  Pair p = s.pair();
  p.run();
  check_connected(p);
  p.client.close();
  CHECK(p.client.state() == ConnectionState::kClosed);
  p.run();
  CHECK(p.server.state() == ConnectionState::kClosed);
  CHECK(Pair::find<Closed>(p.server_events));
  auto r = p.server.send(std::vector<uint8_t>{1});
  REQUIRE_FALSE(r.ok());
  CHECK(r.error().is(DtlsErrc::kClosed));
}

TEST_CASE("application data API errors and hostile records", "[dtls][connection]") {
  Setup s;
  Pair p = s.pair();
  auto early = p.client.send(std::vector<uint8_t>{1, 2, 3});
  REQUIRE_FALSE(early.ok());
  CHECK(early.error().is(DtlsErrc::kNotConnected));
  CHECK_FALSE(p.client.export_keying_material("EXTRACTOR-dtls_srtp", std::nullopt, 16).ok());
  p.run();
  check_connected(p);
  std::vector<uint8_t> big(kMaxPlaintextLength + 1);
  CHECK(p.client.send(big).error().is(DtlsErrc::kTooLarge));

  // Tampered, replayed and garbage datagrams are dropped and counted; the connection survives.
  REQUIRE(p.client.send(std::vector<uint8_t>{9, 9, 9}).ok());
  auto record = p.client.poll_transmit().value();
  p.server.handle_input(p.now, record);
  p.server.handle_input(p.now, record);  // replay
  auto tampered = record;
  tampered.back() ^= 1;
  tampered[10] ^= 0x40;  // a fresh sequence number, so the tag check is reached
  p.server.handle_input(p.now, tampered);
  p.server.handle_input(p.now, std::vector<uint8_t>{0x16, 0xfe});
  p.server.handle_input(p.now, std::vector<uint8_t>{});
  std::vector<Event> events;
  while (auto e = p.server.poll_event()) events.push_back(std::move(*e));
  REQUIRE(events.size() == 1);
  CHECK(std::get<ApplicationData>(events[0]).data == std::vector<uint8_t>{9, 9, 9});
  const auto& stats = p.server.stats();
  CHECK(stats.records.replayed == 1);
  CHECK(stats.records.decrypt_failed == 1);
  CHECK(stats.records.malformed == 1);
  CHECK(p.server.state() == ConnectionState::kConnected);
  check_application_data(p);
}

TEST_CASE("a retransmitted client flight after completion is answered with flight 6", "[dtls][connection]") {
  Setup s;
  Pair p = s.pair();
  p.run();
  check_connected(p);
  // Replay the client's flight 5 datagram: the server sees old message_seqs and resends flight 6
  // (RFC 6347 §4.2.4), which the connected client ignores.
  const auto& flight5 = p.client_sent.back();
  p.server.handle_input(p.now, flight5);
  auto resent = p.server.poll_transmit();
  REQUIRE(resent);
  CHECK(p.server.stats().flights_retransmitted == 1);
  p.client.handle_input(p.now, *resent);
  CHECK(p.client.state() == ConnectionState::kConnected);
  CHECK_FALSE(p.client.poll_transmit());
}

TEST_CASE("Connection::create rejects bad configurations", "[dtls][connection][config]") {
  Setup s;
  SeededRng rng(1);
  struct Case {
    const char* name;
    std::function<void(Config&)> mutate;
  };
  const Case cases[] = {
      {"no certificate", [](Config& c) { c.certificate = crypto::Certificate(); }},
      {"key does not match the certificate",
       [&](Config& c) { c.private_key = crypto::PrivateKey::generate_ecdsa_p256(rng); }},
      {"tiny mtu", [](Config& c) { c.mtu = 64; }},
      {"no suites", [](Config& c) { c.cipher_suites.clear(); }},
      {"unknown suite", [](Config& c) { c.cipher_suites = {static_cast<CipherSuite>(0x1301)}; }},
      {"unsupported group", [](Config& c) { c.groups = {NamedGroup::kSecp384r1}; }},
      {"unknown SRTP profile", [](Config& c) { c.srtp_profiles = {static_cast<SrtpProfile>(5)}; }},
      {"zero timeout", [](Config& c) { c.initial_retransmit_timeout = Duration::zero(); }},
  };
  for (const auto& c : cases) {
    CAPTURE(c.name);
    Config config = s.client_config;
    c.mutate(config);
    auto r = Connection::create(config, rng);
    REQUIRE_FALSE(r.ok());
    CHECK(r.error().is(DtlsErrc::kBadConfig));
  }
}

TEST_CASE("handshakes are deterministic for a given seed", "[dtls][connection]") {
  // Except for ECDSA signatures (OpenSSL draws their nonces), every byte comes from the Rngs:
  // the ClientHello is identical across runs.
  std::vector<uint8_t> first;
  for (int run = 0; run < 2; ++run) {
    Setup s;
    Pair p = s.pair();
    p.run();
    check_connected(p);
    if (run == 0)
      first = p.client_sent[0];
    else
      CHECK(p.client_sent[0] == first);
  }
}

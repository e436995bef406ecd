// Chromium interop readiness. Chromium 156 (measured by conformance/peers, see its README) sends a
// 1413-byte ClientHello that offers DTLS 1.3 beside 1.2: two handshake fragments (1175 + 238
// bytes) in records of version FEFF, client_version FEFD, supported_versions [FEFC, FEFD], a
// key_share with an X25519MLKEM768 share (group 0x11EC, 1216 bytes) and an X25519 share,
// supported_groups [0x11EC, x25519, secp256r1, secp384r1], TLS 1.3 suites first, use_srtp
// [0x0001, 0x0008, 0x0007]. A DTLS 1.2 server must reassemble it, ignore everything that only
// means something to DTLS 1.3, and answer with a plain DTLS 1.2 flight.
//
// The ClientHello is built byte by byte here (not with tern's serializer), then fed to a tern
// server; the answer is checked message by message. A tern client dressed up the same way (through
// Config::customize_client_hello) then completes whole handshakes with a tern server.
#include <catch2/catch.hpp>

#include <algorithm>
#include <array>
#include <cstring>

#include "dtls/certificate_message.hpp"
#include "dtls/certificate_request.hpp"
#include "dtls/errc.hpp"
#include "dtls/hello_verify_request.hpp"
#include "dtls/reassembler.hpp"
#include "dtls/record.hpp"
#include "dtls/server_hello.hpp"
#include "dtls/server_key_exchange.hpp"
#include "dtls_test_util.hpp"

using namespace tern;
using namespace tern::dtls;
using namespace tern::dtls::test;

namespace {

constexpr size_t kChromiumHelloSize = 1413;
constexpr size_t kChromiumFirstFragment = 1175;  // 1200-byte datagram - 13 record - 12 handshake header
constexpr uint16_t kX25519MlKem768 = 0x11ec;
constexpr size_t kMlKemShareSize = 1216;
constexpr uint16_t kDtls13 = 0xfefc;
constexpr uint16_t kExtSupportedVersions = 43;
constexpr uint16_t kExtPskKeyExchangeModes = 45;
constexpr uint16_t kExtKeyShare = 51;

// Chromium's offer, as lists (shared by the byte-by-byte builder and the customized tern client).
const std::vector<uint16_t> kChromiumSuites = {0x1301, 0x1302, 0x1303, 0xc02b, 0xc02f, 0xcca9, 0xcca8,
                                               0xc009, 0xc013, 0xc00a, 0xc014, 0x009c, 0x002f, 0x0035};
const std::vector<uint16_t> kChromiumGroups = {kX25519MlKem768, 0x001d, 0x0017, 0x0018};
const std::vector<uint16_t> kChromiumSignatureAlgorithms = {0x0403, 0x0804, 0x0401, 0x0503, 0x0805,
                                                            0x0501, 0x0806, 0x0601, 0x0201};
const std::vector<uint16_t> kChromiumSrtpProfiles = {0x0001, 0x0008, 0x0007};

// A big-endian byte appender for the hand-built hello.
struct Bytes {
  std::vector<uint8_t> v;
  void u8(uint8_t x) { v.push_back(x); }
  void u16(uint16_t x) {
    v.push_back(static_cast<uint8_t>(x >> 8));
    v.push_back(static_cast<uint8_t>(x));
  }
  void u24(uint32_t x) {
    v.push_back(static_cast<uint8_t>(x >> 16));
    u16(static_cast<uint16_t>(x));
  }
  void u48(uint64_t x) {
    u16(static_cast<uint16_t>(x >> 32));
    u16(static_cast<uint16_t>(x >> 16));
    u16(static_cast<uint16_t>(x));
  }
  void raw(std::span<const uint8_t> b) { v.insert(v.end(), b.begin(), b.end()); }
  void u16_list(const std::vector<uint16_t>& list) {
    u16(static_cast<uint16_t>(list.size() * 2));
    for (uint16_t x : list) u16(x);
  }
};

// Deterministic filler standing in for key shares (a server that ignores them never looks).
std::vector<uint8_t> filler(size_t n, uint8_t seed) {
  std::vector<uint8_t> out(n);
  for (size_t i = 0; i < n; ++i) out[i] = static_cast<uint8_t>(seed + i * 31);
  return out;
}

// The extension_data of the DTLS 1.3 extensions tern must ignore.
std::vector<uint8_t> supported_versions_data() {
  Bytes b;
  b.u8(4);  // versions<2..254>
  b.u16(kDtls13);
  b.u16(kDtls12);
  return b.v;
}
std::vector<uint8_t> key_share_data() {
  Bytes b;
  b.u16(static_cast<uint16_t>(2 + 2 + kMlKemShareSize + 2 + 2 + 32));  // client_shares<0..2^16-1>
  b.u16(kX25519MlKem768);
  b.u16(static_cast<uint16_t>(kMlKemShareSize));
  b.raw(filler(kMlKemShareSize, 3));
  b.u16(0x001d);
  b.u16(32);
  b.raw(filler(32, 9));
  return b.v;
}
std::vector<uint8_t> psk_modes_data() { return {1, 1}; }  // [psk_dhe_ke]

// The ClientHello body, field by field (RFC 6347 §4.2.1 / RFC 5246 §7.4.1.2 / RFC 8446 §4.1.2).
std::vector<uint8_t> chromium_client_hello(const std::array<uint8_t, 32>& random, std::span<const uint8_t> cookie,
                                           const std::vector<uint16_t>& suites = kChromiumSuites,
                                           const std::vector<uint16_t>& groups = kChromiumGroups) {
  Bytes b;
  b.u16(kDtls12);  // client_version: the highest version of the 1.2 syntax; 1.3 is in supported_versions
  b.raw(random);
  b.u8(0);  // legacy session_id: empty
  b.u8(static_cast<uint8_t>(cookie.size()));
  b.raw(cookie);
  b.u16_list(suites);
  b.u8(1);  // compression_methods: [null]
  b.u8(0);
  Bytes ext;
  auto add = [&](uint16_t type, std::span<const uint8_t> data) {
    ext.u16(type);
    ext.u16(static_cast<uint16_t>(data.size()));
    ext.raw(data);
  };
  add(23, {});                                  // extended_master_secret
  add(0xff01, std::vector<uint8_t>{0});         // renegotiation_info: empty renegotiated_connection
  Bytes g;
  g.u16_list(groups);
  add(10, g.v);                                 // supported_groups
  add(11, std::vector<uint8_t>{1, 0});          // ec_point_formats: [uncompressed]
  Bytes s;
  s.u16_list(kChromiumSignatureAlgorithms);
  add(13, s.v);                                 // signature_algorithms
  Bytes srtp;
  srtp.u16_list(kChromiumSrtpProfiles);
  srtp.u8(0);                                   // no MKI
  add(14, srtp.v);                              // use_srtp
  add(kExtSupportedVersions, supported_versions_data());
  add(kExtKeyShare, key_share_data());
  add(kExtPskKeyExchangeModes, psk_modes_data());
  b.u16(static_cast<uint16_t>(ext.v.size()));
  b.raw(ext.v);
  return b.v;
}

// One handshake fragment in one DTLS record in one datagram, as Chromium sends them: record
// version FEFF (DTLS 1.0, the "any version" convention for the first flight).
std::vector<uint8_t> client_hello_record(std::span<const uint8_t> body, uint16_t message_seq, uint64_t record_seq,
                                         size_t offset, size_t length) {
  Bytes b;
  b.u8(22);       // handshake
  b.u16(kDtls10);  // record version
  b.u16(0);       // epoch
  b.u48(record_seq);
  b.u16(static_cast<uint16_t>(kHandshakeHeaderSize + length));
  b.u8(1);  // client_hello
  b.u24(static_cast<uint32_t>(body.size()));
  b.u16(message_seq);
  b.u24(static_cast<uint32_t>(offset));
  b.u24(static_cast<uint32_t>(length));
  b.raw(body.subspan(offset, length));
  return b.v;
}

// The two datagrams Chromium sends for one ClientHello.
std::vector<std::vector<uint8_t>> chromium_datagrams(std::span<const uint8_t> body, uint16_t message_seq,
                                                     uint64_t first_record_seq) {
  return {client_hello_record(body, message_seq, first_record_seq, 0, kChromiumFirstFragment),
          client_hello_record(body, message_seq, first_record_seq + 1, kChromiumFirstFragment,
                              body.size() - kChromiumFirstFragment)};
}

struct ParsedFlight {
  std::vector<RecordHeader> records;
  std::vector<HandshakeMessage> messages;
};

// Splits the server's datagrams into records and reassembles the handshake messages, checking
// the framing on the way.
ParsedFlight parse_flight(const std::vector<std::vector<uint8_t>>& datagrams, uint16_t first_message_seq) {
  ParsedFlight out;
  Reassembler reassembler;
  reassembler.reset(first_message_seq);
  for (const auto& d : datagrams) {
    std::span<const uint8_t> rest(d);
    while (!rest.empty()) {
      auto record = parse_record(rest);
      REQUIRE(record.ok());
      out.records.push_back(record->header);
      REQUIRE(record->header.type == ContentType::kHandshake);
      std::span<const uint8_t> payload = record->fragment;
      while (!payload.empty()) {
        auto fragment = parse_handshake_fragment(payload);
        REQUIRE(fragment.ok());
        REQUIRE(reassembler.add(*fragment, record->header.epoch) == Reassembler::Outcome::kAccepted);
        payload = payload.subspan(fragment->size());
      }
      rest = rest.subspan(record->size());
    }
  }
  while (auto m = reassembler.pop()) out.messages.push_back(std::move(*m));
  return out;
}

std::vector<std::vector<uint8_t>> drain(Connection& c) {
  std::vector<std::vector<uint8_t>> out;
  while (auto d = c.poll_transmit()) out.push_back(std::move(*d));
  return out;
}

std::array<uint8_t, 32> client_random() {
  std::array<uint8_t, 32> r{};
  for (size_t i = 0; i < r.size(); ++i) r[i] = static_cast<uint8_t>(0xa0 + i);
  return r;
}

}  // namespace

TEST_CASE("the synthesized Chromium ClientHello has Chromium's measured shape", "[dtls][chromium]") {
  auto body = chromium_client_hello(client_random(), {});
  CHECK(body.size() == kChromiumHelloSize);
  auto datagrams = chromium_datagrams(body, 0, 0);
  REQUIRE(datagrams.size() == 2);
  CHECK(datagrams[0].size() == 1200);
  CHECK(datagrams[1].size() == 13 + 12 + 238);
  // tern's own parser sees what a DTLS 1.2 server should use, and keeps the rest raw.
  auto hello = parse_client_hello(body);
  REQUIRE(hello.ok());
  CHECK(hello->client_version == kDtls12);
  CHECK(hello->cipher_suites == kChromiumSuites);
  REQUIRE(hello->extensions.supported_groups);
  CHECK(hello->extensions.supported_groups->size() == 4);
  REQUIRE(hello->extensions.use_srtp);
  CHECK(hello->extensions.use_srtp->profiles ==
        std::vector<SrtpProfile>{SrtpProfile::kAes128CmHmacSha1_80, SrtpProfile::kAeadAes256Gcm,
                                 SrtpProfile::kAeadAes128Gcm});
  CHECK(hello->extensions.extended_master_secret);
  std::vector<uint16_t> unknown;
  for (const auto& raw : hello->extensions.unknown) unknown.push_back(raw.type);
  CHECK(unknown == std::vector<uint16_t>{kExtSupportedVersions, kExtKeyShare, kExtPskKeyExchangeModes});
  // Nothing is lost: tern writes its typed extensions in its own order, but the same bytes in
  // total, and parsing that gives the same hello.
  auto again = serialize(*hello);
  CHECK(again.size() == body.size());
  auto reparsed = parse_client_hello(again);
  REQUIRE(reparsed.ok());
  CHECK(*reparsed == *hello);
}

TEST_CASE("a tern server answers a Chromium ClientHello with a well-formed DTLS 1.2 flight", "[dtls][chromium]") {
  struct Row {
    const char* name;
    bool require_cookie;
    std::vector<SrtpProfile> server_profiles;
    std::vector<NamedGroup> server_groups;
    bool reverse_and_duplicate;  // fragments arrive out of order, each twice
    SrtpProfile expected_profile;
    NamedGroup expected_group;
  };
  const std::vector<SrtpProfile> kTernDefault = Config{}.srtp_profiles;
  const Row rows[] = {
      {"defaults, cookie exchange", true, kTernDefault, {NamedGroup::kX25519, NamedGroup::kSecp256r1}, false,
       SrtpProfile::kAeadAes128Gcm, NamedGroup::kX25519},
      {"no cookie (Chromium's own server behaviour)", false, kTernDefault,
       {NamedGroup::kX25519, NamedGroup::kSecp256r1}, false, SrtpProfile::kAeadAes128Gcm, NamedGroup::kX25519},
      {"server prefers AES128_CM_SHA1_80", true,
       {SrtpProfile::kAes128CmHmacSha1_80, SrtpProfile::kAeadAes128Gcm}, {NamedGroup::kX25519}, false,
       SrtpProfile::kAes128CmHmacSha1_80, NamedGroup::kX25519},
      {"server prefers P-256", true, kTernDefault, {NamedGroup::kSecp256r1, NamedGroup::kX25519}, false,
       SrtpProfile::kAeadAes128Gcm, NamedGroup::kSecp256r1},
      {"fragments reversed and duplicated", true, kTernDefault, {NamedGroup::kX25519}, true,
       SrtpProfile::kAeadAes128Gcm, NamedGroup::kX25519},
  };
  SeededRng rng(31);
  const Identity server_id = make_identity(rng);
  for (const Row& row : rows) {
    CAPTURE(row.name);
    Config config = make_config(Role::kServer, server_id);
    config.require_cookie = row.require_cookie;
    config.srtp_profiles = row.server_profiles;
    config.groups = row.server_groups;
    Connection server = Connection::create(config, rng).value();
    auto feed = [&](std::vector<std::vector<uint8_t>> datagrams) {
      if (row.reverse_and_duplicate) {
        std::reverse(datagrams.begin(), datagrams.end());
        auto copy = datagrams;
        datagrams.insert(datagrams.end(), copy.begin(), copy.end());
      }
      for (const auto& d : datagrams) server.handle_input(Timestamp(), d);
    };

    const auto random = client_random();
    std::vector<uint8_t> body = chromium_client_hello(random, {});
    uint16_t message_seq = 0;
    uint64_t record_seq = 0;
    feed(chromium_datagrams(body, message_seq, record_seq));
    if (row.require_cookie) {
      // RFC 6347 §4.2.1: one HelloVerifyRequest, stateless, with the ClientHello's message_seq and
      // record sequence number and server_version DTLS 1.0.
      auto hvr_datagrams = drain(server);
      REQUIRE(hvr_datagrams.size() == (row.reverse_and_duplicate ? 2u : 1u));  // one per complete hello
      auto flight = parse_flight({hvr_datagrams[0]}, 0);
      REQUIRE(flight.messages.size() == 1);
      CHECK(flight.messages[0].type == HandshakeType::kHelloVerifyRequest);
      CHECK(flight.messages[0].message_seq == 0);
      CHECK(flight.records[0].sequence == (row.reverse_and_duplicate ? 0u : 1u));  // the completing record
      auto hvr = parse_hello_verify_request(flight.messages[0].body);
      REQUIRE(hvr.ok());
      CHECK(hvr->server_version == kDtls10);
      REQUIRE_FALSE(hvr->cookie.empty());
      // The second ClientHello: same parameters plus the cookie, message_seq 1 (§4.2.2).
      body = chromium_client_hello(random, hvr->cookie);
      CHECK(body.size() == kChromiumHelloSize + hvr->cookie.size());
      message_seq = 1;
      record_seq = 2;
      feed(chromium_datagrams(body, message_seq, record_seq));
    }
    CHECK(server.state() == ConnectionState::kHandshaking);
    auto datagrams = drain(server);
    REQUIRE_FALSE(datagrams.empty());
    for (const auto& d : datagrams) CHECK(d.size() <= config.mtu);
    auto flight = parse_flight(datagrams, message_seq);
    // Records: DTLS 1.2, epoch 0, sequence numbers increasing and past the ClientHello's.
    for (size_t i = 0; i < flight.records.size(); ++i) {
      CHECK(flight.records[i].version == kDtls12);
      CHECK(flight.records[i].epoch == 0);
      if (i > 0) CHECK(flight.records[i].sequence > flight.records[i - 1].sequence);
    }
    CHECK(flight.records[0].sequence >= record_seq);
    // Flight 4 (RFC 6347 §4.2.4): ServerHello, Certificate, ServerKeyExchange, CertificateRequest,
    // ServerHelloDone, numbered on from the ClientHello's message_seq.
    REQUIRE(flight.messages.size() == 5);
    const HandshakeType expected_types[] = {HandshakeType::kServerHello, HandshakeType::kCertificate,
                                            HandshakeType::kServerKeyExchange, HandshakeType::kCertificateRequest,
                                            HandshakeType::kServerHelloDone};
    for (size_t i = 0; i < 5; ++i) {
      CHECK(flight.messages[i].type == expected_types[i]);
      CHECK(flight.messages[i].message_seq == message_seq + i);
    }

    // ServerHello: DTLS 1.2, ECDHE_ECDSA_AES_128_GCM, only extensions Chromium offered, nothing
    // from DTLS 1.3 (no supported_versions: that would claim 1.3, RFC 8446 §4.2.1).
    auto sh = parse_server_hello(flight.messages[0].body);
    REQUIRE(sh.ok());
    CHECK(sh->server_version == kDtls12);
    CHECK(sh->cipher_suite == 0xc02b);
    CHECK(sh->compression_method == 0);
    const HelloExtensions& ext = sh->extensions;
    CHECK(ext.unknown.empty());
    CHECK_FALSE(ext.supported_groups);
    CHECK_FALSE(ext.signature_algorithms);
    REQUIRE(ext.use_srtp);
    CHECK(ext.use_srtp->profiles == std::vector<SrtpProfile>{row.expected_profile});
    CHECK(ext.use_srtp->mki.empty());
    CHECK(ext.extended_master_secret);
    REQUIRE(ext.renegotiation_info);
    CHECK(ext.renegotiation_info->empty());
    REQUIRE(ext.ec_point_formats);
    CHECK(*ext.ec_point_formats == std::vector<uint8_t>{0});
    // RFC 8446 §4.1.3: only a TLS 1.3 server marks a downgrade; tern (1.2 only) must not.
    static const uint8_t kDowngrade[7] = {'D', 'O', 'W', 'N', 'G', 'R', 'D'};
    CHECK(std::memcmp(sh->random.data() + 24, kDowngrade, 7) != 0);

    // Certificate: ours.
    auto cert = parse_certificate_message(flight.messages[1].body);
    REQUIRE(cert.ok());
    REQUIRE(cert->certificates.size() == 1);
    CHECK(std::equal(cert->certificates[0].begin(), cert->certificates[0].end(), server_id.certificate.der().begin(),
                     server_id.certificate.der().end()));

    // ServerKeyExchange: a group from Chromium's list that tern implements (never 0x11EC), signed
    // with ecdsa_secp256r1_sha256 over both randoms (RFC 8422 §5.4).
    auto ske = parse_server_key_exchange(flight.messages[2].body);
    REQUIRE(ske.ok());
    CHECK(ske->named_curve == row.expected_group);
    CHECK(ske->public_key.size() == (row.expected_group == NamedGroup::kX25519 ? 32u : 65u));
    CHECK(ske->signature_scheme == SignatureScheme::kEcdsaSecp256r1Sha256);
    auto signed_data = server_key_exchange_signed_data(*ske, random, sh->random);
    CHECK(server_id.certificate.public_key().verify(*to_signature_algorithm(ske->signature_scheme), signed_data,
                                                    ske->signature));

    // CertificateRequest (WebRTC authenticates both ends, RFC 8827 §6.5) naming schemes Chromium's
    // ECDSA P-256 certificate can answer with.
    auto cr = parse_certificate_request(flight.messages[3].body);
    REQUIRE(cr.ok());
    CHECK(std::find(cr->certificate_types.begin(), cr->certificate_types.end(), ClientCertificateType::kEcdsaSign) !=
          cr->certificate_types.end());
    CHECK(std::find(cr->signature_algorithms.begin(), cr->signature_algorithms.end(),
                    SignatureScheme::kEcdsaSecp256r1Sha256) != cr->signature_algorithms.end());
    CHECK(flight.messages[4].body.empty());  // ServerHelloDone
    CHECK(server.poll_timeout().has_value());  // flight 4 awaits flight 5 on the retransmission timer
  }
}

TEST_CASE("a Chromium ClientHello with nothing tern can use is refused cleanly", "[dtls][chromium]") {
  struct Row {
    const char* name;
    std::vector<uint16_t> suites;
    std::vector<uint16_t> groups;
    DtlsErrc code;
  };
  const Row rows[] = {
      // Only TLS 1.3 suites plus an RSA suite, to an ECDSA server.
      {"no usable cipher suite", {0x1301, 0x1302, 0x1303, 0xc02f}, kChromiumGroups, DtlsErrc::kHandshakeFailure},
      // Only the post-quantum hybrid and P-384 (which tern does not implement).
      {"no usable group", kChromiumSuites, {kX25519MlKem768, 0x0018}, DtlsErrc::kHandshakeFailure},
  };
  SeededRng rng(32);
  const Identity server_id = make_identity(rng);
  for (const Row& row : rows) {
    CAPTURE(row.name);
    Config config = make_config(Role::kServer, server_id);
    config.require_cookie = false;
    Connection server = Connection::create(config, rng).value();
    for (const auto& d : chromium_datagrams(chromium_client_hello(client_random(), {}, row.suites, row.groups), 0, 0))
      server.handle_input(Timestamp(), d);
    std::optional<Failed> failed;
    while (auto e = server.poll_event())
      if (auto* f = std::get_if<Failed>(&*e)) failed = *f;
    REQUIRE(failed);
    CHECK(failed->error.is(row.code));
    REQUIRE(failed->alert_sent);
    CHECK(failed->alert_sent->description == AlertDescription::kHandshakeFailure);
    // The alert goes out in a DTLS 1.2 record, unprotected (epoch 0).
    auto out = drain(server);
    REQUIRE(out.size() == 1);
    auto record = parse_record(out[0]);
    REQUIRE(record.ok());
    CHECK(record->header.type == ContentType::kAlert);
    CHECK(record->header.epoch == 0);
  }
}

namespace {

// Makes a tern client's first flight look like Chromium's: the same suites, groups, signature
// algorithms, SRTP profiles and DTLS 1.3 extensions (tern still only accepts what it implements).
void dress_as_chromium(ClientHello& hello) {
  hello.cipher_suites = kChromiumSuites;
  HelloExtensions& ext = hello.extensions;
  ext.supported_groups.emplace();
  for (uint16_t g : kChromiumGroups) ext.supported_groups->push_back(static_cast<NamedGroup>(g));
  ext.signature_algorithms.emplace();
  for (uint16_t s : kChromiumSignatureAlgorithms) ext.signature_algorithms->push_back(static_cast<SignatureScheme>(s));
  ext.use_srtp->profiles.clear();
  for (uint16_t p : kChromiumSrtpProfiles) ext.use_srtp->profiles.push_back(static_cast<SrtpProfile>(p));
  ext.unknown.push_back(RawExtension{kExtSupportedVersions, supported_versions_data()});
  ext.unknown.push_back(RawExtension{kExtKeyShare, key_share_data()});
  ext.unknown.push_back(RawExtension{kExtPskKeyExchangeModes, psk_modes_data()});
}

// Rewrites the record version of epoch-0 ClientHello records to FEFF, as Chromium sends them (the
// record header is not part of the handshake hash, so this changes nothing else).
void chromium_record_versions(std::vector<uint8_t>& datagram) {
  size_t offset = 0;
  while (offset + kRecordHeaderSize <= datagram.size()) {
    auto record = parse_record(std::span<const uint8_t>(datagram).subspan(offset));
    if (!record) return;
    bool client_hello = record->header.type == ContentType::kHandshake && record->header.epoch == 0 &&
                        !record->fragment.empty() && record->fragment[0] == 1;
    if (client_hello) {
      datagram[offset + 1] = 0xfe;
      datagram[offset + 2] = 0xff;
    }
    offset += record->size();
  }
}

}  // namespace

TEST_CASE("a tern client sending Chromium's ClientHello completes handshakes with a tern server", "[dtls][chromium]") {
  struct Row {
    const char* name;
    bool require_cookie;
    bool lose_first_server_flight;
  };
  const Row rows[] = {
      {"with cookie exchange", true, false},
      {"server answers directly, as Chromium's server does", false, false},
      {"server answers directly and its flight 4 is lost once", false, true},
  };
  for (const Row& row : rows) {
    CAPTURE(row.name);
    SeededRng client_rng(41);
    SeededRng server_rng(42);
    Identity client_id = make_identity(client_rng);
    Identity server_id = make_identity(server_rng);
    Config cc = make_config(Role::kClient, client_id);
    cc.customize_client_hello = dress_as_chromium;
    cc.expected_peer_fingerprint = crypto::Fingerprint::of(server_id.certificate, crypto::HashAlgorithm::kSha256);
    Config sc = make_config(Role::kServer, server_id);
    sc.require_cookie = row.require_cookie;
    sc.expected_peer_fingerprint = crypto::Fingerprint::of(client_id.certificate, crypto::HashAlgorithm::kSha256);
    Pair p(cc, sc, client_rng, server_rng);
    bool dropped = false;
    p.policy = [&](Direction dir, std::vector<Packet>& batch) {
      if (dir == Direction::kClientToServer) {
        for (auto& pk : batch) chromium_record_versions(pk.bytes);
      } else if (row.lose_first_server_flight && !dropped) {
        batch.clear();
        dropped = true;
      }
    };
    p.run();
    for (const auto* events : {&p.client_events, &p.server_events})
      if (const auto* f = Pair::find<Failed>(*events)) FAIL_CHECK("Failed: " << f->error.to_string());
    REQUIRE(p.connected());

    // The first flight on the wire has Chromium's shape: 1413 bytes in two fragments.
    REQUIRE(p.client_sent.size() >= 2);
    auto first = parse_record(p.client_sent[0]);
    REQUIRE(first.ok());
    auto fragment = parse_handshake_fragment(first->fragment);
    REQUIRE(fragment.ok());
    CHECK(fragment->header.length == kChromiumHelloSize);
    CHECK(fragment->header.fragment_length == kChromiumFirstFragment);
    CHECK(p.client_sent[0].size() == 1200);
    CHECK(p.client_sent[1].size() == 13 + 12 + kChromiumHelloSize - kChromiumFirstFragment);

    CHECK(p.client.cipher_suite() == CipherSuite::kEcdheEcdsaAes128GcmSha256);
    CHECK(p.server.srtp_profile() == SrtpProfile::kAeadAes128Gcm);
    CHECK(p.client.extended_master_secret());
    auto ck = p.client.srtp_keying_material();
    auto sk = p.server.srtp_keying_material();
    REQUIRE(ck.ok());
    REQUIRE(sk.ok());
    CHECK(*ck == *sk);
    CHECK(p.server.stats().hello_verify_requests_sent == (row.require_cookie ? 1u : 0u));
    if (row.lose_first_server_flight) {
      // The client's retransmitted ClientHello (both fragments) prompted the server's flight 4
      // again; the handshake finished after one 1 s timeout.
      CHECK(p.client.stats().flights_retransmitted >= 1);
      CHECK(p.now == Timestamp::from_millis(1000));
    } else {
      CHECK(p.now == Timestamp::from_millis(0));
    }
    std::vector<uint8_t> ping = {'h', 'i'};
    REQUIRE(p.client.send(ping).ok());
    p.client_events.clear();
    p.server_events.clear();
    p.run();
    const auto* data = Pair::find<ApplicationData>(p.server_events);
    REQUIRE(data);
    CHECK(data->data == ping);
  }
}

TEST_CASE("a Chromium-dressed client refuses a server that picks what only Chromium offered", "[dtls][chromium]") {
  // A server choosing TLS_AES_128_GCM_SHA256 (a TLS 1.3 suite tern listed only for show) in a
  // DTLS 1.2 ServerHello must be refused, not half-negotiated.
  SeededRng rng(43);
  Identity client_id = make_identity(rng);
  Config cc = make_config(Role::kClient, client_id);
  cc.customize_client_hello = dress_as_chromium;
  Connection client = Connection::create(cc, rng).value();
  client.start(Timestamp());
  auto hello = drain(client);
  REQUIRE(hello.size() == 2);
  ServerHello sh;
  sh.server_version = kDtls12;
  sh.cipher_suite = 0x1301;
  auto body = serialize(sh);
  Bytes b;
  b.u8(22);
  b.u16(kDtls12);
  b.u16(0);
  b.u48(0);
  b.u16(static_cast<uint16_t>(kHandshakeHeaderSize + body.size()));
  b.u8(2);
  b.u24(static_cast<uint32_t>(body.size()));
  b.u16(0);
  b.u24(0);
  b.u24(static_cast<uint32_t>(body.size()));
  b.raw(body);
  client.handle_input(Timestamp(), b.v);
  std::optional<Failed> failed;
  while (auto e = client.poll_event())
    if (auto* f = std::get_if<Failed>(&*e)) failed = *f;
  REQUIRE(failed);
  CHECK(failed->error.is(DtlsErrc::kIllegalParameter));
  REQUIRE(failed->alert_sent);
  CHECK(failed->alert_sent->description == AlertDescription::kIllegalParameter);
}

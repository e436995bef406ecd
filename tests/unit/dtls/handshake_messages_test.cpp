// Handshake message codecs: RFC 6347 §4.2.2 header, RFC 5246 §7.4 messages, RFC 8422 ECDHE
// messages and the hello extensions. Each table: bytes -> fields -> bytes, then bad bytes -> code.
#include <catch2/catch.hpp>

#include "common/hex.hpp"
#include "dtls/alert.hpp"
#include "dtls/certificate_message.hpp"
#include "dtls/certificate_request.hpp"
#include "dtls/certificate_verify.hpp"
#include "dtls/client_hello.hpp"
#include "dtls/client_key_exchange.hpp"
#include "dtls/describe.hpp"
#include "dtls/errc.hpp"
#include "dtls/finished.hpp"
#include "dtls/handshake_header.hpp"
#include "dtls/hello_verify_request.hpp"
#include "dtls/server_hello.hpp"
#include "dtls/server_hello_done.hpp"
#include "dtls/server_key_exchange.hpp"
#include "dtls_test_util.hpp"

using namespace tern;
using namespace tern::dtls;
using tern::dtls::test::hex;

namespace {
std::string repeat(const char* byte, int n) {
  std::string s;
  for (int i = 0; i < n; ++i) s += byte;
  return s;
}
}  // namespace

TEST_CASE("handshake header round trips", "[dtls][handshake]") {
  // client_hello, length 16, message_seq 2, fragment 4+8, then 8 body bytes
  auto bytes = hex("01 000010 0002 000004 000008 0102030405060708");
  auto f = parse_handshake_fragment(bytes);
  REQUIRE(f.ok());
  CHECK(f->header == HandshakeHeader{HandshakeType::kClientHello, 16, 2, 4, 8});
  CHECK_FALSE(f->header.is_complete());
  CHECK(f->body.size() == 8);
  CHECK(f->size() == bytes.size());
  std::array<uint8_t, kHandshakeHeaderSize> out{};
  serialize_handshake_header(f->header, out);
  CHECK(std::equal(out.begin(), out.end(), bytes.begin()));
  // ServerHelloDone: an empty, complete message
  auto done = parse_handshake_fragment(hex("0e 000000 0004 000000 000000"));
  REQUIRE(done.ok());
  CHECK(done->header.is_complete());
  CHECK(done->body.empty());
}

TEST_CASE("handshake header failure table", "[dtls][handshake]") {
  struct Case {
    const char* bytes;
    DtlsErrc code;
  };
  const Case cases[] = {
      {"01 000010 0002 000004", DtlsErrc::kTruncated},
      {"01 000010 0002 00000c 000008 0102030405060708", DtlsErrc::kBadLength},  // 12 + 8 > 16
      {"01 000010 0002 000000 000008 01020304", DtlsErrc::kTruncated},
  };
  for (const auto& c : cases) {
    auto r = parse_handshake_fragment(hex(c.bytes));
    REQUIRE_FALSE(r.ok());
    CHECK(r.error().is(c.code));
  }
}

TEST_CASE("ClientHello round trip with every extension tern sends", "[dtls][handshake][client_hello]") {
  std::string text = "fefd" + repeat("22", 32) +
                     "00"                  // session_id
                     "00"                  // cookie
                     "0004 c02b c02c"      // cipher_suites
                     "01 00"               // compression_methods: null
                     "002c"                // extensions length 44
                     "000a 0006 0004 001d 0017"    // supported_groups: x25519, secp256r1
                     "000b 0002 01 00"             // ec_point_formats: uncompressed
                     "000d 0004 0002 0403"         // signature_algorithms
                     "000e 0007 0004 0001 0007 00" // use_srtp: _80, AEAD_AES_128_GCM, no MKI
                     "0017 0000"                   // extended_master_secret
                     "ff01 0001 00";               // renegotiation_info: empty
  auto bytes = hex(text);
  auto ch = parse_client_hello(bytes);
  REQUIRE(ch.ok());
  CHECK(ch->client_version == kDtls12);
  CHECK(ch->random[31] == 0x22);
  CHECK(ch->session_id.empty());
  CHECK(ch->cookie.empty());
  CHECK(ch->cipher_suites == std::vector<uint16_t>{0xc02b, 0xc02c});
  CHECK(ch->compression_methods == std::vector<uint8_t>{0});
  const auto& e = ch->extensions;
  CHECK(e.supported_groups == std::vector<NamedGroup>{NamedGroup::kX25519, NamedGroup::kSecp256r1});
  CHECK(e.ec_point_formats == std::vector<uint8_t>{0});
  CHECK(e.signature_algorithms == std::vector<SignatureScheme>{SignatureScheme::kEcdsaSecp256r1Sha256});
  REQUIRE(e.use_srtp);
  CHECK(e.use_srtp->profiles == std::vector<SrtpProfile>{SrtpProfile::kAes128CmHmacSha1_80, SrtpProfile::kAeadAes128Gcm});
  CHECK(e.use_srtp->mki.empty());
  CHECK(e.extended_master_secret);
  CHECK(e.renegotiation_info == std::vector<uint8_t>{});
  CHECK(e.unknown.empty());
  CHECK(serialize(*ch) == bytes);
  // With a cookie and an extension tern does not interpret (session_ticket, kept raw).
  ClientHello with_cookie = *ch;
  with_cookie.cookie = hex("0102030405");
  with_cookie.extensions.unknown.push_back(RawExtension{35, {}});
  auto again = parse_client_hello(serialize(with_cookie));
  REQUIRE(again.ok());
  CHECK(*again == with_cookie);
  CHECK(describe(*again).find("cookie: 0102030405") != std::string::npos);
  CHECK(describe(*again).find("session_ticket(35): 0 bytes") != std::string::npos);
}

TEST_CASE("ClientHello without extensions (RFC 5246 §7.4.1.2 allows omitting them)", "[dtls][handshake][client_hello]") {
  auto bytes = hex("fefd" + repeat("00", 32) + "00 00 0002 c02b 01 00");
  auto ch = parse_client_hello(bytes);
  REQUIRE(ch.ok());
  CHECK(ch->extensions.empty());
  CHECK(serialize(*ch) == bytes);
}

TEST_CASE("ClientHello failure table", "[dtls][handshake][client_hello]") {
  const std::string random = repeat("00", 32);
  struct Case {
    std::string bytes;
    DtlsErrc code;
  };
  const Case cases[] = {
      {"fefd" + repeat("00", 20), DtlsErrc::kTruncated},                            // random cut short
      {"fefd" + random + "21" + repeat("00", 33) + "00 0002 c02b 0100", DtlsErrc::kBadLength},  // session_id > 32
      {"fefd" + random + "00 05 0102", DtlsErrc::kTruncated},                       // cookie cut short
      {"fefd" + random + "00 00 0003 c02b00 0100", DtlsErrc::kBadLength},           // odd cipher_suites
      {"fefd" + random + "00 00 0000 0100", DtlsErrc::kBadLength},                  // no cipher suites
      {"fefd" + random + "00 00 0002 c02b 00", DtlsErrc::kBadLength},               // no compression
      {"fefd" + random + "00 00 0002 c02b 0100 0008 0017 0000 0017 0000", DtlsErrc::kDuplicateExtension},
      {"fefd" + random + "00 00 0002 c02b 0100 0005 0017 0001 00", DtlsErrc::kBadLength},  // EMS not empty
      {"fefd" + random + "00 00 0002 c02b 0100 0004 0017 0000 ff", DtlsErrc::kTrailingData},
      {"fefd" + random + "00 00 0002 c02b 0100 0003 0017 00", DtlsErrc::kTruncated},     // ext header cut
      {"fefd" + random + "00 00 0002 c02b 0100 0009 000e 0005 0003 000100", DtlsErrc::kBadLength},  // odd srtp list
      {"fefd" + random + "00 00 0002 c02b 0100 0005 000b 0001 00", DtlsErrc::kBadLength},  // empty point formats
      {"fefd" + random + "00 00 0002 c02b 0100 0009 000a 0005 0003 001d00", DtlsErrc::kBadLength},  // odd groups
      {"fefd" + random + "00 00 0002 c02b 0100 0006 ff01 0002 0500", DtlsErrc::kTruncated},  // reneg len 5 > 1
  };
  for (const auto& c : cases) {
    CAPTURE(c.bytes);
    auto r = parse_client_hello(hex(c.bytes));
    REQUIRE_FALSE(r.ok());
    CHECK(r.error().is(c.code));
  }
}

TEST_CASE("HelloVerifyRequest round trip and failures", "[dtls][handshake]") {
  auto bytes = hex("feff 04 deadbeef");
  auto hvr = parse_hello_verify_request(bytes);
  REQUIRE(hvr.ok());
  CHECK(hvr->server_version == kDtls10);
  CHECK(hvr->cookie == hex("deadbeef"));
  CHECK(serialize(*hvr) == bytes);
  CHECK(parse_hello_verify_request(hex("feff 04 dead")).error().is(DtlsErrc::kTruncated));
  CHECK(parse_hello_verify_request(hex("feff 01 de ad")).error().is(DtlsErrc::kTrailingData));
  CHECK(parse_hello_verify_request(hex("fe")).error().is(DtlsErrc::kTruncated));
}

TEST_CASE("ServerHello round trip", "[dtls][handshake][server_hello]") {
  auto bytes = hex("fefd" + repeat("11", 32) +
                   "00 c02b 00"
                   "0012"
                   "000e 0005 0002 0007 00"  // use_srtp: AEAD_AES_128_GCM
                   "0017 0000"               // extended_master_secret
                   "ff01 0001 00");          // renegotiation_info
  auto sh = parse_server_hello(bytes);
  REQUIRE(sh.ok());
  CHECK(sh->server_version == kDtls12);
  CHECK(sh->cipher_suite == 0xc02b);
  CHECK(sh->compression_method == 0);
  REQUIRE(sh->extensions.use_srtp);
  CHECK(sh->extensions.use_srtp->profiles == std::vector<SrtpProfile>{SrtpProfile::kAeadAes128Gcm});
  CHECK(sh->extensions.extended_master_secret);
  CHECK(serialize(*sh) == bytes);
  CHECK(describe(*sh).find("TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256") != std::string::npos);
  CHECK(parse_server_hello(hex("fefd" + repeat("11", 32) + "00 c0")).error().is(DtlsErrc::kTruncated));
  CHECK(parse_server_hello(hex("fefd" + repeat("11", 32) + "00 c02b 00 0004 0017")).error().is(DtlsErrc::kTruncated));
}

TEST_CASE("Certificate message round trip and failures", "[dtls][handshake][certificate]") {
  auto bytes = hex("00000e 000004 01020304 000004 05060708");
  auto m = parse_certificate_message(bytes);
  REQUIRE(m.ok());
  REQUIRE(m->certificates.size() == 2);
  CHECK(m->certificates[1] == hex("05060708"));
  CHECK(serialize(*m) == bytes);
  auto empty = parse_certificate_message(hex("000000"));
  REQUIRE(empty.ok());
  CHECK(empty->certificates.empty());
  CHECK(parse_certificate_message(hex("000003 000000")).error().is(DtlsErrc::kBadLength));  // empty cert
  CHECK(parse_certificate_message(hex("000008 000004 01020304")).error().is(DtlsErrc::kTruncated));
  CHECK(parse_certificate_message(hex("000007 000004 01020304 00")).error().is(DtlsErrc::kTrailingData));
  CHECK(parse_certificate_message(hex("000007 000005 01020304")).error().is(DtlsErrc::kTruncated));
  std::string many = "";
  for (int i = 0; i < 11; ++i) many += "000001 aa";
  char len[8];
  std::snprintf(len, sizeof(len), "%06x", 11 * 4);
  CHECK(parse_certificate_message(hex(std::string(len) + many)).error().is(DtlsErrc::kTooLarge));
}

TEST_CASE("ServerKeyExchange round trip, signed data and failures", "[dtls][handshake][ske]") {
  std::string point = repeat("ab", 32);
  auto bytes = hex("03 001d 20" + point + "0403 0002 cafe");
  auto m = parse_server_key_exchange(bytes);
  REQUIRE(m.ok());
  CHECK(m->named_curve == NamedGroup::kX25519);
  CHECK(m->public_key.size() == 32);
  CHECK(m->signature_scheme == SignatureScheme::kEcdsaSecp256r1Sha256);
  CHECK(m->signature == hex("cafe"));
  CHECK(serialize(*m) == bytes);
  // RFC 8422 §5.4: the signature covers client_random + server_random + ServerECDHParams.
  std::array<uint8_t, 32> cr{}, sr{};
  cr.fill(1);
  sr.fill(2);
  auto signed_data = server_key_exchange_signed_data(*m, cr, sr);
  CHECK(to_hex(signed_data) == repeat("01", 32) + repeat("02", 32) + "03001d20" + point);
  CHECK(parse_server_key_exchange(hex("01 001d 01 aa 0403 0000")).error().is(DtlsErrc::kBadValue));
  CHECK(parse_server_key_exchange(hex("03 001d 00 0403 0000")).error().is(DtlsErrc::kBadLength));
  CHECK(parse_server_key_exchange(hex("03 001d 01 aa 04")).error().is(DtlsErrc::kTruncated));
  CHECK(parse_server_key_exchange(hex("03 001d 01 aa 0403 0001 aa bb")).error().is(DtlsErrc::kTrailingData));
}

TEST_CASE("CertificateRequest round trip and failures", "[dtls][handshake][cr]") {
  auto bytes = hex("02 40 01 0004 0403 0804 0000");
  auto m = parse_certificate_request(bytes);
  REQUIRE(m.ok());
  CHECK(m->certificate_types ==
        std::vector<ClientCertificateType>{ClientCertificateType::kEcdsaSign, ClientCertificateType::kRsaSign});
  CHECK(m->signature_algorithms ==
        std::vector<SignatureScheme>{SignatureScheme::kEcdsaSecp256r1Sha256, SignatureScheme::kRsaPssRsaeSha256});
  CHECK(m->certificate_authorities.empty());
  CHECK(serialize(*m) == bytes);
  auto with_ca = hex("01 40 0002 0403 0005 0003 aabbcc");
  auto ca = parse_certificate_request(with_ca);
  REQUIRE(ca.ok());
  CHECK(ca->certificate_authorities == std::vector<std::vector<uint8_t>>{hex("aabbcc")});
  CHECK(serialize(*ca) == with_ca);
  CHECK(parse_certificate_request(hex("00 0002 0403 0000")).error().is(DtlsErrc::kBadLength));  // no types
  CHECK(parse_certificate_request(hex("01 40 0003 040304 0000")).error().is(DtlsErrc::kBadLength));
  CHECK(parse_certificate_request(hex("01 40 0002 0403 0000 00")).error().is(DtlsErrc::kTrailingData));
  CHECK(parse_certificate_request(hex("01 40 0002 0403 0004 0000 0000")).error().is(DtlsErrc::kBadLength));  // empty DN
}

TEST_CASE("small messages: ServerHelloDone, ClientKeyExchange, CertificateVerify, Finished, Alert",
          "[dtls][handshake]") {
  CHECK(parse_server_hello_done({}).ok());
  CHECK(parse_server_hello_done(hex("00")).error().is(DtlsErrc::kTrailingData));

  auto cke_bytes = hex("20" + repeat("5a", 32));
  auto cke = parse_client_key_exchange(cke_bytes);
  REQUIRE(cke.ok());
  CHECK(cke->public_key.size() == 32);
  CHECK(serialize(*cke) == cke_bytes);
  CHECK(parse_client_key_exchange(hex("00")).error().is(DtlsErrc::kBadLength));
  CHECK(parse_client_key_exchange(hex("02 aa")).error().is(DtlsErrc::kTruncated));
  CHECK(parse_client_key_exchange(hex("01 aa bb")).error().is(DtlsErrc::kTrailingData));

  auto cv_bytes = hex("0403 0004 01020304");
  auto cv = parse_certificate_verify(cv_bytes);
  REQUIRE(cv.ok());
  CHECK(cv->signature_scheme == SignatureScheme::kEcdsaSecp256r1Sha256);
  CHECK(serialize(*cv) == cv_bytes);
  CHECK(parse_certificate_verify(hex("04")).error().is(DtlsErrc::kTruncated));
  CHECK(parse_certificate_verify(hex("0403 0001 01 02")).error().is(DtlsErrc::kTrailingData));

  auto fin_bytes = hex("000102030405060708090a0b");
  auto fin = parse_finished(fin_bytes);
  REQUIRE(fin.ok());
  CHECK(serialize(*fin) == fin_bytes);
  CHECK(parse_finished(hex("0001020304050607080910")).error().is(DtlsErrc::kBadLength));

  auto alert = parse_alert(hex("022a"));
  REQUIRE(alert.ok());
  CHECK(*alert == Alert{AlertLevel::kFatal, AlertDescription::kBadCertificate});
  CHECK(describe(*alert) == "alert fatal bad_certificate (42)");
  std::array<uint8_t, 2> out{};
  serialize_alert(*alert, out);
  CHECK(to_hex(out) == "022a");
  CHECK(parse_alert(hex("03 00")).error().is(DtlsErrc::kBadValue));
  CHECK(parse_alert(hex("01")).error().is(DtlsErrc::kTruncated));
  CHECK(parse_alert(hex("01 00 00")).error().is(DtlsErrc::kTrailingData));
}

TEST_CASE("describe_datagram decodes an unprotected flight", "[dtls][describe]") {
  auto hvr = hex("16 feff 0000 000000000000 0013  03 000007 0000 000000 000007  feff 04 deadbeef");
  std::string text = describe_datagram(hvr);
  CHECK(text.find("record handshake v=feff epoch=0 seq=0 len=19") != std::string::npos);
  CHECK(text.find("handshake hello_verify_request (3) len=7 seq=0 frag=0+7") != std::string::npos);
  CHECK(text.find("cookie: deadbeef") != std::string::npos);
  CHECK(describe_datagram(hex("16 fefd")).find("malformed record") != std::string::npos);
}

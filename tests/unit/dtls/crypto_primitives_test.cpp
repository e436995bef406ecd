// Tests for the crypto primitives DTLS needs: TLS 1.2 PRF, ECDHE, signatures, certificates.
#include <catch2/catch.hpp>

#include <cstring>

#include "common/hex.hpp"
#include "crypto/certificate.hpp"
#include "crypto/ecdh.hpp"
#include "crypto/signature.hpp"
#include "crypto/tls_prf.hpp"
#include "dtls_test_util.hpp"

using namespace tern;
using namespace tern::crypto;
using tern::dtls::test::hex;

namespace {
// An Rng that replays fixed bytes (for RFC vectors that specify private keys).
class FixedRng final : public Rng {
 public:
  explicit FixedRng(std::vector<uint8_t> bytes) : bytes_(std::move(bytes)) {}
  void fill(std::span<uint8_t> out) override {
    for (auto& b : out) b = bytes_[pos_++ % bytes_.size()];
  }

 private:
  std::vector<uint8_t> bytes_;
  size_t pos_ = 0;
};
std::span<const uint8_t> bytes_of(const char* s) { return {reinterpret_cast<const uint8_t*>(s), std::strlen(s)}; }
}  // namespace

TEST_CASE("TLS 1.2 PRF matches the published P_SHA256 / P_SHA384 test vectors", "[crypto][prf]") {
  struct Vector {
    HashAlgorithm hash;
    const char* secret;
    const char* seed;
    const char* output;
  };
  // The widely used TLS 1.2 PRF vectors (label "test label"), also reproduced by OpenSSL's
  // TLS1-PRF KDF.
  const Vector vectors[] = {
      {HashAlgorithm::kSha256, "9bbe436ba940f017b17652849a71db35", "a0ba9f936cda311827a6f796ffd5198c",
       "e3f229ba727be17b8d122620557cd453c2aab21d07c3d495329b52d4e61edb5a6b301791e90d35c9c9a46b4e14baf9af0fa022f7077def17"
       "abfd3797c0564bab4fbc91666e9def9b97fce34f796789baa48082d122ee42c5a72e5a5110fff70187347b66"},
      {HashAlgorithm::kSha384, "b80b733d6ceefcdc71566ea48e5567df", "cd665cf6a8447dd6ff8b27555edb7465",
       "7b0c18e9ced410ed1804f2cfa34a336a1c14dffb4900bb5fd7942107e81c83cde9ca0faa60be9fe34f82b1233c9146a0e534cb400fed2700"
       "884f9dc236f80edd8bfa961144c9e8d792eca722a7b32fc3d416d473ebc2c5fd4abfdad05d9184259b5bf8cd4d90fa0d31e2dec479e4f1a2"
       "6066f2eea9a69236a3e52655c9e9aee691c8f3a26854308d5eaa3be85e0990703d73e56f"},
  };
  for (const auto& v : vectors) {
    auto expected = hex(v.output);
    std::vector<uint8_t> out(expected.size());
    tls12_prf(v.hash, hex(v.secret), "test label", hex(v.seed), out);
    CHECK(to_hex(out) == to_hex(expected));
    // The split-seed form gives the same bytes.
    auto seed = hex(v.seed);
    std::vector<uint8_t> split(expected.size());
    tls12_prf(v.hash, hex(v.secret), "test label", std::span(seed).first(5), std::span(seed).subspan(5), split);
    CHECK(split == expected);
  }
}

TEST_CASE("X25519 reproduces RFC 7748 §6.1", "[crypto][ecdh]") {
  FixedRng alice_rng(hex("77076d0a7318a57d3c16c17251b26645df4c2f87ebc0992ab177fba51db92c2a"));
  FixedRng bob_rng(hex("5dab087e624a8a4b79e17f8b83800ee66f3bb1292618b6fd1c2f8b27ff88e0eb"));
  auto alice = EcdhPrivateKey::generate(EcdhGroup::kX25519, alice_rng);
  auto bob = EcdhPrivateKey::generate(EcdhGroup::kX25519, bob_rng);
  CHECK(to_hex(alice.public_key()) == "8520f0098930a754748b7ddcb43ef75a0dbf3a0d26381af4eba4a98eaa9b4e6a");
  CHECK(to_hex(bob.public_key()) == "de9edb7d7b7dc1b4d35b61c2ece435373f8343c85b78674dadfc7e146f882b4f");
  auto k1 = alice.derive(bob.public_key());
  auto k2 = bob.derive(alice.public_key());
  REQUIRE(k1.ok());
  REQUIRE(k2.ok());
  CHECK(to_hex(*k1) == "4a5d9d5ba4ce2de1728e3bf480350f25e07e21c947d19e3376f09b3c1e161742");
  CHECK(*k1 == *k2);
}

TEST_CASE("P-256 ECDH agrees and is deterministic from the Rng", "[crypto][ecdh]") {
  SeededRng r1(1), r2(2), r1_again(1);
  auto a = EcdhPrivateKey::generate(EcdhGroup::kP256, r1);
  auto b = EcdhPrivateKey::generate(EcdhGroup::kP256, r2);
  auto a_again = EcdhPrivateKey::generate(EcdhGroup::kP256, r1_again);
  CHECK(a.public_key().size() == 65);
  CHECK(a.public_key()[0] == 0x04);
  CHECK(std::equal(a.public_key().begin(), a.public_key().end(), a_again.public_key().begin()));
  auto k1 = a.derive(b.public_key());
  auto k2 = b.derive(a.public_key());
  REQUIRE(k1.ok());
  REQUIRE(k2.ok());
  CHECK(k1->size() == 32);
  CHECK(*k1 == *k2);
}

TEST_CASE("ECDH rejects bad peer keys", "[crypto][ecdh]") {
  SeededRng rng(3);
  auto x = EcdhPrivateKey::generate(EcdhGroup::kX25519, rng);
  auto p = EcdhPrivateKey::generate(EcdhGroup::kP256, rng);
  std::vector<uint8_t> not_on_curve(65, 0x01);
  not_on_curve[0] = 0x04;
  std::vector<uint8_t> compressed(p.public_key().begin(), p.public_key().begin() + 33);
  compressed[0] = 0x02;
  struct Case {
    const EcdhPrivateKey* key;
    std::vector<uint8_t> peer;
    CryptoErrc code;
  };
  const Case cases[] = {
      {&x, std::vector<uint8_t>(31, 9), CryptoErrc::kBadKeyLength},
      {&x, std::vector<uint8_t>(32, 0), CryptoErrc::kOpenSsl},  // small-order point: all-zero secret
      {&p, std::vector<uint8_t>(64, 4), CryptoErrc::kBadKeyLength},
      {&p, compressed, CryptoErrc::kBadKeyLength},
      {&p, not_on_curve, CryptoErrc::kOpenSsl},
  };
  for (const auto& c : cases) {
    auto r = c.key->derive(c.peer);
    REQUIRE_FALSE(r.ok());
    CHECK(r.error().is(c.code));
  }
}

TEST_CASE("ECDSA and RSA signatures round-trip and reject tampering", "[crypto][signature]") {
  SeededRng rng(4);
  auto ec = PrivateKey::generate_ecdsa_p256(rng);
  const auto& rsa = dtls::test::shared_rsa_identity().key;
  CHECK(ec.type() == KeyType::kEcdsaP256);
  CHECK(rsa.type() == KeyType::kRsa);
  auto msg = bytes_of("client_random server_random params");
  struct Case {
    const PrivateKey* key;
    SignatureAlgorithm algorithm;
  };
  const Case cases[] = {
      {&ec, {SignatureKind::kEcdsa, HashAlgorithm::kSha256}},
      {&ec, {SignatureKind::kEcdsa, HashAlgorithm::kSha384}},
      {&rsa, {SignatureKind::kRsaPkcs1, HashAlgorithm::kSha256}},
      {&rsa, {SignatureKind::kRsaPss, HashAlgorithm::kSha256}},
      {&rsa, {SignatureKind::kRsaPss, HashAlgorithm::kSha384}},
  };
  for (const auto& c : cases) {
    auto sig = c.key->sign(c.algorithm, msg);
    REQUIRE(sig.ok());
    PublicKey pub = c.key->public_key();
    CHECK(pub.verify(c.algorithm, msg, *sig));
    std::vector<uint8_t> other(msg.begin(), msg.end());
    other[0] ^= 1;
    CHECK_FALSE(pub.verify(c.algorithm, other, *sig));
    auto bad = *sig;
    bad[bad.size() / 2] ^= 0x40;
    CHECK_FALSE(pub.verify(c.algorithm, msg, bad));
    // Same key, wrong hash.
    SignatureAlgorithm wrong_hash = c.algorithm;
    wrong_hash.hash = c.algorithm.hash == HashAlgorithm::kSha256 ? HashAlgorithm::kSha512 : HashAlgorithm::kSha256;
    CHECK_FALSE(pub.verify(wrong_hash, msg, *sig));
  }
  // Key / algorithm mismatch.
  auto r = ec.sign({SignatureKind::kRsaPss, HashAlgorithm::kSha256}, msg);
  REQUIRE_FALSE(r.ok());
  CHECK(r.error().is(CryptoErrc::kUnsupported));
  auto ec_sig = ec.sign({SignatureKind::kEcdsa, HashAlgorithm::kSha256}, msg).value();
  CHECK_FALSE(rsa.public_key().verify({SignatureKind::kEcdsa, HashAlgorithm::kSha256}, msg, ec_sig));
}

TEST_CASE("PrivateKey PKCS#8 DER round-trips", "[crypto][signature]") {
  SeededRng rng(5);
  auto key = PrivateKey::generate_ecdsa_p256(rng);
  auto der = key.serialize_der();
  auto parsed = PrivateKey::parse_der(der);
  REQUIRE(parsed.ok());
  CHECK(parsed->type() == KeyType::kEcdsaP256);
  CHECK(parsed->public_key().spki_der() == key.public_key().spki_der());
  auto bad = PrivateKey::parse_der(hex("3003020100"));
  REQUIRE_FALSE(bad.ok());
  CHECK(bad.error().is(CryptoErrc::kOpenSsl));
}

TEST_CASE("self-signed certificates: generate, parse, fingerprint", "[crypto][certificate]") {
  SeededRng rng(6);
  auto key = PrivateKey::generate_ecdsa_p256(rng);
  auto cert = Certificate::generate_self_signed(key, "tern-test", rng, 1700000000, 1800000000);
  REQUIRE(cert.ok());
  CHECK(cert->subject() == "CN=tern-test");
  CHECK(cert->public_key().type() == KeyType::kEcdsaP256);
  CHECK(cert->public_key().spki_der() == key.public_key().spki_der());
  auto parsed = Certificate::parse(cert->der());
  REQUIRE(parsed.ok());
  CHECK(std::equal(parsed->der().begin(), parsed->der().end(), cert->der().begin(), cert->der().end()));
  CHECK(parsed->subject() == "CN=tern-test");
  // The fingerprint is the hash of the DER (RFC 8122 §5).
  Digest fp = cert->fingerprint(HashAlgorithm::kSha256);
  CHECK(fp == hash(HashAlgorithm::kSha256, cert->der()));
  CHECK(cert->fingerprint(HashAlgorithm::kSha1).size == 20);
  const auto& rsa_cert = dtls::test::shared_rsa_identity().certificate;
  CHECK(rsa_cert.public_key().type() == KeyType::kRsa);
  CHECK(rsa_cert.public_key().bits() == 2048);
}

TEST_CASE("Certificate::parse failure table", "[crypto][certificate]") {
  SeededRng rng(7);
  auto key = PrivateKey::generate_ecdsa_p256(rng);
  auto cert = Certificate::generate_self_signed(key, "x", rng, 0, 1000).value();
  std::vector<uint8_t> der(cert.der().begin(), cert.der().end());
  std::vector<uint8_t> truncated(der.begin(), der.end() - 1);
  std::vector<uint8_t> trailing = der;
  trailing.push_back(0);
  std::vector<uint8_t> garbage = hex("0102030405");
  for (const auto& input : {std::vector<uint8_t>{}, truncated, trailing, garbage}) {
    auto r = Certificate::parse(input);
    REQUIRE_FALSE(r.ok());
    CHECK(r.error().is(CryptoErrc::kOpenSsl));
  }
}

TEST_CASE("Fingerprint parses and prints the SDP form", "[crypto][certificate]") {
  SeededRng rng(8);
  auto key = PrivateKey::generate_ecdsa_p256(rng);
  auto cert = Certificate::generate_self_signed(key, "x", rng, 0, 1000).value();
  Fingerprint fp = Fingerprint::of(cert, HashAlgorithm::kSha256);
  std::string text = fp.to_string();
  REQUIRE(text.rfind("sha-256 ", 0) == 0);
  CHECK(text.size() == 8 + 32 * 3 - 1);
  auto parsed = Fingerprint::parse("SHA-256", text.substr(8));
  REQUIRE(parsed.ok());
  CHECK(*parsed == fp);
  CHECK(parsed->matches(cert));
  auto other = Certificate::generate_self_signed(key, "y", rng, 0, 1000).value();
  CHECK_FALSE(parsed->matches(other));

  auto unknown = Fingerprint::parse("sha-3", "AB");
  REQUIRE_FALSE(unknown.ok());
  CHECK(unknown.error().is(CryptoErrc::kUnsupported));
  auto bad_hex = Fingerprint::parse("sha-1", "ZZ");
  REQUIRE_FALSE(bad_hex.ok());
  CHECK(bad_hex.error().is(HexErrc::kBadDigit));
  auto short_fp = Fingerprint::parse("sha-1", "AB:CD");
  REQUIRE_FALSE(short_fp.ok());
  CHECK(short_fp.error().is(CryptoErrc::kBadKeyLength));
}

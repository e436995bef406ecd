// RFC 5246 §6.3 / §8.1, RFC 7627 §4, RFC 5705 §4 and RFC 5764 §4.2 derivations.
#include <catch2/catch.hpp>

#include "crypto/tls_prf.hpp"
#include "dtls/errc.hpp"
#include "dtls/key_schedule.hpp"
#include "dtls/use_srtp.hpp"
#include "dtls_test_util.hpp"

using namespace tern;
using namespace tern::dtls;
using tern::dtls::test::hex;

namespace {
Random filled(uint8_t v) {
  Random r;
  r.fill(v);
  return r;
}
}  // namespace

TEST_CASE("master secrets are the PRF with the RFC labels and seeds", "[dtls][keys]") {
  auto pms = hex("0102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f20");
  Random cr = filled(0xc1), sr = filled(0x5e);
  MasterSecret ms = compute_master_secret(crypto::HashAlgorithm::kSha256, pms, cr, sr);
  std::vector<uint8_t> seed(cr.begin(), cr.end());
  seed.insert(seed.end(), sr.begin(), sr.end());
  std::vector<uint8_t> expected(48);
  crypto::tls12_prf(crypto::HashAlgorithm::kSha256, pms, "master secret", seed, expected);
  CHECK(std::equal(ms.begin(), ms.end(), expected.begin()));

  crypto::Digest session_hash = crypto::hash(crypto::HashAlgorithm::kSha384, hex("00"));
  MasterSecret ems = compute_extended_master_secret(crypto::HashAlgorithm::kSha384, pms, session_hash);
  crypto::tls12_prf(crypto::HashAlgorithm::kSha384, pms, "extended master secret", session_hash.view(), expected);
  CHECK(std::equal(ems.begin(), ems.end(), expected.begin()));
  CHECK(ems != ms);
}

TEST_CASE("key block layout: keys then IVs, server_random first in the seed", "[dtls][keys]") {
  MasterSecret ms{};
  ms.fill(0x4d);
  Random cr = filled(1), sr = filled(2);
  for (const auto& suite : supported_cipher_suites()) {
    KeyBlock kb = derive_key_block(suite, ms, cr, sr);
    size_t total = 2 * suite.key_size + 2 * suite.fixed_iv_size;
    std::vector<uint8_t> block(total);
    std::vector<uint8_t> seed(sr.begin(), sr.end());
    seed.insert(seed.end(), cr.begin(), cr.end());
    crypto::tls12_prf(suite.prf_hash, ms, "key expansion", seed, block);
    std::vector<uint8_t> joined = kb.client_write_key;
    joined.insert(joined.end(), kb.server_write_key.begin(), kb.server_write_key.end());
    joined.insert(joined.end(), kb.client_write_iv.begin(), kb.client_write_iv.end());
    joined.insert(joined.end(), kb.server_write_iv.begin(), kb.server_write_iv.end());
    CHECK(joined == block);
    CHECK(kb.client_write_iv.size() == suite.fixed_iv_size);
  }
}

TEST_CASE("verify_data uses the finished labels", "[dtls][keys]") {
  MasterSecret ms{};
  ms.fill(9);
  crypto::Digest h = crypto::hash(crypto::HashAlgorithm::kSha256, hex("aa"));
  auto client = compute_verify_data(crypto::HashAlgorithm::kSha256, ms, true, h);
  auto server = compute_verify_data(crypto::HashAlgorithm::kSha256, ms, false, h);
  std::vector<uint8_t> expected(12);
  crypto::tls12_prf(crypto::HashAlgorithm::kSha256, ms, "client finished", h.view(), expected);
  CHECK(std::equal(client.begin(), client.end(), expected.begin()));
  CHECK(client != server);
}

TEST_CASE("RFC 5705 exporter: context handling and refusals", "[dtls][keys][exporter]") {
  MasterSecret ms{};
  ms.fill(0x33);
  Random cr = filled(1), sr = filled(2);
  auto h = crypto::HashAlgorithm::kSha256;
  auto none = export_keying_material(h, ms, cr, sr, kSrtpExporterLabel, std::nullopt, 60);
  REQUIRE(none.ok());
  CHECK(none->size() == 60);
  std::vector<uint8_t> seed(cr.begin(), cr.end());
  seed.insert(seed.end(), sr.begin(), sr.end());
  std::vector<uint8_t> expected(60);
  crypto::tls12_prf(h, ms, "EXTRACTOR-dtls_srtp", seed, expected);
  CHECK(*none == expected);
  // RFC 5705 §4: an empty context is not the same as no context.
  std::span<const uint8_t> empty;
  auto with_empty = export_keying_material(h, ms, cr, sr, kSrtpExporterLabel, empty, 60);
  REQUIRE(with_empty.ok());
  CHECK(*with_empty != *none);
  seed.push_back(0);
  seed.push_back(0);
  crypto::tls12_prf(h, ms, "EXTRACTOR-dtls_srtp", seed, expected);
  CHECK(*with_empty == expected);

  for (const char* reserved : {"client finished", "server finished", "master secret", "key expansion"}) {
    auto r = export_keying_material(h, ms, cr, sr, reserved, std::nullopt, 16);
    REQUIRE_FALSE(r.ok());
    CHECK(r.error().is(DtlsErrc::kBadValue));
  }
  auto big = export_keying_material(h, ms, cr, sr, "EXPORTER-x", std::nullopt, kMaxExportLength + 1);
  REQUIRE_FALSE(big.ok());
  CHECK(big.error().is(DtlsErrc::kTooLarge));
}

TEST_CASE("SRTP keying material layout (RFC 5764 §4.2) and profile table", "[dtls][keys][srtp]") {
  struct Case {
    SrtpProfile profile;
    size_t key;
    size_t salt;
  };
  const Case cases[] = {
      {SrtpProfile::kAes128CmHmacSha1_80, 16, 14},
      {SrtpProfile::kAes128CmHmacSha1_32, 16, 14},
      {SrtpProfile::kAeadAes128Gcm, 16, 12},
      {SrtpProfile::kAeadAes256Gcm, 32, 12},
  };
  for (const auto& c : cases) {
    const SrtpProfileInfo* info = find_srtp_profile(static_cast<uint16_t>(c.profile));
    REQUIRE(info);
    CHECK(info->master_key_size == c.key);
    CHECK(info->master_salt_size == c.salt);
    size_t n = srtp_keying_material_size(*info);
    CHECK(n == 2 * (c.key + c.salt));
    std::vector<uint8_t> exported(n);
    for (size_t i = 0; i < n; ++i) exported[i] = static_cast<uint8_t>(i);
    auto m = split_srtp_keying_material(*info, exported);
    CHECK(m.profile == c.profile);
    CHECK(m.client_write_key.front() == 0);
    CHECK(m.server_write_key.front() == c.key);
    CHECK(m.client_write_salt.front() == 2 * c.key);
    CHECK(m.server_write_salt.front() == 2 * c.key + c.salt);
    CHECK(m.server_write_salt.back() == n - 1);
  }
  CHECK(find_srtp_profile(0x0003) == nullptr);
  CHECK(std::string(srtp_profile_name(0x0008)) == "SRTP_AEAD_AES_256_GCM");
}

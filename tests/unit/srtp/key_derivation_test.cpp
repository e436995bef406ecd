#include <catch2/catch.hpp>

#include "srtp/errc.hpp"
#include "srtp/key_derivation.hpp"
#include "test_util.hpp"

using namespace tern::srtp;
using tern::srtp::test::hex;

// RFC 3711 Appendix B.3, verbatim.
static const char* kMasterKey = "E1F97A0D3E018BE0D64FA32C06DE4139";
static const char* kMasterSalt = "0EC675AD498AFEEBB6960B3AABE6";

TEST_CASE("RFC 3711 B.3: key derivation test vectors", "[srtp][kdf]") {
  auto kdf = KeyDerivation::create(hex(kMasterKey), hex(kMasterSalt));
  REQUIRE(kdf.ok());

  std::vector<uint8_t> cipher_key(16);
  kdf->derive(KdfLabel::kRtpEncryption, cipher_key);
  CHECK(cipher_key == hex("C61E7A93744F39EE10734AFE3FF7A087"));

  // The full AES-CM output block, then the 14-octet salt taken from it.
  std::vector<uint8_t> salt_block(16);
  kdf->derive(KdfLabel::kRtpSalt, salt_block);
  CHECK(salt_block == hex("30CBBC08863D8C85D49DB34A9AE17AC6"));
  std::vector<uint8_t> cipher_salt(14);
  kdf->derive(KdfLabel::kRtpSalt, cipher_salt);
  CHECK(cipher_salt == hex("30CBBC08863D8C85D49DB34A9AE1"));

  // The 94-octet auth key of the walkthrough (SRTP's HMAC-SHA1 uses its first 20 octets).
  std::vector<uint8_t> auth_key(94);
  kdf->derive(KdfLabel::kRtpAuthentication, auth_key);
  CHECK(auth_key == hex("CEBE321F6FF7716B6FD4AB49AF256A15"
                        "6D38BAA48F0A0ACF3C34E2359E6CDBCE"
                        "E049646C43D9327AD175578EF7227098"
                        "6371C10C9A369AC2F94A8C5FBCDDDC25"
                        "6D6E919A48B610EF17C2041E47403576"
                        "6B68642C59BBFC2F34DB60DBDFB2"));
}

TEST_CASE("derive_session_keys: profile sizes, B.3 values for RTP", "[srtp][kdf]") {
  auto keys = derive_session_keys(SrtpProfile::kAes128CmHmacSha1_80, hex(kMasterKey), hex(kMasterSalt));
  REQUIRE(keys.ok());
  CHECK(keys->rtp.cipher_key == hex("C61E7A93744F39EE10734AFE3FF7A087"));
  CHECK(keys->rtp.salt == hex("30CBBC08863D8C85D49DB34A9AE1"));
  CHECK(keys->rtp.auth_key == hex("CEBE321F6FF7716B6FD4AB49AF256A156D38BAA4"));
  // SRTCP keys use labels 3..5, so they differ from the SRTP ones.
  CHECK(keys->rtcp.cipher_key.size() == 16);
  CHECK(keys->rtcp.salt.size() == 14);
  CHECK(keys->rtcp.auth_key.size() == 20);
  CHECK(keys->rtcp.cipher_key != keys->rtp.cipher_key);
  CHECK(keys->rtcp.salt != keys->rtp.salt);
  CHECK(keys->rtcp.auth_key != keys->rtp.auth_key);

  auto gcm = derive_session_keys(SrtpProfile::kAeadAes256Gcm, std::vector<uint8_t>(32, 7), std::vector<uint8_t>(12, 9));
  REQUIRE(gcm.ok());
  CHECK(gcm->rtp.cipher_key.size() == 32);
  CHECK(gcm->rtp.salt.size() == 12);
  CHECK(gcm->rtp.auth_key.empty());
}

TEST_CASE("derive_session_keys: wrong master key or salt sizes", "[srtp][kdf]") {
  struct Row {
    SrtpProfile profile;
    size_t key, salt;
  };
  const Row rows[] = {
      {SrtpProfile::kAes128CmHmacSha1_80, 15, 14}, {SrtpProfile::kAes128CmHmacSha1_80, 16, 12},
      {SrtpProfile::kAes128CmHmacSha1_32, 32, 14}, {SrtpProfile::kAeadAes128Gcm, 16, 14},
      {SrtpProfile::kAeadAes256Gcm, 16, 12},       {SrtpProfile::kAeadAes256Gcm, 32, 0},
  };
  for (const Row& r : rows) {
    auto keys = derive_session_keys(r.profile, std::vector<uint8_t>(r.key), std::vector<uint8_t>(r.salt));
    REQUIRE_FALSE(keys.ok());
    CHECK(keys.error().is(SrtpErrc::kBadConfig));
  }
  CHECK(KeyDerivation::create(std::vector<uint8_t>(20), std::vector<uint8_t>(14)).error().is(SrtpErrc::kBadConfig));
  CHECK(KeyDerivation::create(std::vector<uint8_t>(16), std::vector<uint8_t>(15)).error().is(SrtpErrc::kBadConfig));
}

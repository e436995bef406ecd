#include <catch2/catch.hpp>

#include "srtp/profile.hpp"

using namespace tern::srtp;

TEST_CASE("profiles: RFC 5764 / RFC 7714 names, IDs and lengths", "[srtp][profile]") {
  struct Row {
    SrtpProfile profile;
    uint16_t id;
    const char* name;
    bool aead;
    size_t key, salt, auth_key, rtp_tag, rtcp_tag;
  };
  const Row rows[] = {
      {SrtpProfile::kAes128CmHmacSha1_80, 0x0001, "SRTP_AES128_CM_HMAC_SHA1_80", false, 16, 14, 20, 10, 10},
      {SrtpProfile::kAes128CmHmacSha1_32, 0x0002, "SRTP_AES128_CM_HMAC_SHA1_32", false, 16, 14, 20, 4, 10},
      {SrtpProfile::kAeadAes128Gcm, 0x0007, "SRTP_AEAD_AES_128_GCM", true, 16, 12, 0, 16, 16},
      {SrtpProfile::kAeadAes256Gcm, 0x0008, "SRTP_AEAD_AES_256_GCM", true, 32, 12, 0, 16, 16},
  };
  for (const Row& r : rows) {
    INFO(r.name);
    const SrtpProfileParams& p = profile_params(r.profile);
    CHECK(static_cast<uint16_t>(r.profile) == r.id);
    CHECK(p.name == r.name);
    CHECK(p.aead == r.aead);
    CHECK(p.master_key_size == r.key);
    CHECK(p.master_salt_size == r.salt);
    CHECK(p.session_salt_size == r.salt);
    CHECK(p.auth_key_size == r.auth_key);
    CHECK(p.rtp_tag_size == r.rtp_tag);
    CHECK(p.rtcp_tag_size == r.rtcp_tag);
    REQUIRE(profile_from_id(r.id).has_value());
    CHECK(*profile_from_id(r.id) == r.profile);
    REQUIRE(profile_from_name(r.name).has_value());
    CHECK(*profile_from_name(r.name) == r.profile);
  }
}

TEST_CASE("profiles: unknown IDs and names", "[srtp][profile]") {
  for (uint16_t id : {0x0000, 0x0003, 0x0005, 0x0006, 0x0009, 0xffff}) CHECK_FALSE(profile_from_id(id).has_value());
  for (const char* name : {"", "AES_CM_128_HMAC_SHA1_80", "srtp_aes128_cm_hmac_sha1_80", "SRTP_NULL_HMAC_SHA1_80"})
    CHECK_FALSE(profile_from_name(name).has_value());
}

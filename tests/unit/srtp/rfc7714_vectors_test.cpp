#include <catch2/catch.hpp>

#include "srtp/transform.hpp"
#include "test_util.hpp"

using namespace tern::srtp;
using tern::srtp::test::hex;

// RFC 7714 §16 and §17, verbatim. Every vector uses the same session key (00 01 ... 0f, or
// 00 ... 1f for AES-256) and salt ("Quid pro quo"); §16 packets have SSRC 5501a0b2, SEQ f17b and
// ROC 0, §17 packets SRTCP index 000005d4.
namespace {
const char* kKey128 = "00 01 02 03 04 05 06 07 08 09 0a 0b 0c 0d 0e 0f";
const char* kKey256 = "00 01 02 03 04 05 06 07 08 09 0a 0b 0c 0d 0e 0f 10 11 12 13 14 15 16 17 18 19 1a 1b 1c 1d 1e 1f";
const char* kSalt = "51756964 2070726f 2071756f";
constexpr uint32_t kRtpSsrc = 0x5501a0b2;
constexpr uint64_t kRtpIndex = 0xf17b;  // ROC 0, SEQ f17b
constexpr uint32_t kSrtcpIndex = 0x000005d4;

const char* kRtpPacket =
    "8040f17b 8041f8d3 5501a0b2 47616c6c"
    "69612065 7374206f 6d6e6973 20646976"
    "69736120 696e2070 61727465 73207472"
    "6573";
const char* kRtpPayload =
    "47616c6c 69612065 7374206f 6d6e6973"
    "20646976 69736120 696e2070 61727465"
    "73207472 6573";
const char* kRtcpPacket =
    "81c8000d 4d617273 4e545031 4e545032"
    "52545020 0000042a 0000e930 4c756e61"
    "deadbeef deadbeef deadbeef deadbeef"
    "deadbeef";

SrtpTransform transform(SrtpProfile profile) {
  DirectionKeys keys;
  keys.rtp.cipher_key = hex(profile == SrtpProfile::kAeadAes128Gcm ? kKey128 : kKey256);
  keys.rtp.salt = hex(kSalt);
  keys.rtcp = keys.rtp;
  auto t = SrtpTransform::create(profile, keys);
  REQUIRE(t.ok());
  return std::move(*t);
}

std::vector<uint8_t> protect_rtp(SrtpProfile profile, bool encrypt) {
  auto t = transform(profile);
  auto packet = hex(kRtpPacket);
  packet.resize(packet.size() + t.rtp_tag_size());
  t.protect_rtp(packet, 12, kRtpSsrc, kRtpIndex, encrypt);
  return packet;
}

std::vector<uint8_t> protect_rtcp(SrtpProfile profile, bool encrypt) {
  auto t = transform(profile);
  auto packet = hex(kRtcpPacket);
  packet.resize(packet.size() + t.rtcp_overhead());
  t.protect_rtcp(packet, kSrtcpIndex, encrypt);
  return packet;
}
}  // namespace

TEST_CASE("RFC 7714 §16.1.1 / §16.2.1: SRTP AEAD encryption", "[srtp][rfc7714]") {
  CHECK(protect_rtp(SrtpProfile::kAeadAes128Gcm, true) == hex("8040f17b 8041f8d3 5501a0b2 f24de3a3"
                                                              "fb34de6c acba861c 9d7e4bca be633bd5"
                                                              "0d294e6f 42a5f47a 51c7d19b 36de3adf"
                                                              "8833899d 7f27beb1 6a9152cf 765ee439"
                                                              "0cce"));
  CHECK(protect_rtp(SrtpProfile::kAeadAes256Gcm, true) == hex("8040f17b 8041f8d3 5501a0b2 32b1de78"
                                                              "a822fe12 ef9f78fa 332e33aa b1801238"
                                                              "9a58e2f3 b50b2a02 76ffae0f 1ba63799"
                                                              "b87b7aa3 db36dfff d6b0f9bb 7878d7a7"
                                                              "6c13"));
}

TEST_CASE("RFC 7714 §16.1.2 / §16.2.2: SRTP AEAD decryption", "[srtp][rfc7714]") {
  struct Row {
    SrtpProfile profile;
    const char* protected_packet;
  };
  const Row rows[] = {
      {SrtpProfile::kAeadAes128Gcm,
       "8040f17b 8041f8d3 5501a0b2 f24de3a3 fb34de6c acba861c 9d7e4bca be633bd5"
       "0d294e6f 42a5f47a 51c7d19b 36de3adf 8833899d 7f27beb1 6a9152cf 765ee439 0cce"},
      {SrtpProfile::kAeadAes256Gcm,
       "8040f17b 8041f8d3 5501a0b2 32b1de78 a822fe12 ef9f78fa 332e33aa b1801238"
       "9a58e2f3 b50b2a02 76ffae0f 1ba63799 b87b7aa3 db36dfff d6b0f9bb 7878d7a7 6c13"},
  };
  for (const Row& r : rows) {
    auto t = transform(r.profile);
    auto packet = hex(r.protected_packet);
    auto original = packet;
    REQUIRE(t.unprotect_rtp(packet, 12, kRtpSsrc, kRtpIndex, true));
    packet.resize(packet.size() - 16);
    CHECK(std::vector<uint8_t>(packet.begin(), packet.begin() + 12) == hex("8040f17b 8041f8d3 5501a0b2"));
    CHECK(std::vector<uint8_t>(packet.begin() + 12, packet.end()) == hex(kRtpPayload));
    // Any flipped bit (header, ciphertext, tag) and the tag no longer verifies.
    for (size_t at : {size_t{1}, size_t{12}, size_t{30}, original.size() - 1}) {
      auto tampered = original;
      tampered[at] ^= 0x01;
      CHECK_FALSE(t.unprotect_rtp(tampered, 12, kRtpSsrc, kRtpIndex, true));
    }
    // The wrong ROC gives the wrong IV.
    auto again = original;
    CHECK_FALSE(t.unprotect_rtp(again, 12, kRtpSsrc, kRtpIndex | (uint64_t{1} << 16), true));
  }
}

TEST_CASE("RFC 7714 §16.1.3-4 / §16.2.3-4: SRTP AEAD tagging only", "[srtp][rfc7714]") {
  const char* tagged128 =
      "8040f17b 8041f8d3 5501a0b2 47616c6c 69612065 7374206f 6d6e6973 20646976"
      "69736120 696e2070 61727465 73207472 65732249 3f82d2bc e397e9d7 9e3b19aa 4216";
  const char* tagged256 =
      "8040f17b 8041f8d3 5501a0b2 47616c6c 69612065 7374206f 6d6e6973 20646976"
      "69736120 696e2070 61727465 73207472 6573a866 d5910f88 7463067c eefec452 15d4";
  CHECK(protect_rtp(SrtpProfile::kAeadAes128Gcm, false) == hex(tagged128));
  CHECK(protect_rtp(SrtpProfile::kAeadAes256Gcm, false) == hex(tagged256));
  for (auto [profile, text] : {std::pair{SrtpProfile::kAeadAes128Gcm, tagged128},
                               std::pair{SrtpProfile::kAeadAes256Gcm, tagged256}}) {
    auto t = transform(profile);
    auto packet = hex(text);
    REQUIRE(t.unprotect_rtp(packet, 12, kRtpSsrc, kRtpIndex, false));
    packet.resize(packet.size() - 16);
    CHECK(packet == hex(kRtpPacket));
    auto tampered = hex(text);
    tampered[20] ^= 0x80;
    CHECK_FALSE(t.unprotect_rtp(tampered, 12, kRtpSsrc, kRtpIndex, false));
  }
}

TEST_CASE("RFC 7714 §17.1: SRTCP AEAD_AES_128_GCM encryption and tagging", "[srtp][rfc7714]") {
  const auto expected = hex(
      "81c8000d 4d617273 63e94885 dcdab67c a727d766 2f6b7e99 7ff5c0f7 6c06f32d"
      "c676a5f1 730d6fda 4ce09b46 86303ded 0bb9275b c84aa458 96cf4d2f c5abf872"
      "45d9eade 800005d4");
  auto packet = protect_rtcp(SrtpProfile::kAeadAes128Gcm, true);
  CHECK(packet == expected);
  auto t = transform(SrtpProfile::kAeadAes128Gcm);
  CHECK(t.srtcp_word(packet) == 0x800005d4);
  REQUIRE(t.unprotect_rtcp(packet));
  packet.resize(packet.size() - t.rtcp_overhead());
  CHECK(packet == hex(kRtcpPacket));
}

TEST_CASE("RFC 7714 §17.2: SRTCP AEAD_AES_256_GCM verification and decryption", "[srtp][rfc7714]") {
  const auto protected_packet = hex(
      "81c8000d 4d617273 d50ae4d1 f5ce5d30 4ba297e4 7d470c28 2c3ece5d bffe0a50"
      "a2eaa5c1 110555be 8415f658 c61de047 6f1b6fad 1d1eb30c 4446839f 57ff6f6c"
      "b26ac3be 800005d4");
  auto t = transform(SrtpProfile::kAeadAes256Gcm);
  auto packet = protected_packet;
  REQUIRE(t.unprotect_rtcp(packet));
  packet.resize(packet.size() - t.rtcp_overhead());
  CHECK(packet == hex(kRtcpPacket));
  CHECK(protect_rtcp(SrtpProfile::kAeadAes256Gcm, true) == protected_packet);
  // The E||index word is authenticated: clearing E (or changing the index) breaks the tag.
  auto tampered = protected_packet;
  tampered[tampered.size() - 4] ^= 0x80;
  CHECK_FALSE(t.unprotect_rtcp(tampered));
  tampered = protected_packet;
  tampered[tampered.size() - 1] ^= 0x01;
  CHECK_FALSE(t.unprotect_rtcp(tampered));
}

TEST_CASE("RFC 7714 §17.3 / §17.4: SRTCP AEAD tagging only (E = 0)", "[srtp][rfc7714]") {
  const auto tagged128 = hex(
      "81c8000d 4d617273 4e545031 4e545032 52545020 0000042a 0000e930 4c756e61"
      "deadbeef deadbeef deadbeef deadbeef deadbeef 841dd968 3dd78ec9 2ae58790"
      "125f62b3 000005d4");
  const auto tagged256 = hex(
      "81c8000d 4d617273 4e545031 4e545032 52545020 0000042a 0000e930 4c756e61"
      "deadbeef deadbeef deadbeef deadbeef deadbeef 91db4afb feee5a97 8fab4393"
      "ed2615fe 000005d4");
  CHECK(protect_rtcp(SrtpProfile::kAeadAes128Gcm, false) == tagged128);
  CHECK(protect_rtcp(SrtpProfile::kAeadAes256Gcm, false) == tagged256);
  for (auto [profile, tagged] : {std::pair{SrtpProfile::kAeadAes128Gcm, tagged128},
                                 std::pair{SrtpProfile::kAeadAes256Gcm, tagged256}}) {
    auto t = transform(profile);
    auto packet = tagged;
    CHECK(t.srtcp_word(packet) == 0x000005d4);
    REQUIRE(t.unprotect_rtcp(packet));
    packet.resize(packet.size() - t.rtcp_overhead());
    CHECK(packet == hex(kRtcpPacket));
    auto tampered = tagged;
    tampered[40] ^= 0x01;  // the (unencrypted) report body is authenticated
    CHECK_FALSE(t.unprotect_rtcp(tampered));
  }
}

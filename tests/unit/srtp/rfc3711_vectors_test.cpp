#include <catch2/catch.hpp>

#include <algorithm>
#include <array>

#include "common/byte_reader.hpp"
#include "crypto/aes_ctr.hpp"
#include "srtp/transform.hpp"
#include "test_util.hpp"

using namespace tern::srtp;
using tern::srtp::test::hex;

namespace {
// RFC 3711 Appendix B.2, verbatim.
const char* kSessionKey = "2B7E151628AED2A6ABF7158809CF4F3C";
const char* kSessionSalt = "F0F1F2F3F4F5F6F7F8F9FAFBFCFD";  // shown "already shifted" as ...FCFD0000
constexpr size_t kSegmentLength = 1044512;                // octets (65282 AES blocks)

struct Block {
  size_t number;
  const char* counter;
  const char* keystream;
};
const Block kBlocks[] = {
    {0x0000, "F0F1F2F3F4F5F6F7F8F9FAFBFCFD0000", "E03EAD0935C95E80E166B16DD92B4EB4"},
    {0x0001, "F0F1F2F3F4F5F6F7F8F9FAFBFCFD0001", "D23513162B02D0F72A43A2FE4A5F97AB"},
    {0x0002, "F0F1F2F3F4F5F6F7F8F9FAFBFCFD0002", "41E95B3BB0A2E8DD477901E4FCA894C0"},
    {0xFEFF, "F0F1F2F3F4F5F6F7F8F9FAFBFCFDFEFF", "EC8CDF7398607CB0F2D21675EA9EA1E4"},
    {0xFF00, "F0F1F2F3F4F5F6F7F8F9FAFBFCFDFF00", "362B7C3C6773516318A077D7FC5073AE"},
    {0xFF01, "F0F1F2F3F4F5F6F7F8F9FAFBFCFDFF01", "6A2CC3787889374FBEB4C81B17BA6C44"},
};

std::vector<uint8_t> block_of(const std::vector<uint8_t>& stream, size_t number) {
  return {stream.begin() + static_cast<long>(number * 16), stream.begin() + static_cast<long>(number * 16 + 16)};
}
}  // namespace

TEST_CASE("RFC 3711 B.2: AES-CM keystream", "[srtp][aes-cm]") {
  tern::crypto::AesCtr ctr(hex(kSessionKey));
  std::array<uint8_t, 16> offset{};
  auto salt = hex(kSessionSalt);
  std::copy(salt.begin(), salt.end(), offset.begin());  // Offset = salt * 2^16 (ROC, SEQ, SSRC = 0)
  CHECK(std::vector<uint8_t>(offset.begin(), offset.end()) == hex(kBlocks[0].counter));
  std::vector<uint8_t> stream(kSegmentLength);
  ctr.keystream(offset, stream);
  REQUIRE(stream.size() / 16 == 65282);
  for (const Block& b : kBlocks) {
    INFO(b.counter);
    CHECK(block_of(stream, b.number) == hex(b.keystream));
  }
  // Applying the keystream is XOR: twice gives back the input.
  std::vector<uint8_t> data(100, 0xa5);
  ctr.apply(offset, data);
  CHECK(data[0] == (0xE0 ^ 0xa5));
  ctr.apply(offset, data);
  CHECK(data == std::vector<uint8_t>(100, 0xa5));
}

TEST_CASE("RFC 3711 B.2: the SRTP IV of SSRC 0, ROC 0, SEQ 0 is the B.2 counter", "[srtp][aes-cm]") {
  // Encrypting an all-zero payload with the session key and salt of B.2 yields the keystream
  // itself, so this pins the §4.1.1 IV formation inside the SRTP transform.
  DirectionKeys keys;
  keys.rtp = {hex(kSessionKey), hex(kSessionSalt), std::vector<uint8_t>(20, 1)};
  keys.rtcp = keys.rtp;
  auto t = SrtpTransform::create(SrtpProfile::kAes128CmHmacSha1_80, keys);
  REQUIRE(t.ok());
  std::vector<uint8_t> packet(12 + kSegmentLength + 10, 0);
  packet[0] = 0x80;  // V=2, SEQ 0, SSRC 0
  t->protect_rtp(packet, 12, 0, 0, true);
  std::vector<uint8_t> payload(packet.begin() + 12, packet.end() - 10);
  for (const Block& b : kBlocks) {
    INFO(b.counter);
    CHECK(block_of(payload, b.number) == hex(b.keystream));
  }
  REQUIRE(t->unprotect_rtp(packet, 12, 0, 0, true));
  CHECK(std::all_of(packet.begin() + 12, packet.end() - 10, [](uint8_t v) { return v == 0; }));
}

TEST_CASE("AES-CM SRTP: HMAC-SHA1 tag covers packet || ROC (RFC 3711 §4.2)", "[srtp][aes-cm]") {
  DirectionKeys keys;
  keys.rtp = {hex(kSessionKey), hex(kSessionSalt), hex("000102030405060708090a0b0c0d0e0f10111213")};
  keys.rtcp = keys.rtp;
  auto t = SrtpTransform::create(SrtpProfile::kAes128CmHmacSha1_80, keys);
  REQUIRE(t.ok());
  auto rtp = hex("80 0f 1234 decafbad cafebabe abababababababababababababababab");
  std::vector<uint8_t> a = rtp, b = rtp;
  a.resize(rtp.size() + 10);
  b.resize(rtp.size() + 10);
  // Same SEQ, ROC 0 vs ROC 1: same keystream position differs, and the tag differs.
  t->protect_rtp(a, 12, 0xcafebabe, 0x1234, false);
  t->protect_rtp(b, 12, 0xcafebabe, (uint64_t{1} << 16) | 0x1234, false);
  CHECK(std::equal(a.begin(), a.end() - 10, rtp.begin()));  // no encryption requested
  CHECK(std::equal(b.begin(), b.end() - 10, rtp.begin()));
  CHECK_FALSE(std::equal(a.end() - 10, a.end(), b.end() - 10));
  CHECK(t->unprotect_rtp(a, 12, 0xcafebabe, 0x1234, false));
  CHECK_FALSE(t->unprotect_rtp(a, 12, 0xcafebabe, (uint64_t{1} << 16) | 0x1234, false));
}

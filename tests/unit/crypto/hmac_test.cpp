// HMAC: RFC 2202 (HMAC-MD5, HMAC-SHA-1) and RFC 4231 (HMAC-SHA-224/256/384/512) test cases,
// context reuse, incremental updates, constant-time comparison, and the SRTP HmacSha1.
#include <catch2/catch.hpp>

#include <array>
#include <string>
#include <string_view>
#include <vector>

#include "common/hex.hpp"
#include "crypto/hmac.hpp"
#include "crypto/hmac_sha1.hpp"

using tern::crypto::Digest;
using tern::crypto::HashAlgorithm;
using tern::crypto::Hmac;

namespace {

std::vector<uint8_t> hex(std::string_view text) {
  auto r = tern::from_hex(text);
  REQUIRE(r.ok());
  return *r;
}
std::vector<uint8_t> text(std::string_view s) { return {s.begin(), s.end()}; }
std::vector<uint8_t> repeated(uint8_t byte, size_t n) { return std::vector<uint8_t>(n, byte); }

// Hex of the first `truncate` bytes (0: all) of HMAC(key, data).
std::string mac_hex(HashAlgorithm algorithm, const std::vector<uint8_t>& key, const std::vector<uint8_t>& data,
                    size_t truncate = 0) {
  const Digest d = tern::crypto::hmac(algorithm, key, data);
  return tern::to_hex(truncate ? d.view().first(truncate) : d.view());
}

struct Rfc2202Case {
  int number;
  std::vector<uint8_t> key;
  std::vector<uint8_t> data;
  const char* digest;
  const char* digest_96;  // case 5 also lists the first 96 bits
};

}  // namespace

TEST_CASE("hmac: RFC 2202 section 3, HMAC-SHA-1", "[hmac]") {
  const std::vector<Rfc2202Case> cases = {
      {1, hex("0x0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b"), text("Hi There"),
       "b617318655057264e28bc0b6fb378c8ef146be00", nullptr},
      {2, text("Jefe"), text("what do ya want for nothing?"), "effcdf6ae5eb2fa2d27416d5f184df9c259a7c79", nullptr},
      {3, hex("0xaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"), repeated(0xdd, 50),
       "125d7342b9ac11cd91a39af48aa17b4f63f175d3", nullptr},
      {4, hex("0x0102030405060708090a0b0c0d0e0f10111213141516171819"), repeated(0xcd, 50),
       "4c9007f4026250c6bc8414f9bf50c86c2d7235da", nullptr},
      {5, hex("0x0c0c0c0c0c0c0c0c0c0c0c0c0c0c0c0c0c0c0c0c"), text("Test With Truncation"),
       "4c1a03424b55e07fe7f27be1d58bb9324a9a5a04", "4c1a03424b55e07fe7f27be1"},
      {6, repeated(0xaa, 80), text("Test Using Larger Than Block-Size Key - Hash Key First"),
       "aa4ae5e15272d00e95705637ce8a3b55ed402112", nullptr},
      {7, repeated(0xaa, 80), text("Test Using Larger Than Block-Size Key and Larger Than One Block-Size Data"),
       "e8e99d0f45237d786d6bbaa7965c7808bbff1a91", nullptr},
  };
  for (const auto& c : cases) {
    INFO("test_case = " << c.number);
    CHECK(mac_hex(HashAlgorithm::kSha1, c.key, c.data) == c.digest);
    if (c.digest_96) CHECK(mac_hex(HashAlgorithm::kSha1, c.key, c.data, 12) == c.digest_96);
  }
}

TEST_CASE("hmac: RFC 2202 section 2, HMAC-MD5", "[hmac]") {
  const std::vector<Rfc2202Case> cases = {
      {1, hex("0x0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b"), text("Hi There"), "9294727a3638bb1c13f48ef8158bfc9d", nullptr},
      {2, text("Jefe"), text("what do ya want for nothing?"), "750c783e6ab0b503eaa86e310a5db738", nullptr},
      {3, hex("0xaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"), repeated(0xdd, 50), "56be34521d144c88dbb8c733f0e8b3f6", nullptr},
      {4, hex("0x0102030405060708090a0b0c0d0e0f10111213141516171819"), repeated(0xcd, 50),
       "697eaf0aca3a3aea3a75164746ffaa79", nullptr},
      {5, hex("0x0c0c0c0c0c0c0c0c0c0c0c0c0c0c0c0c"), text("Test With Truncation"), "56461ef2342edc00f9bab995690efd4c",
       "56461ef2342edc00f9bab995"},
      {6, repeated(0xaa, 80), text("Test Using Larger Than Block-Size Key - Hash Key First"),
       "6b1ab7fe4bd7bf8f0b62e6ce61b9d0cd", nullptr},
      {7, repeated(0xaa, 80), text("Test Using Larger Than Block-Size Key and Larger Than One Block-Size Data"),
       "6f630fad67cda0ee1fb1f562db3aa53e", nullptr},
  };
  for (const auto& c : cases) {
    INFO("test_case = " << c.number);
    CHECK(mac_hex(HashAlgorithm::kMd5, c.key, c.data) == c.digest);
    if (c.digest_96) CHECK(mac_hex(HashAlgorithm::kMd5, c.key, c.data, 12) == c.digest_96);
  }
}

TEST_CASE("hmac: RFC 4231 section 4 test cases", "[hmac]") {
  struct Case {
    const char* name;
    std::vector<uint8_t> key;
    std::vector<uint8_t> data;
    const char* sha224;
    const char* sha256;
    const char* sha384;
    const char* sha512;
    size_t truncate;  // test case 5: only the first 128 bits are given
  };
  const std::vector<Case> cases = {
      {"4.2. Test Case 1", hex("0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b"), hex("4869205468657265"),
       "896fb1128abbdf196832107cd49df33f47b4b1169912ba4f53684b22",
       "b0344c61d8db38535ca8afceaf0bf12b881dc200c9833da726e9376c2e32cff7",
       "afd03944d84895626b0825f4ab46907f15f9dadbe4101ec682aa034c7cebc59c"
       "faea9ea9076ede7f4af152e8b2fa9cb6",
       "87aa7cdea5ef619d4ff0b4241a1d6cb02379f4e2ce4ec2787ad0b30545e17cde"
       "daa833b7d6b8a702038b274eaea3f4e4be9d914eeb61f1702e696c203a126854",
       0},
      {"4.3. Test Case 2", hex("4a656665"),
       hex("7768617420646f2079612077616e7420"
           "666f72206e6f7468696e673f"),
       "a30e01098bc6dbbf45690f3a7e9e6d0f8bbea2a39e6148008fd05e44",
       "5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843",
       "af45d2e376484031617f78d2b58a6b1b9c7ef464f5a01b47e42ec3736322445e"
       "8e2240ca5e69e2c78b3239ecfab21649",
       "164b7a7bfcf819e2e395fbe73b56e0a387bd64222e831fd610270cd7ea250554"
       "9758bf75c05a994a6d034f65f8f0e6fdcaeab1a34d4a6b4b636e070a38bce737",
       0},
      {"4.4. Test Case 3", hex("aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"),
       hex("dddddddddddddddddddddddddddddddd"
           "dddddddddddddddddddddddddddddddd"
           "dddddddddddddddddddddddddddddddd"
           "dddd"),
       "7fb3cb3588c6c1f6ffa9694d7d6ad2649365b0c1f65d69d1ec8333ea",
       "773ea91e36800e46854db8ebd09181a72959098b3ef8c122d9635514ced565fe",
       "88062608d3e6ad8a0aa2ace014c8a86f0aa635d947ac9febe83ef4e55966144b"
       "2a5ab39dc13814b94e3ab6e101a34f27",
       "fa73b0089d56a284efb0f0756c890be9b1b5dbdd8ee81a3655f83e33b2279d39"
       "bf3e848279a722c806b485a47e67c807b946a337bee8942674278859e13292fb",
       0},
      {"4.5. Test Case 4", hex("0102030405060708090a0b0c0d0e0f10111213141516171819"),
       hex("cdcdcdcdcdcdcdcdcdcdcdcdcdcdcdcd"
           "cdcdcdcdcdcdcdcdcdcdcdcdcdcdcdcd"
           "cdcdcdcdcdcdcdcdcdcdcdcdcdcdcdcd"
           "cdcd"),
       "6c11506874013cac6a2abc1bb382627cec6a90d86efc012de7afec5a",
       "82558a389a443c0ea4cc819899f2083a85f0faa3e578f8077a2e3ff46729665b",
       "3e8a69b7783c25851933ab6290af6ca77a9981480850009cc5577c6e1f573b4e"
       "6801dd23c4a7d679ccf8a386c674cffb",
       "b0ba465637458c6990e5a8c5f61d4af7e576d97ff94b872de76f8050361ee3db"
       "a91ca5c11aa25eb4d679275cc5788063a5f19741120c4f2de2adebeb10a298dd",
       0},
      {"4.6. Test Case 5", hex("0c0c0c0c0c0c0c0c0c0c0c0c0c0c0c0c0c0c0c0c"),
       hex("546573742057697468205472756e6361"
           "74696f6e"),
       "0e2aea68a90c8d37c988bcdb9fca6fa8", "a3b6167473100ee06e0c796c2955552b", "3abf34c3503b2a23a46efc619baef897",
       "415fad6271580a531d4179bc891d87a6", 16},
      {"4.7. Test Case 6", repeated(0xaa, 131),
       hex("54657374205573696e67204c61726765"
           "72205468616e20426c6f636b2d53697a"
           "65204b6579202d2048617368204b6579"
           "204669727374"),
       "95e9a0db962095adaebe9b2d6f0dbce2d499f112f2d2b7273fa6870e",
       "60e431591ee0b67f0d8a26aacbf5b77f8e0bc6213728c5140546040f0ee37f54",
       "4ece084485813e9088d2c63a041bc5b44f9ef1012a2b588f3cd11f05033ac4c6"
       "0c2ef6ab4030fe8296248df163f44952",
       "80b24263c7c1a3ebb71493c1dd7be8b49b46d1f41b4aeec1121b013783f8f352"
       "6b56d037e05f2598bd0fd2215d6a1e5295e64f73f63f0aec8b915a985d786598",
       0},
      {"4.8. Test Case 7", repeated(0xaa, 131),
       hex("54686973206973206120746573742075"
           "73696e672061206c6172676572207468"
           "616e20626c6f636b2d73697a65206b65"
           "7920616e642061206c61726765722074"
           "68616e20626c6f636b2d73697a652064"
           "6174612e20546865206b6579206e6565"
           "647320746f2062652068617368656420"
           "6265666f7265206265696e6720757365"
           "642062792074686520484d414320616c"
           "676f726974686d2e"),
       "3a854166ac5d9f023f54d517d0b39dbd946770db9c2b95c9f6f565d1",
       "9b09ffa71b942fcb27635fbcd5b0e944bfdc63644f0713938a7f51535c3a35e2",
       "6617178e941f020d351e2f254e8fd32c602420feb0b8fb9adccebb82461e99c5"
       "a678cc31e799176d3860e6110c46523e",
       "e37b6a775dc87dbaa4dfa9f96e5e3ffddebd71f8867289865df5a32d20cdc944"
       "b6022cac3c4982b10d5eeb55c3e4de15134676fb6de0446065c97440fa8c6a58",
       0},
  };
  for (const Case& c : cases) {
    INFO(c.name);
    CHECK(mac_hex(HashAlgorithm::kSha224, c.key, c.data, c.truncate) == c.sha224);
    CHECK(mac_hex(HashAlgorithm::kSha256, c.key, c.data, c.truncate) == c.sha256);
    CHECK(mac_hex(HashAlgorithm::kSha384, c.key, c.data, c.truncate) == c.sha384);
    CHECK(mac_hex(HashAlgorithm::kSha512, c.key, c.data, c.truncate) == c.sha512);
  }
  // The hex data of cases 5 and 7 is the ASCII text the RFC describes.
  CHECK(hex("546573742057697468205472756e6361" "74696f6e") == text("Test With Truncation"));
}

TEST_CASE("Hmac: a context computes the same MAC again and again", "[hmac]") {
  const auto key = text("Jefe");
  const auto data = text("what do ya want for nothing?");
  Hmac mac(HashAlgorithm::kSha256, key);
  CHECK(mac.size() == 32);
  const Digest first = mac.compute(data);
  const Digest second = mac.compute(data);
  CHECK(first == second);
  CHECK(tern::to_hex(first.view()) == "5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843");
  // A different message in between does not disturb the next one.
  const Digest other = mac.compute(text("something else"));
  CHECK_FALSE(other == first);
  CHECK(mac.compute(data) == first);
  // finish() leaves the context ready for the next message.
  mac.update(data);
  CHECK(mac.finish() == first);
  // reset() discards a half-fed message.
  mac.update(text("garbage"));
  mac.reset();
  CHECK(mac.compute(data) == first);
}

TEST_CASE("Hmac: incremental update equals one shot for every split", "[hmac]") {
  const auto key = repeated(0xaa, 131);
  const auto data = text(
      "This is a test using a larger than block-size key and a larger than block-size data. The key needs to be "
      "hashed before being used by the HMAC algorithm.");
  for (HashAlgorithm algorithm : {HashAlgorithm::kSha1, HashAlgorithm::kSha256, HashAlgorithm::kSha512}) {
    Hmac mac(algorithm, key);
    const Digest whole = tern::crypto::hmac(algorithm, key, data);
    for (size_t cut = 0; cut <= data.size(); ++cut) {
      INFO("cut " << cut);
      mac.update(std::span<const uint8_t>(data).first(cut));
      mac.update(std::span<const uint8_t>(data).subspan(cut));
      REQUIRE(mac.finish() == whole);
    }
    // Byte at a time, with empty updates sprinkled in.
    for (uint8_t b : data) {
      mac.update({&b, 1});
      mac.update({});
    }
    CHECK(mac.finish() == whole);
  }
}

TEST_CASE("Hmac: sizes, empty key, moves", "[hmac]") {
  for (auto [algorithm, size] : {std::pair{HashAlgorithm::kMd5, 16}, std::pair{HashAlgorithm::kSha1, 20},
                                 std::pair{HashAlgorithm::kSha384, 48}, std::pair{HashAlgorithm::kSha512, 64}}) {
    Hmac mac(algorithm, text("k"));
    CHECK(mac.size() == static_cast<size_t>(size));
    CHECK(mac.compute(text("m")).size == static_cast<size_t>(size));
  }
  // An empty key is legal (RFC 2104 pads it with zeros): same as a key of 64 zero bytes.
  CHECK(tern::crypto::hmac(HashAlgorithm::kSha256, {}, text("m")) ==
        tern::crypto::hmac(HashAlgorithm::kSha256, repeated(0, 64), text("m")));
  Hmac a(HashAlgorithm::kSha1, text("key"));
  const Digest expected = a.compute(text("msg"));
  Hmac b(std::move(a));
  CHECK(b.compute(text("msg")) == expected);
  Hmac c(HashAlgorithm::kMd5, text("other"));
  c = std::move(b);
  CHECK(c.size() == 20);
  CHECK(c.compute(text("msg")) == expected);
}

TEST_CASE("constant_time_equal", "[hmac]") {
  const std::vector<uint8_t> a = {1, 2, 3, 4};
  CHECK(tern::crypto::constant_time_equal(a, std::vector<uint8_t>{1, 2, 3, 4}));
  CHECK_FALSE(tern::crypto::constant_time_equal(a, std::vector<uint8_t>{1, 2, 3, 5}));
  CHECK_FALSE(tern::crypto::constant_time_equal(a, std::vector<uint8_t>{0, 2, 3, 4}));
  CHECK_FALSE(tern::crypto::constant_time_equal(a, std::vector<uint8_t>{1, 2, 3}));  // a prefix is not equal
  CHECK_FALSE(tern::crypto::constant_time_equal(a, std::vector<uint8_t>{1, 2, 3, 4, 5}));
  CHECK(tern::crypto::constant_time_equal({}, {}));
  const Digest d = tern::crypto::hmac(HashAlgorithm::kSha1, text("k"), text("m"));
  CHECK(tern::crypto::constant_time_equal(d.view(), tern::crypto::hmac(HashAlgorithm::kSha1, text("k"), text("m")).view()));
}

TEST_CASE("HmacSha1: RFC 2202 section 3 vectors, with the message split in two parts", "[hmac]") {
  struct Case {
    std::vector<uint8_t> key;
    std::vector<uint8_t> data;
    const char* digest;
  };
  const std::vector<Case> cases = {
      {hex("0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b"), text("Hi There"), "b617318655057264e28bc0b6fb378c8ef146be00"},
      {text("Jefe"), text("what do ya want for nothing?"), "effcdf6ae5eb2fa2d27416d5f184df9c259a7c79"},
      {hex("0102030405060708090a0b0c0d0e0f10111213141516171819"), repeated(0xcd, 50),
       "4c9007f4026250c6bc8414f9bf50c86c2d7235da"},
      {repeated(0xaa, 80), text("Test Using Larger Than Block-Size Key and Larger Than One Block-Size Data"),
       "e8e99d0f45237d786d6bbaa7965c7808bbff1a91"},
  };
  for (const Case& c : cases) {
    const tern::crypto::HmacSha1 mac(c.key);
    const std::span<const uint8_t> data(c.data);
    for (size_t cut : {size_t{0}, size_t{1}, c.data.size() / 2, c.data.size()}) {
      INFO(c.digest << " cut " << cut);
      std::array<uint8_t, tern::crypto::kSha1DigestSize> out{};
      mac.compute(data.first(cut), data.subspan(cut), out);
      CHECK(tern::to_hex(out) == c.digest);
    }
  }
}

// Message digests: FIPS 180-4 example values, the RFC 1321 MD5 test suite, names and sizes.
#include <catch2/catch.hpp>

#include <string>
#include <string_view>
#include <vector>

#include "common/hex.hpp"
#include "crypto/hash.hpp"

using tern::crypto::Digest;
using tern::crypto::HashAlgorithm;

namespace {

std::span<const uint8_t> bytes_of(std::string_view s) { return {reinterpret_cast<const uint8_t*>(s.data()), s.size()}; }

std::string hex_digest(HashAlgorithm algorithm, std::string_view message) {
  return tern::to_hex(tern::crypto::hash(algorithm, bytes_of(message)).view());
}

constexpr HashAlgorithm kAll[] = {HashAlgorithm::kMd5,    HashAlgorithm::kSha1,   HashAlgorithm::kSha224,
                                  HashAlgorithm::kSha256, HashAlgorithm::kSha384, HashAlgorithm::kSha512};

}  // namespace

TEST_CASE("hash: FIPS 180-4 example \"abc\"", "[hash]") {
  CHECK(hex_digest(HashAlgorithm::kSha1, "abc") == "a9993e364706816aba3e25717850c26c9cd0d89d");
  CHECK(hex_digest(HashAlgorithm::kSha224, "abc") == "23097d223405d8228642a477bda255b32aadbce4bda0b3f7e36c9da7");
  CHECK(hex_digest(HashAlgorithm::kSha256, "abc") ==
        "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
  CHECK(hex_digest(HashAlgorithm::kSha384, "abc") ==
        "cb00753f45a35e8bb5a03d699ac65007272c32ab0eded163"
        "1a8b605a43ff5bed8086072ba1e7cc2358baeca134c825a7");
  CHECK(hex_digest(HashAlgorithm::kSha512, "abc") ==
        "ddaf35a193617abacc417349ae20413112e6fa4e89a97ea20a9eeee64b55d39a"
        "2192992a274fc1a836ba3c23a3feebbd454d4423643ce80e2a9ac94fa54ca49f");
}

TEST_CASE("hash: FIPS 180-4 two-block examples", "[hash]") {
  const std::string_view m448 = "abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq";
  CHECK(hex_digest(HashAlgorithm::kSha1, m448) == "84983e441c3bd26ebaae4aa1f95129e5e54670f1");
  CHECK(hex_digest(HashAlgorithm::kSha256, m448) ==
        "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1");
  const std::string_view m896 =
      "abcdefghbcdefghicdefghijdefghijkefghijklfghijklmghijklmnhijklmnoijklmnopjklmnopqklmnopqrlmnopqrsmnopqrstnopqrstu";
  CHECK(hex_digest(HashAlgorithm::kSha384, m896) ==
        "09330c33f71147e83d192fc782cd1b4753111b173b3b05d2"
        "2fa08086e3b0f712fcc7c71a557e2db966c3e9fa91746039");
  CHECK(hex_digest(HashAlgorithm::kSha512, m896) ==
        "8e959b75dae313da8cf4f72814fc143f8f7779c6eb9f7fa17299aeadb6889018"
        "501d289e4900f7e4331b99dec4b5433ac7d329eeb6dd26545e96e55b874be909");
}

TEST_CASE("hash: one million 'a'", "[hash]") {
  const std::string million(1000000, 'a');
  CHECK(hex_digest(HashAlgorithm::kSha1, million) == "34aa973cd4c4daa4f61eeb2bdbad27316534016f");
  CHECK(hex_digest(HashAlgorithm::kSha256, million) ==
        "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0");
}

TEST_CASE("hash: RFC 1321 Appendix A.5 MD5 test suite", "[hash]") {
  struct Row {
    const char* message;
    const char* digest;
  };
  const Row rows[] = {
      {"", "d41d8cd98f00b204e9800998ecf8427e"},
      {"a", "0cc175b9c0f1b6a831c399e269772661"},
      {"abc", "900150983cd24fb0d6963f7d28e17f72"},
      {"message digest", "f96b697d7cb7938d525a2f31aaf161d0"},
      {"abcdefghijklmnopqrstuvwxyz", "c3fcd3d76192e4007dfb496cca67e13b"},
      {"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789", "d174ab98d277d9f5a5611c2c9f419d9f"},
      {"12345678901234567890123456789012345678901234567890123456789012345678901234567890",
       "57edf4a22be3c955ac49da2e2107b67a"},
  };
  for (const Row& r : rows) {
    INFO("MD5 (\"" << r.message << "\")");
    CHECK(hex_digest(HashAlgorithm::kMd5, r.message) == r.digest);
  }
}

TEST_CASE("hash: empty input", "[hash]") {
  CHECK(hex_digest(HashAlgorithm::kSha1, "") == "da39a3ee5e6b4b0d3255bfef95601890afd80709");
  CHECK(hex_digest(HashAlgorithm::kSha256, "") ==
        "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
  const Digest d = tern::crypto::hash(HashAlgorithm::kSha256, {});
  CHECK(d.size == 32);
}

TEST_CASE("hash: digest sizes and Digest equality", "[hash]") {
  const size_t sizes[] = {16, 20, 28, 32, 48, 64};
  for (size_t i = 0; i < std::size(kAll); ++i) {
    INFO(tern::crypto::hash_name(kAll[i]));
    CHECK(tern::crypto::digest_size(kAll[i]) == sizes[i]);
    const Digest d = tern::crypto::hash(kAll[i], bytes_of("x"));
    CHECK(d.size == sizes[i]);
    CHECK(d.view().size() == sizes[i]);
    CHECK(sizes[i] <= tern::crypto::kMaxDigestSize);
  }
  const Digest a = tern::crypto::hash(HashAlgorithm::kSha256, bytes_of("a"));
  const Digest b = tern::crypto::hash(HashAlgorithm::kSha256, bytes_of("b"));
  CHECK(a == tern::crypto::hash(HashAlgorithm::kSha256, bytes_of("a")));
  CHECK_FALSE(a == b);
  // Same leading bytes but different lengths are not equal.
  Digest truncated = a;
  truncated.size = 16;
  CHECK_FALSE(truncated == a);
}

TEST_CASE("hash: textual names (SDP a=fingerprint, RFC 8122 / IANA)", "[hash]") {
  struct Row {
    HashAlgorithm algorithm;
    const char* name;
  };
  const Row rows[] = {
      {HashAlgorithm::kMd5, "md5"},         {HashAlgorithm::kSha1, "sha-1"},
      {HashAlgorithm::kSha224, "sha-224"},  {HashAlgorithm::kSha256, "sha-256"},
      {HashAlgorithm::kSha384, "sha-384"},  {HashAlgorithm::kSha512, "sha-512"},
  };
  for (const Row& r : rows) {
    INFO(r.name);
    CHECK(tern::crypto::hash_name(r.algorithm) == r.name);
    CHECK(tern::crypto::hash_from_name(r.name) == r.algorithm);
  }
  // Case-insensitive, as SDP peers send "SHA-256".
  CHECK(tern::crypto::hash_from_name("SHA-256") == HashAlgorithm::kSha256);
  CHECK(tern::crypto::hash_from_name("Sha-1") == HashAlgorithm::kSha1);
  CHECK(tern::crypto::hash_from_name("MD5") == HashAlgorithm::kMd5);
  // Unknown spellings.
  for (const char* bad : {"", "sha256", "sha-2", "sha-256 ", " sha-256", "sha-2566", "md", "sha3-256"}) {
    INFO('"' << bad << '"');
    CHECK_FALSE(tern::crypto::hash_from_name(bad).has_value());
  }
}

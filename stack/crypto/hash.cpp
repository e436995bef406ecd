#include "crypto/hash.hpp"

#include <openssl/evp.h>

#include <algorithm>
#include <cctype>

#include "crypto/openssl_util.hpp"

namespace tern::crypto {
namespace {
const char* crypto_errc_name(uint16_t code) {
  switch (static_cast<CryptoErrc>(code)) {
    case CryptoErrc::kOpenSsl: return "kOpenSsl";
    case CryptoErrc::kBadKeyLength: return "kBadKeyLength";
    case CryptoErrc::kBufferTooSmall: return "kBufferTooSmall";
    case CryptoErrc::kUnsupported: return "kUnsupported";
  }
  return "unknown";
}

struct HashInfo {
  HashAlgorithm algorithm;
  std::string_view name;
  size_t size;
};
constexpr HashInfo kHashes[] = {
    {HashAlgorithm::kMd5, "md5", 16},       {HashAlgorithm::kSha1, "sha-1", 20},
    {HashAlgorithm::kSha224, "sha-224", 28}, {HashAlgorithm::kSha256, "sha-256", 32},
    {HashAlgorithm::kSha384, "sha-384", 48}, {HashAlgorithm::kSha512, "sha-512", 64},
};
}  // namespace

size_t digest_size(HashAlgorithm algorithm) { return kHashes[static_cast<size_t>(algorithm)].size; }
std::string_view hash_name(HashAlgorithm algorithm) { return kHashes[static_cast<size_t>(algorithm)].name; }

std::optional<HashAlgorithm> hash_from_name(std::string_view name) {
  for (const auto& h : kHashes) {
    if (h.name.size() == name.size() &&
        std::equal(name.begin(), name.end(), h.name.begin(),
                   [](char a, char b) { return std::tolower(static_cast<unsigned char>(a)) == b; }))
      return h.algorithm;
  }
  return std::nullopt;
}

Digest hash(HashAlgorithm algorithm, std::span<const uint8_t> data) {
  Digest d;
  unsigned int len = 0;
  int ok = EVP_Digest(data.data(), data.size(), d.bytes.data(), &len, evp_md(algorithm), nullptr);
  TERN_ASSERT(ok == 1, "EVP_Digest failed on a supported digest");
  d.size = len;
  return d;
}

}  // namespace tern::crypto

TERN_DEFINE_ERRC(tern::crypto::CryptoErrc, "crypto", tern::crypto::crypto_errc_name)

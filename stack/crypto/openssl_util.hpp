#pragma once
// Internal to crypto/: maps tern's algorithm enums onto OpenSSL objects.
#include <openssl/evp.h>

#include "crypto/hash.hpp"

namespace tern::crypto {

inline const EVP_MD* evp_md(HashAlgorithm algorithm) {
  switch (algorithm) {
    case HashAlgorithm::kMd5: return EVP_md5();
    case HashAlgorithm::kSha1: return EVP_sha1();
    case HashAlgorithm::kSha224: return EVP_sha224();
    case HashAlgorithm::kSha256: return EVP_sha256();
    case HashAlgorithm::kSha384: return EVP_sha384();
    case HashAlgorithm::kSha512: return EVP_sha512();
  }
  return EVP_sha256();
}

}  // namespace tern::crypto

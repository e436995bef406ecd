#pragma once
// Message digests over OpenSSL EVP (this directory is the only place that includes OpenSSL).
#include <algorithm>
#include <array>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <span>
#include <string_view>

#include "common/error.hpp"

namespace tern::crypto {

enum class CryptoErrc : uint16_t { kOpenSsl = 1, kBadKeyLength, kBufferTooSmall, kUnsupported };

enum class HashAlgorithm : uint8_t { kMd5, kSha1, kSha224, kSha256, kSha384, kSha512 };

inline constexpr size_t kMaxDigestSize = 64;

// A digest value: `size` meaningful bytes of `bytes`.
struct Digest {
  std::array<uint8_t, kMaxDigestSize> bytes{};
  size_t size = 0;
  std::span<const uint8_t> view() const { return {bytes.data(), size}; }
  bool operator==(const Digest& o) const { return view().size() == o.view().size() && std::equal(view().begin(), view().end(), o.view().begin()); }
};

size_t digest_size(HashAlgorithm algorithm);
// The SDP / IANA "Hash Function Textual Names" spelling: "md5", "sha-1", "sha-256", ...
std::string_view hash_name(HashAlgorithm algorithm);
// Parses the textual name case-insensitively; nullopt when unknown.
std::optional<HashAlgorithm> hash_from_name(std::string_view name);

// One-shot digest of `data`.
Digest hash(HashAlgorithm algorithm, std::span<const uint8_t> data);

}  // namespace tern::crypto

TERN_DECLARE_ERRC(tern::crypto::CryptoErrc);

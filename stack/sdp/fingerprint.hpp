#pragma once
// a=fingerprint (RFC 8122 §5): the hash of the DTLS certificate the endpoint will present.
//
//   a=fingerprint:<hash-func> SP <fingerprint>
//                 |               |
//                 |               +-- 2UHEX *(":" 2UHEX), one pair per digest byte
//                 +------------------ "sha-1" / "sha-224" / "sha-256" / "sha-384" / "sha-512"
//   a=fingerprint:sha-256 D3:D8:43:13:CC:37:E8:2D:7E:DF:B9:41:A6:2E:CE:BA:...:15:97
//
// sdp depends only on common (DESIGN.md), so the hash names and digest lengths are a small table
// here rather than crypto::HashAlgorithm.
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "common/error.hpp"
#include "sdp/errc.hpp"

namespace tern::sdp {

// The hash functions of the IANA "Hash Function Textual Names" registry that WebRTC may use.
// md2 and md5 are in the RFC 8122 grammar but must not be used for new certificates (RFC 8122
// §5); they are rejected.
enum class FingerprintHash : uint8_t { kSha1, kSha224, kSha256, kSha384, kSha512 };

// "sha-1", "sha-224", "sha-256", "sha-384", "sha-512".
std::string_view fingerprint_hash_name(FingerprintHash hash);
// Parses a hash name case-insensitively; nullopt when it is not one of the five.
std::optional<FingerprintHash> fingerprint_hash_from_name(std::string_view name);
// Digest length in bytes: 20, 28, 32, 48, 64.
size_t fingerprint_hash_size(FingerprintHash hash);

struct Fingerprint {
  static constexpr std::string_view kAttributeName = "fingerprint";
  FingerprintHash hash = FingerprintHash::kSha256;
  std::vector<uint8_t> digest;  // exactly fingerprint_hash_size(hash) bytes
  bool operator==(const Fingerprint&) const = default;
};

// Parses "sha-256 AB:CD:..."; kBadFingerprint for an unknown hash, a malformed hex pair or
// separator, or a byte count that does not match the hash. Lower-case hex is accepted.
Result<Fingerprint> parse_fingerprint(std::string_view value);
// "sha-256 AB:CD:..." with upper-case hex (RFC 8122 §5 UHEX).
std::string serialize(const Fingerprint& fingerprint);

}  // namespace tern::sdp

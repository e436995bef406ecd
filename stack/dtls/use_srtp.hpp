#pragma once
// The use_srtp extension and DTLS-SRTP keying (RFC 5764 §4.1.1, §4.2; AEAD profiles RFC 7714 §14.2).
//
//   UseSRTPData:
//   +-------------------------------+-------------------------------+
//   | SRTPProtectionProfiles length |  profile (2) | profile (2) ...|
//   +-------------------------------+-------------------------------+
//   | mki length (1) | srtp_mki ... |
//   +----------------+--------------+
#include <cstdint>
#include <span>
#include <string>
#include <vector>

#include "common/error.hpp"
#include "dtls/wire.hpp"

namespace tern::dtls {

enum class SrtpProfile : uint16_t {
  kAes128CmHmacSha1_80 = 0x0001,
  kAes128CmHmacSha1_32 = 0x0002,
  kAeadAes128Gcm = 0x0007,
  kAeadAes256Gcm = 0x0008,
};

struct SrtpProfileInfo {
  SrtpProfile profile;
  const char* name;        // "SRTP_AES128_CM_HMAC_SHA1_80", ...
  size_t master_key_size;  // bytes
  size_t master_salt_size; // bytes
};

// The table entry for a profile id tern implements, or nullptr.
const SrtpProfileInfo* find_srtp_profile(uint16_t id);
// "SRTP_AES128_CM_HMAC_SHA1_80", ... or "unknown".
const char* srtp_profile_name(uint16_t id);

struct UseSrtp {
  std::vector<SrtpProfile> profiles;  // client: offered, in preference order; server: exactly one
  std::vector<uint8_t> mki;           // srtp_mki<0..255>
  bool operator==(const UseSrtp&) const = default;
};

// Parses the extension_data of use_srtp. Errors: kTruncated, kBadLength (profile list empty or
// odd-sized, or mki length mismatch), kTrailingData.
Result<UseSrtp> parse_use_srtp(std::span<const uint8_t> data);
// Appends the extension_data.
void serialize_use_srtp(const UseSrtp& value, WireBuilder& out);

// SRTP master keys and salts exported from the DTLS master secret (RFC 5764 §4.2).
struct SrtpKeyingMaterial {
  SrtpProfile profile = SrtpProfile::kAes128CmHmacSha1_80;
  std::vector<uint8_t> client_write_key;
  std::vector<uint8_t> server_write_key;
  std::vector<uint8_t> client_write_salt;
  std::vector<uint8_t> server_write_salt;
  bool operator==(const SrtpKeyingMaterial&) const = default;
};

// The exporter output length a profile needs: 2 * (key + salt).
size_t srtp_keying_material_size(const SrtpProfileInfo& profile);
// Splits the exporter output (RFC 5764 §4.2 order: client key, server key, client salt, server
// salt). `exported` must be srtp_keying_material_size(profile) bytes.
SrtpKeyingMaterial split_srtp_keying_material(const SrtpProfileInfo& profile, std::span<const uint8_t> exported);

}  // namespace tern::dtls

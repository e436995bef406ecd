#include "srtp/profile.hpp"

namespace tern::srtp {
namespace {
// RFC 5764 §4.1.2: AES_128_CM, 128-bit key, 112-bit salt, HMAC-SHA1 with a 160-bit key; tag 80
// or 32 bits for SRTP, always 80 bits for SRTCP.
constexpr SrtpProfileParams kCm80{"SRTP_AES128_CM_HMAC_SHA1_80", false, 16, 14, 14, 20, 10, 10};
constexpr SrtpProfileParams kCm32{"SRTP_AES128_CM_HMAC_SHA1_32", false, 16, 14, 14, 20, 4, 10};
// RFC 7714 §14.2: AES_128_GCM / AES_256_GCM, 96-bit salt, 16-octet tag, no separate auth key.
constexpr SrtpProfileParams kGcm128{"SRTP_AEAD_AES_128_GCM", true, 16, 12, 12, 0, 16, 16};
constexpr SrtpProfileParams kGcm256{"SRTP_AEAD_AES_256_GCM", true, 32, 12, 12, 0, 16, 16};
}  // namespace

const SrtpProfileParams& profile_params(SrtpProfile profile) {
  switch (profile) {
    case SrtpProfile::kAes128CmHmacSha1_80: return kCm80;
    case SrtpProfile::kAes128CmHmacSha1_32: return kCm32;
    case SrtpProfile::kAeadAes128Gcm: return kGcm128;
    case SrtpProfile::kAeadAes256Gcm: return kGcm256;
  }
  return kCm80;
}

std::optional<SrtpProfile> profile_from_id(uint16_t id) {
  for (SrtpProfile p : kAllSrtpProfiles) {
    if (static_cast<uint16_t>(p) == id) return p;
  }
  return std::nullopt;
}

std::optional<SrtpProfile> profile_from_name(std::string_view name) {
  for (SrtpProfile p : kAllSrtpProfiles) {
    if (profile_params(p).name == name) return p;
  }
  return std::nullopt;
}

}  // namespace tern::srtp

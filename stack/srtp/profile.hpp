#pragma once
// SRTP protection profiles: the DTLS-SRTP names and IDs of RFC 5764 §4.1.2 and RFC 7714 §14.2, and
// the transform parameters each one fixes (key and salt lengths, auth tag lengths).
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string_view>

namespace tern::srtp {

// The enumerator values are the two-byte DTLS-SRTP protection profile IDs.
enum class SrtpProfile : uint16_t {
  kAes128CmHmacSha1_80 = 0x0001,  // RFC 5764 §4.1.2 SRTP_AES128_CM_HMAC_SHA1_80
  kAes128CmHmacSha1_32 = 0x0002,  // RFC 5764 §4.1.2 SRTP_AES128_CM_HMAC_SHA1_32
  kAeadAes128Gcm = 0x0007,        // RFC 7714 §14.2 SRTP_AEAD_AES_128_GCM
  kAeadAes256Gcm = 0x0008,        // RFC 7714 §14.2 SRTP_AEAD_AES_256_GCM
};

inline constexpr SrtpProfile kAllSrtpProfiles[] = {
    SrtpProfile::kAes128CmHmacSha1_80, SrtpProfile::kAes128CmHmacSha1_32, SrtpProfile::kAeadAes128Gcm,
    SrtpProfile::kAeadAes256Gcm};

// Lengths in bytes.
struct SrtpProfileParams {
  std::string_view name;     // "SRTP_AES128_CM_HMAC_SHA1_80", ...
  bool aead;                 // AES-GCM (RFC 7714) rather than AES-CM + HMAC-SHA1 (RFC 3711)
  size_t master_key_size;    // = session cipher key size (no profile here derives a shorter key)
  size_t master_salt_size;   // 14 for AES-CM, 12 for AES-GCM
  size_t session_salt_size;  // 14 for AES-CM, 12 for AES-GCM
  size_t auth_key_size;      // 20 for HMAC-SHA1, 0 for AEAD
  size_t rtp_tag_size;       // 10, 4, 16, 16
  size_t rtcp_tag_size;      // 10, 10 (RFC 5764 §4.1.2: SRTCP keeps the 80-bit tag), 16, 16
};

const SrtpProfileParams& profile_params(SrtpProfile profile);

// The profile with this DTLS-SRTP ID (use_srtp extension), or nullopt when tern does not support it.
std::optional<SrtpProfile> profile_from_id(uint16_t id);
// The profile with this DTLS-SRTP name (case-sensitive, as registered), or nullopt.
std::optional<SrtpProfile> profile_from_name(std::string_view name);

}  // namespace tern::srtp

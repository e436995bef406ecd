#pragma once
// SRTP key derivation (RFC 3711 §4.3) with key_derivation_rate 0: session keys are derived once per
// master key, using the AES-CM PRF (RFC 3711 §4.3.3; AES-256-CM for AEAD_AES_256_GCM, RFC 7714 §11).
//
//   key_id = label || r              (8-bit label, 48-bit r = index DIV kdr = 0)
//        x = key_id XOR master_salt  (key_id right-aligned in the 112-bit salt field)
//   key    = first n bits of AES-CM(master_key, IV = x * 2^16)
//
// A 96-bit AEAD master salt fills the left of the 112-bit field and the last two octets are zero.
#include <cstdint>
#include <span>
#include <vector>

#include "common/error.hpp"
#include "crypto/aes_ctr.hpp"
#include "srtp/profile.hpp"

namespace tern::srtp {

// RFC 3711 §4.3.1 and §4.3.2: the labels of the six session keys.
enum class KdfLabel : uint8_t {
  kRtpEncryption = 0x00,
  kRtpAuthentication = 0x01,
  kRtpSalt = 0x02,
  kRtcpEncryption = 0x03,
  kRtcpAuthentication = 0x04,
  kRtcpSalt = 0x05,
};

// The AES-CM PRF keyed with one master key.
class KeyDerivation {
 public:
  // master_key: 16, 24 or 32 bytes; master_salt: at most 14 bytes. Errors: kBadConfig.
  static Result<KeyDerivation> create(std::span<const uint8_t> master_key, std::span<const uint8_t> master_salt);

  // Fills `out` (any length) with the PRF output for `label`.
  void derive(KdfLabel label, std::span<uint8_t> out);

 private:
  KeyDerivation(crypto::AesCtr prf, std::span<const uint8_t> master_salt);
  crypto::AesCtr prf_;
  uint8_t salt_[14] = {};  // master salt, left-aligned, zero-padded
};

// The session keys of one packet kind (RTP or RTCP) in one direction.
struct SessionKeys {
  std::vector<uint8_t> cipher_key;  // k_e
  std::vector<uint8_t> salt;        // k_s
  std::vector<uint8_t> auth_key;    // k_a (empty for AEAD profiles)
};

// Everything one direction (one master key) needs.
struct DirectionKeys {
  SessionKeys rtp;
  SessionKeys rtcp;
};

// Derives the six session keys of `profile` from a master key and salt of the profile's sizes.
// Errors: kBadConfig (unknown profile, wrong master key or salt size).
Result<DirectionKeys> derive_session_keys(SrtpProfile profile, std::span<const uint8_t> master_key,
                                          std::span<const uint8_t> master_salt);

}  // namespace tern::srtp

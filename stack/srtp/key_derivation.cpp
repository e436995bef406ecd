#include "srtp/key_derivation.hpp"

#include <algorithm>
#include <array>

#include "srtp/errc.hpp"

namespace tern::srtp {

Result<KeyDerivation> KeyDerivation::create(std::span<const uint8_t> master_key,
                                            std::span<const uint8_t> master_salt) {
  if (master_key.size() != 16 && master_key.size() != 24 && master_key.size() != 32)
    return Error(SrtpErrc::kBadConfig, "master key must be 16, 24 or 32 bytes");
  // RFC 3711 §4.3.1: the master salt is at most 112 bits.
  if (master_salt.size() > 14) return Error(SrtpErrc::kBadConfig, "master salt longer than 14 bytes");
  return KeyDerivation(crypto::AesCtr(master_key), master_salt);
}

KeyDerivation::KeyDerivation(crypto::AesCtr prf, std::span<const uint8_t> master_salt) : prf_(std::move(prf)) {
  std::copy(master_salt.begin(), master_salt.end(), salt_);
}

void KeyDerivation::derive(KdfLabel label, std::span<uint8_t> out) {
  // RFC 3711 §4.3.1: x = (label || r) XOR master_salt with r = 0 (kdr = 0), so only the label
  // octet (the 8th of 14, counting the 48-bit r to its right) changes the salt.
  std::array<uint8_t, crypto::kAesBlockSize> iv{};
  std::copy(salt_, salt_ + 14, iv.begin());
  iv[7] ^= static_cast<uint8_t>(label);
  // RFC 3711 §4.3.3: the PRF input block is x * 2^16 (iv[14], iv[15] stay zero).
  prf_.keystream(iv, out);
}

Result<DirectionKeys> derive_session_keys(SrtpProfile profile, std::span<const uint8_t> master_key,
                                          std::span<const uint8_t> master_salt) {
  if (!profile_from_id(static_cast<uint16_t>(profile))) return Error(SrtpErrc::kBadConfig, "unknown SRTP profile");
  const SrtpProfileParams& p = profile_params(profile);
  if (master_key.size() != p.master_key_size)
    return Error(SrtpErrc::kBadConfig, "master key size does not match the profile");
  if (master_salt.size() != p.master_salt_size)
    return Error(SrtpErrc::kBadConfig, "master salt size does not match the profile");
  auto kdf = KeyDerivation::create(master_key, master_salt);
  if (!kdf) return kdf.error();
  DirectionKeys keys;
  auto fill = [&](SessionKeys& k, KdfLabel enc, KdfLabel auth, KdfLabel salt) {
    k.cipher_key.resize(p.master_key_size);
    k.salt.resize(p.session_salt_size);
    k.auth_key.resize(p.auth_key_size);
    kdf->derive(enc, k.cipher_key);
    kdf->derive(salt, k.salt);
    if (!k.auth_key.empty()) kdf->derive(auth, k.auth_key);
  };
  fill(keys.rtp, KdfLabel::kRtpEncryption, KdfLabel::kRtpAuthentication, KdfLabel::kRtpSalt);
  fill(keys.rtcp, KdfLabel::kRtcpEncryption, KdfLabel::kRtcpAuthentication, KdfLabel::kRtcpSalt);
  return keys;
}

}  // namespace tern::srtp

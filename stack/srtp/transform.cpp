#include "srtp/transform.hpp"

#include <array>
#include <cstring>
#include <optional>

#include "common/byte_reader.hpp"
#include "crypto/aead.hpp"
#include "crypto/aes_ctr.hpp"
#include "crypto/hmac.hpp"
#include "crypto/hmac_sha1.hpp"
#include "srtp/errc.hpp"
#include "srtp/packet_index.hpp"
#include "srtp/packet_layout.hpp"

namespace tern::srtp {
namespace {

constexpr size_t kGcmTag = crypto::kAeadTagSize;

// RFC 3711 §4.1.1: IV = (k_s * 2^16) XOR (SSRC * 2^64) XOR (i * 2^16), with i the 48-bit packet
// index (SRTP) or the SRTCP index (SRTCP, RFC 3711 §3.4).
std::array<uint8_t, 16> cm_iv(const std::array<uint8_t, 14>& salt, uint32_t ssrc, uint64_t index) {
  std::array<uint8_t, 16> iv{};
  std::memcpy(iv.data(), salt.data(), salt.size());
  iv[4] ^= static_cast<uint8_t>(ssrc >> 24);
  iv[5] ^= static_cast<uint8_t>(ssrc >> 16);
  iv[6] ^= static_cast<uint8_t>(ssrc >> 8);
  iv[7] ^= static_cast<uint8_t>(ssrc);
  for (int i = 0; i < 6; ++i) iv[8 + i] ^= static_cast<uint8_t>(index >> (40 - 8 * i));
  return iv;
}

// RFC 7714 §8.1: IV = (00 00 || SSRC || ROC || SEQ) XOR salt; §9.1 for SRTCP:
// (00 00 || SSRC || 00 00 || 0 || SRTCP index) XOR salt. Both are "SSRC, then a 48-bit index".
std::array<uint8_t, 12> gcm_nonce(const std::array<uint8_t, 14>& salt, uint32_t ssrc, uint64_t index) {
  std::array<uint8_t, 12> iv{};
  std::memcpy(iv.data(), salt.data(), iv.size());
  iv[2] ^= static_cast<uint8_t>(ssrc >> 24);
  iv[3] ^= static_cast<uint8_t>(ssrc >> 16);
  iv[4] ^= static_cast<uint8_t>(ssrc >> 8);
  iv[5] ^= static_cast<uint8_t>(ssrc);
  for (int i = 0; i < 6; ++i) iv[6 + i] ^= static_cast<uint8_t>(index >> (40 - 8 * i));
  return iv;
}

crypto::AeadAlgorithm aead_algorithm(SrtpProfile profile) {
  return profile == SrtpProfile::kAeadAes256Gcm ? crypto::AeadAlgorithm::kAes256Gcm
                                                : crypto::AeadAlgorithm::kAes128Gcm;
}

}  // namespace

struct SrtpTransform::Contexts {
  // AES-CM + HMAC-SHA1 profiles.
  std::optional<crypto::AesCtr> rtp_cipher, rtcp_cipher;
  std::optional<crypto::HmacSha1> rtp_auth, rtcp_auth;
  // AEAD profiles.
  std::optional<crypto::Aead> rtp_aead, rtcp_aead;
  std::array<uint8_t, 14> rtp_salt{}, rtcp_salt{};
  bool aead = false;
};

SrtpTransform::SrtpTransform(SrtpProfile profile, std::unique_ptr<Contexts> contexts)
    : ctx_(std::move(contexts)),
      profile_(profile),
      rtp_tag_size_(profile_params(profile).rtp_tag_size),
      rtcp_tag_size_(profile_params(profile).rtcp_tag_size) {}

SrtpTransform::~SrtpTransform() = default;
SrtpTransform::SrtpTransform(SrtpTransform&&) noexcept = default;
SrtpTransform& SrtpTransform::operator=(SrtpTransform&&) noexcept = default;

Result<SrtpTransform> SrtpTransform::create(SrtpProfile profile, const DirectionKeys& keys) {
  if (!profile_from_id(static_cast<uint16_t>(profile))) return Error(SrtpErrc::kBadConfig, "unknown SRTP profile");
  const SrtpProfileParams& p = profile_params(profile);
  for (const SessionKeys* k : {&keys.rtp, &keys.rtcp}) {
    if (k->cipher_key.size() != p.master_key_size)
      return Error(SrtpErrc::kBadConfig, "session cipher key size does not match the profile");
    if (k->salt.size() != p.session_salt_size)
      return Error(SrtpErrc::kBadConfig, "session salt size does not match the profile");
    if (k->auth_key.size() != p.auth_key_size)
      return Error(SrtpErrc::kBadConfig, "session auth key size does not match the profile");
  }
  auto c = std::make_unique<Contexts>();
  c->aead = p.aead;
  std::memcpy(c->rtp_salt.data(), keys.rtp.salt.data(), keys.rtp.salt.size());
  std::memcpy(c->rtcp_salt.data(), keys.rtcp.salt.data(), keys.rtcp.salt.size());
  if (p.aead) {
    c->rtp_aead.emplace(aead_algorithm(profile), keys.rtp.cipher_key);
    c->rtcp_aead.emplace(aead_algorithm(profile), keys.rtcp.cipher_key);
  } else {
    c->rtp_cipher.emplace(keys.rtp.cipher_key);
    c->rtcp_cipher.emplace(keys.rtcp.cipher_key);
    c->rtp_auth.emplace(keys.rtp.auth_key);
    c->rtcp_auth.emplace(keys.rtcp.auth_key);
  }
  return SrtpTransform(profile, std::move(c));
}

Result<SrtpTransform> SrtpTransform::from_master_key(SrtpProfile profile, std::span<const uint8_t> master_key,
                                                     std::span<const uint8_t> master_salt) {
  auto keys = derive_session_keys(profile, master_key, master_salt);
  if (!keys) return keys.error();
  return create(profile, *keys);
}

void SrtpTransform::protect_rtp(std::span<uint8_t> packet, size_t header_size, uint32_t ssrc, uint64_t index,
                                bool encrypt) {
  TERN_ASSERT(packet.size() >= header_size + rtp_tag_size_, "SRTP protect: no room for the tag");
  const size_t plain = packet.size() - rtp_tag_size_;
  if (ctx_->aead) {
    const auto nonce = gcm_nonce(ctx_->rtp_salt, ssrc, index);
    std::span<uint8_t, kGcmTag> tag(packet.data() + plain, kGcmTag);
    if (encrypt) {
      // RFC 7714 §8.2: the RTP header is the AAD, the payload the plaintext.
      ctx_->rtp_aead->seal(nonce, packet.first(header_size), packet.subspan(header_size, plain - header_size), tag);
    } else {
      // RFC 7714 §8.3 (§16.1.3): authentication only, the whole packet is AAD.
      ctx_->rtp_aead->seal(nonce, packet.first(plain), {}, tag);
    }
    return;
  }
  if (encrypt) ctx_->rtp_cipher->apply(cm_iv(ctx_->rtp_salt, ssrc, index), packet.subspan(header_size, plain - header_size));
  // RFC 3711 §4.2: the tag authenticates the (encrypted) packet followed by the 32-bit ROC.
  uint8_t roc[4];
  store_be32(roc, roc_of(index));
  std::array<uint8_t, crypto::kSha1DigestSize> mac;
  ctx_->rtp_auth->compute(packet.first(plain), roc, mac);
  // RFC 3711 §4.2.1: the tag is the leftmost n_tag bits of the HMAC.
  std::memcpy(packet.data() + plain, mac.data(), rtp_tag_size_);
}

bool SrtpTransform::unprotect_rtp(std::span<uint8_t> packet, size_t header_size, uint32_t ssrc, uint64_t index,
                                  bool encrypt) {
  TERN_ASSERT(packet.size() >= header_size + rtp_tag_size_, "SRTP unprotect: shorter than header and tag");
  const size_t plain = packet.size() - rtp_tag_size_;
  if (ctx_->aead) {
    const auto nonce = gcm_nonce(ctx_->rtp_salt, ssrc, index);
    std::span<const uint8_t, kGcmTag> tag(packet.data() + plain, kGcmTag);
    if (encrypt)
      return ctx_->rtp_aead->open(nonce, packet.first(header_size), packet.subspan(header_size, plain - header_size),
                                  tag);
    return ctx_->rtp_aead->open(nonce, packet.first(plain), {}, tag);
  }
  uint8_t roc[4];
  store_be32(roc, roc_of(index));
  std::array<uint8_t, crypto::kSha1DigestSize> mac;
  ctx_->rtp_auth->compute(packet.first(plain), roc, mac);
  // RFC 3711 §3.3: authenticate before decrypting; compare in constant time.
  if (!crypto::constant_time_equal(std::span<const uint8_t>(mac.data(), rtp_tag_size_),
                                   packet.subspan(plain, rtp_tag_size_)))
    return false;
  if (encrypt) ctx_->rtp_cipher->apply(cm_iv(ctx_->rtp_salt, ssrc, index), packet.subspan(header_size, plain - header_size));
  return true;
}

void SrtpTransform::protect_rtcp(std::span<uint8_t> packet, uint32_t index, bool encrypt) {
  TERN_ASSERT(packet.size() >= kRtcpHeaderSize + rtcp_overhead(), "SRTCP protect: no room for the trailer");
  TERN_ASSERT(index <= kMaxSrtcpIndex, "SRTCP index has 31 bits");
  const size_t rtcp = packet.size() - rtcp_overhead();
  const uint32_t ssrc = load_be32(packet.data() + 4);
  const uint32_t word = index | (encrypt ? kSrtcpEFlag : 0);
  if (ctx_->aead) {
    const auto nonce = gcm_nonce(ctx_->rtcp_salt, ssrc, index);
    if (encrypt) {
      // RFC 7714 §9.2: AAD = the first 8 octets || E||index; the rest is encrypted; then the
      // tag, then the E||index word.
      uint8_t aad[kRtcpHeaderSize + kSrtcpIndexSize];
      std::memcpy(aad, packet.data(), kRtcpHeaderSize);
      store_be32(aad + kRtcpHeaderSize, word);
      std::span<uint8_t, kGcmTag> tag(packet.data() + rtcp, kGcmTag);
      ctx_->rtcp_aead->seal(nonce, aad, packet.subspan(kRtcpHeaderSize, rtcp - kRtcpHeaderSize), tag);
      store_be32(packet.data() + rtcp + kGcmTag, word);
    } else {
      // RFC 7714 §9.3: AAD = the whole RTCP packet || E||index; the cipher is the tag alone.
      // Lay the word out right after the packet to make the AAD contiguous, then move it.
      store_be32(packet.data() + rtcp, word);
      std::array<uint8_t, kGcmTag> tag;
      ctx_->rtcp_aead->seal(nonce, packet.first(rtcp + kSrtcpIndexSize), {}, tag);
      store_be32(packet.data() + rtcp + kGcmTag, word);
      std::memcpy(packet.data() + rtcp, tag.data(), kGcmTag);
    }
    return;
  }
  // RFC 3711 §3.4: everything after the first 8 octets is encrypted when E is set.
  if (encrypt)
    ctx_->rtcp_cipher->apply(cm_iv(ctx_->rtcp_salt, ssrc, index),
                             packet.subspan(kRtcpHeaderSize, rtcp - kRtcpHeaderSize));
  store_be32(packet.data() + rtcp, word);
  std::array<uint8_t, crypto::kSha1DigestSize> mac;
  // RFC 3711 §3.4: the tag covers the packet and the E||index word.
  ctx_->rtcp_auth->compute(packet.first(rtcp + kSrtcpIndexSize), {}, mac);
  std::memcpy(packet.data() + rtcp + kSrtcpIndexSize, mac.data(), rtcp_tag_size_);
}

uint32_t SrtpTransform::srtcp_word(std::span<const uint8_t> packet) const {
  TERN_ASSERT(packet.size() >= kRtcpHeaderSize + rtcp_overhead(), "SRTCP packet too short");
  // AES-CM: word then tag (RFC 3711 §3.4); AEAD: tag then word (RFC 7714 §9.2).
  const size_t at = ctx_->aead ? packet.size() - kSrtcpIndexSize : packet.size() - rtcp_tag_size_ - kSrtcpIndexSize;
  return load_be32(packet.data() + at);
}

bool SrtpTransform::unprotect_rtcp(std::span<uint8_t> packet) {
  TERN_ASSERT(packet.size() >= kRtcpHeaderSize + rtcp_overhead(), "SRTCP packet too short");
  const uint32_t word = srtcp_word(packet);
  const bool encrypted = (word & kSrtcpEFlag) != 0;
  const uint32_t index = word & kMaxSrtcpIndex;
  const size_t rtcp = packet.size() - rtcp_overhead();
  const uint32_t ssrc = load_be32(packet.data() + 4);
  if (ctx_->aead) {
    const auto nonce = gcm_nonce(ctx_->rtcp_salt, ssrc, index);
    if (encrypted) {
      uint8_t aad[kRtcpHeaderSize + kSrtcpIndexSize];
      std::memcpy(aad, packet.data(), kRtcpHeaderSize);
      store_be32(aad + kRtcpHeaderSize, word);
      std::span<const uint8_t, kGcmTag> tag(packet.data() + rtcp, kGcmTag);
      return ctx_->rtcp_aead->open(nonce, aad, packet.subspan(kRtcpHeaderSize, rtcp - kRtcpHeaderSize), tag);
    }
    // RFC 7714 §9.3: tag-only; rebuild "packet || word" contiguously where the tag was.
    std::array<uint8_t, kGcmTag> tag;
    std::memcpy(tag.data(), packet.data() + rtcp, kGcmTag);
    store_be32(packet.data() + rtcp, word);
    return ctx_->rtcp_aead->open(nonce, packet.first(rtcp + kSrtcpIndexSize), {}, tag);
  }
  std::array<uint8_t, crypto::kSha1DigestSize> mac;
  ctx_->rtcp_auth->compute(packet.first(rtcp + kSrtcpIndexSize), {}, mac);
  if (!crypto::constant_time_equal(std::span<const uint8_t>(mac.data(), rtcp_tag_size_),
                                   packet.subspan(rtcp + kSrtcpIndexSize, rtcp_tag_size_)))
    return false;
  if (encrypted)
    ctx_->rtcp_cipher->apply(cm_iv(ctx_->rtcp_salt, ssrc, index),
                             packet.subspan(kRtcpHeaderSize, rtcp - kRtcpHeaderSize));
  return true;
}

}  // namespace tern::srtp

#pragma once
// The cryptographic transform of one direction (one master key): SRTP and SRTCP encryption and
// authentication with the session keys, given the packet index. No parsing of untrusted input
// beyond what callers pass in, no state across packets: SrtpSession does the index bookkeeping.
//
// AES-CM + HMAC-SHA1 (RFC 3711 §4.1.1, §4.2.1) and AEAD AES-GCM (RFC 7714 §8, §9). Every cipher
// and MAC context is keyed once here and reused; the per-packet calls never allocate.
#include <cstddef>
#include <cstdint>
#include <memory>
#include <span>

#include "common/error.hpp"
#include "srtp/key_derivation.hpp"
#include "srtp/profile.hpp"

namespace tern::srtp {

class SrtpTransform {
 public:
  // keys: session keys of the profile's sizes (derive_session_keys(), or RFC test vectors).
  // Errors: kBadConfig (unknown profile, a key or salt of the wrong size).
  static Result<SrtpTransform> create(SrtpProfile profile, const DirectionKeys& keys);
  // Derives the session keys from a master key and salt, then create(). Errors: kBadConfig.
  static Result<SrtpTransform> from_master_key(SrtpProfile profile, std::span<const uint8_t> master_key,
                                               std::span<const uint8_t> master_salt);

  ~SrtpTransform();
  SrtpTransform(SrtpTransform&&) noexcept;
  SrtpTransform& operator=(SrtpTransform&&) noexcept;
  SrtpTransform(const SrtpTransform&) = delete;
  SrtpTransform& operator=(const SrtpTransform&) = delete;

  SrtpProfile profile() const { return profile_; }
  size_t rtp_tag_size() const { return rtp_tag_size_; }
  size_t rtcp_tag_size() const { return rtcp_tag_size_; }
  // Bytes SRTCP adds to an RTCP packet: the E||index word and the tag.
  size_t rtcp_overhead() const { return rtcp_tag_size_ + 4; }

  // SRTP protect in place. `packet` is the RTP packet followed by rtp_tag_size() bytes of room
  // (packet.size() = RTP size + tag); header_size is its RTP header length (rtp_header_size()).
  // encrypt = false authenticates only (RFC 3711 NULL cipher; RFC 7714 §16.1.3 tagging only).
  void protect_rtp(std::span<uint8_t> packet, size_t header_size, uint32_t ssrc, uint64_t index, bool encrypt);
  // SRTP unprotect in place: `packet` is the whole SRTP packet including the tag. Returns false
  // when the tag does not verify (the payload is then unspecified); on success the first
  // packet.size() - rtp_tag_size() bytes are the RTP packet.
  [[nodiscard]] bool unprotect_rtp(std::span<uint8_t> packet, size_t header_size, uint32_t ssrc, uint64_t index,
                                   bool encrypt);

  // SRTCP protect in place: `packet` is the RTCP packet (at least 8 bytes) followed by
  // rtcp_overhead() bytes of room. index <= kMaxSrtcpIndex; encrypt sets the E flag.
  void protect_rtcp(std::span<uint8_t> packet, uint32_t index, bool encrypt);
  // The E||SRTCP index word of a protected SRTCP packet (packet.size() >= 8 + rtcp_overhead()).
  uint32_t srtcp_word(std::span<const uint8_t> packet) const;
  // SRTCP unprotect in place (packet.size() >= 8 + rtcp_overhead()). Returns false when the tag
  // does not verify; on success the first packet.size() - rtcp_overhead() bytes are the RTCP packet.
  [[nodiscard]] bool unprotect_rtcp(std::span<uint8_t> packet);

 private:
  struct Contexts;
  SrtpTransform(SrtpProfile profile, std::unique_ptr<Contexts> contexts);

  std::unique_ptr<Contexts> ctx_;
  SrtpProfile profile_;
  size_t rtp_tag_size_ = 0;
  size_t rtcp_tag_size_ = 0;
};

}  // namespace tern::srtp

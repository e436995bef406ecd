#pragma once
// SrtpSession: SRTP/SRTCP protection for one transport (RFC 3711, RFC 7714), one master key per
// direction. Sender and receiver state is kept per SSRC, created on first use and bounded in
// number. Sans-IO and allocation-free per packet: packets are protected and unprotected in place
// in the caller's buffer.
//
// Receive order for every packet (RFC 3711 §3.3): parse, estimate the index, replay check, then
// authenticate (and decrypt); the replay window and ROC move only after the packet authenticated,
// and a receiver stream for a new SSRC is created only then.
#include <cstddef>
#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <vector>

#include "common/error.hpp"
#include "srtp/errc.hpp"
#include "srtp/profile.hpp"
#include "srtp/replay_window.hpp"
#include "srtp/transform.hpp"

namespace tern::srtp {

// A master key and salt (RFC 3711 §8.1), e.g. one half of the DTLS-SRTP exporter output
// (RFC 5764 §4.2).
struct SrtpMasterKey {
  std::vector<uint8_t> key;
  std::vector<uint8_t> salt;
};

struct SrtpConfig {
  SrtpProfile profile = SrtpProfile::kAes128CmHmacSha1_80;
  std::optional<SrtpMasterKey> outbound;  // key for protect_* (our write key); none: protect fails
  std::optional<SrtpMasterKey> inbound;   // key for unprotect_* (the peer's write key)
  size_t replay_window_size = 64;         // RFC 3711 §3.3.2 (64 .. 1024)
  size_t max_inbound_ssrcs = 64;          // receive streams kept (1 .. 4096)
  size_t max_outbound_ssrcs = 64;         // send streams kept (1 .. 4096)
  // false: RFC 3711 NULL cipher / RFC 7714 tagging only for SRTP (both ends must agree).
  bool encrypt_rtp = true;
  // Sets the E flag on sent SRTCP; received SRTCP is handled as its own E flag says.
  bool encrypt_rtcp = true;
  // RFC 3711 §3.4 starts the SRTCP index at 0. (libsrtp sends 1 first; the oracle test sets 1.)
  uint32_t initial_srtcp_index = 0;
};

// Counters: packets handled and, for every error code, packets dropped with it.
struct SrtpStats {
  uint64_t rtp_protected = 0;
  uint64_t rtp_unprotected = 0;
  uint64_t rtcp_protected = 0;
  uint64_t rtcp_unprotected = 0;
  uint64_t bad_packet = 0;
  uint64_t auth_failed = 0;
  uint64_t replayed = 0;
  uint64_t too_old = 0;
  uint64_t too_many_ssrcs = 0;
  uint64_t buffer_too_small = 0;
  uint64_t key_exhausted = 0;
  uint64_t no_key = 0;
};

class SrtpSession {
 public:
  // Derives the session keys. Errors: kBadConfig (unknown profile, master key/salt size, window or
  // SSRC bounds out of range, initial_srtcp_index above 2^31 - 1).
  static Result<SrtpSession> create(const SrtpConfig& config);

  // Protects the RTP packet buffer[0, length) in place; buffer.size() must leave room for the tag
  // (rtp_overhead() bytes). Returns the SRTP packet size (length + rtp_overhead()).
  // Errors: kNoKey, kBadPacket (not an RTP packet), kBufferTooSmall, kTooManySsrcs (a new SSRC
  // beyond max_outbound_ssrcs), kKeyExhausted (ROC would wrap).
  Result<size_t> protect_rtp(std::span<uint8_t> buffer, size_t length);
  // Verifies and decrypts the SRTP packet in place. Returns the RTP packet size.
  // Errors: kNoKey, kBadPacket, kTooManySsrcs, kReplayed, kTooOld, kAuthFailed, kKeyExhausted.
  // On error the packet contents are unspecified and must be dropped.
  Result<size_t> unprotect_rtp(std::span<uint8_t> packet);

  // Protects the (compound) RTCP packet buffer[0, length) in place; needs rtcp_overhead() bytes of
  // room. Returns the SRTCP packet size. Errors: kNoKey, kBadPacket, kBufferTooSmall,
  // kTooManySsrcs, kKeyExhausted (2^31 SRTCP packets sent on one SSRC).
  Result<size_t> protect_rtcp(std::span<uint8_t> buffer, size_t length);
  // Verifies and (if E is set) decrypts the SRTCP packet in place. Returns the RTCP packet size.
  // Errors: kNoKey, kBadPacket, kTooManySsrcs, kReplayed, kTooOld, kAuthFailed.
  Result<size_t> unprotect_rtcp(std::span<uint8_t> packet);

  // Forgets a receive stream (e.g. after RTCP BYE), freeing its slot. No-op if unknown.
  void remove_inbound_ssrc(uint32_t ssrc);

  SrtpProfile profile() const { return profile_; }
  size_t rtp_overhead() const { return rtp_tag_size_; }
  size_t rtcp_overhead() const { return rtcp_overhead_; }
  size_t inbound_ssrc_count() const { return inbound_.size(); }
  size_t outbound_ssrc_count() const { return outbound_.size(); }
  const SrtpStats& stats() const { return stats_; }

 private:
  struct SendStream {
    uint32_t ssrc = 0;
    bool rtp_started = false;
    uint64_t rtp_highest = 0;      // highest SRTP index sent
    uint32_t next_srtcp_index = 0;
  };
  struct RecvStream {
    uint32_t ssrc = 0;
    ReplayWindow rtp;
    ReplayWindow rtcp;
  };

  SrtpSession(const SrtpConfig& config, std::optional<SrtpTransform> out, std::optional<SrtpTransform> in);
  Error fail(SrtpErrc code, const char* detail, uint32_t position = 0);
  // The send stream for `ssrc`, created if new; nullptr when the table is full.
  SendStream* send_stream(uint32_t ssrc);
  RecvStream* find_recv(uint32_t ssrc);
  RecvStream& add_recv(uint32_t ssrc);

  std::optional<SrtpTransform> outbound_key_;
  std::optional<SrtpTransform> inbound_key_;
  std::vector<SendStream> outbound_;  // capacity reserved at create(): no per-packet allocation
  std::vector<RecvStream> inbound_;
  SrtpStats stats_;
  SrtpProfile profile_;
  size_t rtp_tag_size_ = 0;
  size_t rtcp_overhead_ = 0;
  size_t window_size_ = 64;
  size_t max_inbound_ = 64;
  size_t max_outbound_ = 64;
  uint32_t initial_srtcp_index_ = 0;
  bool encrypt_rtp_ = true;
  bool encrypt_rtcp_ = true;
  size_t last_recv_ = 0;  // index of the last receive stream hit (most packets repeat the SSRC)
};

// One line per counter, indented, for logs and tern-inspect.
std::string describe(const SrtpStats& stats);

}  // namespace tern::srtp

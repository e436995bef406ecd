#include "srtp/session.hpp"

#include <cstdio>

#include "common/byte_reader.hpp"
#include "srtp/packet_index.hpp"
#include "srtp/packet_layout.hpp"

namespace tern::srtp {
namespace {
constexpr size_t kMaxSsrcBound = 4096;
}  // namespace

Result<SrtpSession> SrtpSession::create(const SrtpConfig& config) {
  if (config.replay_window_size < ReplayWindow::kMinSize || config.replay_window_size > ReplayWindow::kMaxSize)
    return Error(SrtpErrc::kBadConfig, "replay window size must be 64..1024");
  if (config.max_inbound_ssrcs == 0 || config.max_inbound_ssrcs > kMaxSsrcBound ||
      config.max_outbound_ssrcs == 0 || config.max_outbound_ssrcs > kMaxSsrcBound)
    return Error(SrtpErrc::kBadConfig, "SSRC bound must be 1..4096");
  if (config.initial_srtcp_index > kMaxSrtcpIndex)
    return Error(SrtpErrc::kBadConfig, "initial SRTCP index has 31 bits");
  std::optional<SrtpTransform> out, in;
  if (config.outbound) {
    auto t = SrtpTransform::from_master_key(config.profile, config.outbound->key, config.outbound->salt);
    if (!t) return t.error();
    out.emplace(std::move(*t));
  }
  if (config.inbound) {
    auto t = SrtpTransform::from_master_key(config.profile, config.inbound->key, config.inbound->salt);
    if (!t) return t.error();
    in.emplace(std::move(*t));
  }
  return SrtpSession(config, std::move(out), std::move(in));
}

SrtpSession::SrtpSession(const SrtpConfig& config, std::optional<SrtpTransform> out,
                         std::optional<SrtpTransform> in)
    : outbound_key_(std::move(out)),
      inbound_key_(std::move(in)),
      profile_(config.profile),
      rtp_tag_size_(profile_params(config.profile).rtp_tag_size),
      rtcp_overhead_(profile_params(config.profile).rtcp_tag_size + kSrtcpIndexSize),
      window_size_(config.replay_window_size),
      max_inbound_(config.max_inbound_ssrcs),
      max_outbound_(config.max_outbound_ssrcs),
      initial_srtcp_index_(config.initial_srtcp_index),
      encrypt_rtp_(config.encrypt_rtp),
      encrypt_rtcp_(config.encrypt_rtcp) {
  // Stream tables are sized once: adding an SSRC later never allocates.
  if (outbound_key_) outbound_.reserve(max_outbound_);
  if (inbound_key_) inbound_.reserve(max_inbound_);
}

Error SrtpSession::fail(SrtpErrc code, const char* detail, uint32_t position) {
  switch (code) {
    case SrtpErrc::kBadConfig: break;
    case SrtpErrc::kBadPacket: ++stats_.bad_packet; break;
    case SrtpErrc::kAuthFailed: ++stats_.auth_failed; break;
    case SrtpErrc::kReplayed: ++stats_.replayed; break;
    case SrtpErrc::kTooOld: ++stats_.too_old; break;
    case SrtpErrc::kTooManySsrcs: ++stats_.too_many_ssrcs; break;
    case SrtpErrc::kBufferTooSmall: ++stats_.buffer_too_small; break;
    case SrtpErrc::kKeyExhausted: ++stats_.key_exhausted; break;
    case SrtpErrc::kNoKey: ++stats_.no_key; break;
  }
  return Error(code, detail, position);
}

SrtpSession::SendStream* SrtpSession::send_stream(uint32_t ssrc) {
  for (SendStream& s : outbound_) {
    if (s.ssrc == ssrc) return &s;
  }
  if (outbound_.size() >= max_outbound_) return nullptr;
  SendStream s;
  s.ssrc = ssrc;
  s.next_srtcp_index = initial_srtcp_index_;
  outbound_.push_back(s);
  return &outbound_.back();
}

SrtpSession::RecvStream* SrtpSession::find_recv(uint32_t ssrc) {
  if (last_recv_ < inbound_.size() && inbound_[last_recv_].ssrc == ssrc) return &inbound_[last_recv_];
  for (size_t i = 0; i < inbound_.size(); ++i) {
    if (inbound_[i].ssrc == ssrc) {
      last_recv_ = i;
      return &inbound_[i];
    }
  }
  return nullptr;
}

SrtpSession::RecvStream& SrtpSession::add_recv(uint32_t ssrc) {
  TERN_ASSERT(inbound_.size() < max_inbound_, "receive stream table full");
  inbound_.push_back(RecvStream{ssrc, ReplayWindow(window_size_), ReplayWindow(window_size_)});
  last_recv_ = inbound_.size() - 1;
  return inbound_.back();
}

void SrtpSession::remove_inbound_ssrc(uint32_t ssrc) {
  for (size_t i = 0; i < inbound_.size(); ++i) {
    if (inbound_[i].ssrc == ssrc) {
      inbound_[i] = inbound_.back();
      inbound_.pop_back();
      last_recv_ = 0;
      return;
    }
  }
}

Result<size_t> SrtpSession::protect_rtp(std::span<uint8_t> buffer, size_t length) {
  if (!outbound_key_) return fail(SrtpErrc::kNoKey, "no outbound master key");
  if (length > buffer.size()) return fail(SrtpErrc::kBufferTooSmall, "length larger than the buffer");
  auto header = rtp_header_size(buffer.first(length));
  if (!header) return fail(SrtpErrc::kBadPacket, header.error().detail(), header.error().position());
  if (buffer.size() - length < rtp_tag_size_)
    return fail(SrtpErrc::kBufferTooSmall, "no room for the SRTP auth tag", static_cast<uint32_t>(length));
  const uint32_t ssrc = load_be32(buffer.data() + 8);
  const uint16_t seq = load_be16(buffer.data() + 2);
  SendStream* s = send_stream(ssrc);
  if (!s) return fail(SrtpErrc::kTooManySsrcs, "outbound SSRC bound reached", 8);
  // RFC 3711 §3.3.1: the sender's ROC counts sequence number wraps; estimating the index the way
  // a receiver does also places retransmitted (older) sequence numbers in the right ROC.
  const uint64_t index = s->rtp_started ? estimate_rtp_index(s->rtp_highest, seq) : seq;
  // RFC 3711 §9.2: never reuse an index; the master key must be replaced before 2^48 packets.
  if (index > kMaxRtpIndex) return fail(SrtpErrc::kKeyExhausted, "SRTP index space exhausted (ROC wraps)", 2);
  if (!s->rtp_started || index > s->rtp_highest) s->rtp_highest = index;
  s->rtp_started = true;
  const size_t total = length + rtp_tag_size_;
  outbound_key_->protect_rtp(buffer.first(total), *header, ssrc, index, encrypt_rtp_);
  ++stats_.rtp_protected;
  return total;
}

Result<size_t> SrtpSession::unprotect_rtp(std::span<uint8_t> packet) {
  if (!inbound_key_) return fail(SrtpErrc::kNoKey, "no inbound master key");
  if (packet.size() < kRtpFixedHeaderSize + rtp_tag_size_)
    return fail(SrtpErrc::kBadPacket, "SRTP packet shorter than the RTP header and tag");
  // The RTP header must end before the tag.
  auto header = rtp_header_size(packet.first(packet.size() - rtp_tag_size_));
  if (!header) return fail(SrtpErrc::kBadPacket, header.error().detail(), header.error().position());
  const uint32_t ssrc = load_be32(packet.data() + 8);
  const uint16_t seq = load_be16(packet.data() + 2);
  RecvStream* s = find_recv(ssrc);
  if (!s && inbound_.size() >= max_inbound_) return fail(SrtpErrc::kTooManySsrcs, "inbound SSRC bound reached", 8);
  // RFC 3711 §3.3.1: a new stream starts with ROC 0 (s_l = the first SEQ).
  uint64_t index = seq;
  if (s && !s->rtp.empty()) {
    index = estimate_rtp_index(s->rtp.highest(), seq);
    if (index > kMaxRtpIndex) return fail(SrtpErrc::kKeyExhausted, "SRTP index space exhausted (ROC wraps)", 2);
    // RFC 3711 §3.3.2: replay check before authentication.
    switch (s->rtp.check(index)) {
      case ReplayCheck::kNew: break;
      case ReplayCheck::kReplayed: return fail(SrtpErrc::kReplayed, "SRTP packet index already received", 2);
      case ReplayCheck::kTooOld: return fail(SrtpErrc::kTooOld, "SRTP packet index behind the replay window", 2);
    }
  }
  if (!inbound_key_->unprotect_rtp(packet, *header, ssrc, index, encrypt_rtp_))
    return fail(SrtpErrc::kAuthFailed, "SRTP auth tag does not verify",
                static_cast<uint32_t>(packet.size() - rtp_tag_size_));
  // RFC 3711 §3.3.2: only an authenticated packet updates the window (and the ROC via highest).
  if (!s) s = &add_recv(ssrc);
  s->rtp.update(index);
  ++stats_.rtp_unprotected;
  return packet.size() - rtp_tag_size_;
}

Result<size_t> SrtpSession::protect_rtcp(std::span<uint8_t> buffer, size_t length) {
  if (!outbound_key_) return fail(SrtpErrc::kNoKey, "no outbound master key");
  if (length > buffer.size()) return fail(SrtpErrc::kBufferTooSmall, "length larger than the buffer");
  if (auto ok = check_rtcp_header(buffer.first(length)); !ok)
    return fail(SrtpErrc::kBadPacket, ok.error().detail(), ok.error().position());
  if (buffer.size() - length < rtcp_overhead_)
    return fail(SrtpErrc::kBufferTooSmall, "no room for the SRTCP index and auth tag", static_cast<uint32_t>(length));
  const uint32_t ssrc = load_be32(buffer.data() + 4);
  SendStream* s = send_stream(ssrc);
  if (!s) return fail(SrtpErrc::kTooManySsrcs, "outbound SSRC bound reached", 4);
  // RFC 3711 §3.4: the 31-bit SRTCP index must not wrap under one master key.
  if (s->next_srtcp_index > kMaxSrtcpIndex) return fail(SrtpErrc::kKeyExhausted, "SRTCP index space exhausted");
  const uint32_t index = s->next_srtcp_index++;
  const size_t total = length + rtcp_overhead_;
  outbound_key_->protect_rtcp(buffer.first(total), index, encrypt_rtcp_);
  ++stats_.rtcp_protected;
  return total;
}

Result<size_t> SrtpSession::unprotect_rtcp(std::span<uint8_t> packet) {
  if (!inbound_key_) return fail(SrtpErrc::kNoKey, "no inbound master key");
  if (packet.size() < kRtcpHeaderSize + rtcp_overhead_)
    return fail(SrtpErrc::kBadPacket, "SRTCP packet shorter than header, index and tag");
  if (auto ok = check_rtcp_header(packet); !ok)
    return fail(SrtpErrc::kBadPacket, ok.error().detail(), ok.error().position());
  const uint32_t ssrc = load_be32(packet.data() + 4);
  const uint32_t index = inbound_key_->srtcp_word(packet) & kMaxSrtcpIndex;
  RecvStream* s = find_recv(ssrc);
  if (!s && inbound_.size() >= max_inbound_) return fail(SrtpErrc::kTooManySsrcs, "inbound SSRC bound reached", 4);
  if (s) {
    // RFC 3711 §3.4 / §3.3.2: SRTCP replay check on the explicit index, before authentication.
    switch (s->rtcp.check(index)) {
      case ReplayCheck::kNew: break;
      case ReplayCheck::kReplayed: return fail(SrtpErrc::kReplayed, "SRTCP index already received");
      case ReplayCheck::kTooOld: return fail(SrtpErrc::kTooOld, "SRTCP index behind the replay window");
    }
  }
  if (!inbound_key_->unprotect_rtcp(packet))
    return fail(SrtpErrc::kAuthFailed, "SRTCP auth tag does not verify");
  if (!s) s = &add_recv(ssrc);
  s->rtcp.update(index);
  ++stats_.rtcp_unprotected;
  return packet.size() - rtcp_overhead_;
}

std::string describe(const SrtpStats& s) {
  std::string out = "SRTP stats\n";
  auto line = [&out](const char* name, uint64_t v) {
    char buf[80];
    std::snprintf(buf, sizeof(buf), "  %-17s %llu\n", name, static_cast<unsigned long long>(v));
    out += buf;
  };
  line("rtp_protected", s.rtp_protected);
  line("rtp_unprotected", s.rtp_unprotected);
  line("rtcp_protected", s.rtcp_protected);
  line("rtcp_unprotected", s.rtcp_unprotected);
  line("bad_packet", s.bad_packet);
  line("auth_failed", s.auth_failed);
  line("replayed", s.replayed);
  line("too_old", s.too_old);
  line("too_many_ssrcs", s.too_many_ssrcs);
  line("buffer_too_small", s.buffer_too_small);
  line("key_exhausted", s.key_exhausted);
  line("no_key", s.no_key);
  return out;
}

}  // namespace tern::srtp

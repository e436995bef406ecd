#include "peer/jsep/local_state.hpp"

#include <string>

namespace tern::peer {
namespace {

// RFC 7022 §4.2 suggests a random CNAME of at least 96 bits; 16 base-62 characters carry ~95 bits
// and this is an identifier, not a secret. Chromium uses 16 characters too.
std::string random_token(Rng& rng, size_t length) {
  static constexpr std::string_view kChars = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
  std::string out;
  for (size_t i = 0; i < length; ++i) out.push_back(kChars[rng.uniform(static_cast<uint32_t>(kChars.size()))]);
  return out;
}

// A nonzero SSRC not used by any other section of ours (RFC 3550 §8.1: chosen at random, distinct
// within the session).
uint32_t random_ssrc(Rng& rng, const LocalSessionState& state) {
  for (;;) {
    const uint32_t candidate = rng.next_u32();
    if (candidate == 0) continue;
    bool used = false;
    for (const auto& s : state.sections) used = used || s.ssrc == candidate || s.rtx_ssrc == candidate;
    if (!used) return candidate;
  }
}

}  // namespace

std::vector<HeaderExtension> default_header_extensions() {
  return {
      {2, std::string(kAbsSendTimeUri), true, true},
      {3, std::string(kTransportWideCcUri), true, true},
      {4, std::string(kSdesMidUri), true, true},
  };
}

LocalMediaSection* LocalSessionState::find_section(std::string_view mid) {
  for (auto& s : sections) {
    if (!s.mid.empty() && s.mid == mid) return &s;
  }
  return nullptr;
}

const LocalMediaSection* LocalSessionState::find_section(std::string_view mid) const {
  for (const auto& s : sections) {
    if (!s.mid.empty() && s.mid == mid) return &s;
  }
  return nullptr;
}

const LocalMediaSection* LocalSessionState::data_section() const {
  for (const auto& s : sections) {
    if (s.kind == SectionKind::kApplication && !s.stopped) return &s;
  }
  return nullptr;
}

const std::vector<Codec>& LocalSessionState::codecs_for(const LocalMediaSection& section) const {
  if (!section.codecs.empty()) return section.codecs;
  return section.kind == SectionKind::kAudio ? audio_codecs : video_codecs;
}

LocalMediaSection& ensure_data_section(LocalSessionState& state) {
  for (auto& s : state.sections) {
    if (s.kind == SectionKind::kApplication && !s.stopped) return s;
  }
  LocalMediaSection s;
  s.kind = SectionKind::kApplication;
  state.sections.push_back(std::move(s));
  return state.sections.back();
}

LocalMediaSection& add_media_section(LocalSessionState& state, SectionKind kind, sdp::Direction direction,
                                     std::string stream_id, std::string track_id) {
  LocalMediaSection s;
  s.kind = kind;
  s.direction = direction;
  s.stream_id = stream_id.empty() ? "-" : std::move(stream_id);
  s.track_id = std::move(track_id);
  state.sections.push_back(std::move(s));
  return state.sections.back();
}

void prepare_local_state(LocalSessionState& state, Rng& rng) {
  // RFC 8829 §5.2.1: sess-id is a 64-bit value with the highest bit off (so it also fits a signed
  // 64-bit integer); 0 is kept for "unset" here.
  while (state.session_id == 0) state.session_id = rng.next_u64() & 0x7FFF'FFFF'FFFF'FFFFull;
  if (state.ice.empty()) state.ice = generate_ice_credentials(rng);
  if (state.cname.empty()) state.cname = random_token(rng, 16);
  for (auto& s : state.sections) {
    if (s.kind == SectionKind::kApplication || s.stopped || !s.sends()) continue;
    if (s.track_id.empty()) s.track_id = random_token(rng, 16);
    if (s.ssrc == 0) s.ssrc = random_ssrc(rng, state);
    bool rtx = false;
    for (const auto& c : state.codecs_for(s)) rtx = rtx || c.rtx_payload_type.has_value();
    if (rtx && s.rtx_ssrc == 0) s.rtx_ssrc = random_ssrc(rng, state);
  }
}

void assign_mids(LocalSessionState& state) {
  uint32_t next = 0;
  for (auto& s : state.sections) {
    // A transceiver stopped before any negotiation never gets an m= section (W3C stop()).
    if (!s.mid.empty() || s.stopped) continue;
    for (;;) {
      std::string candidate = std::to_string(next++);
      if (state.find_section(candidate) == nullptr) {
        s.mid = std::move(candidate);
        break;
      }
    }
  }
}

void restart_ice(LocalSessionState& state, Rng& rng) {
  // RFC 8445 §9: both the ufrag and the password change.
  IceCredentials fresh = generate_ice_credentials(rng);
  while (fresh.ufrag == state.ice.ufrag) fresh = generate_ice_credentials(rng);
  state.ice = std::move(fresh);
  state.candidates.clear();
  state.gathering_complete = false;
}

}  // namespace tern::peer

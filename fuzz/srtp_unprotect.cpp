// Fuzz target: arbitrary bytes into SrtpSession::unprotect_rtp / unprotect_rtcp of a fixed-key
// session. Input: byte 0 selects the profile (bits 0-1) and RTP or RTCP (bit 2); the rest is the
// packet. Properties checked (trap on violation):
//  - unprotect never crashes and either fails with an srtp error or returns size - overhead;
//  - a packet that authenticates is re-protected to the very same bytes by a fresh sender with
//    the same key (ROC 0 for RTP, the packet's own SRTCP index and E flag for RTCP);
//  - the same packet a second time is rejected as a replay.
#include <cstddef>
#include <cstdint>
#include <vector>

#include "common/byte_reader.hpp"
#include "srtp/errc.hpp"
#include "srtp/packet_layout.hpp"
#include "srtp/session.hpp"

using namespace tern::srtp;

namespace {

SrtpMasterKey fixed_key(SrtpProfile profile) {
  const SrtpProfileParams& p = profile_params(profile);
  SrtpMasterKey k;
  for (size_t i = 0; i < p.master_key_size; ++i) k.key.push_back(static_cast<uint8_t>(0x10 + i));
  for (size_t i = 0; i < p.master_salt_size; ++i) k.salt.push_back(static_cast<uint8_t>(0xc0 + i));
  return k;
}

SrtpSession make(SrtpProfile profile, bool outbound, uint32_t srtcp_index = 0, bool encrypt_rtcp = true) {
  SrtpConfig c;
  c.profile = profile;
  (outbound ? c.outbound : c.inbound) = fixed_key(profile);
  c.initial_srtcp_index = srtcp_index;
  c.encrypt_rtcp = encrypt_rtcp;
  auto s = SrtpSession::create(c);
  if (!s) __builtin_trap();
  return std::move(*s);
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size < 1) return 0;
  const SrtpProfile profile = kAllSrtpProfiles[data[0] & 3];
  const bool is_rtcp = (data[0] & 4) != 0;
  const std::vector<uint8_t> input(data + 1, data + size);
  SrtpSession rx = make(profile, false);

  std::vector<uint8_t> packet = input;
  auto r = is_rtcp ? rx.unprotect_rtcp(packet) : rx.unprotect_rtp(packet);
  if (!r) {
    if (r.error().category() != &tern::ErrcTraits<SrtpErrc>::category()) __builtin_trap();
    return 0;
  }
  const size_t overhead = is_rtcp ? rx.rtcp_overhead() : rx.rtp_overhead();
  if (*r + overhead != input.size()) __builtin_trap();

  // Re-protect the recovered packet: it must come out as the input, byte for byte.
  uint32_t srtcp_word = 0;
  if (is_rtcp) {
    // AES-CM: E||index then tag (RFC 3711 §3.4); AEAD: tag then E||index (RFC 7714 §9.2).
    const size_t at = profile_params(profile).aead ? input.size() - 4 : input.size() - rx.rtcp_overhead();
    srtcp_word = tern::load_be32(input.data() + at);
  }
  SrtpSession tx = make(profile, true, srtcp_word & kMaxSrtcpIndex, (srtcp_word & kSrtcpEFlag) != 0);
  std::vector<uint8_t> again(packet.begin(), packet.begin() + static_cast<long>(*r));
  again.resize(input.size());
  auto p = is_rtcp ? tx.protect_rtcp(again, *r) : tx.protect_rtp(again, *r);
  if (!p || *p != input.size() || again != input) __builtin_trap();

  // The same packet again is a replay.
  packet = input;
  auto replay = is_rtcp ? rx.unprotect_rtcp(packet) : rx.unprotect_rtp(packet);
  if (replay || !replay.error().is(SrtpErrc::kReplayed)) __builtin_trap();
  return 0;
}

#pragma once
// RTP codecs as JSEP negotiates them (RFC 8829 §5.2.1 offers, §5.3.1 answers; RFC 3264 §6.1):
// the codec capabilities tern offers, the codecs an m= section lists, and the matching rule that
// decides whether an offered codec is one we can use.
//
// In SDP one codec spans several lines of its m= section:
//
//   m=video 9 UDP/TLS/RTP/SAVPF 96 97
//   a=rtpmap:96 VP8/90000            name / clock rate [/ channels]  (RFC 8866 §6.6)
//   a=rtcp-fb:96 nack pli            feedback it supports           (RFC 4585 §4.2)
//   a=fmtp:96 ...                    format parameters              (RFC 8866 §6.15)
//   a=rtpmap:97 rtx/90000            its retransmission stream      (RFC 4588 §8.6)
//   a=fmtp:97 apt=96
//
// Codec folds the rtx payload type into the codec it repairs.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "sdp/fmtp.hpp"
#include "sdp/session_description.hpp"

namespace tern::peer {

// The kind of an m= section tern handles.
enum class SectionKind : uint8_t { kAudio, kVideo, kApplication };

// "audio", "video", "application": the m= <media> token.
std::string_view section_media_name(SectionKind kind);
// The kind of an m= <media> token; nullopt for others ("text", "message", ...).
std::optional<SectionKind> section_kind_from_media(std::string_view media);

// One a=rtcp-fb entry without its payload type: "nack" "", "nack" "pli", "ccm" "fir", ...
struct RtcpFeedback {
  std::string type;
  std::string parameter;
  bool operator==(const RtcpFeedback&) const = default;
};

struct Codec {
  uint8_t payload_type = 0;
  std::string name;         // encoding name as written ("opus", "VP8", "H264"); compared
                            // case-insensitively (RFC 4855 §3)
  uint32_t clock_rate = 0;  // Hz
  uint16_t channels = 0;    // audio channels written in a=rtpmap; 0 = not written (means 1)
  std::vector<sdp::FmtpParameter> fmtp;
  std::vector<RtcpFeedback> feedback;
  std::optional<uint8_t> rtx_payload_type;  // RFC 4588 retransmission payload type, if any

  // The value of a format parameter (case-insensitive name, RFC 4855 §3), or nullopt.
  std::optional<std::string_view> parameter(std::string_view key) const;
  bool operator==(const Codec&) const = default;
};

// tern's default audio codecs: Opus 111 (RFC 7587) with minptime=10;useinbandfec=1 and
// transport-cc feedback, as browsers offer it.
std::vector<Codec> default_audio_codecs();
// tern's default video codecs, each with nack, nack pli, ccm fir, goog-remb, transport-cc and an
// RTX stream: VP8 96 (rtx 97), VP9 profile 0 98 (rtx 99), H.264 constrained baseline
// packetization-mode 1 102 (rtx 103).
std::vector<Codec> default_video_codecs();

// The codecs an m= section lists, in m= format order (RFC 3264 §5.1: preference order). RTX
// formats are folded into the codec their apt names (and dropped when it names none); static
// payload types without a=rtpmap get their RFC 3551 §6 names (PCMU, GSM, G723, PCMA, G722, CN,
// G729); other formats without a=rtpmap are skipped.
std::vector<Codec> section_codecs(const sdp::MediaDescription& section);

// True when the `remote` codec (from an offer or answer) is the same codec as `local`: same
// encoding name (case-insensitive) and clock rate, same channel count (absent = 1), and the
// format parameters that select incompatible bitstreams agree: H.264 packetization-mode and
// profile (RFC 6184 §8.1: profile_idc and profile-iop of profile-level-id, the level may differ),
// VP9 profile-id, AV1 profile.
bool codec_matches(const Codec& local, const Codec& remote);

// True for the RFC 4588 "rtx" pseudo-codec.
bool is_rtx(std::string_view encoding_name);

}  // namespace tern::peer

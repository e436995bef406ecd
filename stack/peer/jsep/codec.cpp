#include "peer/jsep/codec.hpp"

#include <charconv>

namespace tern::peer {
namespace {

char lower(char c) { return (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c; }

bool iequals(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (size_t i = 0; i < a.size(); ++i) {
    if (lower(a[i]) != lower(b[i])) return false;
  }
  return true;
}

std::optional<uint8_t> parse_payload_type(std::string_view s) {
  unsigned v = 0;
  auto [end, ec] = std::from_chars(s.data(), s.data() + s.size(), v);
  // RFC 3550 §5.1: 7-bit payload types.
  if (ec != std::errc() || end != s.data() + s.size() || s.empty() || v > 127) return std::nullopt;
  return static_cast<uint8_t>(v);
}

struct StaticPayloadType {
  uint8_t payload_type;
  std::string_view name;
  uint32_t clock_rate;
};

// RFC 3551 §6 Table 4: the static audio payload types WebRTC peers list without a=rtpmap.
constexpr StaticPayloadType kStaticPayloadTypes[] = {
    {0, "PCMU", 8000}, {3, "GSM", 8000}, {4, "G723", 8000}, {8, "PCMA", 8000},
    {9, "G722", 8000}, {13, "CN", 8000}, {18, "G729", 8000},
};

std::vector<sdp::FmtpParameter> params(std::initializer_list<std::pair<std::string_view, std::string_view>> list) {
  std::vector<sdp::FmtpParameter> out;
  for (const auto& [name, value] : list) out.push_back({std::string(name), std::string(value)});
  return out;
}

const std::vector<RtcpFeedback>& video_feedback() {
  static const std::vector<RtcpFeedback> kFeedback = {
      {"goog-remb", ""}, {"transport-cc", ""}, {"ccm", "fir"}, {"nack", ""}, {"nack", "pli"},
  };
  return kFeedback;
}

// The case-insensitive first four hex digits of an H.264 profile-level-id (profile_idc and
// profile-iop); RFC 6184 §8.1: the default is 420010 (Baseline, level 1.0).
std::string h264_profile(const Codec& c) {
  std::string_view id = c.parameter("profile-level-id").value_or("420010");
  std::string out;
  for (char ch : id.substr(0, 4)) out.push_back(lower(ch));
  return out;
}

}  // namespace

std::string_view section_media_name(SectionKind kind) {
  switch (kind) {
    case SectionKind::kAudio: return "audio";
    case SectionKind::kVideo: return "video";
    case SectionKind::kApplication: return "application";
  }
  return "application";
}

std::optional<SectionKind> section_kind_from_media(std::string_view media) {
  if (media == "audio") return SectionKind::kAudio;
  if (media == "video") return SectionKind::kVideo;
  if (media == "application") return SectionKind::kApplication;
  return std::nullopt;
}

std::optional<std::string_view> Codec::parameter(std::string_view key) const {
  for (const auto& p : fmtp) {
    if (iequals(p.name, key) && p.value) return std::string_view(*p.value);
  }
  return std::nullopt;
}

std::vector<Codec> default_audio_codecs() {
  Codec opus;
  opus.payload_type = 111;
  opus.name = "opus";
  opus.clock_rate = 48000;
  opus.channels = 2;  // RFC 7587 §7: the rtpmap always says 2 channels
  opus.fmtp = params({{"minptime", "10"}, {"useinbandfec", "1"}});
  opus.feedback = {{"transport-cc", ""}};
  return {opus};
}

std::vector<Codec> default_video_codecs() {
  std::vector<Codec> out;
  auto add = [&](uint8_t pt, uint8_t rtx, std::string_view name, std::vector<sdp::FmtpParameter> fmtp) {
    Codec c;
    c.payload_type = pt;
    c.name = std::string(name);
    c.clock_rate = 90000;
    c.fmtp = std::move(fmtp);
    c.feedback = video_feedback();
    c.rtx_payload_type = rtx;
    out.push_back(std::move(c));
  };
  add(96, 97, "VP8", {});
  add(98, 99, "VP9", params({{"profile-id", "0"}}));
  add(102, 103, "H264",
      params({{"level-asymmetry-allowed", "1"}, {"packetization-mode", "1"}, {"profile-level-id", "42e01f"}}));
  return out;
}

bool is_rtx(std::string_view encoding_name) { return iequals(encoding_name, "rtx"); }

std::vector<Codec> section_codecs(const sdp::MediaDescription& section) {
  const auto rtpmaps = section.rtpmaps();
  const auto fmtps = section.fmtps();
  const auto feedback = section.rtcp_fbs();

  auto rtpmap_of = [&](uint8_t pt) -> const sdp::Rtpmap* {
    for (const auto& r : rtpmaps) {
      if (r.payload_type == pt) return &r;
    }
    return nullptr;
  };
  auto fmtp_of = [&](std::string_view format) -> const sdp::Fmtp* {
    for (const auto& f : fmtps) {
      if (f.format == format) return &f;
    }
    return nullptr;
  };

  std::vector<Codec> codecs;
  std::vector<std::pair<uint8_t, uint8_t>> rtx_links;  // (rtx pt, apt)
  for (const auto& format : section.formats) {
    auto pt = parse_payload_type(format);
    if (!pt) continue;
    // RFC 3264 §5.1: a payload type listed twice counts once.
    bool seen = false;
    for (const auto& c : codecs) seen = seen || c.payload_type == *pt;
    for (const auto& [rtx, apt] : rtx_links) seen = seen || rtx == *pt;
    if (seen) continue;

    Codec c;
    c.payload_type = *pt;
    if (const auto* r = rtpmap_of(*pt)) {
      c.name = r->encoding_name;
      c.clock_rate = r->clock_rate;
      const uint32_t channels = r->encoding_parameters.value_or(0);
      c.channels = channels > 0xFFFF ? 0 : static_cast<uint16_t>(channels);
    } else {
      const StaticPayloadType* s = nullptr;
      for (const auto& entry : kStaticPayloadTypes) {
        if (entry.payload_type == *pt) s = &entry;
      }
      if (s == nullptr) continue;  // a dynamic payload type without a=rtpmap means nothing
      c.name = std::string(s->name);
      c.clock_rate = s->clock_rate;
    }
    if (const auto* f = fmtp_of(format)) c.fmtp = f->parameters;
    if (is_rtx(c.name)) {
      // RFC 4588 §8.6: apt names the payload type this stream repairs.
      if (auto apt = c.parameter("apt")) {
        if (auto apt_pt = parse_payload_type(*apt)) rtx_links.emplace_back(*pt, *apt_pt);
      }
      continue;
    }
    for (const auto& fb : feedback) {
      // RFC 4585 §4.2: "*" applies to every payload type of the section.
      if (!fb.payload_type || *fb.payload_type == *pt) {
        RtcpFeedback entry{fb.type, fb.parameter};
        bool dup = false;
        for (const auto& existing : c.feedback) dup = dup || existing == entry;
        if (!dup) c.feedback.push_back(std::move(entry));
      }
    }
    codecs.push_back(std::move(c));
  }
  for (const auto& [rtx, apt] : rtx_links) {
    for (auto& c : codecs) {
      if (c.payload_type == apt && !c.rtx_payload_type) c.rtx_payload_type = rtx;
    }
  }
  return codecs;
}

bool codec_matches(const Codec& local, const Codec& remote) {
  if (!iequals(local.name, remote.name) || local.clock_rate != remote.clock_rate) return false;
  // RFC 8866 §6.6: absent encoding parameters mean one channel for audio.
  const uint16_t local_channels = local.channels == 0 ? 1 : local.channels;
  const uint16_t remote_channels = remote.channels == 0 ? 1 : remote.channels;
  if (local_channels != remote_channels) return false;
  if (iequals(local.name, "H264")) {
    // RFC 6184 §8.1: packetization-mode defaults to 0; modes are not interchangeable.
    if (local.parameter("packetization-mode").value_or("0") != remote.parameter("packetization-mode").value_or("0")) {
      return false;
    }
    return h264_profile(local) == h264_profile(remote);
  }
  if (iequals(local.name, "VP9")) {
    // draft-ietf-payload-vp9 §6: profile-id defaults to 0.
    return local.parameter("profile-id").value_or("0") == remote.parameter("profile-id").value_or("0");
  }
  if (iequals(local.name, "AV1")) {
    // AV1 RTP payload format §7.2.1: profile defaults to 0 (Main).
    return local.parameter("profile").value_or("0") == remote.parameter("profile").value_or("0");
  }
  return true;
}

}  // namespace tern::peer

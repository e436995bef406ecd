// Codec extraction and matching (RFC 3264 §6.1, RFC 4588, RFC 6184 §8.1).
#include <catch2/catch.hpp>

#include "peer/jsep/answer.hpp"
#include "peer/jsep/codec.hpp"
#include "peer/jsep/offer.hpp"
#include "peer_test_util.hpp"

namespace tern::peer {
namespace {

using test::parse_or_fail;

Codec codec(std::string name, uint32_t clock, uint16_t channels, std::vector<sdp::FmtpParameter> fmtp = {}) {
  Codec c;
  c.name = std::move(name);
  c.clock_rate = clock;
  c.channels = channels;
  c.fmtp = std::move(fmtp);
  return c;
}

TEST_CASE("codec_matches table", "[peer][jsep][codec]") {
  const Codec opus = default_audio_codecs()[0];
  const auto video = default_video_codecs();
  const Codec& vp8 = video[0];
  const Codec& vp9 = video[1];
  const Codec& h264 = video[2];
  struct Row {
    const char* name;
    const Codec& local;
    Codec remote;
    bool match;
  };
  const Row rows[] = {
      {"opus", opus, codec("opus", 48000, 2), true},
      {"OPUS upper case (RFC 4855 §3)", opus, codec("OPUS", 48000, 2), true},
      {"opus mono", opus, codec("opus", 48000, 1), false},
      {"opus at 16 kHz", opus, codec("opus", 16000, 2), false},
      {"PCMU", opus, codec("PCMU", 8000, 0), false},
      {"VP8", vp8, codec("VP8", 90000, 0), true},
      {"vp8 lower case", vp8, codec("vp8", 90000, 0), true},
      {"VP9 profile 0", vp9, codec("VP9", 90000, 0, {{"profile-id", "0"}}), true},
      {"VP9 without profile-id (default 0)", vp9, codec("VP9", 90000, 0), true},
      {"VP9 profile 2", vp9, codec("VP9", 90000, 0, {{"profile-id", "2"}}), false},
      {"H264 42e01f mode 1", h264,
       codec("H264", 90000, 0, {{"packetization-mode", "1"}, {"profile-level-id", "42e01f"}}), true},
      {"H264 42E01F upper case, other level", h264,
       codec("H264", 90000, 0, {{"packetization-mode", "1"}, {"profile-level-id", "42E034"}}), true},
      {"H264 mode 0", h264, codec("H264", 90000, 0, {{"packetization-mode", "0"}, {"profile-level-id", "42e01f"}}),
       false},
      {"H264 mode absent (0)", h264, codec("H264", 90000, 0, {{"profile-level-id", "42e01f"}}), false},
      {"H264 Baseline 42001f", h264,
       codec("H264", 90000, 0, {{"packetization-mode", "1"}, {"profile-level-id", "42001f"}}), false},
      {"H264 Main 4d001f", h264,
       codec("H264", 90000, 0, {{"packetization-mode", "1"}, {"profile-level-id", "4d001f"}}), false},
      {"AV1 is not VP8", vp8, codec("AV1", 90000, 0), false},
  };
  for (const auto& row : rows) {
    INFO(row.name);
    CHECK(codec_matches(row.local, row.remote) == row.match);
  }
}

TEST_CASE("section_codecs: RTX folded, static payload types, feedback with *", "[peer][jsep][codec]") {
  const auto d = parse_or_fail(
      "v=0\r\no=- 1 1 IN IP4 127.0.0.1\r\ns=-\r\nt=0 0\r\n"
      "m=video 9 UDP/TLS/RTP/SAVPF 96 97 100 0 101 96\r\nc=IN IP4 0.0.0.0\r\n"
      "a=rtpmap:96 VP8/90000\r\n"
      "a=rtpmap:97 rtx/90000\r\na=fmtp:97 apt=96\r\n"
      "a=rtpmap:101 rtx/90000\r\na=fmtp:101 apt=55\r\n"
      "a=rtcp-fb:* nack\r\na=rtcp-fb:96 nack\r\na=rtcp-fb:96 goog-remb\r\n");
  const auto codecs = section_codecs(d.media[0]);
  // 100 has no rtpmap (skipped), 0 is PCMU (RFC 3551), 101's apt names nothing, 96 repeats.
  REQUIRE(codecs.size() == 2);
  CHECK(codecs[0].payload_type == 96);
  CHECK(codecs[0].name == "VP8");
  CHECK(codecs[0].rtx_payload_type == uint8_t{97});
  CHECK(codecs[0].feedback == std::vector<RtcpFeedback>{{"nack", ""}, {"goog-remb", ""}});
  CHECK(codecs[1].payload_type == 0);
  CHECK(codecs[1].name == "PCMU");
  CHECK(codecs[1].clock_rate == 8000);
  CHECK(codecs[1].feedback == std::vector<RtcpFeedback>{{"nack", ""}});
  CHECK_FALSE(codecs[1].rtx_payload_type);
}

TEST_CASE("answer_codecs: offer order and payload types, feedback intersected, RTX when both", "[peer][jsep][codec]") {
  Codec offered_vp8 = codec("VP8", 90000, 0);
  offered_vp8.payload_type = 120;
  offered_vp8.rtx_payload_type = 121;
  offered_vp8.feedback = {{"nack", ""}, {"nack", "pli"}, {"foo", ""}};
  Codec offered_opus = codec("opus", 48000, 2, {{"stereo", "1"}});
  offered_opus.payload_type = 109;
  Codec offered_g722 = codec("G722", 8000, 0);
  offered_g722.payload_type = 9;

  std::vector<Codec> local = default_video_codecs();
  local.push_back(default_audio_codecs()[0]);
  local[0].rtx_payload_type.reset();  // our VP8 without RTX
  const auto answered = answer_codecs({offered_g722, offered_vp8, offered_opus}, local);
  REQUIRE(answered.size() == 2);
  CHECK(answered[0].payload_type == 120);
  CHECK(answered[0].feedback == std::vector<RtcpFeedback>{{"nack", ""}, {"nack", "pli"}});
  CHECK_FALSE(answered[0].rtx_payload_type);
  CHECK(answered[1].payload_type == 109);
  CHECK(answered[1].fmtp == offered_opus.fmtp);  // the offer's parameters
  CHECK(answer_codecs({offered_g722}, local).empty());
}

TEST_CASE("check_codecs", "[peer][jsep][codec]") {
  CHECK(check_codecs(default_video_codecs()).ok());
  CHECK(check_codecs(default_audio_codecs()).ok());
  auto clash = default_video_codecs();
  clash[2].rtx_payload_type = 96;
  auto r = check_codecs(clash);
  REQUIRE_FALSE(r.ok());
  CHECK(r.error().is(JsepErrc::kBadLocalState));
}

TEST_CASE("section kinds", "[peer][jsep][codec]") {
  for (auto k : {SectionKind::kAudio, SectionKind::kVideo, SectionKind::kApplication}) {
    CHECK(section_kind_from_media(section_media_name(k)) == k);
  }
  CHECK_FALSE(section_kind_from_media("text"));
  CHECK(is_rtx("RTX"));
  CHECK_FALSE(is_rtx("red"));
}

}  // namespace
}  // namespace tern::peer

// Round trips and typed views of the real offers and answers in tests/data/sdp (Chromium 156 and
// libdatachannel 0.24.5, see tests/data/sdp/README.md).
#include <algorithm>
#include <filesystem>
#include <string>
#include <vector>

#include <catch2/catch.hpp>

#include "sdp/session_description.hpp"
#include "sdp_test_util.hpp"

namespace tern::sdp {
namespace {

using test::read_sample;

std::vector<std::string> sample_names() {
  std::vector<std::string> names;
  for (const auto& entry : std::filesystem::directory_iterator(std::string(TERN_TEST_DATA_DIR) + "/sdp")) {
    if (entry.path().extension() == ".sdp") names.push_back(entry.path().filename().string());
  }
  std::sort(names.begin(), names.end());
  return names;
}

SessionDescription parse_sample(const std::string& name) {
  auto r = parse(read_sample(name));
  INFO(name << ": " << (r ? std::string() : r.error().to_string()));
  REQUIRE(r.ok());
  return std::move(r).value();
}

TEST_CASE("every sample SDP round-trips byte for byte", "[sdp][samples]") {
  const auto names = sample_names();
  REQUIRE(names.size() >= 13);
  for (const auto& name : names) {
    INFO(name);
    const std::string text = read_sample(name);
    auto first = parse(text);
    INFO((first ? std::string("ok") : first.error().to_string()));
    REQUIRE(first.ok());
    // All samples are well-formed CRLF text, so the exact bytes come back.
    const std::string written = serialize(*first);
    CHECK(written == text);
    auto second = parse(written);
    REQUIRE(second.ok());
    CHECK(*second == *first);
  }
}

TEST_CASE("every sample SDP also parses with bare LF line ends", "[sdp][samples]") {
  for (const auto& name : sample_names()) {
    INFO(name);
    const std::string crlf = read_sample(name);
    std::string lf;
    for (char c : crlf) {
      if (c != '\r') lf += c;
    }
    auto from_lf = parse(lf);
    REQUIRE(from_lf.ok());
    CHECK(*from_lf == *parse(crlf));
    CHECK(serialize(*from_lf) == crlf);  // serialize always writes CRLF
  }
}

TEST_CASE("Chromium offer: typed view", "[sdp][samples]") {
  const SessionDescription sd = parse_sample("chromium_offer_audio_video_dc.sdp");
  CHECK(sd.origin.username == "-");
  CHECK(sd.origin.session_id == 3962959305951279362u);
  CHECK(sd.origin.session_version == 2);
  CHECK(sd.origin.address == "127.0.0.1");
  CHECK(sd.session_name == "-");
  REQUIRE(sd.times.size() == 1);
  CHECK(sd.times[0].start == 0);
  CHECK(sd.times[0].stop == 0);

  auto bundle = sd.group("BUNDLE");
  REQUIRE(bundle);
  CHECK(bundle->mids == std::vector<std::string>{"0", "1", "2"});
  CHECK(sd.extmap_allow_mixed());
  auto semantic = sd.msid_semantic();
  REQUIRE(semantic);
  CHECK(semantic->semantic == "WMS");
  CHECK(semantic->stream_ids == std::vector<std::string>{"4af633d0-54cf-4e92-a549-b4fab42f26ab"});

  REQUIRE(sd.media.size() == 3);
  const MediaDescription& audio = sd.media[0];
  CHECK(audio.media == "audio");
  CHECK(audio.port == 47090);
  CHECK(audio.proto == "UDP/TLS/RTP/SAVPF");
  CHECK(audio.formats == std::vector<std::string>{"111", "63", "9", "0", "8", "13", "110", "126"});
  REQUIRE(audio.connection());
  CHECK(audio.connection()->address == "127.0.0.1");
  CHECK(audio.mid() == "0");
  CHECK(audio.direction() == Direction::kSendRecv);
  CHECK(audio.ice_ufrag() == "MbwO");
  CHECK(audio.ice_pwd() == "o2LkRklCETM8QezwoT0NbH0e");
  REQUIRE(audio.ice_options());
  CHECK(audio.ice_options()->has("trickle"));
  CHECK(audio.setup() == SetupRole::kActpass);
  CHECK(audio.rtcp_mux());
  CHECK(audio.rtcp_rsize());
  auto rtcp = audio.rtcp();
  REQUIRE(rtcp);
  CHECK(rtcp->port == 9);
  CHECK(rtcp->address == "0.0.0.0");

  auto fps = audio.fingerprints();
  REQUIRE(fps.size() == 1);
  CHECK(fps[0].hash == FingerprintHash::kSha256);
  REQUIRE(fps[0].digest.size() == 32);
  CHECK(fps[0].digest.front() == 0xD3);
  CHECK(fps[0].digest.back() == 0x97);

  auto opus = audio.rtpmap(111);
  REQUIRE(opus);
  CHECK(opus->encoding_name == "opus");
  CHECK(opus->clock_rate == 48000);
  CHECK(opus->encoding_parameters == 2u);
  auto opus_fmtp = audio.fmtp("111");
  REQUIRE(opus_fmtp);
  CHECK(opus_fmtp->parameter("minptime") == "10");
  CHECK(opus_fmtp->parameter("useinbandfec") == "1");
  auto red_fmtp = audio.fmtp("63");
  REQUIRE(red_fmtp);
  REQUIRE(red_fmtp->parameters.size() == 1);
  CHECK(red_fmtp->parameters[0].name == "111/111");
  CHECK_FALSE(red_fmtp->parameters[0].value);
  auto opus_fb = audio.rtcp_fbs(111);
  REQUIRE(opus_fb.size() == 1);
  CHECK(opus_fb[0].type == "transport-cc");

  auto extmaps = audio.extmaps();
  REQUIRE(extmaps.size() == 4);
  CHECK(extmaps[0].id == 1);
  CHECK(extmaps[0].uri == "urn:ietf:params:rtp-hdrext:ssrc-audio-level");
  CHECK(extmaps[3].uri == "urn:ietf:params:rtp-hdrext:sdes:mid");

  auto msids = audio.msids();
  REQUIRE(msids.size() == 1);
  CHECK(msids[0].stream_id == "4af633d0-54cf-4e92-a549-b4fab42f26ab");
  CHECK(msids[0].track_id == "e4a03c3a-9c97-411c-a52c-c9c31406399a");
  auto ssrcs = audio.ssrcs();
  REQUIRE(ssrcs.size() == 2);
  CHECK(ssrcs[0].ssrc == 678502110u);
  CHECK(ssrcs[0].attribute == "cname");
  CHECK(ssrcs[0].value == "sfq7IJfGb34t4Xhw");

  auto candidates = audio.candidates();
  REQUIRE(candidates.size() == 1);
  const Candidate& c = candidates[0];
  CHECK(c.foundation == "3328651449");
  CHECK(c.component == 1);
  CHECK(c.transport == "udp");
  CHECK(c.transport_kind() == CandidateTransport::kUdp);
  CHECK(c.priority == 2122260223u);
  CHECK(c.address == "127.0.0.1");
  CHECK(c.address_kind() == AddressKind::kIpv4);
  CHECK(c.port == 47090);
  CHECK(c.type == CandidateType::kHost);
  CHECK(c.extension("generation") == "0");
  CHECK(c.extension("network-id") == "1");
  CHECK(c.extension("network-cost") == "50");

  const MediaDescription& video = sd.media[1];
  CHECK(video.media == "video");
  CHECK(video.formats.size() == 23);
  CHECK(video.rtpmap(96)->encoding_name == "VP8");
  CHECK(video.fmtp("97")->parameter("apt") == "96");
  CHECK(video.fmtp("102")->parameter("profile-level-id") == "42001f");
  CHECK(video.rtcp_fbs(96).size() == 5);
  auto groups = video.ssrc_groups();
  REQUIRE(groups.size() == 1);
  CHECK(groups[0].semantics == "FID");
  CHECK(groups[0].ssrcs == std::vector<uint32_t>{2580399102u, 1924916540u});
  CHECK(video.extmaps().size() == 11);
  // Unknown attributes stay in place, verbatim.
  CHECK(video.attribute("rtcp-xr") == "rcvr-rtt=all");

  const MediaDescription& data = sd.media[2];
  CHECK(data.media == "application");
  CHECK(data.port == 43820);
  CHECK(data.proto == "UDP/DTLS/SCTP");
  CHECK(data.formats == std::vector<std::string>{"webrtc-datachannel"});
  CHECK(data.mid() == "2");
  CHECK(data.sctp_port() == 5000);
  CHECK(data.max_message_size() == 262144u);
  CHECK_FALSE(data.direction());
  CHECK(sd.find_media("2") == &data);
  CHECK(sd.find_media("3") == nullptr);
}

TEST_CASE("libdatachannel offer: typed view", "[sdp][samples]") {
  const SessionDescription sd = parse_sample("libdatachannel_offer_audio_video_dc.sdp");
  CHECK(sd.origin.username == "rtc");
  CHECK(sd.origin.session_id == 2234512516u);
  auto groups = sd.groups();
  REQUIRE(groups.size() == 2);
  CHECK(groups[0].semantics == "BUNDLE");
  CHECK(groups[1].semantics == "LS");
  CHECK(groups[1].mids == std::vector<std::string>{"0", "1"});
  auto semantic = sd.msid_semantic();
  REQUIRE(semantic);
  CHECK(semantic->stream_ids == std::vector<std::string>{"*"});
  // "ice2,trickle": libdatachannel separates the tags with a comma.
  auto options = sd.ice_options();
  REQUIRE(options);
  CHECK(options->tags == std::vector<std::string>{"ice2", "trickle"});
  CHECK(sd.fingerprints().size() == 1);
  CHECK(sd.fingerprints()[0].digest.size() == 32);

  REQUIRE(sd.media.size() == 3);
  const MediaDescription& audio = sd.media[0];
  CHECK(audio.fmtp("111")->parameters.size() == 5);
  auto candidates = audio.candidates();
  REQUIRE(candidates.size() == 1);
  CHECK(candidates[0].transport == "UDP");
  CHECK(candidates[0].transport_kind() == CandidateTransport::kUdp);
  CHECK(candidates[0].priority == 2114977791u);
  CHECK(candidates[0].extensions.empty());
  CHECK(audio.end_of_candidates());
  CHECK(audio.ice_ufrag() == "APMo");
  CHECK(audio.ice_pwd() == "fbsvFY6uhYYiCO/EkRpxWk");
  CHECK(sd.media[1].rtcp_fbs(102).size() == 3);
  CHECK(sd.media[2].sctp_port() == 5000);
  CHECK(sd.media[2].direction() == Direction::kSendRecv);
}

TEST_CASE("answers: setup roles and rejected-looking m-lines", "[sdp][samples]") {
  const SessionDescription chrome = parse_sample("chromium_answer_to_wrtc_offer.sdp");
  CHECK(chrome.media[0].setup() == SetupRole::kActive);
  CHECK(chrome.media[1].port == 9);
  CHECK(chrome.media[1].connection()->address == "0.0.0.0");
  CHECK(chrome.media[1].candidates().empty());
  const SessionDescription werift = parse_sample("chromium_answer_to_werift_offer.sdp");
  CHECK(werift.media[0].rtpmap(96)->encoding_name == "OPUS");
  CHECK_FALSE(werift.media[2].max_message_size());
}

}  // namespace
}  // namespace tern::sdp

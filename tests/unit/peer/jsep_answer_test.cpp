// create_answer (RFC 8829 §5.3) against the real Chromium and libdatachannel offers, and the
// negotiation rules one by one.
#include <catch2/catch.hpp>

#include "peer/jsep/answer.hpp"
#include "peer/jsep/offer.hpp"
#include "peer_test_util.hpp"

namespace tern::peer {
namespace {

using test::audio_section;
using test::av_data_state;
using test::data_section;
using test::offer_text;
using test::contains;
using test::empty_state;
using test::parse_or_fail;
using test::read_sample;
using test::sample_offers;
using test::values;

sdp::SessionDescription answer_to(const sdp::SessionDescription& offer, LocalSessionState& state, uint64_t seed = 3) {
  SeededRng rng(seed);
  auto r = create_answer(offer, state, rng);
  INFO((r ? std::string("ok") : r.error().to_string()));
  REQUIRE(r.ok());
  const std::string text = sdp::serialize(*r);
  auto parsed = parse_or_fail(text);
  CHECK(parsed == *r);
  return parsed;
}

std::vector<std::string> bundle_of(const sdp::SessionDescription& d) {
  auto g = d.group("BUNDLE");
  return g ? g->mids : std::vector<std::string>{};
}

TEST_CASE("answers to every sample offer: same m= lines, data accepted, setup active, BUNDLE",
          "[peer][jsep][answer][samples]") {
  for (const bool with_transceivers : {false, true}) {
    for (const auto& name : sample_offers()) {
      INFO(name << (with_transceivers ? " (local transceivers)" : " (no local transceivers)"));
      const auto offer = parse_or_fail(read_sample(name));
      LocalSessionState state = with_transceivers ? av_data_state() : empty_state();
      const auto answer = answer_to(offer, state);

      // RFC 3264 §6: one m= line per offered one, same media, same order, same mids.
      REQUIRE(answer.media.size() == offer.media.size());
      for (size_t i = 0; i < offer.media.size(); ++i) {
        CHECK(answer.media[i].media == offer.media[i].media);
        CHECK(answer.media[i].proto == offer.media[i].proto);
        CHECK(answer.media[i].mid() == offer.media[i].mid());
        CHECK(answer.media[i].port == 9);  // accepted: every sample offers Opus, VP8 and data
        // RFC 8842 §5.3 / RFC 5763 §5: the answerer to actpass is the DTLS client.
        CHECK(answer.media[i].setup() == sdp::SetupRole::kActive);
        CHECK(answer.media[i].ice_ufrag() == std::optional<std::string_view>(state.ice.ufrag));
        CHECK(answer.media[i].fingerprints().size() == 1);
        CHECK(answer.media[i].rtcp_mux() == (answer.media[i].media != "application"));
      }
      CHECK(bundle_of(answer) == std::vector<std::string>{"0", "1", "2"});

      const auto& data = answer.media[2];
      CHECK(data.formats == std::vector<std::string>{"webrtc-datachannel"});
      CHECK(data.sctp_port() == uint16_t{5000});
      CHECK(data.max_message_size() == uint64_t{262144});

      // Audio: Opus only, with the offer's payload type and parameters.
      const auto& audio = answer.media[0];
      CHECK(audio.formats == std::vector<std::string>{"111"});
      REQUIRE(audio.rtpmap(111));
      CHECK(audio.rtpmap(111)->encoding_name == "opus");
      CHECK(audio.fmtp("111") == offer.media[0].fmtp("111"));

      // Directions: a sendrecv offer against a sendrecv transceiver, or a new recvonly one.
      const auto expected = with_transceivers ? sdp::Direction::kSendRecv : sdp::Direction::kRecvOnly;
      CHECK(audio.direction() == expected);
      CHECK(answer.media[1].direction() == expected);
      CHECK(audio.msids().empty() == !with_transceivers);
      CHECK(audio.ssrcs().empty() == !with_transceivers);

      // Every answered payload type was offered (RFC 3264 §6.1).
      for (size_t i = 0; i < 2; ++i) {
        for (const auto& f : answer.media[i].formats) CHECK(contains(offer.media[i].formats, f));
      }

      // The offerer can apply our answer: it becomes the DTLS server.
      auto applied = apply_remote_description(SdpType::kAnswer, sdp::serialize(answer), &offer);
      INFO((applied ? std::string("ok") : applied.error().to_string()));
      REQUIRE(applied.ok());
      CHECK(applied->local_dtls_role == DtlsRole::kServer);
      REQUIRE(applied->sctp);
      CHECK(applied->sctp->max_message_size == 262144);
    }
  }
}

TEST_CASE("answer to the Chromium offer: video codecs intersected, RTX kept, offer order", "[peer][jsep][answer][samples]") {
  const auto offer = parse_or_fail(read_sample("chromium_offer_audio_video_dc.sdp"));
  LocalSessionState state = av_data_state();
  const auto answer = answer_to(offer, state);
  const auto& video = answer.media[1];
  // Offer order: VP8 96 (rtx 97) ... H264 42e01f packetization-mode 1 is 108 (rtx 109) ... VP9
  // profile 0 is 98 (rtx 99). H264 42001f (Baseline, not Constrained Baseline), packetization
  // mode 0, Main profile, AV1, VP9 profile 2, red and ulpfec are not ours.
  CHECK(video.formats == std::vector<std::string>{"96", "97", "108", "109", "98", "99"});
  CHECK(video.rtpmap(108)->encoding_name == "H264");
  CHECK(video.fmtp("108")->parameter("profile-level-id") == std::optional<std::string_view>("42e01f"));
  CHECK(video.fmtp("109")->parameter("apt") == std::optional<std::string_view>("108"));
  std::vector<std::string> fb;
  for (const auto& f : video.rtcp_fbs(96)) fb.push_back(f.type + (f.parameter.empty() ? "" : " " + f.parameter));
  CHECK(fb == std::vector<std::string>{"goog-remb", "transport-cc", "ccm fir", "nack", "nack pli"});
  // Header extensions: only ours, with the offer's ids (RFC 8285 §7).
  CHECK(values(video, "extmap") ==
        std::vector<std::string>{"2 http://www.webrtc.org/experiments/rtp-hdrext/abs-send-time",
                                 "3 http://www.ietf.org/id/draft-holmer-rmcat-transport-wide-cc-extensions-01",
                                 "4 urn:ietf:params:rtp-hdrext:sdes:mid"});
  CHECK(video.rtcp_rsize());
  CHECK(answer.extmap_allow_mixed());
  REQUIRE(video.ssrc_groups().size() == 1);
  CHECK(video.ssrc_groups()[0].semantics == "FID");
  // The local transceivers took the offered mids.
  CHECK(state.sections[0].mid == "0");
  CHECK(state.sections[1].mid == "1");
  CHECK(state.sections[2].mid == "2");
}

TEST_CASE("answer to the libdatachannel offer: session-level fingerprint, no RTX, its feedback", "[peer][jsep][answer][samples]") {
  const auto offer = parse_or_fail(read_sample("libdatachannel_offer_audio_video_dc.sdp"));
  LocalSessionState state = empty_state();
  const auto answer = answer_to(offer, state);
  const auto& video = answer.media[1];
  CHECK(video.formats == std::vector<std::string>{"96", "102"});
  std::vector<std::string> fb;
  for (const auto& f : video.rtcp_fbs(96)) fb.push_back(f.type + (f.parameter.empty() ? "" : " " + f.parameter));
  CHECK(fb == std::vector<std::string>{"nack", "nack pli", "goog-remb"});
  CHECK_FALSE(video.rtcp_rsize());  // not offered
  CHECK_FALSE(answer.extmap_allow_mixed());
  CHECK(video.extmaps().empty());
  CHECK(answer.media[0].fmtp("111")->parameter("stereo") == std::optional<std::string_view>("1"));
}

TEST_CASE("answer candidates go in the first accepted section", "[peer][jsep][answer]") {
  const auto offer = parse_or_fail(read_sample("live_chromium_offer_trickle.sdp"));
  LocalSessionState state = empty_state();
  state.candidates = {*sdp::parse_candidate("candidate:1 1 udp 2122260223 127.0.0.1 40000 typ host")};
  state.gathering_complete = true;
  const auto answer = answer_to(offer, state);
  CHECK(answer.media[0].candidates().size() == 1);
  CHECK(answer.media[0].end_of_candidates());
  CHECK(answer.media[0].port == 40000);
  CHECK(answer.media[1].candidates().empty());
  CHECK(answer.media[2].candidates().empty());
}

TEST_CASE("answer direction: RFC 3264 §6.1 table", "[peer][jsep][answer]") {
  using D = sdp::Direction;
  struct Row {
    D offer;
    D local;
    D answer;
  };
  const Row rows[] = {
      {D::kSendRecv, D::kSendRecv, D::kSendRecv}, {D::kSendRecv, D::kSendOnly, D::kSendOnly},
      {D::kSendRecv, D::kRecvOnly, D::kRecvOnly}, {D::kSendRecv, D::kInactive, D::kInactive},
      {D::kSendOnly, D::kSendRecv, D::kRecvOnly}, {D::kSendOnly, D::kSendOnly, D::kInactive},
      {D::kSendOnly, D::kRecvOnly, D::kRecvOnly}, {D::kSendOnly, D::kInactive, D::kInactive},
      {D::kRecvOnly, D::kSendRecv, D::kSendOnly}, {D::kRecvOnly, D::kSendOnly, D::kSendOnly},
      {D::kRecvOnly, D::kRecvOnly, D::kInactive}, {D::kRecvOnly, D::kInactive, D::kInactive},
      {D::kInactive, D::kSendRecv, D::kInactive}, {D::kInactive, D::kSendOnly, D::kInactive},
      {D::kInactive, D::kRecvOnly, D::kInactive}, {D::kInactive, D::kInactive, D::kInactive},
  };
  for (const auto& row : rows) {
    INFO("offer " << sdp::direction_name(row.offer) << " local " << sdp::direction_name(row.local));
    LocalSessionState offerer = empty_state();
    add_media_section(offerer, SectionKind::kAudio, row.offer, "s", "t");
    SeededRng rng(1);
    auto offer = create_offer(offerer, rng);
    REQUIRE(offer.ok());
    LocalSessionState answerer = empty_state();
    add_media_section(answerer, SectionKind::kAudio, row.local, "s2", "t2");
    const auto answer = answer_to(*offer, answerer);
    CHECK(answer.media[0].port == 9);
    CHECK(answer.media[0].direction() == row.answer);
    const bool sending = row.answer == D::kSendRecv || row.answer == D::kSendOnly;
    CHECK(answer.media[0].msids().empty() == !sending);
    // And the offerer accepts it.
    auto applied = apply_remote_description(SdpType::kAnswer, answer, &*offer);
    INFO((applied ? std::string("ok") : applied.error().to_string()));
    CHECK(applied.ok());
  }
}

TEST_CASE("answer setup follows the offer's: active -> passive, passive -> active", "[peer][jsep][answer]") {
  struct Row {
    const char* offered;
    sdp::SetupRole answered;
  };
  for (const Row& row : {Row{"active", sdp::SetupRole::kPassive}, Row{"passive", sdp::SetupRole::kActive},
                         Row{"actpass", sdp::SetupRole::kActive}}) {
    INFO(row.offered);
    std::string text = offer_text("a=group:BUNDLE 0\r\n", data_section("0"));
    text.replace(text.find("a=setup:actpass"), 15, std::string("a=setup:") + row.offered);
    LocalSessionState state = empty_state();
    const auto answer = answer_to(parse_or_fail(text), state);
    CHECK(answer.media[0].setup() == row.answered);
  }
  // A preference for passive, and an established role, are honoured for actpass offers.
  const auto offer = parse_or_fail(offer_text("a=group:BUNDLE 0\r\n", data_section("0")));
  LocalSessionState passive = empty_state();
  passive.answer_setup = sdp::SetupRole::kPassive;
  CHECK(answer_to(offer, passive).media[0].setup() == sdp::SetupRole::kPassive);
  LocalSessionState established = empty_state();
  established.established_dtls_role = DtlsRole::kServer;
  CHECK(answer_to(offer, established).media[0].setup() == sdp::SetupRole::kPassive);
}

TEST_CASE("answer rejection table: port 0 for what we cannot take", "[peer][jsep][answer]") {
  struct Case {
    const char* name;
    std::string offer;
    std::vector<uint16_t> ports;      // answer m= ports, in order
    std::vector<std::string> bundle;  // answer BUNDLE mids
  };
  const Case cases[] = {
      {"audio without rtcp-mux", offer_text("a=group:BUNDLE 0 1\r\n", data_section("0") + audio_section("1", "")),
       {9, 0}, {"0"}},
      {"audio without a codec of ours",
       offer_text("a=group:BUNDLE 0 1\r\n",
                  data_section("0") + audio_section("1", "a=rtcp-mux\r\n", "0 8", "")),
       {9, 0}, {"0"}},
      {"non-SRTP RTP profile",
       offer_text("a=group:BUNDLE 0 1\r\n", data_section("0") + [] {
         std::string a = audio_section("1");
         a.replace(a.find("UDP/TLS/RTP/SAVPF"), 17, "RTP/AVP");
         return a;
       }()),
       {9, 0}, {"0"}},
      {"unknown media",
       offer_text("a=group:BUNDLE 0 1\r\n",
                  data_section("0") + "m=text 9 UDP/TLS/RTP/SAVPF 98\r\nc=IN IP4 0.0.0.0\r\na=mid:1\r\n"),
       {9, 0}, {"0"}},
      {"second data section", offer_text("a=group:BUNDLE 0 1\r\n", data_section("0") + data_section("1")), {9, 0}, {"0"}},
      {"section the offer rejected",
       offer_text("a=group:BUNDLE 0\r\n", data_section("0") + [] {
         std::string a = audio_section("1");
         a.replace(a.find("m=audio 9"), 9, "m=audio 0");
         return a;
       }()),
       {9, 0}, {"0"}},
      {"section outside the BUNDLE group", offer_text("a=group:BUNDLE 0\r\n", data_section("0") + audio_section("1")),
       {9, 0}, {"0"}},
      {"no BUNDLE group: only the first section (max-bundle)", offer_text("", data_section("0") + audio_section("1")),
       {9, 0}, {}},
      // RFC 9143 §7.3.3: rejecting the offerer's tag rejects the whole group.
      {"the BUNDLE tag rejected",
       offer_text("a=group:BUNDLE 0 1\r\n", audio_section("0", "a=rtcp-mux\r\n", "0", "") + data_section("1")),
       {0, 0}, {}},
  };
  for (const auto& c : cases) {
    INFO(c.name);
    LocalSessionState state = empty_state();
    const auto answer = answer_to(parse_or_fail(c.offer), state);
    std::vector<uint16_t> ports;
    for (const auto& m : answer.media) ports.push_back(m.port);
    CHECK(ports == c.ports);
    CHECK(bundle_of(answer) == c.bundle);
    for (const auto& m : answer.media) {
      if (m.port == 0) {
        CHECK(m.mid().has_value());  // rejected sections keep their mid
        CHECK_FALSE(m.ice_ufrag().has_value());
      }
    }
  }
}

TEST_CASE("create_answer rejects an incoherent offer with the error of apply_remote_description", "[peer][jsep][answer]") {
  std::string text = offer_text("a=group:BUNDLE 0\r\n", data_section("0"));
  text.erase(text.find("a=fingerprint"), text.find("a=setup") - text.find("a=fingerprint"));
  LocalSessionState state = empty_state();
  SeededRng rng(1);
  auto r = create_answer(parse_or_fail(text), state, rng);
  REQUIRE_FALSE(r.ok());
  CHECK(r.error().is(JsepErrc::kMissingFingerprint));
  CHECK(r.error().position() == 6);  // the m= line
  CHECK(state.session_version == 0);
  // And no local fingerprint.
  LocalSessionState bare;
  auto r2 = create_answer(parse_or_fail(offer_text("a=group:BUNDLE 0\r\n", data_section("0"))), bare, rng);
  REQUIRE_FALSE(r2.ok());
  CHECK(r2.error().is(JsepErrc::kBadLocalState));
}

TEST_CASE("a second offer from the same peer is answered with the same mids and transceivers", "[peer][jsep][answer]") {
  const auto offer = parse_or_fail(read_sample("chromium_offer_audio_video_dc.sdp"));
  LocalSessionState state = av_data_state();
  const auto first = answer_to(offer, state);
  const uint32_t audio_ssrc = state.sections[0].ssrc;
  const auto second = answer_to(offer, state);
  CHECK(state.sections.size() == 3);
  CHECK(state.sections[0].ssrc == audio_ssrc);
  CHECK(second.origin.session_version == first.origin.session_version + 1);
  CHECK(second.media[0].ice_ufrag() == first.media[0].ice_ufrag());
}

}  // namespace
}  // namespace tern::peer

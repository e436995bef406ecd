// create_offer (RFC 8829 §5.2): every required line, parsed back with the sdp parser.
#include <catch2/catch.hpp>

#include "peer/jsep/offer.hpp"
#include "peer_test_util.hpp"
#include "sdp/ice.hpp"

namespace tern::peer {
namespace {

using test::av_data_state;
using test::contains;
using test::empty_state;
using test::parse_or_fail;
using test::test_fingerprint;
using test::values;

sdp::SessionDescription offer_of(LocalSessionState& state, uint64_t seed = 1) {
  SeededRng rng(seed);
  auto r = create_offer(state, rng);
  INFO((r ? std::string("ok") : r.error().to_string()));
  REQUIRE(r.ok());
  // What goes on the wire must parse back to the same description.
  const std::string text = sdp::serialize(*r);
  auto parsed = parse_or_fail(text);
  CHECK(parsed == *r);
  return parsed;
}

bool all_ice_chars(const std::string& s) {
  for (char c : s) {
    const bool ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '+' || c == '/';
    if (!ok) return false;
  }
  return true;
}

TEST_CASE("ICE credentials: RFC 8839 §5.4 lengths and ice-char alphabet", "[peer][jsep][offer]") {
  SeededRng rng(7);
  IceCredentials previous;
  for (int i = 0; i < 50; ++i) {
    const IceCredentials c = generate_ice_credentials(rng);
    CHECK(c.ufrag.size() == kIceUfragLength);
    CHECK(c.pwd.size() == kIcePwdLength);
    CHECK(c.ufrag.size() >= 4);   // 24 bits at 6 bits per ice-char
    CHECK(c.pwd.size() >= 22);    // 128 bits at 6 bits per ice-char
    CHECK(all_ice_chars(c.ufrag));
    CHECK(all_ice_chars(c.pwd));
    CHECK(sdp::parse_ice_ufrag(c.ufrag).ok());
    CHECK(sdp::parse_ice_pwd(c.pwd).ok());
    CHECK(c != previous);
    previous = c;
  }
}

TEST_CASE("data-channel offer: the exact lines, in order", "[peer][jsep][offer]") {
  LocalSessionState state = empty_state();
  ensure_data_section(state);
  const auto d = offer_of(state);
  const std::string expected =
      "v=0\r\n"
      "o=- " + std::to_string(state.session_id) + " 1 IN IP4 127.0.0.1\r\n"
      "s=-\r\n"
      "t=0 0\r\n"
      "a=group:BUNDLE 0\r\n"
      "a=msid-semantic: WMS\r\n"
      "m=application 9 UDP/DTLS/SCTP webrtc-datachannel\r\n"
      "c=IN IP4 0.0.0.0\r\n"
      "a=ice-ufrag:" + state.ice.ufrag + "\r\n"
      "a=ice-pwd:" + state.ice.pwd + "\r\n"
      "a=ice-options:trickle\r\n"
      "a=fingerprint:sha-256 00:01:02:03:04:05:06:07:08:09:0A:0B:0C:0D:0E:0F:10:11:12:13:14:15:16:17:18:19:1A:1B:1C:1D:1E:1F\r\n"
      "a=setup:actpass\r\n"
      "a=mid:0\r\n"
      "a=sctp-port:5000\r\n"
      "a=max-message-size:262144\r\n";
  CHECK(sdp::serialize(d) == expected);
}

TEST_CASE("data-channel offer: typed view of every required line", "[peer][jsep][offer]") {
  LocalSessionState state = empty_state();
  state.max_message_size = 1 << 20;
  ensure_data_section(state);
  const auto d = offer_of(state);

  // RFC 8829 §5.2.1: o=- <63-bit sess-id> <version> IN IP4 127.0.0.1, s=-, t=0 0.
  CHECK(d.origin.username == "-");
  CHECK(d.origin.session_id != 0);
  CHECK(d.origin.session_id < (uint64_t{1} << 63));
  CHECK(d.origin.session_version == 1);
  CHECK(d.origin.address == "127.0.0.1");
  CHECK(d.session_name == "-");
  REQUIRE(d.times.size() == 1);
  CHECK(d.times[0].start == 0);
  CHECK(d.times[0].stop == 0);
  REQUIRE(d.group("BUNDLE"));
  CHECK(d.group("BUNDLE")->mids == std::vector<std::string>{"0"});
  REQUIRE(d.msid_semantic());
  CHECK(d.msid_semantic()->semantic == "WMS");
  CHECK_FALSE(d.extmap_allow_mixed());  // no RTP section

  REQUIRE(d.media.size() == 1);
  const auto& m = d.media[0];
  CHECK(m.media == "application");
  CHECK(m.port == 9);
  CHECK(m.proto == "UDP/DTLS/SCTP");
  CHECK(m.formats == std::vector<std::string>{"webrtc-datachannel"});
  REQUIRE(m.connection());
  CHECK(m.connection()->address == "0.0.0.0");
  CHECK(m.ice_ufrag() == std::optional<std::string_view>(state.ice.ufrag));
  CHECK(m.ice_pwd() == std::optional<std::string_view>(state.ice.pwd));
  REQUIRE(m.ice_options());
  CHECK(m.ice_options()->has("trickle"));
  CHECK(m.fingerprints() == std::vector<sdp::Fingerprint>{test_fingerprint()});
  CHECK(m.setup() == sdp::SetupRole::kActpass);
  CHECK(m.mid() == std::optional<std::string_view>("0"));
  CHECK(m.sctp_port() == uint16_t{5000});
  CHECK(m.max_message_size() == uint64_t{1} << 20);
  CHECK(m.candidates().empty());
  CHECK_FALSE(m.end_of_candidates());
}

TEST_CASE("a second offer keeps the session id, credentials and mids, and bumps the version", "[peer][jsep][offer]") {
  LocalSessionState state = empty_state();
  ensure_data_section(state);
  const auto first = offer_of(state, 1);
  const auto second = offer_of(state, 2);
  CHECK(second.origin.session_id == first.origin.session_id);
  CHECK(second.origin.session_version == first.origin.session_version + 1);
  CHECK(second.media[0].ice_ufrag() == first.media[0].ice_ufrag());
  CHECK(second.media[0].mid() == first.media[0].mid());
  // The same state and seed give the same description (all randomness comes from the Rng).
  LocalSessionState a = empty_state(), b = empty_state();
  ensure_data_section(a);
  ensure_data_section(b);
  CHECK(offer_of(a, 99) == offer_of(b, 99));
}

TEST_CASE("audio + video + data offer: codecs, feedback, extmaps, msid, ssrcs", "[peer][jsep][offer]") {
  LocalSessionState state = av_data_state();
  const auto d = offer_of(state);
  REQUIRE(d.group("BUNDLE"));
  CHECK(d.group("BUNDLE")->mids == std::vector<std::string>{"0", "1", "2"});
  CHECK(d.extmap_allow_mixed());
  CHECK(values(d, "msid-semantic") == std::vector<std::string>{" WMS stream"});
  REQUIRE(d.media.size() == 3);

  for (const auto& m : d.media) {
    INFO(m.media);
    // One transport: the same credentials, fingerprint and setup everywhere.
    CHECK(m.ice_ufrag() == std::optional<std::string_view>(state.ice.ufrag));
    CHECK(m.ice_pwd() == std::optional<std::string_view>(state.ice.pwd));
    CHECK(m.fingerprints().size() == 1);
    CHECK(m.setup() == sdp::SetupRole::kActpass);
  }

  const auto& audio = d.media[0];
  CHECK(audio.media == "audio");
  CHECK(audio.proto == "UDP/TLS/RTP/SAVPF");
  CHECK(audio.formats == std::vector<std::string>{"111"});
  CHECK(audio.mid() == std::optional<std::string_view>("0"));
  CHECK(audio.direction() == sdp::Direction::kSendRecv);
  CHECK(audio.rtcp_mux());
  CHECK(audio.rtcp_rsize());
  CHECK(values(audio, "rtpmap") == std::vector<std::string>{"111 opus/48000/2"});
  CHECK(values(audio, "fmtp") == std::vector<std::string>{"111 minptime=10;useinbandfec=1"});
  CHECK(values(audio, "rtcp-fb") == std::vector<std::string>{"111 transport-cc"});
  CHECK(values(audio, "extmap") ==
        std::vector<std::string>{"2 http://www.webrtc.org/experiments/rtp-hdrext/abs-send-time",
                                 "3 http://www.ietf.org/id/draft-holmer-rmcat-transport-wide-cc-extensions-01",
                                 "4 urn:ietf:params:rtp-hdrext:sdes:mid"});
  REQUIRE(audio.msids().size() == 1);
  CHECK(audio.msids()[0] == sdp::Msid{"stream", std::string("audio-track")});
  CHECK(audio.ssrc_groups().empty());  // Opus has no RTX
  const auto audio_ssrcs = audio.ssrcs();
  REQUIRE(audio_ssrcs.size() == 2);
  CHECK(audio_ssrcs[0].ssrc == state.sections[0].ssrc);
  CHECK(audio_ssrcs[0].attribute == "cname");
  CHECK(audio_ssrcs[0].value == state.cname);
  CHECK(audio_ssrcs[1].attribute == "msid");
  CHECK(audio_ssrcs[1].value == std::string("stream audio-track"));
  CHECK(state.cname.size() == 16);

  const auto& video = d.media[1];
  CHECK(video.media == "video");
  CHECK(video.formats == std::vector<std::string>{"96", "97", "98", "99", "102", "103"});
  CHECK(video.rtpmap(96) == sdp::Rtpmap{96, "VP8", 90000, std::nullopt});
  CHECK(video.rtpmap(97) == sdp::Rtpmap{97, "rtx", 90000, std::nullopt});
  CHECK(video.rtpmap(98) == sdp::Rtpmap{98, "VP9", 90000, std::nullopt});
  CHECK(video.rtpmap(102) == sdp::Rtpmap{102, "H264", 90000, std::nullopt});
  REQUIRE(video.fmtp("97"));
  CHECK(video.fmtp("97")->parameter("apt") == std::optional<std::string_view>("96"));
  CHECK(video.fmtp("99")->parameter("apt") == std::optional<std::string_view>("98"));
  CHECK(video.fmtp("103")->parameter("apt") == std::optional<std::string_view>("102"));
  CHECK(video.fmtp("98")->parameter("profile-id") == std::optional<std::string_view>("0"));
  CHECK(video.fmtp("102")->parameter("packetization-mode") == std::optional<std::string_view>("1"));
  CHECK(video.fmtp("102")->parameter("profile-level-id") == std::optional<std::string_view>("42e01f"));
  std::vector<std::string> vp8_feedback;
  for (const auto& fb : video.rtcp_fbs(96)) vp8_feedback.push_back(fb.type + (fb.parameter.empty() ? "" : " " + fb.parameter));
  CHECK(vp8_feedback == std::vector<std::string>{"goog-remb", "transport-cc", "ccm fir", "nack", "nack pli"});
  CHECK(video.rtcp_fbs(97).empty());  // no feedback on the RTX stream
  REQUIRE(video.ssrc_groups().size() == 1);
  CHECK(video.ssrc_groups()[0] == sdp::SsrcGroup{"FID", {state.sections[1].ssrc, state.sections[1].rtx_ssrc}});
  CHECK(video.ssrcs().size() == 4);  // cname + msid for the media and the RTX SSRC
  CHECK(state.sections[1].ssrc != 0);
  CHECK(state.sections[1].rtx_ssrc != 0);
  CHECK(state.sections[1].ssrc != state.sections[1].rtx_ssrc);
  CHECK(state.sections[1].ssrc != state.sections[0].ssrc);

  const auto& data = d.media[2];
  CHECK(data.media == "application");
  CHECK(data.mid() == std::optional<std::string_view>("2"));
  CHECK(data.sctp_port() == uint16_t{5000});
  CHECK(data.max_message_size() == uint64_t{262144});
}

TEST_CASE("offer directions: recvonly and inactive send no msid or ssrc", "[peer][jsep][offer]") {
  for (auto direction : {sdp::Direction::kRecvOnly, sdp::Direction::kInactive, sdp::Direction::kSendOnly}) {
    LocalSessionState state = empty_state();
    add_media_section(state, SectionKind::kVideo, direction, "s", "t");
    const auto d = offer_of(state);
    const auto& m = d.media[0];
    INFO(sdp::direction_name(direction));
    CHECK(m.direction() == direction);
    const bool sending = direction == sdp::Direction::kSendOnly;
    CHECK(m.msids().empty() == !sending);
    CHECK(m.ssrcs().empty() == !sending);
    CHECK(m.ssrc_groups().empty() == !sending);
  }
}

TEST_CASE("offer candidates: in the first bundled section, with the default address", "[peer][jsep][offer]") {
  LocalSessionState state = av_data_state();
  auto host = sdp::parse_candidate("candidate:1 1 udp 2122260223 192.0.2.1 50000 typ host");
  auto srflx = sdp::parse_candidate("candidate:2 1 udp 1686052607 198.51.100.7 61000 typ srflx raddr 192.0.2.1 rport 50000");
  REQUIRE(host.ok());
  REQUIRE(srflx.ok());
  state.candidates = {*host, *srflx};

  auto d = offer_of(state);
  CHECK(d.media[0].candidates() == std::vector<sdp::Candidate>{*host, *srflx});
  CHECK_FALSE(d.media[0].end_of_candidates());
  CHECK(d.media[0].port == 50000);
  CHECK(d.media[0].connection()->address == "192.0.2.1");
  for (size_t i = 1; i < 3; ++i) {
    CHECK(d.media[i].candidates().empty());
    CHECK(d.media[i].port == 9);
  }

  // Non-trickle use: once gathering completes the description says so (RFC 8840 §8.2).
  state.gathering_complete = true;
  d = offer_of(state);
  CHECK(d.media[0].end_of_candidates());
  CHECK_FALSE(d.media[1].end_of_candidates());

  // An IPv6 default candidate gives c=IN IP6; an mDNS one keeps the placeholders.
  state.candidates = {*sdp::parse_candidate("candidate:3 1 udp 2122262783 2001:db8::5 40000 typ host")};
  d = offer_of(state);
  CHECK(d.media[0].connection()->address_type == "IP6");
  CHECK(d.media[0].connection()->address == "2001:db8::5");
  state.candidates = {*sdp::parse_candidate("candidate:4 1 udp 2122262783 0f9e8d7c-1b2a-4c3d-9e8f-123456789abc.local 40000 typ host")};
  d = offer_of(state);
  CHECK(d.media[0].port == 9);
  CHECK(d.media[0].connection()->address == "0.0.0.0");
}

TEST_CASE("stopped sections: rejected once named, absent when never named", "[peer][jsep][offer]") {
  LocalSessionState state = av_data_state();
  (void)offer_of(state);
  state.sections[0].stopped = true;  // audio, mid 0, negotiated before
  add_media_section(state, SectionKind::kVideo, sdp::Direction::kSendRecv).stopped = true;  // never named
  const auto d = offer_of(state);
  REQUIRE(d.media.size() == 3);
  CHECK(d.media[0].port == 0);
  CHECK(d.media[0].mid() == std::optional<std::string_view>("0"));
  CHECK(d.media[0].formats == std::vector<std::string>{"111"});
  CHECK(d.group("BUNDLE")->mids == std::vector<std::string>{"1", "2"});
  CHECK(state.sections[3].mid.empty());
  // The candidates now go in the first live section.
  state.candidates = {*sdp::parse_candidate("candidate:1 1 udp 2122260223 192.0.2.1 50000 typ host")};
  const auto d2 = offer_of(state);
  CHECK(d2.media[0].candidates().empty());
  CHECK(d2.media[1].candidates().size() == 1);
}

TEST_CASE("mids: lowest unused decimal, existing ones kept", "[peer][jsep][offer]") {
  LocalSessionState state = empty_state();
  add_media_section(state, SectionKind::kAudio, sdp::Direction::kSendRecv).mid = "1";
  add_media_section(state, SectionKind::kVideo, sdp::Direction::kSendRecv);
  ensure_data_section(state);
  assign_mids(state);
  CHECK(state.sections[0].mid == "1");
  CHECK(state.sections[1].mid == "0");
  CHECK(state.sections[2].mid == "2");
  CHECK(&ensure_data_section(state) == &state.sections[2]);  // one data section
}

TEST_CASE("ICE restart: new credentials in the next offer, old candidates dropped", "[peer][jsep][offer]") {
  LocalSessionState state = empty_state();
  ensure_data_section(state);
  state.candidates = {*sdp::parse_candidate("candidate:1 1 udp 2122260223 192.0.2.1 50000 typ host")};
  state.gathering_complete = true;
  const auto before = offer_of(state);
  SeededRng rng(5);
  restart_ice(state, rng);
  const auto after = offer_of(state);
  CHECK(after.media[0].ice_ufrag() != before.media[0].ice_ufrag());
  CHECK(after.media[0].ice_pwd() != before.media[0].ice_pwd());
  CHECK(after.media[0].candidates().empty());
  CHECK_FALSE(after.media[0].end_of_candidates());
  CHECK(after.origin.session_id == before.origin.session_id);
}

TEST_CASE("create_offer failure table", "[peer][jsep][offer]") {
  struct Case {
    const char* name;
    void (*edit)(LocalSessionState&);
  };
  const Case cases[] = {
      {"no fingerprint", [](LocalSessionState& s) { s.fingerprints.clear(); }},
      {"payload type reused", [](LocalSessionState& s) { s.video_codecs[1].payload_type = 96; }},
      {"rtx payload type reused", [](LocalSessionState& s) { s.video_codecs[1].rtx_payload_type = 97; }},
      {"payload type above 127", [](LocalSessionState& s) { s.audio_codecs[0].payload_type = 128; }},
      {"section preference reuses a payload type",
       [](LocalSessionState& s) { s.sections[0].codecs = {default_audio_codecs()[0], default_audio_codecs()[0]}; }},
  };
  for (const auto& c : cases) {
    INFO(c.name);
    LocalSessionState state = av_data_state();
    c.edit(state);
    SeededRng rng(1);
    auto r = create_offer(state, rng);
    REQUIRE_FALSE(r.ok());
    CHECK(r.error().is(JsepErrc::kBadLocalState));
    CHECK(state.session_version == 0);  // nothing changed
  }
}

}  // namespace
}  // namespace tern::peer

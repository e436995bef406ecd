// apply_remote_description (RFC 8829 §5.7-§5.10): the sample answers applied to a tern offer, the
// sample offers applied as offers, and failure tables for contradictory SDP.
#include <catch2/catch.hpp>

#include "peer/jsep/describe.hpp"
#include "peer/jsep/offer.hpp"
#include "peer/jsep/remote_description.hpp"
#include "peer_test_util.hpp"

namespace tern::peer {
namespace {

using test::audio_section;
using test::av_data_state;
using test::data_section;
using test::offer_text;
using test::parse_or_fail;
using test::read_sample;
using test::sample_answers;
using test::sample_offers;

// Replaces the first `from` (which must be there) with `to`.
std::string replaced(std::string text, std::string_view from, std::string_view to) {
  const size_t at = text.find(from);
  REQUIRE(at != std::string::npos);
  text.replace(at, from.size(), to);
  return text;
}

// Replaces every `from` with `to`.
std::string replaced_all(std::string text, std::string_view from, std::string_view to) {
  for (size_t at = text.find(from); at != std::string::npos; at = text.find(from, at + to.size())) {
    text.replace(at, from.size(), to);
  }
  return text;
}

// Removes every line that starts with `prefix`.
std::string without_lines(const std::string& text, std::string_view prefix) {
  std::string out;
  size_t pos = 0;
  while (pos < text.size()) {
    size_t end = text.find('\n', pos);
    end = end == std::string::npos ? text.size() : end + 1;
    std::string_view line(text.data() + pos, end - pos);
    if (!line.starts_with(prefix)) out.append(line);
    pos = end;
  }
  return out;
}

sdp::SessionDescription tern_offer(LocalSessionState& state) {
  SeededRng rng(11);
  auto offer = create_offer(state, rng);
  REQUIRE(offer.ok());
  return std::move(offer).value();
}

RemoteTransportParameters applied_or_fail(SdpType type, const std::string& text,
                                          const sdp::SessionDescription* offer = nullptr) {
  auto r = apply_remote_description(type, text, offer);
  INFO((r ? std::string("ok") : r.error().to_string()));
  REQUIRE(r.ok());
  return std::move(r).value();
}

TEST_CASE("every sample answer applies to a tern audio+video+data offer", "[peer][jsep][remote][samples]") {
  LocalSessionState state = av_data_state();
  const auto offer = tern_offer(state);
  for (const auto& name : sample_answers()) {
    INFO(name);
    const std::string text = read_sample(name);
    const auto p = applied_or_fail(SdpType::kAnswer, text, &offer);
    const auto parsed = parse_or_fail(text);

    CHECK(p.type == SdpType::kAnswer);
    CHECK(p.transport_mid == "0");
    CHECK(p.bundle_mids == std::vector<std::string>{"0", "1", "2"});
    REQUIRE(p.media.size() == 3);
    for (const auto& s : p.media) {
      CHECK(s.bundled);
      CHECK_FALSE(s.rejected);
    }
    CHECK(p.media[2].data_channel);
    // ICE: the credentials of the transport section (media level in every sample).
    CHECK(p.ice.ufrag == *parsed.media[0].ice_ufrag());
    CHECK(p.ice.pwd == *parsed.media[0].ice_pwd());
    CHECK(p.trickle);
    const bool from_libdatachannel = name.starts_with("libdatachannel") || name.starts_with("live_libdatachannel");
    CHECK(p.ice2 == from_libdatachannel);
    // DTLS: one sha-256 fingerprint (session level for libdatachannel); they answered active, so
    // we are the DTLS server.
    REQUIRE(p.fingerprints.size() == 1);
    CHECK(p.fingerprints[0].hash == sdp::FingerprintHash::kSha256);
    CHECK(p.remote_setup == sdp::SetupRole::kActive);
    CHECK(p.local_dtls_role == DtlsRole::kServer);
    // SCTP: port 5000 everywhere; chromium_answer_to_werift_offer has no a=max-message-size, so
    // RFC 8841 §6.1's 64 KiB applies.
    REQUIRE(p.sctp);
    CHECK(p.sctp->mid == "2");
    CHECK(p.sctp->port == 5000);
    CHECK(p.sctp->max_message_size == (name == "chromium_answer_to_werift_offer.sdp" ? 65536u : 262144u));
    // Candidates: in the transport section when the answer was not trickled.
    const bool trickled = name.starts_with("live_");
    CHECK(p.transport_candidates().size() == (trickled ? 0u : 1u));
    CHECK(p.end_of_candidates() == (!trickled && name.starts_with("libdatachannel")));
    // Codecs: only what we offered, under our payload types. The werift answers use other
    // payload types for Opus (96) and VP8 (98), so nothing is in common there.
    const bool werift = name.find("werift") != std::string::npos;
    if (werift) {
      CHECK(p.media[0].codecs.empty());
    } else {
      REQUIRE(p.media[0].codecs.size() == 1);
      CHECK(p.media[0].codecs[0].payload_type == 111);
      CHECK(p.media[0].codecs[0].name == "opus");
    }
    for (const auto& s : p.media) {
      for (const auto& c : s.codecs) {
        bool offered = false;
        for (const auto& oc : section_codecs(offer.media[s.mline_index])) offered = offered || oc.payload_type == c.payload_type;
        CHECK(offered);
      }
    }
    CHECK(p.media[0].direction == sdp::Direction::kSendRecv);
    CHECK(p.media[0].rtcp_mux);
  }
}

TEST_CASE("sample answers: video codecs and SSRCs", "[peer][jsep][remote][samples]") {
  LocalSessionState state = av_data_state();
  const auto offer = tern_offer(state);
  const auto p = applied_or_fail(SdpType::kAnswer, read_sample("chromium_answer_to_chromium_offer.sdp"), &offer);
  // Chromium's answer lists 23 video formats; those under our payload types with our codec remain:
  // VP8 96 (rtx 97), VP9 profile 0 98 (rtx 99). Its 102 is H.264 42001f, not our 42e01f.
  std::vector<uint8_t> pts;
  for (const auto& c : p.media[1].codecs) pts.push_back(c.payload_type);
  CHECK(pts == std::vector<uint8_t>{96, 98});
  CHECK(p.media[1].codecs[0].rtx_payload_type == uint8_t{97});
  CHECK(p.media[1].ssrcs == std::vector<uint32_t>{3508273067u, 549420228u});
  REQUIRE(p.media[1].ssrc_groups.size() == 1);
  CHECK(p.media[1].ssrc_groups[0].semantics == "FID");
  CHECK(p.media[1].cname == std::string("QCg4wM9uYFputfRX"));
  REQUIRE(p.media[0].msids.size() == 1);
  CHECK(p.media[0].msids[0].stream_id == "24fae3fd-eff2-4ff2-9e14-abad918f7146");
}

TEST_CASE("every sample offer applies as a remote offer", "[peer][jsep][remote][samples]") {
  for (const auto& name : sample_offers()) {
    INFO(name);
    const auto p = applied_or_fail(SdpType::kOffer, read_sample(name));
    CHECK(p.transport_mid == "0");
    CHECK(p.bundle_mids == std::vector<std::string>{"0", "1", "2"});
    CHECK(p.remote_setup == sdp::SetupRole::kActpass);
    CHECK_FALSE(p.local_dtls_role.has_value());  // our answer decides
    CHECK(answer_setup(p.remote_setup, sdp::SetupRole::kActive) == sdp::SetupRole::kActive);
    REQUIRE(p.sctp);
    CHECK(p.sctp->max_message_size == 262144);
    CHECK(p.trickle);
    REQUIRE(p.media.size() == 3);
    CHECK(p.media[0].kind == SectionKind::kAudio);
    CHECK(p.media[1].kind == SectionKind::kVideo);
    CHECK(p.media[2].kind == SectionKind::kApplication);
    CHECK(p.media[0].codecs.front().name == "opus");
    CHECK(p.media[1].codecs.front().name == "VP8");
  }
  // Chromium (non-trickle capture) gathers per m= section; only the transport section's
  // candidates belong to the BUNDLE transport.
  const auto chromium = applied_or_fail(SdpType::kOffer, read_sample("chromium_offer_audio_video_dc.sdp"));
  REQUIRE(chromium.transport_candidates().size() == 1);
  CHECK(chromium.transport_candidates()[0].port == 47090);
  CHECK(chromium.media[1].candidates[0].port == 33628);
  CHECK(chromium.media[1].codecs.size() == 12);  // 23 formats minus 11 RTX folded in
  // libdatachannel: fingerprint at session level, ice2 + trickle, end-of-candidates.
  const auto ldc = applied_or_fail(SdpType::kOffer, read_sample("libdatachannel_offer_audio_video_dc.sdp"));
  CHECK(ldc.ice2);
  CHECK(ldc.end_of_candidates());
  CHECK(ldc.fingerprints.size() == 1);
  CHECK(ldc.ice.ufrag == "APMo");
}

TEST_CASE("describe() prints the negotiated view", "[peer][jsep][remote]") {
  const auto p = applied_or_fail(SdpType::kOffer, read_sample("chromium_offer_audio_video_dc.sdp"));
  const std::string text = describe(p);
  CHECK(text.find("remote offer") != std::string::npos);
  CHECK(text.find("transport mid: 0") != std::string::npos);
  CHECK(text.find("ice ufrag: MbwO pwd: o2LkRklCETM8QezwoT0NbH0e") != std::string::npos);
  CHECK(text.find("fingerprint: sha-256 D3:D8:43:13") != std::string::npos);
  CHECK(text.find("our DTLS role: chosen by our answer") != std::string::npos);
  CHECK(text.find("sctp: mid 2 port 5000 max-message-size 262144") != std::string::npos);
  CHECK(text.find("codec 111 opus/48000/2 [minptime=10;useinbandfec=1] fb: transport-cc") != std::string::npos);
  CHECK(text.find("codec 96 VP8/90000 rtx 97") != std::string::npos);
  CHECK(text.find("m=video #1 (line 40) mid 1 UDP/TLS/RTP/SAVPF bundled") != std::string::npos);
}

TEST_CASE("remote defaults: max-message-size, sctp-port, setup, session-level ICE, bundle-only",
          "[peer][jsep][remote]") {
  const std::string base = offer_text("a=group:BUNDLE 0\r\n", data_section("0"));
  // RFC 8841 §6.1: 64 KiB when absent; 0 means no limit.
  CHECK(applied_or_fail(SdpType::kOffer, base).sctp->max_message_size == 65536);
  CHECK(applied_or_fail(SdpType::kOffer, base + "a=max-message-size:0\r\n").sctp->max_message_size == 0);
  // RFC 8841 §5.1: 5000 when absent.
  CHECK(applied_or_fail(SdpType::kOffer, without_lines(base, "a=sctp-port")).sctp->port == 5000);
  CHECK(applied_or_fail(SdpType::kOffer, replaced(base, "a=sctp-port:5000", "a=sctp-port:5001")).sctp->port == 5001);
  // RFC 4145 §4.1: an offer without a=setup is active, so we are the DTLS server.
  const auto no_setup = applied_or_fail(SdpType::kOffer, without_lines(base, "a=setup"));
  CHECK(no_setup.remote_setup == sdp::SetupRole::kActive);
  CHECK(no_setup.local_dtls_role == DtlsRole::kServer);
  CHECK(applied_or_fail(SdpType::kOffer, replaced(base, "a=setup:actpass", "a=setup:passive")).local_dtls_role ==
        DtlsRole::kClient);
  // Session-level credentials and fingerprint apply to the section (RFC 8839 §5.4).
  const std::string session_level =
      offer_text("a=group:BUNDLE 0\r\na=ice-ufrag:sess\r\na=ice-pwd:sessionpasswordsession1\r\n"
                 "a=fingerprint:sha-1 00:01:02:03:04:05:06:07:08:09:0A:0B:0C:0D:0E:0F:10:11:12:13\r\na=ice-lite\r\n",
                 without_lines(without_lines(without_lines(data_section("0"), "a=ice-"), "a=fingerprint"), "a=setup"));
  const auto s = applied_or_fail(SdpType::kOffer, session_level);
  CHECK(s.ice.ufrag == "sess");
  CHECK(s.ice.pwd == "sessionpasswordsession1");
  CHECK(s.ice_lite);
  REQUIRE(s.fingerprints.size() == 1);
  CHECK(s.fingerprints[0].hash == sdp::FingerprintHash::kSha1);
  // RFC 9143 §6: port 0 with a=bundle-only is bundled, not rejected.
  const std::string bundle_only = offer_text(
      "a=group:BUNDLE 0 1\r\n", data_section("0") + replaced(audio_section("1", "a=rtcp-mux\r\na=bundle-only\r\n"),
                                                             "m=audio 9", "m=audio 0"));
  const auto b = applied_or_fail(SdpType::kOffer, bundle_only);
  CHECK_FALSE(b.media[1].rejected);
  CHECK(b.media[1].bundled);
  // Without BUNDLE only the first accepted section is on the transport.
  const auto nb = applied_or_fail(SdpType::kOffer, offer_text("", data_section("0") + audio_section("1")));
  CHECK(nb.transport_mid == "0");
  CHECK(nb.bundle_mids.empty());
  CHECK(nb.media[0].bundled);
  CHECK_FALSE(nb.media[1].bundled);
  // Session-level a=end-of-candidates (RFC 8840 §8.2).
  CHECK(applied_or_fail(SdpType::kOffer, replaced(base, "a=group:BUNDLE 0\r\n", "a=group:BUNDLE 0\r\na=end-of-candidates\r\n"))
            .end_of_candidates());
}

TEST_CASE("DTLS roles from a=setup", "[peer][jsep][remote]") {
  using R = sdp::SetupRole;
  // RFC 4145 §4.1 / RFC 8842 §5.3: the answer to active is passive and vice versa; actpass lets
  // us choose (an established association keeps its role, RFC 8842 §5.5).
  CHECK(answer_setup(R::kActive, R::kActive) == R::kPassive);
  CHECK(answer_setup(R::kPassive, R::kPassive) == R::kActive);
  CHECK(answer_setup(R::kActpass, R::kActive) == R::kActive);
  CHECK(answer_setup(R::kActpass, R::kPassive) == R::kPassive);
  CHECK(answer_setup(R::kActpass, R::kActpass) == R::kActive);
  CHECK(answer_setup(R::kActpass, R::kActive, DtlsRole::kServer) == R::kPassive);
  CHECK(answer_setup(R::kActpass, R::kPassive, DtlsRole::kClient) == R::kActive);
  CHECK(dtls_role_for_local_setup(R::kActive) == DtlsRole::kClient);
  CHECK(dtls_role_for_local_setup(R::kPassive) == DtlsRole::kServer);
}

TEST_CASE("line numbers are the same for CRLF and LF text", "[peer][jsep][remote]") {
  const std::string crlf = read_sample("chromium_offer_audio_video_dc.sdp");
  std::string lf;
  for (char c : crlf) {
    if (c != '\r') lf += c;
  }
  CHECK(media_line_numbers(crlf) == std::vector<uint32_t>{8, 40, 164});
  CHECK(media_line_numbers(lf) == media_line_numbers(crlf));
  const auto from_text = applied_or_fail(SdpType::kOffer, lf);
  const auto from_struct = apply_remote_description(SdpType::kOffer, parse_or_fail(crlf));
  REQUIRE(from_struct.ok());
  for (size_t i = 0; i < 3; ++i) CHECK(from_text.media[i].line == from_struct->media[i].line);
}

struct FailureCase {
  const char* name;
  SdpType type;
  std::string text;
  JsepErrc code;
  uint32_t line;
};

TEST_CASE("contradictory remote offers: error code and line", "[peer][jsep][remote][errors]") {
  // Lines: 1 v=, 2 o=, 3 s=, 4 t=, 5 a=group, 6 m= (the first section), ...
  const std::string two = offer_text("a=group:BUNDLE 0 1\r\n", data_section("0") + audio_section("1"));
  const uint32_t second_m = 6 + 8;  // data_section is 8 lines
  const FailureCase cases[] = {
      {"no fingerprint at any level", SdpType::kOffer, without_lines(two, "a=fingerprint"), JsepErrc::kMissingFingerprint, 6},
      {"no ice-ufrag", SdpType::kOffer, without_lines(two, "a=ice-ufrag"), JsepErrc::kMissingIceCredentials, 6},
      {"no ice-pwd", SdpType::kOffer, without_lines(two, "a=ice-pwd"), JsepErrc::kMissingIceCredentials, 6},
      {"bundled sections with different ufrags", SdpType::kOffer,
       offer_text("a=group:BUNDLE 0 1\r\n", data_section("0") + replaced(audio_section("1"), "a=ice-ufrag:abcd", "a=ice-ufrag:wxyz")),
       JsepErrc::kIceCredentialMismatch, second_m},
      {"bundled sections with different passwords", SdpType::kOffer,
       offer_text("a=group:BUNDLE 0 1\r\n",
                  data_section("0") + replaced(audio_section("1"), "a=ice-pwd:abcdefghijklmnopqrstuv", "a=ice-pwd:zzzzzzzzzzzzzzzzzzzzzz")),
       JsepErrc::kIceCredentialMismatch, second_m},
      {"bundled sections with different fingerprints", SdpType::kOffer,
       offer_text("a=group:BUNDLE 0 1\r\n", data_section("0") + replaced(audio_section("1"), "sha-256 00:01", "sha-256 FF:01")),
       JsepErrc::kFingerprintMismatch, second_m},
      {"bundled sections with different setup", SdpType::kOffer,
       offer_text("a=group:BUNDLE 0 1\r\n", data_section("0") + replaced(audio_section("1"), "a=setup:actpass", "a=setup:active")),
       JsepErrc::kBadSetup, second_m},
      {"setup:holdconn", SdpType::kOffer, replaced_all(two, "a=setup:actpass", "a=setup:holdconn"), JsepErrc::kBadSetup, 6},
      {"BUNDLE names an unknown mid", SdpType::kOffer, replaced(two, "a=group:BUNDLE 0 1", "a=group:BUNDLE 0 1 7"),
       JsepErrc::kUnknownBundleMid, 5},
      {"a mid in two BUNDLE groups", SdpType::kOffer, replaced(two, "a=group:BUNDLE 0 1\r\n", "a=group:BUNDLE 0 1\r\na=group:BUNDLE 1\r\n"),
       JsepErrc::kBadBundle, 5},
      {"m= section without a mid", SdpType::kOffer, replaced(two, "a=mid:1\r\n", ""), JsepErrc::kMissingMid, second_m},
      {"two sections with one mid", SdpType::kOffer,
       offer_text("a=group:BUNDLE 0\r\n", data_section("0") + audio_section("0")), JsepErrc::kDuplicateMid, second_m},
      {"legacy DTLS/SCTP proto", SdpType::kOffer, offer_text("a=group:BUNDLE 0\r\n", data_section("0", "DTLS/SCTP")),
       JsepErrc::kBadDataChannelProto, 6},
      {"SCTP/DTLS proto", SdpType::kOffer, offer_text("a=group:BUNDLE 0\r\n", data_section("0", "UDP/SCTP/DTLS")),
       JsepErrc::kBadDataChannelProto, 6},
      {"UDP/DTLS/SCTP without webrtc-datachannel", SdpType::kOffer,
       replaced(offer_text("a=group:BUNDLE 0\r\n", data_section("0")), "webrtc-datachannel", "5000"),
       JsepErrc::kBadDataChannelProto, 6},
      {"rollback is not a description", SdpType::kRollback, two, JsepErrc::kBadDescriptionType, 0},
      {"an answer without our offer", SdpType::kAnswer, two, JsepErrc::kBadDescriptionType, 0},
  };
  for (const auto& c : cases) {
    INFO(c.name << "\n" << c.text);
    auto r = apply_remote_description(c.type, c.text);
    REQUIRE_FALSE(r.ok());
    INFO(r.error().to_string());
    CHECK(r.error().is(c.code));
    CHECK(r.error().position() == c.line);
    CHECK(std::string(r.error().detail()).size() > 10);
  }
}

TEST_CASE("contradictory remote answers to a tern offer: error code and line", "[peer][jsep][remote][errors]") {
  LocalSessionState state = av_data_state();
  const auto offer = tern_offer(state);
  const std::string good = read_sample("libdatachannel_answer_to_libdatachannel_offer.sdp");
  REQUIRE(apply_remote_description(SdpType::kAnswer, good, &offer).ok());
  // Lines of that answer: m=audio 10, m=video 23, m=application 41.
  const FailureCase cases[] = {
      {"answer a=setup:actpass", SdpType::kAnswer, replaced_all(good, "a=setup:active", "a=setup:actpass"),
       JsepErrc::kBadSetup, 10},
      {"answer a=setup:holdconn", SdpType::kAnswer, replaced_all(good, "a=setup:active", "a=setup:holdconn"),
       JsepErrc::kBadSetup, 10},
      {"fewer m= lines than the offer", SdpType::kAnswer,
       replaced(good.substr(0, good.find("m=application")), "a=group:BUNDLE 0 1 2", "a=group:BUNDLE 0 1"),
       JsepErrc::kAnswerMismatch, 23},
      {"more m= lines than the offer", SdpType::kAnswer,
       good + "m=audio 0 UDP/TLS/RTP/SAVPF 0\r\nc=IN IP4 0.0.0.0\r\na=mid:9\r\n", JsepErrc::kAnswerMismatch, 50},
      {"a mid that differs from the offer's", SdpType::kAnswer,
       replaced(replaced(good, "a=mid:1", "a=mid:5"), "a=group:BUNDLE 0 1 2", "a=group:BUNDLE 0 5 2"),
       JsepErrc::kAnswerMismatch, 23},
      {"a media type that differs from the offer's", SdpType::kAnswer,
       replaced(good, "m=video 43435 UDP/TLS/RTP/SAVPF 96 102", "m=audio 43435 UDP/TLS/RTP/SAVPF 96 102"),
       JsepErrc::kAnswerMismatch, 23},
      // (the removed session-level line moves m=audio up to line 9)
      {"no fingerprint", SdpType::kAnswer, without_lines(good, "a=fingerprint"), JsepErrc::kMissingFingerprint, 9},
      {"no ice credentials", SdpType::kAnswer, without_lines(good, "a=ice-pwd"), JsepErrc::kMissingIceCredentials, 10},
  };
  for (const auto& c : cases) {
    INFO(c.name);
    auto r = apply_remote_description(c.type, c.text, &offer);
    REQUIRE_FALSE(r.ok());
    INFO(r.error().to_string());
    CHECK(r.error().is(c.code));
    CHECK(r.error().position() == c.line);
  }
}

TEST_CASE("answers: setup conflicts, rejected offers, directions", "[peer][jsep][remote][errors]") {
  const std::string offer_active_text =
      replaced(offer_text("a=group:BUNDLE 0\r\n", data_section("0")), "a=setup:actpass", "a=setup:active");
  const auto offer_active = parse_or_fail(offer_active_text);
  const std::string answer_active = offer_active_text;  // same transport lines, setup active
  // RFC 4145 §4.1: both active cannot connect.
  auto both_active = apply_remote_description(SdpType::kAnswer, answer_active, &offer_active);
  REQUIRE_FALSE(both_active.ok());
  CHECK(both_active.error().is(JsepErrc::kSetupConflict));
  CHECK(both_active.error().position() == 6);
  const auto offer_passive = parse_or_fail(replaced(offer_active_text, "a=setup:active", "a=setup:passive"));
  auto both_passive =
      apply_remote_description(SdpType::kAnswer, replaced(offer_active_text, "a=setup:active", "a=setup:passive"), &offer_passive);
  REQUIRE_FALSE(both_passive.ok());
  CHECK(both_passive.error().is(JsepErrc::kSetupConflict));
  // Active offer, passive answer: we are the client.
  auto ok = apply_remote_description(SdpType::kAnswer, replaced(offer_active_text, "a=setup:active", "a=setup:passive"),
                                     &offer_active);
  REQUIRE(ok.ok());
  CHECK(ok->local_dtls_role == DtlsRole::kClient);
  // RFC 4145 §4.1: an answer without a=setup is passive.
  const auto offer_actpass = parse_or_fail(offer_text("a=group:BUNDLE 0\r\n", data_section("0")));
  auto no_setup = apply_remote_description(SdpType::kAnswer, without_lines(offer_active_text, "a=setup"), &offer_actpass);
  REQUIRE(no_setup.ok());
  CHECK(no_setup->local_dtls_role == DtlsRole::kClient);

  // An answer may not accept what the offer rejected (RFC 3264 §6).
  const std::string two = offer_text("a=group:BUNDLE 0\r\n", data_section("0") + audio_section("1"));
  const auto offer_rejecting = parse_or_fail(replaced(two, "m=audio 9", "m=audio 0"));
  auto accepted =
      apply_remote_description(SdpType::kAnswer, replaced_all(two, "a=setup:actpass", "a=setup:active"), &offer_rejecting);
  REQUIRE_FALSE(accepted.ok());
  CHECK(accepted.error().is(JsepErrc::kAnswerMismatch));
  CHECK(accepted.error().position() == 14);

  // RFC 3264 §6.1: a recvonly offer cannot be answered sendrecv.
  const auto offer_recvonly = parse_or_fail(offer_text("a=group:BUNDLE 0\r\n", audio_section("0", "a=rtcp-mux\r\na=recvonly\r\n")));
  auto bad = apply_remote_description(SdpType::kAnswer, offer_text("a=group:BUNDLE 0\r\n", replaced(audio_section("0"), "a=setup:actpass", "a=setup:active")),
                                      &offer_recvonly);
  REQUIRE_FALSE(bad.ok());
  CHECK(bad.error().is(JsepErrc::kBadDirection));
  CHECK(bad.error().position() == 6);
  auto good = apply_remote_description(
      SdpType::kAnswer,
      offer_text("a=group:BUNDLE 0\r\n", replaced(audio_section("0", "a=rtcp-mux\r\na=sendonly\r\n"), "a=setup:actpass", "a=setup:active")),
      &offer_recvonly);
  CHECK(good.ok());
}

TEST_CASE("SDP that does not parse fails with the sdp error and its line", "[peer][jsep][remote][errors]") {
  const std::string text = replaced(offer_text("a=group:BUNDLE 0\r\n", data_section("0")), "a=sctp-port:5000", "a=sctp-port:99999");
  auto r = apply_remote_description(SdpType::kOffer, text);
  REQUIRE_FALSE(r.ok());
  CHECK(r.error().is(sdp::SdpErrc::kBadSctp));
  CHECK(r.error().position() == 13);
}

}  // namespace
}  // namespace tern::peer

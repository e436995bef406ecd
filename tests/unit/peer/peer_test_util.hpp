#pragma once
// Helpers shared by the peer unit tests.
#include <algorithm>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include <catch2/catch.hpp>

#include "peer/jsep/local_state.hpp"
#include "sdp/session_description.hpp"

namespace tern::peer::test {

// Reads tests/data/sdp/<name> as bytes.
inline std::string read_sample(const std::string& name) {
  std::ifstream in(std::string(TERN_TEST_DATA_DIR) + "/sdp/" + name, std::ios::binary);
  REQUIRE(in.good());
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

inline sdp::SessionDescription parse_or_fail(const std::string& text) {
  auto r = sdp::parse(text);
  INFO((r ? std::string("ok") : r.error().to_string()));
  REQUIRE(r.ok());
  return std::move(r).value();
}

// A sha-256 fingerprint with a recognisable digest (0x00, 0x01, ... 0x1f).
inline sdp::Fingerprint test_fingerprint() {
  sdp::Fingerprint f;
  f.hash = sdp::FingerprintHash::kSha256;
  for (uint8_t i = 0; i < 32; ++i) f.digest.push_back(i);
  return f;
}

// A local state with our fingerprint and nothing else.
inline LocalSessionState empty_state() {
  LocalSessionState s;
  s.fingerprints = {test_fingerprint()};
  return s;
}

// A local state with audio (mid 0), video (mid 1) and data (mid 2) once offered, as the sample
// answers are laid out.
inline LocalSessionState av_data_state() {
  LocalSessionState s = empty_state();
  add_media_section(s, SectionKind::kAudio, sdp::Direction::kSendRecv, "stream", "audio-track");
  add_media_section(s, SectionKind::kVideo, sdp::Direction::kSendRecv, "stream", "video-track");
  ensure_data_section(s);
  return s;
}

// The values of every attribute `name` of a list.
inline std::vector<std::string> values(const sdp::AttributeList& list, std::string_view name) {
  std::vector<std::string> out;
  for (auto v : list.attribute_values(name)) out.emplace_back(v);
  return out;
}

inline bool contains(const std::vector<std::string>& v, const std::string& x) {
  return std::find(v.begin(), v.end(), x) != v.end();
}

// --- Hand-written descriptions for the rule tables -----------------------------------------------
inline std::string lines(std::initializer_list<std::string_view> list) {
  std::string out;
  for (auto l : list) {
    out += l;
    out += "\r\n";
  }
  return out;
}

// A compact offer: session lines, then the given media lines.
inline std::string offer_text(std::string_view session_attributes, std::string_view media) {
  return lines({"v=0", "o=- 1 1 IN IP4 127.0.0.1", "s=-", "t=0 0"}) + std::string(session_attributes) +
         std::string(media);
}

inline const std::string kTransport = lines({"a=ice-ufrag:abcd", "a=ice-pwd:abcdefghijklmnopqrstuv",
                                      "a=fingerprint:sha-256 00:01:02:03:04:05:06:07:08:09:0A:0B:0C:0D:0E:0F:10:11:12:13:14:15:16:17:18:19:1A:1B:1C:1D:1E:1F",
                                      "a=setup:actpass"});

inline std::string audio_section(std::string_view mid, std::string_view extra = "a=rtcp-mux\r\n",
                          std::string_view formats = "111", std::string_view codec = "a=rtpmap:111 opus/48000/2\r\n") {
  return "m=audio 9 UDP/TLS/RTP/SAVPF " + std::string(formats) + "\r\nc=IN IP4 0.0.0.0\r\n" + kTransport + "a=mid:" +
         std::string(mid) + "\r\n" + std::string(extra) + std::string(codec);
}

inline std::string data_section(std::string_view mid, std::string_view proto = "UDP/DTLS/SCTP") {
  return "m=application 9 " + std::string(proto) + " webrtc-datachannel\r\nc=IN IP4 0.0.0.0\r\n" + kTransport +
         "a=mid:" + std::string(mid) + "\r\na=sctp-port:5000\r\n";
}

// The sample offers and answers of tests/data/sdp.
inline const std::vector<std::string>& sample_offers() {
  static const std::vector<std::string> kOffers = {
      "chromium_offer_audio_video_dc.sdp",
      "libdatachannel_offer_audio_video_dc.sdp",
      "live_chromium_offer_trickle.sdp",
  };
  return kOffers;
}

inline const std::vector<std::string>& sample_answers() {
  static const std::vector<std::string> kAnswers = {
      "chromium_answer_to_chromium_offer.sdp",
      "chromium_answer_to_libdatachannel_offer.sdp",
      "chromium_answer_to_werift_offer.sdp",
      "chromium_answer_to_wrtc_offer.sdp",
      "libdatachannel_answer_to_chromium_offer.sdp",
      "libdatachannel_answer_to_libdatachannel_offer.sdp",
      "libdatachannel_answer_to_werift_offer.sdp",
      "libdatachannel_answer_to_wrtc_offer.sdp",
      "live_libdatachannel_answer_to_chromium_trickle_all_codecs.sdp",
      "live_libdatachannel_answer_to_chromium_trickle_echo_video.sdp",
  };
  return kAnswers;
}

}  // namespace tern::peer::test

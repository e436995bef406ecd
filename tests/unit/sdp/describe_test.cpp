// describe(): the inspector's typed dump.
#include <string>

#include <catch2/catch.hpp>

#include "sdp/describe.hpp"
#include "sdp_test_util.hpp"

namespace tern::sdp {
namespace {

bool contains(const std::string& haystack, const std::string& needle) { return haystack.find(needle) != std::string::npos; }

TEST_CASE("describe prints the typed view of the Chromium offer", "[sdp][describe]") {
  auto sd = parse(test::read_sample("chromium_offer_audio_video_dc.sdp"));
  REQUIRE(sd.ok());
  const std::string text = describe(*sd);
  INFO(text);
  const char* expected_lines[] = {
      "session\n",
      "  origin: - session-id 3962959305951279362 version 2 IN IP4 127.0.0.1\n",
      "  group: BUNDLE [0 1 2]\n",
      "  msid-semantic: WMS [4af633d0-54cf-4e92-a549-b4fab42f26ab]\n",
      "  extmap-allow-mixed\n",
      "media 0: audio port 47090 proto UDP/TLS/RTP/SAVPF formats 111 63 9 0 8 13 110 126\n",
      "  mid: 0\n",
      "  direction: sendrecv\n",
      "  ice-ufrag: MbwO\n",
      "  fingerprint: sha-256 (32 bytes) D3:D8:43:13:CC:37:E8:2D:7E:DF:B9:41:A6:2E:CE:BA:B7:5D:39:18:8D:7F:37:9C:2B:D6:"
      "EE:E1:8A:45:15:97\n",
      "  setup: actpass\n",
      "  rtcp: 9 IN IP4 0.0.0.0\n",
      "  codec 111: opus/48000/2\n",
      "    fmtp minptime: 10\n",
      "    rtcp-fb: transport-cc\n",
      "  codec 63: red/48000/2\n",
      "    fmtp 111/111: (flag)\n",
      "  extmap 1: urn:ietf:params:rtp-hdrext:ssrc-audio-level\n",
      "  ssrc 678502110 cname: sfq7IJfGb34t4Xhw\n",
      "  candidate: host udp 127.0.0.1 port 47090 priority 2122260223 foundation 3328651449 component 1 generation=0 "
      "network-id=1 network-cost=50\n",
      "  attribute rtcp-xr: rcvr-rtt=all\n",
      "    rtcp-fb: nack pli\n",
      "  ssrc-group FID: 2580399102 1924916540\n",
      "media 2: application port 43820 proto UDP/DTLS/SCTP formats webrtc-datachannel\n",
      "  sctp-port: 5000\n",
      "  max-message-size: 262144\n",
  };
  for (const char* line : expected_lines) CHECK(contains(text, line));
  // Typed attributes are not listed a second time as raw attributes.
  CHECK_FALSE(contains(text, "attribute rtpmap"));
  CHECK_FALSE(contains(text, "attribute candidate"));
}

TEST_CASE("describe lists session fields and unknown attributes verbatim", "[sdp][describe]") {
  auto sd = parse(
      "v=0\r\no=- 1 2 IN IP4 127.0.0.1\r\ns=Talk\r\ni=info\r\nc=IN IP4 233.252.0.1/127\r\nb=AS:64\r\nt=0 0\r\n"
      "a=ice-lite\r\na=x-custom:42\r\na=rtcp-mux\r\nm=audio 9 RTP/AVP 0\r\na=rtpmap:0 PCMU/8000\r\na=rtcp-fb:* nack\r\n"
      "a=rtpmap:8 PCMA/8000\r\n"
      "a=rid:hi send pt=0\r\na=simulcast:send hi\r\na=extmap:20 urn:x\r\n");
  REQUIRE(sd.ok());
  const std::string text = describe(*sd);
  INFO(text);
  for (const char* line : {"  name: Talk\n", "  information: info\n", "  connection: IN IP4 233.252.0.1 ttl 127\n",
                           "  bandwidth: AS 64\n", "  time: 0 0\n", "  ice-lite\n", "  attribute x-custom: 42\n",
                           "  codec 0: PCMU/8000\n", "    rtcp-fb: nack\n", "  rtcp-fb *: nack\n", "  rid: hi send pt=0\n",
                           "  simulcast: send hi\n", "  extmap 20: urn:x [two-byte header form]\n",
                           // Media-only attributes at session level are listed verbatim.
                           "  attribute rtcp-mux\n", "  rtpmap (format not in m=): 8 PCMA/8000\n"}) {
    CHECK(contains(text, line));
  }
}

}  // namespace
}  // namespace tern::sdp

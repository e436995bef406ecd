// RFC 8866 session descriptions: every line type, line order, line ends, limits and builders.
#include <string>
#include <vector>

#include <catch2/catch.hpp>

#include "sdp/session_description.hpp"

namespace tern::sdp {
namespace {

// Every line type of RFC 8866 §5, in order (based on the RFC 8866 §5 example, extended).
constexpr std::string_view kAllLineTypes =
    "v=0\r\n"
    "o=jdoe 3724394400 3724394405 IN IP4 198.51.100.1\r\n"
    "s=Call to John Smith\r\n"
    "i=SDP Offer #1\r\n"
    "u=http://www.jdoe.example.com/home.html\r\n"
    "e=Jane Doe <jane@jdoe.example.com>\r\n"
    "e=john@example.com (John)\r\n"
    "p=+1 617 555-6011\r\n"
    "c=IN IP4 198.51.100.1\r\n"
    "b=AS:128\r\n"
    "t=3034423619 3042462419\r\n"
    "r=604800 3600 0 90000\r\n"
    "r=7d 1h 0 25h\r\n"
    "z=2882844526 -1h 2898848070 0\r\n"
    "t=0 0\r\n"
    "k=prompt\r\n"
    "a=recvonly\r\n"
    "a=x-unknown:kept as is\r\n"
    "m=audio 49170 RTP/AVP 0\r\n"
    "i=audio title\r\n"
    "c=IN IP4 233.252.0.1/127/2\r\n"
    "c=IN IP6 ff15::101/3\r\n"
    "b=CT:1000\r\n"
    "b=TIAS:64000\r\n"
    "k=clear:secret\r\n"
    "a=sendrecv\r\n"
    "m=video 51372/2 RTP/AVP 99\r\n"
    "a=rtpmap:99 h263-1998/90000\r\n";

TEST_CASE("every line type parses into its field and serializes back", "[sdp]") {
  auto r = parse(kAllLineTypes);
  INFO((r ? std::string() : r.error().to_string()));
  REQUIRE(r.ok());
  const SessionDescription& sd = *r;
  CHECK(sd.origin == Origin{"jdoe", 3724394400u, 3724394405u, "IN", "IP4", "198.51.100.1"});
  CHECK(sd.session_name == "Call to John Smith");
  CHECK(sd.information == "SDP Offer #1");
  CHECK(sd.uri == "http://www.jdoe.example.com/home.html");
  CHECK(sd.emails == std::vector<std::string>{"Jane Doe <jane@jdoe.example.com>", "john@example.com (John)"});
  CHECK(sd.phones == std::vector<std::string>{"+1 617 555-6011"});
  REQUIRE(sd.connection);
  CHECK(*sd.connection == Connection{"IN", "IP4", "198.51.100.1", std::nullopt, std::nullopt});
  CHECK(sd.bandwidths == std::vector<Bandwidth>{{"AS", 128}});
  REQUIRE(sd.times.size() == 2);
  CHECK(sd.times[0].start == 3034423619u);
  CHECK(sd.times[0].stop == 3042462419u);
  REQUIRE(sd.times[0].repeats.size() == 2);
  CHECK(sd.times[0].repeats[0] == Repeat{"604800", "3600", {"0", "90000"}});
  CHECK(sd.times[0].repeats[1] == Repeat{"7d", "1h", {"0", "25h"}});
  CHECK(sd.times[0].zone_adjustments == std::vector<ZoneAdjustment>{{2882844526u, "-1h"}, {2898848070u, "0"}});
  CHECK(sd.times[1] == TimeDescription{});
  CHECK(sd.key == "prompt");
  CHECK(sd.direction() == Direction::kRecvOnly);
  CHECK(sd.attribute("x-unknown") == "kept as is");

  REQUIRE(sd.media.size() == 2);
  const MediaDescription& audio = sd.media[0];
  CHECK(audio.media == "audio");
  CHECK(audio.port == 49170);
  CHECK_FALSE(audio.port_count);
  CHECK(audio.proto == "RTP/AVP");
  CHECK(audio.formats == std::vector<std::string>{"0"});
  CHECK(audio.information == "audio title");
  REQUIRE(audio.connections.size() == 2);
  CHECK(audio.connections[0] == Connection{"IN", "IP4", "233.252.0.1", uint8_t{127}, 2u});
  CHECK(audio.connections[1] == Connection{"IN", "IP6", "ff15::101", std::nullopt, 3u});
  CHECK(audio.bandwidths == std::vector<Bandwidth>{{"CT", 1000}, {"TIAS", 64000}});
  CHECK(audio.key == "clear:secret");
  CHECK(audio.direction() == Direction::kSendRecv);
  const MediaDescription& video = sd.media[1];
  CHECK(video.port == 51372);
  CHECK(video.port_count == 2u);
  CHECK(video.connections.empty());  // the session c= applies
  CHECK(video.rtpmap(99) == Rtpmap{99, "h263-1998", 90000, std::nullopt});

  CHECK(serialize(sd) == kAllLineTypes);
}

TEST_CASE("bare LF line ends and a last line without a line end are accepted", "[sdp]") {
  const std::string lf = "v=0\no=- 1 2 IN IP4 127.0.0.1\ns=-\nt=0 0\na=ice-lite";
  auto r = parse(lf);
  REQUIRE(r.ok());
  CHECK(r->ice_lite());
  CHECK(serialize(*r) == "v=0\r\no=- 1 2 IN IP4 127.0.0.1\r\ns=-\r\nt=0 0\r\na=ice-lite\r\n");
  // Mixed line ends in one description.
  auto mixed = parse("v=0\r\no=- 1 2 IN IP4 127.0.0.1\ns=-\r\nt=0 0\n");
  REQUIRE(mixed.ok());
  CHECK(*mixed == *parse("v=0\r\no=- 1 2 IN IP4 127.0.0.1\r\ns=-\r\nt=0 0\r\n"));
}

TEST_CASE("empty session name and IPv6 and FQDN origins", "[sdp]") {
  // RFC 8866 §5.3: "s= " (a single space) stands for no session name.
  auto r = parse("v=0\r\no=- 1 2 IN IP6 2001:db8::1\r\ns= \r\nc=IN IP4 host.example.com\r\nt=0 0\r\n");
  REQUIRE(r.ok());
  CHECK(r->session_name == " ");
  CHECK(r->origin.address == "2001:db8::1");
  CHECK(r->connection->address == "host.example.com");
}

struct FailureCase {
  const char* what;
  std::string text;
  SdpErrc code;
  uint32_t line;
};

std::string repeat(std::string_view s, size_t n) {
  std::string out;
  for (size_t i = 0; i < n; ++i) out += s;
  return out;
}

const std::string kHead = "v=0\r\no=- 1 2 IN IP4 127.0.0.1\r\ns=-\r\nt=0 0\r\n";  // lines 1-4

TEST_CASE("malformed descriptions name the line and what is wrong", "[sdp]") {
  const std::vector<FailureCase> cases = {
      {"empty input", "", SdpErrc::kMissingLine, 1},
      {"missing v=", "o=- 1 2 IN IP4 127.0.0.1\r\ns=-\r\nt=0 0\r\n", SdpErrc::kMissingLine, 1},
      {"v= not first", "o=- 1 2 IN IP4 127.0.0.1\r\nv=0\r\ns=-\r\nt=0 0\r\n", SdpErrc::kLineOrder, 1},
      {"v= twice", "v=0\r\nv=0\r\n", SdpErrc::kLineOrder, 2},
      {"bad version", "v=1\r\no=- 1 2 IN IP4 127.0.0.1\r\ns=-\r\nt=0 0\r\n", SdpErrc::kBadVersion, 1},
      {"non-numeric version", "v=x\r\n", SdpErrc::kBadVersion, 1},
      {"o= with 5 fields", "v=0\r\no=- 1 2 IN IP4\r\ns=-\r\nt=0 0\r\n", SdpErrc::kBadOrigin, 2},
      {"o= with 7 fields", "v=0\r\no=- 1 2 IN IP4 127.0.0.1 x\r\ns=-\r\nt=0 0\r\n", SdpErrc::kBadOrigin, 2},
      {"o= sess-id not a number", "v=0\r\no=- x 2 IN IP4 127.0.0.1\r\ns=-\r\nt=0 0\r\n", SdpErrc::kBadOrigin, 2},
      {"o= sess-id over 64 bits", "v=0\r\no=- 18446744073709551616 2 IN IP4 127.0.0.1\r\ns=-\r\nt=0 0\r\n",
       SdpErrc::kBadOrigin, 2},
      {"o= IPv6 address typed IP4", "v=0\r\no=- 1 2 IN IP4 ::1\r\ns=-\r\nt=0 0\r\n", SdpErrc::kBadOrigin, 2},
      {"o= double space", "v=0\r\no=- 1  2 IN IP4 127.0.0.1\r\ns=-\r\nt=0 0\r\n", SdpErrc::kBadOrigin, 2},
      {"o= missing", "v=0\r\ns=-\r\nt=0 0\r\n", SdpErrc::kMissingLine, 2},
      {"s= missing", "v=0\r\no=- 1 2 IN IP4 127.0.0.1\r\nt=0 0\r\n", SdpErrc::kMissingLine, 3},
      {"s= empty", "v=0\r\no=- 1 2 IN IP4 127.0.0.1\r\ns=\r\nt=0 0\r\n", SdpErrc::kMalformedLine, 3},
      {"t= missing at the end", "v=0\r\no=- 1 2 IN IP4 127.0.0.1\r\ns=-\r\n", SdpErrc::kMissingLine, 4},
      {"t= missing before a=", "v=0\r\no=- 1 2 IN IP4 127.0.0.1\r\ns=-\r\na=ice-lite\r\n", SdpErrc::kMissingLine, 4},
      {"t= after a=", "v=0\r\no=- 1 2 IN IP4 127.0.0.1\r\ns=-\r\na=ice-lite\r\nt=0 0\r\n", SdpErrc::kLineOrder, 4},
      {"c= before o=", "v=0\r\nc=IN IP4 1.2.3.4\r\no=- 1 2 IN IP4 127.0.0.1\r\ns=-\r\nt=0 0\r\n", SdpErrc::kLineOrder, 2},
      {"s= twice", "v=0\r\no=- 1 2 IN IP4 127.0.0.1\r\ns=-\r\ns=-\r\nt=0 0\r\n", SdpErrc::kLineOrder, 4},
      {"i= after c=", "v=0\r\no=- 1 2 IN IP4 127.0.0.1\r\ns=-\r\nc=IN IP4 1.2.3.4\r\ni=x\r\nt=0 0\r\n", SdpErrc::kLineOrder, 5},
      {"b= after t=", kHead + "b=AS:1\r\n", SdpErrc::kLineOrder, 5},
      {"r= without t= before it", "v=0\r\no=- 1 2 IN IP4 127.0.0.1\r\ns=-\r\nr=1d 1h 0\r\n", SdpErrc::kLineOrder, 4},
      {"z= without r=", kHead + "z=2882844526 -1h\r\n", SdpErrc::kLineOrder, 5},
      {"z= offset without unit digits", kHead + "r=1d 1h 0\r\nz=2882844526 -h\r\n", SdpErrc::kBadTiming, 6},
      {"r= with 2 fields", kHead + "r=1d 1h\r\n", SdpErrc::kBadTiming, 5},
      {"r= zero interval", kHead + "r=0 1h 0\r\n", SdpErrc::kBadTiming, 5},
      {"t= with 1 field", "v=0\r\no=- 1 2 IN IP4 127.0.0.1\r\ns=-\r\nt=0\r\n", SdpErrc::kBadTiming, 4},
      {"k= after a=", kHead + "a=ice-lite\r\nk=prompt\r\n", SdpErrc::kLineOrder, 6},
      {"a line without '='", kHead + "a\r\n", SdpErrc::kMalformedLine, 5},
      {"space before '='", kHead + "a =ice-lite\r\n", SdpErrc::kMalformedLine, 5},
      {"space after '='", kHead + "a= ice-lite\r\n", SdpErrc::kMalformedLine, 5},
      {"two-letter type", kHead + "ab=c\r\n", SdpErrc::kMalformedLine, 5},
      {"'=' first", kHead + "=x\r\n", SdpErrc::kMalformedLine, 5},
      {"empty value", kHead + "a=\r\n", SdpErrc::kMalformedLine, 5},
      {"empty line", kHead + "\r\na=ice-lite\r\n", SdpErrc::kMalformedLine, 5},
      {"unknown type letter", kHead + "x=foo\r\n", SdpErrc::kUnknownLineType, 5},
      {"upper-case type letter", kHead + "A=foo\r\n", SdpErrc::kUnknownLineType, 5},
      {"NUL inside a line", kHead + std::string("a=x\0y\r\n", 7), SdpErrc::kMalformedLine, 5},
      {"lone CR inside a line", kHead + "a=x\ry\r\n", SdpErrc::kMalformedLine, 5},
      {"c= with 2 fields", kHead + "m=audio 9 RTP/AVP 0\r\nc=IN IP4\r\n", SdpErrc::kBadConnection, 6},
      {"c= bad IPv4", kHead + "m=audio 9 RTP/AVP 0\r\nc=IN IP4 1.2.3.256\r\n", SdpErrc::kBadConnection, 6},
      {"c= TTL over 255", kHead + "m=audio 9 RTP/AVP 0\r\nc=IN IP4 233.252.0.1/256\r\n", SdpErrc::kBadConnection, 6},
      {"b= without ':'", kHead + "m=audio 9 RTP/AVP 0\r\nc=IN IP4 0.0.0.0\r\nb=AS\r\n", SdpErrc::kBadBandwidth, 7},
      {"b= non-numeric", kHead + "m=audio 9 RTP/AVP 0\r\nc=IN IP4 0.0.0.0\r\nb=AS:x\r\n", SdpErrc::kBadBandwidth, 7},
      {"m= port over 65535", kHead + "m=audio 70000 RTP/AVP 0\r\n", SdpErrc::kBadMedia, 5},
      {"m= port not a number", kHead + "m=audio x RTP/AVP 0\r\n", SdpErrc::kBadMedia, 5},
      {"m= port count 0", kHead + "m=audio 9/0 RTP/AVP 0\r\n", SdpErrc::kBadMedia, 5},
      {"m= without fmt", kHead + "m=audio 9 RTP/AVP\r\n", SdpErrc::kBadMedia, 5},
      {"m= trailing space", kHead + "m=audio 9 RTP/AVP 0 \r\n", SdpErrc::kBadMedia, 5},
      {"media c= after a=", kHead + "m=audio 9 RTP/AVP 0\r\na=sendrecv\r\nc=IN IP4 0.0.0.0\r\n", SdpErrc::kLineOrder, 7},
      {"media i= twice", kHead + "m=audio 9 RTP/AVP 0\r\ni=a\r\ni=b\r\n", SdpErrc::kLineOrder, 7},
      {"t= in a media section", kHead + "m=audio 9 RTP/AVP 0\r\nt=0 0\r\n", SdpErrc::kLineOrder, 6},
      {"media without c= anywhere", kHead + "m=audio 9 RTP/AVP 0\r\na=sendrecv\r\n", SdpErrc::kMissingLine, 5},
      {"attribute name not a token", kHead + "a=na(me\r\n", SdpErrc::kBadAttribute, 5},
      {"attribute ':' without value", kHead + "a=mid:\r\n", SdpErrc::kBadAttribute, 5},
      {"flag attribute with a value", kHead + "a=rtcp-mux:1\r\n", SdpErrc::kBadAttribute, 5},
      {"value attribute without a value", kHead + "a=mid\r\n", SdpErrc::kBadAttribute, 5},
      {"bad rtpmap payload type", kHead + "a=rtpmap:200 opus/48000\r\n", SdpErrc::kBadRtpmap, 5},
      {"rtpmap without clock rate", kHead + "a=rtpmap:111 opus\r\n", SdpErrc::kBadRtpmap, 5},
      {"bad fingerprint hex", kHead + "a=fingerprint:sha-1 ZZ" + repeat(":00", 19) + "\r\n", SdpErrc::kBadFingerprint, 5},
      {"fingerprint too short for sha-256",
       kHead + "a=fingerprint:sha-256 D3:D8:43:13:CC:37:E8:2D:7E:DF:B9:41:A6:2E:CE:BA:B7:5D:39:18\r\n",
       SdpErrc::kBadFingerprint, 5},
      {"candidate with too few fields", kHead + "a=candidate:1 1 udp 2122260223 127.0.0.1 9 typ\r\n", SdpErrc::kBadCandidate, 5},
      {"candidate with a bad port", kHead + "a=candidate:1 1 udp 2122260223 127.0.0.1 70000 typ host\r\n",
       SdpErrc::kBadCandidate, 5},
      {"candidate with a bad priority", kHead + "a=candidate:1 1 udp 4294967296 127.0.0.1 9 typ host\r\n",
       SdpErrc::kBadCandidate, 5},
      {"candidate with a bad typ", kHead + "a=candidate:1 1 udp 2122260223 127.0.0.1 9 typ bogus\r\n",
       SdpErrc::kBadCandidate, 5},
      {"extmap id 0", kHead + "a=extmap:0 urn:ietf:params:rtp-hdrext:toffset\r\n", SdpErrc::kBadExtmap, 5},
      {"extmap id 256", kHead + "a=extmap:256 urn:ietf:params:rtp-hdrext:toffset\r\n", SdpErrc::kBadExtmap, 5},
      {"bad setup", kHead + "a=setup:both\r\n", SdpErrc::kBadSetup, 5},
      {"bad ice-pwd", kHead + "a=ice-pwd:short\r\n", SdpErrc::kBadIce, 5},
      {"bad sctp-port", kHead + "a=sctp-port:65536\r\n", SdpErrc::kBadSctp, 5},
      {"bad ssrc", kHead + "a=ssrc:4294967296 cname:x\r\n", SdpErrc::kBadSsrc, 5},
      {"bad group", kHead + "a=group:BUNDLE 0  1\r\n", SdpErrc::kBadGroup, 5},
  };
  for (const auto& c : cases) {
    INFO(c.what);
    auto r = parse(c.text);
    REQUIRE_FALSE(r.ok());
    INFO(r.error().to_string());
    CHECK(r.error().is(c.code));
    CHECK(r.error().position() == c.line);
    CHECK(std::string(r.error().detail()) != "");
  }
}

TEST_CASE("the detail names the problem", "[sdp]") {
  auto r = parse(kHead + "a =ice-lite\r\n");
  REQUIRE_FALSE(r.ok());
  CHECK(std::string(r.error().detail()) == "whitespace before '='");
  auto fp = parse(kHead + "a=fingerprint:sha-1 D3:D8:43:13:CC:37:E8:2D:7E:DF:B9:41:A6:2E:CE:BA:B7:5D:39:18:8D:7F:37:9C:2B:D6:EE:E1:8A:45:15:97\r\n");
  REQUIRE_FALSE(fp.ok());
  CHECK(std::string(fp.error().detail()) == "fingerprint length does not match the hash function");
  CHECK(fp.error().to_string() == "sdp kBadFingerprint at 5: fingerprint length does not match the hash function");
}

TEST_CASE("size, line and media-section limits", "[sdp]") {
  SECTION("input larger than 256 KiB") {
    std::string text = kHead;
    while (text.size() <= kMaxDescriptionSize) text += "a=x-padding:" + std::string(100, 'p') + "\r\n";
    auto r = parse(text);
    REQUIRE_FALSE(r.ok());
    CHECK(r.error().is(SdpErrc::kTooLarge));
    CHECK(r.error().position() == 0);
  }
  SECTION("8192 lines pass, 8193 do not") {
    std::string text = kHead;
    for (size_t i = 4; i < kMaxLines; ++i) text += "a=x\r\n";
    CHECK(parse(text).ok());
    text += "a=x\r\n";
    auto r = parse(text);
    REQUIRE_FALSE(r.ok());
    CHECK(r.error().is(SdpErrc::kTooLarge));
    CHECK(r.error().position() == kMaxLines + 1);
  }
  SECTION("1024 media sections pass, 1025 do not") {
    std::string text = "v=0\r\no=- 1 2 IN IP4 127.0.0.1\r\ns=-\r\nc=IN IP4 0.0.0.0\r\nt=0 0\r\n";
    for (size_t i = 0; i < kMaxMediaSections; ++i) text += "m=audio 9 RTP/AVP 0\r\n";
    auto ok = parse(text);
    REQUIRE(ok.ok());
    CHECK(ok->media.size() == kMaxMediaSections);
    text += "m=audio 9 RTP/AVP 0\r\n";
    auto r = parse(text);
    REQUIRE_FALSE(r.ok());
    CHECK(r.error().is(SdpErrc::kTooLarge));
    CHECK(r.error().position() == 5 + kMaxMediaSections + 1);
  }
}

TEST_CASE("typed builders produce the text browsers expect", "[sdp]") {
  SessionDescription sd;
  sd.origin.session_id = 4611686018427387904u;
  sd.origin.session_version = 2;
  sd.add(Group{"BUNDLE", {"0", "1"}});
  sd.add_attribute("extmap-allow-mixed");
  sd.add(MsidSemantic{"WMS", {"stream"}});

  MediaDescription audio;
  audio.media = "audio";
  audio.port = 9;
  audio.proto = "UDP/TLS/RTP/SAVPF";
  audio.formats = {"111"};
  audio.connections.push_back(Connection{});
  audio.add(RtcpAttribute{9, "IN", "IP4", "0.0.0.0"});
  audio.set_ice_ufrag("abcd");
  audio.set_ice_pwd("0123456789abcdefghijkl");
  audio.add(IceOptions{{"trickle"}});
  Fingerprint fp;
  fp.hash = FingerprintHash::kSha256;
  for (uint8_t i = 0; i < 32; ++i) fp.digest.push_back(i);
  audio.add(fp);
  audio.set_setup(SetupRole::kActpass);
  audio.set_mid("0");
  audio.add(Extmap{1, std::nullopt, "urn:ietf:params:rtp-hdrext:sdes:mid", ""});
  audio.set_direction(Direction::kSendOnly);
  audio.add(Msid{"stream", "track"});
  audio.set_flag(kRtcpMuxAttribute, true);
  audio.add(Rtpmap{111, "opus", 48000, 2});
  audio.add(RtcpFb{111, "transport-cc", ""});
  audio.add(Fmtp{"111", {{"minptime", "10"}, {"useinbandfec", "1"}}});
  audio.add(SsrcAttribute{1234, "cname", "c"});
  sd.media.push_back(audio);

  MediaDescription data;
  data.media = "application";
  data.port = 9;
  data.proto = "UDP/DTLS/SCTP";
  data.formats = {"webrtc-datachannel"};
  data.connections.push_back(Connection{});
  data.set_mid("1");
  data.set_sctp_port(5000);
  data.set_max_message_size(262144);
  sd.media.push_back(data);

  const std::string expected =
      "v=0\r\n"
      "o=- 4611686018427387904 2 IN IP4 127.0.0.1\r\n"
      "s=-\r\n"
      "t=0 0\r\n"
      "a=group:BUNDLE 0 1\r\n"
      "a=extmap-allow-mixed\r\n"
      "a=msid-semantic:WMS stream\r\n"
      "m=audio 9 UDP/TLS/RTP/SAVPF 111\r\n"
      "c=IN IP4 0.0.0.0\r\n"
      "a=rtcp:9 IN IP4 0.0.0.0\r\n"
      "a=ice-ufrag:abcd\r\n"
      "a=ice-pwd:0123456789abcdefghijkl\r\n"
      "a=ice-options:trickle\r\n"
      "a=fingerprint:sha-256 00:01:02:03:04:05:06:07:08:09:0A:0B:0C:0D:0E:0F:10:11:12:13:14:15:16:17:18:19:1A:"
      "1B:1C:1D:1E:1F\r\n"
      "a=setup:actpass\r\n"
      "a=mid:0\r\n"
      "a=extmap:1 urn:ietf:params:rtp-hdrext:sdes:mid\r\n"
      "a=sendonly\r\n"
      "a=msid:stream track\r\n"
      "a=rtcp-mux\r\n"
      "a=rtpmap:111 opus/48000/2\r\n"
      "a=rtcp-fb:111 transport-cc\r\n"
      "a=fmtp:111 minptime=10;useinbandfec=1\r\n"
      "a=ssrc:1234 cname:c\r\n"
      "m=application 9 UDP/DTLS/SCTP webrtc-datachannel\r\n"
      "c=IN IP4 0.0.0.0\r\n"
      "a=mid:1\r\n"
      "a=sctp-port:5000\r\n"
      "a=max-message-size:262144\r\n";
  const std::string text = serialize(sd);
  CHECK(text == expected);
  auto back = parse(text);
  REQUIRE(back.ok());
  CHECK(*back == sd);
}

TEST_CASE("attribute list editing", "[sdp]") {
  AttributeList list;
  list.add_attribute("sendrecv");
  list.add_attribute("mid", "a");
  list.add_attribute("recvonly");
  list.set_direction(Direction::kInactive);
  // The first direction flag is renamed in place; the conflicting later one is dropped.
  REQUIRE(list.attributes.size() == 2);
  CHECK(list.attributes[0] == Attribute{"inactive", ""});
  CHECK(list.direction() == Direction::kInactive);
  list.set_mid("b");
  CHECK(list.attributes[1] == Attribute{"mid", "b"});
  list.set_flag(kRtcpMuxAttribute, true);
  list.set_flag(kRtcpMuxAttribute, true);
  CHECK(list.attribute_values(kRtcpMuxAttribute).size() == 1);
  list.set_flag(kRtcpMuxAttribute, false);
  CHECK_FALSE(list.rtcp_mux());
  CHECK(list.remove_attributes("mid") == 1);
  CHECK_FALSE(list.mid());
  // A hand-built invalid value is skipped by the typed accessors.
  list.add_attribute("rtpmap", "bogus");
  list.add(Rtpmap{0, "PCMU", 8000, std::nullopt});
  CHECK(list.rtpmaps().size() == 1);
  CHECK(validate_attribute("rtpmap", "bogus").error().is(SdpErrc::kBadRtpmap));
  CHECK(validate_attribute("x-anything", "goes").ok());
}

}  // namespace
}  // namespace tern::sdp

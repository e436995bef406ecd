// Typed attribute values: table-driven round trips (parse -> compare fields -> serialize ->
// compare text) with failure tables beside them.
#include <string>
#include <utility>
#include <vector>

#include <catch2/catch.hpp>

#include "sdp/address.hpp"
#include "sdp/attribute_list.hpp"

namespace tern::sdp {
namespace {

template <class T>
using Cases = std::vector<std::pair<std::string, T>>;

template <class T, class Parse>
void check_round_trips(Parse parse, const Cases<T>& cases) {
  for (const auto& [text, expected] : cases) {
    INFO(text);
    auto r = parse(text);
    INFO((r ? std::string() : r.error().to_string()));
    REQUIRE(r.ok());
    CHECK(*r == expected);
    CHECK(serialize(*r) == text);
  }
}

template <class Parse>
void check_rejects(Parse parse, SdpErrc code, const std::vector<std::string>& bad) {
  for (const auto& text : bad) {
    INFO(text);
    auto r = parse(text);
    REQUIRE_FALSE(r.ok());
    INFO(r.error().to_string());
    CHECK(r.error().is(code));
    CHECK(r.error().position() == 0);  // standalone values carry no line number
  }
}

TEST_CASE("group and msid-semantic", "[sdp][attributes]") {
  check_round_trips(parse_group, Cases<Group>{
                                     {"BUNDLE 0 1 2", {"BUNDLE", {"0", "1", "2"}}},
                                     {"LS 0 1", {"LS", {"0", "1"}}},
                                     {"BUNDLE", {"BUNDLE", {}}},
                                     {"BUNDLE audio video data", {"BUNDLE", {"audio", "video", "data"}}},
                                 });
  check_rejects(parse_group, SdpErrc::kBadGroup, {"", " BUNDLE 0", "BUNDLE 0 ", "BUNDLE 0  1", "BUN(DLE 0"});

  check_round_trips(parse_msid_semantic, Cases<MsidSemantic>{
                                             {"WMS *", {"WMS", {"*"}}},
                                             {"WMS a b", {"WMS", {"a", "b"}}},
                                             {"WMS", {"WMS", {}}},
                                         });
  // Chromium's leading SP is accepted (and not written back).
  auto chrome = parse_msid_semantic(" WMS 4af633d0-54cf-4e92-a549-b4fab42f26ab");
  REQUIRE(chrome.ok());
  CHECK(chrome->stream_ids.size() == 1);
  check_rejects(parse_msid_semantic, SdpErrc::kBadGroup, {"", "  WMS", "WMS a "});

  CHECK(parse_mid("0").ok());
  CHECK(*parse_mid("audio-1") == "audio-1");
  check_rejects(parse_mid, SdpErrc::kBadGroup, {"", "a b", "a:b"});
}

TEST_CASE("msid", "[sdp][attributes]") {
  check_round_trips(parse_msid, Cases<Msid>{
                                    {"stream track", {"stream", "track"}},
                                    {"- track", {"-", "track"}},
                                    {"stream", {"stream", std::nullopt}},
                                });
  check_rejects(parse_msid, SdpErrc::kBadMsid, {"", "a b c", "a ", std::string(65, 'x'), "a " + std::string(65, 'y')});
}

TEST_CASE("ICE credentials, options and ice-lite", "[sdp][attributes]") {
  CHECK(*parse_ice_ufrag("MbwO") == "MbwO");
  CHECK(parse_ice_ufrag("dX/E").ok());
  CHECK(parse_ice_pwd("fbsvFY6uhYYiCO/EkRpxWk").ok());  // exactly 22
  CHECK(parse_ice_pwd(std::string(256, 'a')).ok());
  check_rejects(parse_ice_ufrag, SdpErrc::kBadIce, {"abc", "ab-d", std::string(257, 'a')});
  check_rejects(parse_ice_pwd, SdpErrc::kBadIce, {"fbsvFY6uhYYiCO/EkRpxW", "0123456789abcdefghijk!"});

  check_round_trips(parse_ice_options, Cases<IceOptions>{
                                           {"trickle", {{"trickle"}}},
                                           {"trickle ice2", {{"trickle", "ice2"}}},
                                       });
  auto comma = parse_ice_options("ice2,trickle");
  REQUIRE(comma.ok());
  CHECK(comma->tags == std::vector<std::string>{"ice2", "trickle"});
  CHECK(comma->has("trickle"));
  CHECK_FALSE(comma->has("renomination"));
  check_rejects(parse_ice_options, SdpErrc::kBadIce, {"", "trickle ", "a,,b", "tri-ckle"});

  AttributeList list;
  CHECK_FALSE(list.ice_lite());
  list.set_flag(kIceLiteAttribute, true);
  CHECK(list.ice_lite());
}

TEST_CASE("fingerprint: every hash with its length", "[sdp][attributes]") {
  struct HashCase {
    FingerprintHash hash;
    const char* name;
    size_t size;
  };
  const HashCase hashes[] = {
      {FingerprintHash::kSha1, "sha-1", 20},     {FingerprintHash::kSha224, "sha-224", 28},
      {FingerprintHash::kSha256, "sha-256", 32}, {FingerprintHash::kSha384, "sha-384", 48},
      {FingerprintHash::kSha512, "sha-512", 64},
  };
  for (const auto& h : hashes) {
    INFO(h.name);
    CHECK(fingerprint_hash_name(h.hash) == h.name);
    CHECK(fingerprint_hash_size(h.hash) == h.size);
    CHECK(fingerprint_hash_from_name(h.name) == h.hash);
    Fingerprint fp{h.hash, {}};
    std::string text = h.name;
    for (size_t i = 0; i < h.size; ++i) {
      fp.digest.push_back(static_cast<uint8_t>(0xA0 + i));
      static constexpr char kHex[] = "0123456789ABCDEF";
      text += i == 0 ? ' ' : ':';
      text += kHex[(0xA0 + i) >> 4 & 15];
      text += kHex[(0xA0 + i) & 15];
    }
    check_round_trips(parse_fingerprint, Cases<Fingerprint>{{text, fp}});
    // One byte short and one byte long are both the wrong length for this hash.
    check_rejects(parse_fingerprint, SdpErrc::kBadFingerprint, {text.substr(0, text.size() - 3), text + ":00"});
  }
  CHECK(fingerprint_hash_from_name("SHA-256") == FingerprintHash::kSha256);
  // Lower-case hex is read; upper case is written (RFC 8122 §5 UHEX).
  auto lower = parse_fingerprint("sha-1 0a:0b:0c:0d:0e:0f:10:11:12:13:14:15:16:17:18:19:1a:1b:1c:1d");
  REQUIRE(lower.ok());
  CHECK(serialize(*lower) == "sha-1 0A:0B:0C:0D:0E:0F:10:11:12:13:14:15:16:17:18:19:1A:1B:1C:1D");
  check_rejects(parse_fingerprint, SdpErrc::kBadFingerprint,
                {"", "sha-256", "md5 00:11:22:33:44:55:66:77:88:99:AA:BB:CC:DD:EE:FF", "sha-3 00",
                 "sha-1 0A:0B:0C:0D:0E:0F:10:11:12:13:14:15:16:17:18:19:1A:1B:1C:1G",
                 "sha-1 0A-0B:0C:0D:0E:0F:10:11:12:13:14:15:16:17:18:19:1A:1B:1C:1D",
                 "sha-1  0A:0B:0C:0D:0E:0F:10:11:12:13:14:15:16:17:18:19:1A:1B:1C:1D"});
}

TEST_CASE("setup", "[sdp][attributes]") {
  const std::pair<const char*, SetupRole> roles[] = {{"active", SetupRole::kActive},
                                                     {"passive", SetupRole::kPassive},
                                                     {"actpass", SetupRole::kActpass},
                                                     {"holdconn", SetupRole::kHoldconn}};
  for (const auto& [name, role] : roles) {
    CHECK(*parse_setup(name) == role);
    CHECK(setup_role_name(role) == name);
  }
  check_rejects(parse_setup, SdpErrc::kBadSetup, {"", "ACTIVE", "both", "active "});
}

TEST_CASE("rtcp", "[sdp][attributes]") {
  check_round_trips(parse_rtcp, Cases<RtcpAttribute>{
                                    {"9", {9, "", "", ""}},
                                    {"9 IN IP4 0.0.0.0", {9, "IN", "IP4", "0.0.0.0"}},
                                    {"53020 IN IP6 2001:2345:6789:ABCD:EF01:2345:6789:ABCD",
                                     {53020, "IN", "IP6", "2001:2345:6789:ABCD:EF01:2345:6789:ABCD"}},
                                });
  check_rejects(parse_rtcp, SdpErrc::kBadRtcp,
                {"", "x", "65536", "9 IN IP4", "9 IN IP4 0.0.0.0 x", "9 IN IP4 ::1", "9 IN IP6 1.2.3.4", "9 IN IP4 1.2.3"});
}

TEST_CASE("rtpmap", "[sdp][attributes]") {
  check_round_trips(parse_rtpmap, Cases<Rtpmap>{
                                      {"111 opus/48000/2", {111, "opus", 48000, 2u}},
                                      {"0 PCMU/8000", {0, "PCMU", 8000, std::nullopt}},
                                      {"127 telephone-event/8000", {127, "telephone-event", 8000, std::nullopt}},
                                      {"96 VP8/90000", {96, "VP8", 90000, std::nullopt}},
                                  });
  check_rejects(parse_rtpmap, SdpErrc::kBadRtpmap,
                {"", "128 opus/48000", "x opus/48000", "111 opus", "111 opus/", "111 opus/0", "111 opus/48000/x",
                 "111 opus/48000/2/1", "111  opus/48000", "111 op us/48000", "111 opus/48000 x", "111"});
}

TEST_CASE("fmtp: parameters kept in order", "[sdp][attributes]") {
  check_round_trips(parse_fmtp, Cases<Fmtp>{
                                    {"111 minptime=10;useinbandfec=1", {"111", {{"minptime", "10"}, {"useinbandfec", "1"}}}},
                                    {"63 111/111", {"63", {{"111/111", std::nullopt}}}},
                                    {"97 apt=96", {"97", {{"apt", "96"}}}},
                                    {"102 sprop-parameter-sets=Z0IAH5WoFAFuQA==,aM48gA==;packetization-mode=1",
                                     {"102", {{"sprop-parameter-sets", "Z0IAH5WoFAFuQA==,aM48gA=="}, {"packetization-mode", "1"}}}},
                                    {"webrtc-datachannel max-message-size=65536",
                                     {"webrtc-datachannel", {{"max-message-size", "65536"}}}},
                                });
  // Spaces after ';' and a trailing ';' are tolerated; the canonical form has neither.
  auto loose = parse_fmtp("96 profile-level-id=42e01f; packetization-mode=1;");
  REQUIRE(loose.ok());
  CHECK(serialize(*loose) == "96 profile-level-id=42e01f;packetization-mode=1");
  CHECK(loose->parameter("PACKETIZATION-MODE") == "1");  // RFC 4855 §3: names are case-insensitive
  CHECK_FALSE(loose->parameter("apt"));
  check_rejects(parse_fmtp, SdpErrc::kBadFmtp, {"", "111", "111 ", "111 ;", "111 =10", "1(1 a=b"});
}

TEST_CASE("rtcp-fb", "[sdp][attributes]") {
  check_round_trips(parse_rtcp_fb, Cases<RtcpFb>{
                                       {"96 nack", {96, "nack", ""}},
                                       {"96 nack pli", {96, "nack", "pli"}},
                                       {"96 ccm fir", {96, "ccm", "fir"}},
                                       {"* transport-cc", {std::nullopt, "transport-cc", ""}},
                                       {"98 ccm tmmbr smaxpr=120", {98, "ccm", "tmmbr smaxpr=120"}},
                                       {"* trr-int 100", {std::nullopt, "trr-int", "100"}},
                                   });
  check_rejects(parse_rtcp_fb, SdpErrc::kBadRtcpFb,
                {"", "96", "128 nack", "x nack", "96 nack ", "96 nack  pli", "96 trr-int", "96 trr-int x", "96 na(ck"});
}

TEST_CASE("extmap", "[sdp][attributes]") {
  check_round_trips(parse_extmap, Cases<Extmap>{
                                      {"1 urn:ietf:params:rtp-hdrext:ssrc-audio-level",
                                       {1, std::nullopt, "urn:ietf:params:rtp-hdrext:ssrc-audio-level", ""}},
                                      {"2/sendrecv http://example.com/082005/ext.htm#xmeta short",
                                       {2, Direction::kSendRecv, "http://example.com/082005/ext.htm#xmeta", "short"}},
                                      {"14/recvonly urn:x", {14, Direction::kRecvOnly, "urn:x", ""}},
                                      // RFC 8285 §5: 15 is reserved only in the one-byte form.
                                      {"15 urn:x", {15, std::nullopt, "urn:x", ""}},
                                      {"255/inactive urn:x a b", {255, Direction::kInactive, "urn:x", "a b"}},
                                  });
  CHECK(parse_extmap("14 urn:x")->fits_one_byte_form());
  CHECK_FALSE(parse_extmap("15 urn:x")->fits_one_byte_form());
  check_rejects(parse_extmap, SdpErrc::kBadExtmap,
                {"", "0 urn:x", "256 urn:x", "4096 urn:x", "x urn:x", "1", "1 ", "1/both urn:x", "1/sendonly/x urn:x",
                 "1 urn:x "});
}

TEST_CASE("ssrc and ssrc-group", "[sdp][attributes]") {
  check_round_trips(parse_ssrc, Cases<SsrcAttribute>{
                                    {"678502110 cname:sfq7IJfGb34t4Xhw", {678502110u, "cname", "sfq7IJfGb34t4Xhw"}},
                                    {"1111 msid:ndc-stream ndc-audio", {1111, "msid", "ndc-stream ndc-audio"}},
                                    {"4294967295 previous-ssrc", {4294967295u, "previous-ssrc", std::nullopt}},
                                    {"0 label:a:b", {0, "label", "a:b"}},
                                });
  check_rejects(parse_ssrc, SdpErrc::kBadSsrc, {"", "1", "1 ", "4294967296 cname:x", "-1 cname:x", "1 cname:", "1 a b:c"});
  check_round_trips(parse_ssrc_group, Cases<SsrcGroup>{
                                          {"FID 2580399102 1924916540", {"FID", {2580399102u, 1924916540u}}},
                                          {"SIM 1 2 3", {"SIM", {1, 2, 3}}},
                                          {"FEC-FR 5", {"FEC-FR", {5}}},
                                      });
  check_rejects(parse_ssrc_group, SdpErrc::kBadSsrc, {"", "FID 1 x", "FID 1 ", "FID 4294967296"});
}

TEST_CASE("rid (RFC 8851)", "[sdp][attributes]") {
  check_round_trips(parse_rid, Cases<Rid>{
                                   {"hi send", {"hi", RidDirection::kSend, {}, {}}},
                                   {"r0 recv pt=96,97", {"r0", RidDirection::kRecv, {"96", "97"}, {}}},
                                   {"hi send pt=96;max-width=1280;max-height=720",
                                    {"hi", RidDirection::kSend, {"96"}, {{"max-width", "1280"}, {"max-height", "720"}}}},
                                   {"lo_1 send max-fps=15;depend=hi",
                                    {"lo_1", RidDirection::kSend, {}, {{"max-fps", "15"}, {"depend", "hi"}}}},
                                   {"x send max-br", {"x", RidDirection::kSend, {}, {{"max-br", std::nullopt}}}},
                               });
  check_rejects(parse_rid, SdpErrc::kBadRid,
                {"", "hi", "h.i send", "hi both", "hi send ", "hi send pt=", "hi send pt=96,", "hi send max_w=1",
                 "hi send a=1;pt=96", "hi send a=1;;b=2"});
}

TEST_CASE("simulcast (RFC 8853)", "[sdp][attributes]") {
  check_round_trips(parse_simulcast,
                    Cases<Simulcast>{
                        {"send hi;mid;lo", {{{{"hi", false}}, {{"mid", false}}, {{"lo", false}}}, {}}},
                        {"recv r0", {{}, {{{"r0", false}}}}},
                        {"send a,~b;c recv d", {{{{"a", false}, {"b", true}}, {{"c", false}}}, {{{"d", false}}}}},
                    });
  // recv first is valid; the canonical form writes send first.
  auto recv_first = parse_simulcast("recv d send a");
  REQUIRE(recv_first.ok());
  CHECK(serialize(*recv_first) == "send a recv d");
  check_rejects(parse_simulcast, SdpErrc::kBadSimulcast,
                {"", "send", "send ", "both a", "send a send b", "send a;;b", "send a,", "send ~", "send a b", "send a recv"});
}

TEST_CASE("sctp-port, max-message-size and sctpmap", "[sdp][attributes]") {
  CHECK(*parse_sctp_port("5000") == 5000);
  CHECK(*parse_sctp_port("65535") == 65535);
  check_rejects(parse_sctp_port, SdpErrc::kBadSctp, {"", "65536", "x", "-1", "5000 "});
  CHECK(*parse_max_message_size("262144") == 262144u);
  CHECK(*parse_max_message_size("0") == 0u);  // RFC 8841 §6.1: 0 = no limit
  check_rejects(parse_max_message_size, SdpErrc::kBadSctp, {"", "18446744073709551616", "1k"});
  check_round_trips(parse_sctpmap, Cases<Sctpmap>{
                                       {"5000 webrtc-datachannel 1024", {5000, "webrtc-datachannel", 1024u}},
                                       {"5000 webrtc-datachannel", {5000, "webrtc-datachannel", std::nullopt}},
                                   });
  check_rejects(parse_sctpmap, SdpErrc::kBadSctp, {"", "5000", "70000 webrtc-datachannel", "5000 x y", "5000 x 1 2"});
}

TEST_CASE("direction flags", "[sdp][attributes]") {
  for (Direction d : {Direction::kSendRecv, Direction::kSendOnly, Direction::kRecvOnly, Direction::kInactive}) {
    CHECK(direction_from_name(direction_name(d)) == d);
    CHECK(validate_attribute(direction_name(d), "").ok());
    CHECK(validate_attribute(direction_name(d), "x").error().is(SdpErrc::kBadAttribute));
  }
  CHECK(reverse(Direction::kSendOnly) == Direction::kRecvOnly);
  CHECK(reverse(Direction::kRecvOnly) == Direction::kSendOnly);
  CHECK(reverse(Direction::kSendRecv) == Direction::kSendRecv);
  CHECK_FALSE(direction_from_name("SENDRECV"));
  for (auto flag : {"rtcp-mux", "rtcp-rsize", "ice-lite", "end-of-candidates", "extmap-allow-mixed", "bundle-only"}) {
    INFO(flag);
    CHECK(validate_attribute(flag, "").ok());
    CHECK(validate_attribute(flag, "1").error().is(SdpErrc::kBadAttribute));
  }
}

TEST_CASE("address syntax", "[sdp][attributes]") {
  const std::pair<const char*, std::optional<AddressKind>> cases[] = {
      {"127.0.0.1", AddressKind::kIpv4},
      {"0.0.0.0", AddressKind::kIpv4},
      {"255.255.255.255", AddressKind::kIpv4},
      {"256.0.0.1", std::nullopt},
      {"1.2.3", std::nullopt},
      {"1.2.3.4.5", std::nullopt},
      {"01.2.3.4", std::nullopt},
      {"::", AddressKind::kIpv6},
      {"::1", AddressKind::kIpv6},
      {"fe80::1", AddressKind::kIpv6},
      {"2001:db8:0:0:0:0:0:1", AddressKind::kIpv6},
      {"::ffff:192.0.2.1", AddressKind::kIpv6},
      {"1:2:3:4:5:6:1.2.3.4", AddressKind::kIpv6},
      {"1:2:3:4:5:6:7:8:9", std::nullopt},
      {"1:2:3:4:5:6:7", std::nullopt},
      {"1::2::3", std::nullopt},
      {"1:2:3:4:5:6:7::8", std::nullopt},
      {"12345::1", std::nullopt},
      {":1", std::nullopt},
      {"1:", std::nullopt},
      {"fe80::1%eth0", std::nullopt},
      {"host.example.com", AddressKind::kFqdn},
      {"9b36eaac-bb2e-49bb-bb78-21c41c499900.local", AddressKind::kFqdn},
      {"abc", std::nullopt},  // RFC 8866 §9 FQDN = 4*(alpha-numeric / "-" / ".")
      {"a_b.example", std::nullopt},
      {"", std::nullopt},
  };
  for (const auto& [text, kind] : cases) {
    INFO(text);
    CHECK(classify_address(text) == kind);
  }
  CHECK(is_mdns_name("9b36eaac-bb2e-49bb-bb78-21c41c499900.local"));
  CHECK(is_mdns_name("host.LOCAL"));
  CHECK_FALSE(is_mdns_name("host.example.com"));
  CHECK_FALSE(is_mdns_name(".local"));
}

}  // namespace
}  // namespace tern::sdp

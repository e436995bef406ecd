// RFC 7983 §7 / RFC 9443 first-byte demultiplexing and RFC 5761 §4 RTP/RTCP split.
#include <catch2/catch.hpp>

#include <cstdint>
#include <vector>

#include "rtp/demux.hpp"

using tern::rtp::classify_packet;
using tern::rtp::is_rtcp;
using tern::rtp::PacketClass;

namespace {
struct Range {
  int first, last;
  PacketClass expected;
};
}  // namespace

TEST_CASE("demux: every first byte falls in its RFC 7983 / RFC 9443 range", "[rtp][demux]") {
  // The second byte 96 (PT 96, no marker) keeps 128..191 on the RTP side.
  const Range ranges[] = {
      {0, 3, PacketClass::kStun},          {4, 15, PacketClass::kDrop},
      {16, 19, PacketClass::kZrtp},        {20, 63, PacketClass::kDtls},
      {64, 79, PacketClass::kTurnChannel}, {80, 127, PacketClass::kQuic},
      {128, 191, PacketClass::kRtp},       {192, 255, PacketClass::kQuic},
  };
  int covered = 0;
  for (const Range& r : ranges) {
    for (int b = r.first; b <= r.last; ++b) {
      const uint8_t datagram[] = {static_cast<uint8_t>(b), 96, 0, 0};
      INFO("first byte " << b);
      CHECK(classify_packet(datagram) == r.expected);
      ++covered;
    }
  }
  CHECK(covered == 256);
}

TEST_CASE("demux: RTP vs RTCP by the second byte (RFC 5761 §4)", "[rtp][demux]") {
  for (int second = 0; second <= 255; ++second) {
    const uint8_t datagram[] = {0x80, static_cast<uint8_t>(second), 0, 1};
    const bool rtcp = second >= 192 && second <= 223;
    INFO("second byte " << second);
    CHECK(is_rtcp(datagram) == rtcp);
    CHECK(classify_packet(datagram) == (rtcp ? PacketClass::kRtcp : PacketClass::kRtp));
  }
  // Real headers: an RTCP RR (V=2, RC=1, PT=201) and an RTP packet with marker + PT 111.
  const uint8_t rr[] = {0x81, 201, 0x00, 0x07};
  const uint8_t rtp_marker[] = {0x80, 0x80 | 111, 0x00, 0x01};
  const uint8_t rtp_marker_pt95[] = {0x80, 0x80 | 95, 0x00, 0x01};  // reads as RTCP: PT 95 is unusable
  CHECK(classify_packet(rr) == PacketClass::kRtcp);
  CHECK(classify_packet(rtp_marker) == PacketClass::kRtp);
  CHECK(classify_packet(rtp_marker_pt95) == PacketClass::kRtcp);
}

TEST_CASE("demux: short datagrams", "[rtp][demux]") {
  CHECK(classify_packet({}) == PacketClass::kDrop);
  const uint8_t stun1[] = {0x00};
  const uint8_t dtls1[] = {22};
  const uint8_t rtp1[] = {0x80};
  CHECK(classify_packet(stun1) == PacketClass::kStun);
  CHECK(classify_packet(dtls1) == PacketClass::kDtls);
  CHECK(classify_packet(rtp1) == PacketClass::kDrop);  // cannot tell RTP from RTCP
  CHECK_FALSE(is_rtcp(rtp1));
  CHECK(tern::rtp::packet_class_name(PacketClass::kTurnChannel) == "turn-channel");
  CHECK(tern::rtp::packet_class_name(PacketClass::kRtcp) == "rtcp");
}

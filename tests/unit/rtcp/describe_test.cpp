// The inspector dump: every packet, every field, decoded.
#include "rtcp_test_util.hpp"

#include "rtcp/describe.hpp"

namespace tern::rtcp {
namespace {

using test::hex;

TEST_CASE("describe prints decoded fields, one per line", "[rtcp][describe]") {
  const std::vector<uint8_t> bytes = hex(
      "81c90007 12345678 9abcdef0 40000005 00012345 0000001e 3c4d5e6f 00018000 "
      "81ca0006 12345678 0110 75736572 40657861 6d706c65 2e636f6d 0000 "
      "81cd0003 12345678 9abcdef0 03e88005 "
      "8fce0005 12345678 00000000 52454d42 010bd090 9abcdef0 "
      "8fcd0006 12345678 9abcdef0 fffe 0005 000000 07 ac00 280a00 000000 "
      "80cf0002 12345678 04000001");
  const std::string text = describe_bytes(bytes);
  INFO(text);
  const char* expected_lines[] = {
      "RTCP compound, 6 packet(s)\n",
      "    RR (PT 201), 1 report block(s)\n",
      "      sender_ssrc: 0x12345678\n",
      "      report_block[0]:\n",
      "        fraction_lost: 64/256\n",
      "        cumulative_lost: 5\n",
      "        highest_seq: 74565 (cycles 1, seq 9029)\n",
      "        CNAME (1): \"user@example.com\"\n",
      "    NACK (PT 205 FMT 1), 1 FCI entry\n",
      "      pid: 1000 blp: 0x8005\n",
      "      lost: 1000 1001 1003 1016\n",
      "      bitrate: 1000000 bps (mantissa 250000 exp 2)\n",
      "    TRANSPORT-CC (PT 205 FMT 15), 5 packet(s)\n",
      "      fb_pkt_count: 7\n",
      "      seq 65534: small delta 40 (10.00 ms), arrival 10.00 ms\n",
      "      seq 65535: not received\n",
      "      seq 0: small delta 10 (2.50 ms), arrival 12.50 ms\n",
      "      seq 2: not received\n",
      "    PT 207 count/FMT 0 (not decoded), 8 body byte(s)\n",
      "      body: 1234567804000001\n",
  };
  for (const char* line : expected_lines) CHECK(text.find(line) != std::string::npos);
}

TEST_CASE("describe prints long NACK lists in full", "[rtcp][describe]") {
  std::vector<SeqNo> lost;
  for (uint16_t i = 0; i < 200; ++i) lost.push_back(SeqNo(static_cast<uint16_t>(60000 + 3 * i)));
  const std::string text = describe(Packet{Nack::from_lost(Ssrc(1), Ssrc(2), lost), 0});
  CHECK(text.find(" 60000 60003 ") != std::string::npos);
  CHECK(text.find(" 60597\n") != std::string::npos);  // the last one, 60000 + 3 * 199
}

TEST_CASE("describe reports parse errors and padding", "[rtcp][describe]") {
  CHECK(describe_bytes(hex("40c90001 12345678")).find("kBadVersion") != std::string::npos);
  Packet p{Pli{Ssrc(1), Ssrc(2)}, 4};
  const std::string text = describe(p);
  CHECK(text == "PLI (PT 206 FMT 1)\n  sender_ssrc: 0x00000001\n  media_ssrc: 0x00000002\n  padding: 4 octet(s)\n");
  Packet bye{Bye{{Ssrc(3)}, std::string_view("a\"b\x01", 4)}, 0};
  CHECK(describe(bye).find("reason: \"a\\x22b\\x01\"") != std::string::npos);
}

}  // namespace
}  // namespace tern::rtcp

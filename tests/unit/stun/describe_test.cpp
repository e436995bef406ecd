// describe(): the inspector's dump of a message.
#include <catch2/catch.hpp>

#include "stun/attributes.hpp"
#include "stun/builder.hpp"
#include "stun/describe.hpp"
#include "test_util.hpp"

namespace tern::stun {
namespace {
using test::hex;

TEST_CASE("describe the RFC 5769 IPv4 response", "[stun][describe]") {
  const auto wire = hex(
      "0101003c2112a442b7e7a701bc34d686fa87dfae"
      "8022000b7465737420766563746f7220"
      "002000080001a147e112a643"
      "000800142b91f599fd9e90c38c7489f92af9ba53f06be7d7"
      "80280004c07d4c96");
  auto m = Message::parse(wire);
  REQUIRE(m.ok());
  CHECK(describe(*m) ==
        "STUN Binding success response (type 0x0101, length 60)\n"
        "  transaction id: b7e7a701bc34d686fa87dfae\n"
        "  SOFTWARE (0x8022), 11 bytes: \"test vector\"\n"
        "  XOR-MAPPED-ADDRESS (0x0020), 8 bytes: 192.0.2.1:32853 (IPv4)\n"
        "  MESSAGE-INTEGRITY (0x0008), 20 bytes: 2b91f599fd9e90c38c7489f92af9ba53f06be7d7\n"
        "  FINGERPRINT (0x8028), 4 bytes: 0xc07d4c96 (matches)\n");
}

TEST_CASE("describe decodes every kind of attribute and flags bad ones", "[stun][describe]") {
  const TransactionId txid = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12};
  std::vector<uint8_t> out;
  MessageBuilder b(out, {Method::kAllocate, MessageClass::kErrorResponse}, txid);
  b.add(ErrorCode{401, "Unauthorized"});
  b.add(Nonce{"obMatJos2AAADabc"});
  b.add(Realm{"example.org"});
  PasswordAlgorithms algorithms;
  algorithms.push({PasswordAlgorithm::kSha256, {}});
  algorithms.push({PasswordAlgorithm::kMd5, {}});
  b.add(algorithms);
  b.add(XorRelayedAddress{test::v6({0x20, 0x01, 0x0d, 0xb8, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1}, 50000)});
  b.add(Lifetime{600});
  b.add(RequestedTransport{});
  b.add(EvenPort{true});
  b.add(ChannelNumber{0x4001});
  b.add(AddressErrorCode{AddressFamily::kIpv6, 440, "Address Family not Supported"});
  b.add(Icmp{3, 4, 1500});
  b.add_raw(AttributeType::kPriority, hex("0102"));  // bad length
  b.add_raw(static_cast<AttributeType>(0xC057), hex("0001"));
  b.add_message_integrity(hex("00"));
  b.add_raw(AttributeType::kSoftware, hex("6869"));  // after MI: ignored
  REQUIRE(b.finish().ok());
  auto m = Message::parse(out);
  REQUIRE(m.ok());
  const std::string text = describe(*m);
  INFO(text);
  CHECK(text.find("STUN Allocate error response (type 0x0113") == 0);
  CHECK(text.find("ERROR-CODE (0x0009), 16 bytes: 401 \"Unauthorized\" [Unauthenticated]") != std::string::npos);
  CHECK(text.find("\"obMatJos2AAADabc\" (RFC 8489 cookie, features 0x000003, password algorithms, username anonymity)") !=
        std::string::npos);
  CHECK(text.find("PASSWORD-ALGORITHMS (0x8002), 8 bytes: SHA-256, MD5") != std::string::npos);
  CHECK(text.find("XOR-RELAYED-ADDRESS (0x0016), 20 bytes: [2001:db8::1]:50000 (IPv6)") != std::string::npos);
  CHECK(text.find("LIFETIME (0x000d), 4 bytes: 600 s") != std::string::npos);
  CHECK(text.find("REQUESTED-TRANSPORT (0x0019), 4 bytes: protocol 17 (UDP)") != std::string::npos);
  CHECK(text.find("EVEN-PORT (0x0018), 1 bytes: R=1 (reserve next port)") != std::string::npos);
  CHECK(text.find("CHANNEL-NUMBER (0x000c), 4 bytes: 0x4001") != std::string::npos);
  CHECK(text.find("ADDRESS-ERROR-CODE (0x8001), 32 bytes: IPv6 440 \"Address Family not Supported\"") != std::string::npos);
  CHECK(text.find("ICMP (0x8004), 8 bytes: type 3 code 4 data 1500") != std::string::npos);
  CHECK(text.find("PRIORITY (0x0024), 2 bytes: <invalid: stun kBadAttributeLength") != std::string::npos);
  CHECK(text.find("unknown (0xc057), 2 bytes: 0001") != std::string::npos);
  CHECK(text.find("[ignored] SOFTWARE (0x8022), 2 bytes: \"hi\"") != std::string::npos);
}

}  // namespace
}  // namespace tern::stun

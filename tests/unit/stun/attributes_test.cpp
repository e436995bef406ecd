// Every typed attribute: table-driven round trips (value bytes -> struct -> value bytes, and through a
// whole message) with failure tables (bad value -> exact error code and position) beside them.
#include <catch2/catch.hpp>

#include <string>

#include "stun/attributes.hpp"
#include "stun/builder.hpp"
#include "test_util.hpp"

namespace tern::stun {
namespace {
using test::hex;

// RFC 5769's transaction ID, so the XOR vectors below are the RFC's.
const TransactionId kTxid = {0xb7, 0xe7, 0xa7, 0x01, 0xbc, 0x34, 0xd6, 0x86, 0xfa, 0x87, 0xdf, 0xae};

template <class T>
constexpr bool kComputed = T::kType == AttributeType::kMessageIntegrity ||
                           T::kType == AttributeType::kMessageIntegritySha256 || T::kType == AttributeType::kFingerprint;

// decode -> compare -> encode -> compare bytes, then the same through a built and parsed message.
template <class T>
void round_trip(const std::string& name, const std::vector<uint8_t>& value, const T& expected) {
  INFO(T::kName << ": " << name);
  auto parsed = T::parse(value, kTxid);
  REQUIRE(parsed.ok());
  CHECK(*parsed == expected);
  CHECK(expected.validate().ok());
  REQUIRE(expected.value_size() == value.size());
  std::vector<uint8_t> out(value.size(), 0xEE);
  expected.serialize(out, kTxid);
  CHECK(out == value);
  if constexpr (!kComputed<T>) {
    std::vector<uint8_t> wire;
    MessageBuilder b(wire, {Method::kAllocate, MessageClass::kRequest}, kTxid);
    b.add(expected);
    REQUIRE(b.finish().ok());
    CHECK(wire.size() == kHeaderSize + 4 + pad4(value.size()));
    auto m = Message::parse(wire);
    REQUIRE(m.ok());
    REQUIRE(m->attributes().size() == 1);
    CHECK(m->attributes()[0].type == T::kType);
    CHECK(std::vector<uint8_t>(m->attributes()[0].value.begin(), m->attributes()[0].value.end()) == value);
    auto got = get<T>(*m);
    REQUIRE(got.ok());
    CHECK(*got == expected);
  }
}

template <class T>
void round_trip(const std::string& name, std::string_view value_hex, const T& expected) {
  round_trip(name, hex(value_hex), expected);
}

// Accepted on receive but not reproduced on send (ignored reserved bits and the like).
template <class T>
void parses_as(const std::string& name, std::string_view value_hex, const T& expected) {
  INFO(T::kName << ": " << name);
  const auto value = hex(value_hex);  // parsed views point into it
  auto parsed = T::parse(value, kTxid);
  REQUIRE(parsed.ok());
  CHECK(*parsed == expected);
}

template <class T>
void fails(const std::string& name, const std::vector<uint8_t>& value, StunErrc code, uint32_t position = 0) {
  INFO(T::kName << ": " << name);
  auto parsed = T::parse(value, kTxid);
  REQUIRE_FALSE(parsed.ok());
  CHECK(parsed.error().is(code));
  CHECK(parsed.error().position() == position);
}

template <class T>
void fails(const std::string& name, std::string_view value_hex, StunErrc code, uint32_t position = 0) {
  fails<T>(name, hex(value_hex), code, position);
}

// The builder refuses values that break the sending limits.
template <class T>
void refused(const std::string& name, const T& attribute, StunErrc code) {
  INFO(T::kName << ": " << name);
  auto s = attribute.validate();
  REQUIRE_FALSE(s.ok());
  CHECK(s.error().is(code));
  std::vector<uint8_t> wire;
  MessageBuilder b(wire, {Method::kBinding, MessageClass::kRequest}, kTxid);
  b.add(attribute);
  auto r = b.finish();
  REQUIRE_FALSE(r.ok());
  CHECK(r.error().is(code));
}

std::string hex_of(std::string_view text) {
  return to_hex({reinterpret_cast<const uint8_t*>(text.data()), text.size()});
}

const SocketAddress kV4 = test::v4({192, 0, 2, 1}, 32853);
const SocketAddress kV6 = test::v6(
    {0x20, 0x01, 0x0d, 0xb8, 0x12, 0x34, 0x56, 0x78, 0x00, 0x11, 0x22, 0x33, 0x44, 0x55, 0x66, 0x77}, 32853);

TEST_CASE("address attributes (RFC 8489 §14.1, §14.2, §14.15; RFC 8656 §18.3, §18.5)", "[stun][attributes]") {
  round_trip("IPv4", "0001 8055 c0000201", MappedAddress{kV4});
  round_trip("IPv6", "0002 8055 20010db8 12345678 00112233 44556677", MappedAddress{kV6});
  round_trip("IPv4", "0001 0d96 cb007101", AlternateServer{test::v4({203, 0, 113, 1}, 3478)});
  // RFC 5769 §2.2 and §2.3 XOR values.
  round_trip("RFC 5769 IPv4", "0001 a147 e112a643", XorMappedAddress{kV4});
  round_trip("RFC 5769 IPv6", "0002 a147 0113a9fa a5d3f179 bc25f4b5 bed2b9d9", XorMappedAddress{kV6});
  round_trip("IPv4", "0001 a147 e112a643", XorPeerAddress{kV4});
  round_trip("IPv6", "0002 a147 0113a9fa a5d3f179 bc25f4b5 bed2b9d9", XorRelayedAddress{kV6});
  round_trip("port 0, 0.0.0.0", "0001 2112 2112a442", XorMappedAddress{test::v4({0, 0, 0, 0}, 0)});

  // RFC 8489 §14.1: the first byte "MUST be ignored by receivers".
  parses_as("non-zero first byte", "ff01 8055 c0000201", MappedAddress{kV4});
  parses_as("non-zero first byte", "8001 a147 e112a643", XorMappedAddress{kV4});

  fails<MappedAddress>("family 0", "0000 8055 c0000201", StunErrc::kBadAddressFamily, 1);
  fails<MappedAddress>("family 3", "0003 8055 c0000201", StunErrc::kBadAddressFamily, 1);
  fails<XorMappedAddress>("family 0x10", "0010 8055 c0000201", StunErrc::kBadAddressFamily, 1);
  fails<MappedAddress>("empty", "", StunErrc::kBadAttributeLength);
  fails<MappedAddress>("3 bytes", "000180", StunErrc::kBadAttributeLength);
  fails<MappedAddress>("IPv4, 3 address bytes", "0001 8055 c00002", StunErrc::kBadAttributeLength);
  fails<MappedAddress>("IPv4, 5 address bytes", "0001 8055 c000020100", StunErrc::kBadAttributeLength);
  fails<XorMappedAddress>("IPv6 family, IPv4 size", "0002 a147 e112a643", StunErrc::kBadAttributeLength);
  fails<XorPeerAddress>("IPv4 family, IPv6 size", "0001 a147 0113a9fa a5d3f179 bc25f4b5 bed2b9d9",
                        StunErrc::kBadAttributeLength);

  // The wire family code follows the tern::IpAddress family.
  CHECK(address_family_of(kV4.family()) == AddressFamily::kIpv4);
  CHECK(address_family_of(kV6.family()) == AddressFamily::kIpv6);
  CHECK(MappedAddress{kV4}.value_size() == 8);
  CHECK(MappedAddress{kV6}.value_size() == 20);
}

TEST_CASE("text attributes (RFC 8489 §14.3, §14.9, §14.10, §14.14, §14.16)", "[stun][attributes]") {
  round_trip("ASCII", hex_of("evtj:h6vY"), Username{"evtj:h6vY"});
  round_trip("UTF-8", "e3839ee38388e383aae38383e382afe382b9",
             Username{"\xe3\x83\x9e\xe3\x83\x88\xe3\x83\xaa\xe3\x83\x83\xe3\x82\xaf\xe3\x82\xb9"});
  round_trip("empty", "", Username{""});
  round_trip("realm", hex_of("example.org"), Realm{"example.org"});
  round_trip("nonce", hex_of("f//499k954d6OL34oL9FSTvy64sA"), Nonce{"f//499k954d6OL34oL9FSTvy64sA"});
  round_trip("software", hex_of("tern 0.1"), Software{"tern 0.1"});
  const std::string chars127(127, 'a');
  round_trip("127 characters", hex_of(chars127), Realm{chars127});
  // 127 three-byte characters = 381 bytes: within both limits.
  std::string wide;
  for (int i = 0; i < 127; ++i) wide += "\xe3\x83\x9e";
  round_trip("127 wide characters", hex_of(wide), Software{wide});
  const std::string user508(508, 'u');
  round_trip("508 bytes", hex_of(user508), Username{user508});
  round_trip("domain", hex_of("stun.example.org"), AlternateDomain{"stun.example.org"});
  round_trip("absolute domain", hex_of("stun.example.org."), AlternateDomain{"stun.example.org."});
  round_trip("A-label", hex_of("xn--bcher-kva.example"), AlternateDomain{"xn--bcher-kva.example"});

  // Accepted on receive (RFC 5389 compatibility) but not sent: USERNAME up to 763 bytes.
  const std::string user763(763, 'u');
  parses_as("763 bytes", hex_of(user763), Username{user763});
  refused("509 bytes", Username{std::string(509, 'u')}, StunErrc::kValueTooLong);

  fails<Username>("764 bytes", hex_of(std::string(764, 'u')), StunErrc::kValueTooLong);
  fails<Realm>("128 characters", hex_of(std::string(128, 'a')), StunErrc::kValueTooLong);
  fails<Nonce>("128 characters", hex_of(std::string(128, 'n')), StunErrc::kValueTooLong);
  fails<Software>("128 characters", hex_of(std::string(128, 's')), StunErrc::kValueTooLong);
  fails<Username>("lone continuation byte", "61 80", StunErrc::kBadUtf8, 1);
  fails<Username>("0xff", "61 62 ff", StunErrc::kBadUtf8, 2);
  fails<Realm>("overlong '/'", "c0 af", StunErrc::kBadUtf8, 0);
  fails<Realm>("overlong 3-byte", "e0 80 af", StunErrc::kBadUtf8, 0);
  fails<Nonce>("UTF-16 surrogate", "ed a0 80", StunErrc::kBadUtf8, 0);
  fails<Software>("above U+10FFFF", "f4 90 80 80", StunErrc::kBadUtf8, 0);
  fails<Software>("truncated sequence", "61 e3 83", StunErrc::kBadUtf8, 1);
  refused("128 characters", Realm{std::string(128, 'a')}, StunErrc::kValueTooLong);
  refused("bad UTF-8", Software{"\xff"}, StunErrc::kBadUtf8);

  fails<AlternateDomain>("empty", "", StunErrc::kBadValue);
  fails<AlternateDomain>("space", hex_of("a b"), StunErrc::kBadValue, 1);
  fails<AlternateDomain>("empty label", hex_of("a..b"), StunErrc::kBadValue, 2);
  fails<AlternateDomain>("leading dot", hex_of(".a"), StunErrc::kBadValue, 0);
  fails<AlternateDomain>("UTF-8", "c3a9", StunErrc::kBadValue, 0);
  fails<AlternateDomain>("64-character label", hex_of(std::string(64, 'l')), StunErrc::kBadValue, 63);
  fails<AlternateDomain>("256 characters", hex_of(std::string(128, 'a') + "." + std::string(127, 'b')),
                         StunErrc::kValueTooLong);
  refused("underscore", AlternateDomain{"_stun.example"}, StunErrc::kBadValue);
}

TEST_CASE("ERROR-CODE (RFC 8489 §14.8)", "[stun][attributes]") {
  round_trip("401", "00000401" + hex_of("Unauthenticated"), ErrorCode{401, "Unauthenticated"});
  round_trip("420", "00000414" + hex_of("Unknown Attribute"), ErrorCode{420, "Unknown Attribute"});
  round_trip("438", "00000426" + hex_of("Stale Nonce"), ErrorCode{438, "Stale Nonce"});
  round_trip("300, empty reason", "00000300", ErrorCode{300, ""});
  round_trip("699", "00000663", ErrorCode{699, ""});
  round_trip("UTF-8 reason", "00000500 c3a9", ErrorCode{500, "\xc3\xa9"});
  CHECK(ErrorCode{487, ""}.error_class() == 4);
  CHECK(ErrorCode{487, ""}.number() == 87);

  // RFC 8489 §14.8: "Receivers MUST ignore these [reserved] bits."
  parses_as("reserved bits set", "fffffc01", ErrorCode{401, ""});

  fails<ErrorCode>("class 2", "00000200", StunErrc::kBadErrorClass, 2);
  fails<ErrorCode>("class 7", "00000700", StunErrc::kBadErrorClass, 2);
  fails<ErrorCode>("class 0", "00000000", StunErrc::kBadErrorClass, 2);
  fails<ErrorCode>("number 100", "00000464", StunErrc::kBadErrorNumber, 3);
  fails<ErrorCode>("number 255", "000004ff", StunErrc::kBadErrorNumber, 3);
  fails<ErrorCode>("3 bytes", "000004", StunErrc::kBadAttributeLength);
  fails<ErrorCode>("bad UTF-8 reason", "00000400 61ff", StunErrc::kBadUtf8, 5);
  fails<ErrorCode>("128-character reason", "00000400" + hex_of(std::string(128, 'r')), StunErrc::kValueTooLong, 4);
  refused("299", ErrorCode{299, ""}, StunErrc::kBadErrorClass);
  refused("700", ErrorCode{700, ""}, StunErrc::kBadErrorClass);
  refused("long reason", ErrorCode{400, std::string(128, 'r')}, StunErrc::kValueTooLong);
  CHECK(default_reason_phrase(error_codes::kRoleConflict) == "Role Conflict");
  CHECK(default_reason_phrase(error_codes::kAllocationMismatch) == "Allocation Mismatch");
  CHECK(default_reason_phrase(499).empty());
}

TEST_CASE("UNKNOWN-ATTRIBUTES (RFC 8489 §14.13)", "[stun][attributes]") {
  UnknownAttributes two;
  two.push(0x0001);
  two.push(0x0006);
  round_trip("two", "0001 0006", two);
  UnknownAttributes one;
  one.push(0x7fff);
  round_trip("odd count (zero padding on the wire)", "7fff", one);
  round_trip("empty", "", UnknownAttributes{});
  fails<UnknownAttributes>("odd length", "000100", StunErrc::kBadAttributeLength);
  std::string many;
  for (int i = 0; i < 33; ++i) many += "0001";
  fails<UnknownAttributes>("33 types", many, StunErrc::kValueTooLong, 64);
}

TEST_CASE("PASSWORD-ALGORITHM and PASSWORD-ALGORITHMS (RFC 8489 §14.11, §14.12)", "[stun][attributes]") {
  round_trip("SHA-256", "0002 0000", PasswordAlgorithmAttribute{{PasswordAlgorithm::kSha256, {}}});
  round_trip("MD5", "0001 0000", PasswordAlgorithmAttribute{{PasswordAlgorithm::kMd5, {}}});
  const auto params = hex("aabbcc");
  round_trip("parameters, padded", "0003 0003 aabbcc00",
             PasswordAlgorithmAttribute{{static_cast<PasswordAlgorithm>(3), params}});
  // The last entry's padding may be cut off by the end of the value.
  parses_as("unpadded parameters", "0003 0003 aabbcc", PasswordAlgorithmAttribute{{static_cast<PasswordAlgorithm>(3), params}});
  parses_as("non-zero padding", "0003 0003 aabbccff", PasswordAlgorithmAttribute{{static_cast<PasswordAlgorithm>(3), params}});

  fails<PasswordAlgorithmAttribute>("2 bytes", "0002", StunErrc::kBadAttributeLength);
  fails<PasswordAlgorithmAttribute>("parameters overrun", "0002 0004 aabb", StunErrc::kBadAttributeLength, 2);
  fails<PasswordAlgorithmAttribute>("two entries", "0002 0000 0001 0000", StunErrc::kBadAttributeLength, 4);

  PasswordAlgorithms list;
  list.push({PasswordAlgorithm::kSha256, {}});
  list.push({PasswordAlgorithm::kMd5, {}});
  round_trip("SHA-256, MD5", "0002 0000 0001 0000", list);
  PasswordAlgorithms with_params;
  with_params.push({static_cast<PasswordAlgorithm>(9), params});
  with_params.push({PasswordAlgorithm::kMd5, {}});
  round_trip("parameters then MD5", "0009 0003 aabbcc00 0001 0000", with_params);
  round_trip("empty list", "", PasswordAlgorithms{});

  fails<PasswordAlgorithms>("truncated second entry", "0002 0000 0001", StunErrc::kBadAttributeLength, 4);
  std::string nine;
  for (int i = 0; i < 9; ++i) nine += "00010000";
  fails<PasswordAlgorithms>("9 entries", nine, StunErrc::kValueTooLong, 32);
  CHECK(password_algorithm_name(PasswordAlgorithm::kSha256) == "SHA-256");
}

TEST_CASE("MESSAGE-INTEGRITY, MESSAGE-INTEGRITY-SHA256, FINGERPRINT, USERHASH values", "[stun][attributes]") {
  const auto mi = hex("9aeaa70cbfd8cb56781ef2b5b2d3f249c1b571a2");
  MessageIntegrity m1;
  std::copy(mi.begin(), mi.end(), m1.hmac.begin());
  round_trip("20 bytes", mi, m1);
  fails<MessageIntegrity>("19 bytes", std::vector<uint8_t>(19), StunErrc::kBadAttributeLength);
  fails<MessageIntegrity>("21 bytes", std::vector<uint8_t>(21), StunErrc::kBadAttributeLength);

  for (size_t n : {16u, 20u, 24u, 28u, 32u}) {
    std::vector<uint8_t> v(n);
    for (size_t i = 0; i < n; ++i) v[i] = static_cast<uint8_t>(i * 7);
    MessageIntegritySha256 s;
    s.size = n;
    std::copy(v.begin(), v.end(), s.hmac.begin());
    round_trip(std::to_string(n) + " bytes", v, s);
  }
  for (size_t n : {0u, 12u, 15u, 18u, 33u, 36u}) {
    fails<MessageIntegritySha256>(std::to_string(n) + " bytes", std::vector<uint8_t>(n), StunErrc::kBadAttributeLength);
  }

  round_trip("crc", "e57a3bcf", Fingerprint{0xe57a3bcf});
  fails<Fingerprint>("3 bytes", "e57a3b", StunErrc::kBadAttributeLength);
  fails<Fingerprint>("8 bytes", "e57a3bcf e57a3bcf", StunErrc::kBadAttributeLength);

  const auto uh = hex("4a3cf38fef6992bda952c6780417da0f24819415569e60b205c46e41407f1704");
  Userhash u;
  std::copy(uh.begin(), uh.end(), u.hash.begin());
  round_trip("32 bytes", uh, u);
  fails<Userhash>("31 bytes", std::vector<uint8_t>(31), StunErrc::kBadAttributeLength);
  fails<Userhash>("33 bytes", std::vector<uint8_t>(33), StunErrc::kBadAttributeLength);
}

TEST_CASE("ICE attributes (RFC 8445 §16.1)", "[stun][attributes]") {
  round_trip("RFC 5769 priority", "6e0001ff", Priority{0x6e0001ff});
  round_trip("max", "ffffffff", Priority{0xffffffff});
  round_trip("flag", "", UseCandidate{});
  round_trip("RFC 5769 tie-breaker", "932ff9b151263b36", IceControlled{0x932ff9b151263b36ULL});
  round_trip("tie-breaker", "0000000000000001", IceControlling{1});
  fails<Priority>("3 bytes", "6e0001", StunErrc::kBadAttributeLength);
  fails<Priority>("8 bytes", "6e0001ff 00000000", StunErrc::kBadAttributeLength);
  fails<UseCandidate>("non-empty", "00000000", StunErrc::kBadAttributeLength);
  fails<IceControlled>("4 bytes", "932ff9b1", StunErrc::kBadAttributeLength);
  fails<IceControlling>("12 bytes", "932ff9b151263b36 00000000", StunErrc::kBadAttributeLength);
}

TEST_CASE("TURN attributes (RFC 8656 §18)", "[stun][attributes]") {
  round_trip("first", "4000 0000", ChannelNumber{0x4000});
  round_trip("last", "4fff 0000", ChannelNumber{0x4fff});
  parses_as("RFFU ignored", "4001 ffff", ChannelNumber{0x4001});
  fails<ChannelNumber>("0x3fff", "3fff 0000", StunErrc::kBadChannelNumber);
  fails<ChannelNumber>("0x5000 (reserved)", "5000 0000", StunErrc::kBadChannelNumber);
  fails<ChannelNumber>("0x7fff (RFC 5766's old range)", "7fff 0000", StunErrc::kBadChannelNumber);
  fails<ChannelNumber>("2 bytes", "4000", StunErrc::kBadAttributeLength);
  refused("0x5000", ChannelNumber{0x5000}, StunErrc::kBadChannelNumber);

  round_trip("600 s", "00000258", Lifetime{600});
  round_trip("0 (delete)", "00000000", Lifetime{0});
  fails<Lifetime>("2 bytes", "0258", StunErrc::kBadAttributeLength);

  const auto payload = hex("0102030405");
  round_trip("5 bytes", payload, Data{payload});
  round_trip("empty", "", Data{});

  round_trip("IPv4", "01 000000", RequestedAddressFamily{AddressFamily::kIpv4});
  round_trip("IPv6", "02 000000", RequestedAddressFamily{AddressFamily::kIpv6});
  round_trip("IPv6", "02 000000", AdditionalAddressFamily{AddressFamily::kIpv6});
  parses_as("reserved ignored", "01 ffffff", RequestedAddressFamily{AddressFamily::kIpv4});
  fails<RequestedAddressFamily>("family 3", "03 000000", StunErrc::kBadAddressFamily);
  fails<AdditionalAddressFamily>("family 0", "00 000000", StunErrc::kBadAddressFamily);
  fails<RequestedAddressFamily>("1 byte", "01", StunErrc::kBadAttributeLength);

  round_trip("R=1", "80", EvenPort{true});
  round_trip("R=0", "00", EvenPort{false});
  parses_as("RFFU ignored, R=0", "7f", EvenPort{false});
  parses_as("RFFU ignored, R=1", "ff", EvenPort{true});
  fails<EvenPort>("4 bytes", "80000000", StunErrc::kBadAttributeLength);
  fails<EvenPort>("empty", "", StunErrc::kBadAttributeLength);

  round_trip("UDP", "11 000000", RequestedTransport{RequestedTransport::kUdp});
  round_trip("TCP", "06 000000", RequestedTransport{RequestedTransport::kTcp});
  parses_as("RFFU ignored", "11 ffffff", RequestedTransport{17});
  fails<RequestedTransport>("1 byte", "11", StunErrc::kBadAttributeLength);

  round_trip("flag", "", DontFragment{});
  fails<DontFragment>("non-empty", "00000000", StunErrc::kBadAttributeLength);

  round_trip("token", "0102030405060708", ReservationToken{{1, 2, 3, 4, 5, 6, 7, 8}});
  fails<ReservationToken>("7 bytes", "01020304050607", StunErrc::kBadAttributeLength);

  round_trip("440 IPv6", "02 00 0428" + hex_of("Address Family not Supported"),
             AddressErrorCode{AddressFamily::kIpv6, 440, "Address Family not Supported"});
  round_trip("508 IPv4", "01 00 0508" + hex_of("Insufficient Capacity"),
             AddressErrorCode{AddressFamily::kIpv4, 508, "Insufficient Capacity"});
  fails<AddressErrorCode>("family 3", "03 00 0428", StunErrc::kBadAddressFamily);
  fails<AddressErrorCode>("class 2", "02 00 0228", StunErrc::kBadErrorClass, 2);
  fails<AddressErrorCode>("number 100", "02 00 0464", StunErrc::kBadErrorNumber, 3);
  fails<AddressErrorCode>("2 bytes", "0200", StunErrc::kBadAttributeLength);
  refused("family 0", AddressErrorCode{static_cast<AddressFamily>(0), 440, ""}, StunErrc::kBadAddressFamily);

  // ICMPv4 type 3 code 4 (fragmentation needed), next-hop MTU 1500: Type is bits 16-22, Code 23-31.
  round_trip("ICMPv4 3/4", "0000 0604 000005dc", Icmp{3, 4, 1500});
  // ICMPv6 type 2 code 0 (packet too big), MTU 1280.
  round_trip("ICMPv6 2/0", "0000 0400 00000500", Icmp{2, 0, 1280});
  round_trip("widest code", "0000 01ff 00000000", Icmp{0, 511, 0});
  parses_as("reserved ignored", "ffff 0604 000005dc", Icmp{3, 4, 1500});
  fails<Icmp>("7 bytes", "0000 0604 000005", StunErrc::kBadAttributeLength);
  refused("type 128", Icmp{128, 0, 0}, StunErrc::kBadValue);
  refused("code 512", Icmp{3, 512, 0}, StunErrc::kBadValue);
}

TEST_CASE("attribute names and comprehension ranges", "[stun][attributes]") {
  CHECK(attribute_name(AttributeType::kXorMappedAddress) == "XOR-MAPPED-ADDRESS");
  CHECK(attribute_name(AttributeType::kIcmp) == "ICMP");
  CHECK(attribute_name(static_cast<AttributeType>(0x7777)).empty());
  CHECK(is_known_attribute(AttributeType::kReservationToken));
  CHECK_FALSE(is_known_attribute(static_cast<AttributeType>(0x0002)));  // RFC 3489 RESPONSE-ADDRESS
  CHECK(is_comprehension_required(AttributeType::kPriority));
  CHECK_FALSE(is_comprehension_required(AttributeType::kIceControlled));
  CHECK(is_comprehension_required(uint16_t{0x7fff}));
  CHECK_FALSE(is_comprehension_required(uint16_t{0x8000}));
}

}  // namespace
}  // namespace tern::stun

#pragma once
// The TURN attributes (RFC 8656 §18) other than the XOR address ones (address.hpp).
//
// CHANNEL-NUMBER (0x000C, §18.1):
//      0                   1                   2                   3
//      0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
//     +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
//     |        Channel Number         |         RFFU = 0              |
//     +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
//
// LIFETIME (0x000D, §18.2): 32-bit seconds.
// DATA (0x0013, §18.4): the application data, any length.
//
// REQUESTED-ADDRESS-FAMILY (0x0017, §18.6), ADDITIONAL-ADDRESS-FAMILY (0x8000, §18.11):
//      0                   1                   2                   3
//      0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
//     +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
//     |     Family    |            Reserved                           |
//     +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
//
// EVEN-PORT (0x0018, §18.7), one byte:
//      0
//      0 1 2 3 4 5 6 7
//     +-+-+-+-+-+-+-+-+
//     |R|    RFFU     |
//     +-+-+-+-+-+-+-+-+
//
// REQUESTED-TRANSPORT (0x0019, §18.8):
//      0                   1                   2                   3
//      0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
//     +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
//     |    Protocol   |                    RFFU                       |
//     +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
//
// DONT-FRAGMENT (0x001A, §18.9): no value.
// RESERVATION-TOKEN (0x0022, §18.10): an 8-byte token.
//
// ADDRESS-ERROR-CODE (0x8001, §18.12):
//      0                   1                   2                   3
//      0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
//     +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
//     |  Family       |    Reserved             |Class|     Number    |
//     +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
//     |      Reason Phrase (variable)                                ..
//     +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
//
// ICMP (0x8004, §18.13):
//      0                   1                   2                   3
//      0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
//     +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
//     |  Reserved                     |  ICMP Type  |  ICMP Code      |
//     +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
//     |                          Error Data                           |
//     +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
//   As drawn in RFC 8656 Figure 11 the ICMP Type spans bits 16-22 (7 bits) and the ICMP Code bits
//   23-31 (9 bits). We follow the figure: the ICMP error types TURN reports (ICMPv4 3/11/12, ICMPv6
//   1..4, all below 128) fit in 7 bits.
#include <array>
#include <cstdint>
#include <span>
#include <string_view>

#include "common/error.hpp"
#include "stun/address.hpp"
#include "stun/attribute_type.hpp"
#include "stun/message.hpp"

namespace tern::stun {

// RFC 8656 §12: channel numbers 0x4000 through 0x4FFF.
inline constexpr uint16_t kMinChannelNumber = 0x4000;
inline constexpr uint16_t kMaxChannelNumber = 0x4FFF;
constexpr bool is_valid_channel_number(uint16_t n) { return n >= kMinChannelNumber && n <= kMaxChannelNumber; }

struct ChannelNumber {
  static constexpr AttributeType kType = AttributeType::kChannelNumber;
  static constexpr const char* kName = "CHANNEL-NUMBER";

  uint16_t channel = kMinChannelNumber;

  // Errors: kBadAttributeLength (not 4 bytes), kBadChannelNumber (outside 0x4000..0x4FFF).
  // RFFU is ignored on receive.
  static Result<ChannelNumber> parse(std::span<const uint8_t> value, const TransactionId&);
  size_t value_size() const { return 4; }
  Status validate() const;
  void serialize(std::span<uint8_t> out, const TransactionId&) const;
  bool operator==(const ChannelNumber&) const = default;
};

struct Lifetime {
  static constexpr AttributeType kType = AttributeType::kLifetime;
  static constexpr const char* kName = "LIFETIME";

  uint32_t seconds = 0;

  // kBadAttributeLength unless 4 bytes.
  static Result<Lifetime> parse(std::span<const uint8_t> value, const TransactionId&);
  size_t value_size() const { return 4; }
  Status validate() const { return {}; }
  void serialize(std::span<uint8_t> out, const TransactionId&) const;
  bool operator==(const Lifetime&) const = default;
};

struct Data {
  static constexpr AttributeType kType = AttributeType::kData;
  static constexpr const char* kName = "DATA";

  std::span<const uint8_t> data;  // a view

  static Result<Data> parse(std::span<const uint8_t> value, const TransactionId&) { return Data{value}; }
  size_t value_size() const { return data.size(); }
  // kValueTooLong above the 16-bit attribute length.
  Status validate() const;
  void serialize(std::span<uint8_t> out, const TransactionId&) const;
  bool operator==(const Data& o) const;
};

// REQUESTED-ADDRESS-FAMILY and ADDITIONAL-ADDRESS-FAMILY. (RFC 8656 §18.11 allows only IPv6 in
// ADDITIONAL-ADDRESS-FAMILY of an Allocate request; that is a server rule (400), not a format one,
// so parse accepts both families.)
template <AttributeType K>
struct AddressFamilyAttribute {
  static constexpr AttributeType kType = K;
  static constexpr const char* kName = attribute_name_cstr(K);

  AddressFamily family = AddressFamily::kIpv4;

  // Errors: kBadAttributeLength (not 4 bytes), kBadAddressFamily. Reserved bytes are ignored.
  static Result<AddressFamilyAttribute> parse(std::span<const uint8_t> value, const TransactionId&) {
    if (value.size() != 4) return Error(StunErrc::kBadAttributeLength, kName, 0);
    if (value[0] != 0x01 && value[0] != 0x02) return Error(StunErrc::kBadAddressFamily, kName, 0);
    return AddressFamilyAttribute{static_cast<AddressFamily>(value[0])};
  }
  size_t value_size() const { return 4; }
  Status validate() const {
    if (family != AddressFamily::kIpv4 && family != AddressFamily::kIpv6) {
      return Error(StunErrc::kBadAddressFamily, kName, 0);
    }
    return {};
  }
  void serialize(std::span<uint8_t> out, const TransactionId&) const {
    out[0] = static_cast<uint8_t>(family);
    out[1] = out[2] = out[3] = 0;  // RFC 8656 §18.6: Reserved, MUST be 0 on send.
  }
  bool operator==(const AddressFamilyAttribute&) const = default;
};

using RequestedAddressFamily = AddressFamilyAttribute<AttributeType::kRequestedAddressFamily>;
using AdditionalAddressFamily = AddressFamilyAttribute<AttributeType::kAdditionalAddressFamily>;

struct EvenPort {
  static constexpr AttributeType kType = AttributeType::kEvenPort;
  static constexpr const char* kName = "EVEN-PORT";

  bool reserve_next = false;  // the R bit: also reserve the next-higher port

  // kBadAttributeLength unless 1 byte; RFFU bits are ignored.
  static Result<EvenPort> parse(std::span<const uint8_t> value, const TransactionId&);
  size_t value_size() const { return 1; }
  Status validate() const { return {}; }
  void serialize(std::span<uint8_t> out, const TransactionId&) const;
  bool operator==(const EvenPort&) const = default;
};

struct RequestedTransport {
  static constexpr AttributeType kType = AttributeType::kRequestedTransport;
  static constexpr const char* kName = "REQUESTED-TRANSPORT";
  static constexpr uint8_t kUdp = 17;  // IANA protocol number; RFC 8656 §18.8
  static constexpr uint8_t kTcp = 6;   // RFC 6062

  uint8_t protocol = kUdp;

  // kBadAttributeLength unless 4 bytes; RFFU is ignored. Any protocol number parses (the server
  // answers 442 for ones it does not support).
  static Result<RequestedTransport> parse(std::span<const uint8_t> value, const TransactionId&);
  size_t value_size() const { return 4; }
  Status validate() const { return {}; }
  void serialize(std::span<uint8_t> out, const TransactionId&) const;
  bool operator==(const RequestedTransport&) const = default;
};

struct DontFragment {
  static constexpr AttributeType kType = AttributeType::kDontFragment;
  static constexpr const char* kName = "DONT-FRAGMENT";

  // kBadAttributeLength unless empty.
  static Result<DontFragment> parse(std::span<const uint8_t> value, const TransactionId&);
  size_t value_size() const { return 0; }
  Status validate() const { return {}; }
  void serialize(std::span<uint8_t>, const TransactionId&) const {}
  bool operator==(const DontFragment&) const = default;
};

struct ReservationToken {
  static constexpr AttributeType kType = AttributeType::kReservationToken;
  static constexpr const char* kName = "RESERVATION-TOKEN";

  std::array<uint8_t, 8> token{};

  // kBadAttributeLength unless 8 bytes.
  static Result<ReservationToken> parse(std::span<const uint8_t> value, const TransactionId&);
  size_t value_size() const { return 8; }
  Status validate() const { return {}; }
  void serialize(std::span<uint8_t> out, const TransactionId&) const;
  bool operator==(const ReservationToken&) const = default;
};

struct AddressErrorCode {
  static constexpr AttributeType kType = AttributeType::kAddressErrorCode;
  static constexpr const char* kName = "ADDRESS-ERROR-CODE";

  AddressFamily family = AddressFamily::kIpv4;
  uint16_t code = 0;        // 300..699 (440 or 508 in practice, RFC 8656 §7.2)
  std::string_view reason;  // UTF-8

  // Errors: kBadAttributeLength (< 4 bytes), kBadAddressFamily, kBadErrorClass, kBadErrorNumber,
  // kBadUtf8, kValueTooLong.
  static Result<AddressErrorCode> parse(std::span<const uint8_t> value, const TransactionId&);
  size_t value_size() const { return 4 + reason.size(); }
  Status validate() const;
  void serialize(std::span<uint8_t> out, const TransactionId&) const;
  bool operator==(const AddressErrorCode&) const = default;
};

struct Icmp {
  static constexpr AttributeType kType = AttributeType::kIcmp;
  static constexpr const char* kName = "ICMP";

  uint8_t icmp_type = 0;    // 7 bits (RFC 8656 Figure 11)
  uint16_t icmp_code = 0;   // 9 bits
  uint32_t error_data = 0;  // the next-hop MTU for "packet too big" / "fragmentation needed", else 0

  // kBadAttributeLength unless 8 bytes; Reserved is ignored.
  static Result<Icmp> parse(std::span<const uint8_t> value, const TransactionId&);
  size_t value_size() const { return 8; }
  // kBadValue when type > 127 or code > 511 (they would not fit their fields).
  Status validate() const;
  void serialize(std::span<uint8_t> out, const TransactionId&) const;
  bool operator==(const Icmp&) const = default;
};

}  // namespace tern::stun

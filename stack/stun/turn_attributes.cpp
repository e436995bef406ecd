#include "stun/turn_attributes.hpp"

#include <algorithm>
#include <cstring>

#include "common/byte_reader.hpp"
#include "stun/error_code.hpp"
#include "stun/text_attributes.hpp"

namespace tern::stun {

Result<ChannelNumber> ChannelNumber::parse(std::span<const uint8_t> value, const TransactionId&) {
  if (value.size() != 4) return Error(StunErrc::kBadAttributeLength, "CHANNEL-NUMBER is not 4 bytes", 0);
  const uint16_t channel = load_be16(value.data());
  // RFC 8656 §12: channel numbers are 0x4000 through 0x4FFF.
  if (!is_valid_channel_number(channel)) return Error(StunErrc::kBadChannelNumber, "CHANNEL-NUMBER", 0);
  // RFC 8656 §18.1: RFFU "MUST be ignored on reception".
  return ChannelNumber{channel};
}

Status ChannelNumber::validate() const {
  if (!is_valid_channel_number(channel)) return Error(StunErrc::kBadChannelNumber, "CHANNEL-NUMBER", 0);
  return {};
}

void ChannelNumber::serialize(std::span<uint8_t> out, const TransactionId&) const {
  store_be16(out.data(), channel);
  store_be16(out.data() + 2, 0);  // RFC 8656 §18.1: RFFU = 0.
}

Result<Lifetime> Lifetime::parse(std::span<const uint8_t> value, const TransactionId&) {
  if (value.size() != 4) return Error(StunErrc::kBadAttributeLength, "LIFETIME is not 4 bytes", 0);
  return Lifetime{load_be32(value.data())};
}

void Lifetime::serialize(std::span<uint8_t> out, const TransactionId&) const { store_be32(out.data(), seconds); }

Status Data::validate() const {
  if (data.size() > kMaxMessageLength - kAttributeHeaderSize) return Error(StunErrc::kValueTooLong, "DATA", 0);
  return {};
}

void Data::serialize(std::span<uint8_t> out, const TransactionId&) const {
  if (!data.empty()) std::memcpy(out.data(), data.data(), data.size());
}

bool Data::operator==(const Data& o) const { return std::equal(data.begin(), data.end(), o.data.begin(), o.data.end()); }

Result<EvenPort> EvenPort::parse(std::span<const uint8_t> value, const TransactionId&) {
  if (value.size() != 1) return Error(StunErrc::kBadAttributeLength, "EVEN-PORT is not 1 byte", 0);
  // RFC 8656 §18.7: R is the most significant bit; the other 7 (RFFU) are ignored.
  return EvenPort{(value[0] & 0x80) != 0};
}

void EvenPort::serialize(std::span<uint8_t> out, const TransactionId&) const {
  out[0] = reserve_next ? 0x80 : 0x00;
}

Result<RequestedTransport> RequestedTransport::parse(std::span<const uint8_t> value, const TransactionId&) {
  if (value.size() != 4) return Error(StunErrc::kBadAttributeLength, "REQUESTED-TRANSPORT is not 4 bytes", 0);
  return RequestedTransport{value[0]};
}

void RequestedTransport::serialize(std::span<uint8_t> out, const TransactionId&) const {
  out[0] = protocol;
  out[1] = out[2] = out[3] = 0;  // RFC 8656 §18.8: RFFU MUST be 0.
}

Result<DontFragment> DontFragment::parse(std::span<const uint8_t> value, const TransactionId&) {
  // RFC 8656 §18.9: "This attribute has no value part, and thus, the attribute length field is 0."
  if (!value.empty()) return Error(StunErrc::kBadAttributeLength, "DONT-FRAGMENT is not empty", 0);
  return DontFragment{};
}

Result<ReservationToken> ReservationToken::parse(std::span<const uint8_t> value, const TransactionId&) {
  // RFC 8656 §18.10: "The RESERVATION-TOKEN attribute contains a token ... 8 bytes".
  if (value.size() != 8) return Error(StunErrc::kBadAttributeLength, "RESERVATION-TOKEN is not 8 bytes", 0);
  ReservationToken t;
  std::copy(value.begin(), value.end(), t.token.begin());
  return t;
}

void ReservationToken::serialize(std::span<uint8_t> out, const TransactionId&) const {
  std::copy(token.begin(), token.end(), out.begin());
}

Result<AddressErrorCode> AddressErrorCode::parse(std::span<const uint8_t> value, const TransactionId&) {
  if (value.size() < 4) return Error(StunErrc::kBadAttributeLength, "ADDRESS-ERROR-CODE shorter than 4 bytes", 0);
  if (value[0] != 0x01 && value[0] != 0x02) return Error(StunErrc::kBadAddressFamily, "ADDRESS-ERROR-CODE family", 0);
  auto code = parse_error_class_number(value[2], value[3]);
  if (!code) return code.error();
  auto reason = value.subspan(4);
  if (auto s = check_text(reason, 763, 127, "ADDRESS-ERROR-CODE reason phrase"); !s) {
    return s.error().with_position(4 + s.error().position());
  }
  return AddressErrorCode{static_cast<AddressFamily>(value[0]), *code,
                          {reinterpret_cast<const char*>(reason.data()), reason.size()}};
}

Status AddressErrorCode::validate() const {
  if (family != AddressFamily::kIpv4 && family != AddressFamily::kIpv6) {
    return Error(StunErrc::kBadAddressFamily, "ADDRESS-ERROR-CODE family", 0);
  }
  if (auto s = check_error_code(code, "ADDRESS-ERROR-CODE outside 300..699"); !s) return s;
  return check_text({reinterpret_cast<const uint8_t*>(reason.data()), reason.size()}, 509, 127,
                    "ADDRESS-ERROR-CODE reason phrase");
}

void AddressErrorCode::serialize(std::span<uint8_t> out, const TransactionId&) const {
  out[0] = static_cast<uint8_t>(family);
  out[1] = 0;
  out[2] = static_cast<uint8_t>(code / 100);
  out[3] = static_cast<uint8_t>(code % 100);
  for (size_t i = 0; i < reason.size(); ++i) out[4 + i] = static_cast<uint8_t>(reason[i]);
}

Result<Icmp> Icmp::parse(std::span<const uint8_t> value, const TransactionId&) {
  if (value.size() != 8) return Error(StunErrc::kBadAttributeLength, "ICMP is not 8 bytes", 0);
  // RFC 8656 Figure 11: Reserved (16 bits, ignored), ICMP Type (7 bits), ICMP Code (9 bits).
  const uint16_t type_code = load_be16(value.data() + 2);
  return Icmp{static_cast<uint8_t>(type_code >> 9), static_cast<uint16_t>(type_code & 0x01FF), load_be32(value.data() + 4)};
}

Status Icmp::validate() const {
  if (icmp_type > 0x7F) return Error(StunErrc::kBadValue, "ICMP type does not fit 7 bits", 0);
  if (icmp_code > 0x1FF) return Error(StunErrc::kBadValue, "ICMP code does not fit 9 bits", 0);
  return {};
}

void Icmp::serialize(std::span<uint8_t> out, const TransactionId&) const {
  store_be16(out.data(), 0);  // RFC 8656 §18.13: Reserved MUST be 0 on send.
  store_be16(out.data() + 2, static_cast<uint16_t>((icmp_type << 9) | (icmp_code & 0x01FF)));
  store_be32(out.data() + 4, error_data);
}

}  // namespace tern::stun

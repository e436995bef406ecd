#pragma once
// STUN attribute types: the IANA registry entries this module understands.
//
// RFC 8489 §14: 0x0000-0x7FFF are comprehension-required (an agent that does not understand one
// must reject the message, §6.3.1.1 / 420), 0x8000-0xFFFF are comprehension-optional.
#include <cstdint>
#include <string_view>

namespace tern::stun {

enum class AttributeType : uint16_t {
  // RFC 8489 §18.3.
  kMappedAddress = 0x0001,
  kUsername = 0x0006,
  kMessageIntegrity = 0x0008,
  kErrorCode = 0x0009,
  kUnknownAttributes = 0x000A,
  kRealm = 0x0014,
  kNonce = 0x0015,
  kMessageIntegritySha256 = 0x001C,
  kPasswordAlgorithm = 0x001D,
  kUserhash = 0x001E,
  kXorMappedAddress = 0x0020,
  kPasswordAlgorithms = 0x8002,
  kAlternateDomain = 0x8003,
  kSoftware = 0x8022,
  kAlternateServer = 0x8023,
  kFingerprint = 0x8028,
  // RFC 8445 §16.1 (ICE).
  kPriority = 0x0024,
  kUseCandidate = 0x0025,
  kIceControlled = 0x8029,
  kIceControlling = 0x802A,
  // RFC 8656 §18 (TURN).
  kChannelNumber = 0x000C,
  kLifetime = 0x000D,
  kXorPeerAddress = 0x0012,
  kData = 0x0013,
  kXorRelayedAddress = 0x0016,
  kRequestedAddressFamily = 0x0017,
  kEvenPort = 0x0018,
  kRequestedTransport = 0x0019,
  kDontFragment = 0x001A,
  kReservationToken = 0x0022,
  kAdditionalAddressFamily = 0x8000,
  kAddressErrorCode = 0x8001,
  kIcmp = 0x8004,
};

// RFC 8489 §14: types 0x0000-0x7FFF must be understood by the receiver.
constexpr bool is_comprehension_required(uint16_t type) { return type < 0x8000; }
constexpr bool is_comprehension_required(AttributeType type) {
  return is_comprehension_required(static_cast<uint16_t>(type));
}

// "XOR-MAPPED-ADDRESS", ...; nullptr for types this module does not know. A string literal, so it
// can serve as an Error detail.
constexpr const char* attribute_name_cstr(AttributeType type) {
  switch (type) {
    case AttributeType::kMappedAddress: return "MAPPED-ADDRESS";
    case AttributeType::kUsername: return "USERNAME";
    case AttributeType::kMessageIntegrity: return "MESSAGE-INTEGRITY";
    case AttributeType::kErrorCode: return "ERROR-CODE";
    case AttributeType::kUnknownAttributes: return "UNKNOWN-ATTRIBUTES";
    case AttributeType::kRealm: return "REALM";
    case AttributeType::kNonce: return "NONCE";
    case AttributeType::kMessageIntegritySha256: return "MESSAGE-INTEGRITY-SHA256";
    case AttributeType::kPasswordAlgorithm: return "PASSWORD-ALGORITHM";
    case AttributeType::kUserhash: return "USERHASH";
    case AttributeType::kXorMappedAddress: return "XOR-MAPPED-ADDRESS";
    case AttributeType::kPasswordAlgorithms: return "PASSWORD-ALGORITHMS";
    case AttributeType::kAlternateDomain: return "ALTERNATE-DOMAIN";
    case AttributeType::kSoftware: return "SOFTWARE";
    case AttributeType::kAlternateServer: return "ALTERNATE-SERVER";
    case AttributeType::kFingerprint: return "FINGERPRINT";
    case AttributeType::kPriority: return "PRIORITY";
    case AttributeType::kUseCandidate: return "USE-CANDIDATE";
    case AttributeType::kIceControlled: return "ICE-CONTROLLED";
    case AttributeType::kIceControlling: return "ICE-CONTROLLING";
    case AttributeType::kChannelNumber: return "CHANNEL-NUMBER";
    case AttributeType::kLifetime: return "LIFETIME";
    case AttributeType::kXorPeerAddress: return "XOR-PEER-ADDRESS";
    case AttributeType::kData: return "DATA";
    case AttributeType::kXorRelayedAddress: return "XOR-RELAYED-ADDRESS";
    case AttributeType::kRequestedAddressFamily: return "REQUESTED-ADDRESS-FAMILY";
    case AttributeType::kEvenPort: return "EVEN-PORT";
    case AttributeType::kRequestedTransport: return "REQUESTED-TRANSPORT";
    case AttributeType::kDontFragment: return "DONT-FRAGMENT";
    case AttributeType::kReservationToken: return "RESERVATION-TOKEN";
    case AttributeType::kAdditionalAddressFamily: return "ADDITIONAL-ADDRESS-FAMILY";
    case AttributeType::kAddressErrorCode: return "ADDRESS-ERROR-CODE";
    case AttributeType::kIcmp: return "ICMP";
  }
  return nullptr;
}

// Same as attribute_name_cstr(); empty for unknown types.
std::string_view attribute_name(AttributeType type);

// True for every type listed in AttributeType (the ones this module parses).
bool is_known_attribute(AttributeType type);

}  // namespace tern::stun

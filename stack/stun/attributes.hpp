#pragma once
// Every typed STUN attribute, for `get<T>(message)` and `MessageBuilder::add(T{...})`.
//
// Each attribute struct has:
//   static constexpr AttributeType kType;   static constexpr const char* kName;
//   static Result<T> parse(std::span<const uint8_t> value, const TransactionId&);  // validates
//   size_t value_size() const;  Status validate() const;  // what the builder checks before writing
//   void serialize(std::span<uint8_t> out, const TransactionId&) const;           // value_size() bytes
//   bool operator==(const T&) const;
//
//   RFC 8489: MappedAddress, XorMappedAddress, Username, Userhash, MessageIntegrity,
//             MessageIntegritySha256, Fingerprint, ErrorCode, Realm, Nonce, PasswordAlgorithms,
//             PasswordAlgorithmAttribute, UnknownAttributes, Software, AlternateServer,
//             AlternateDomain
//   RFC 8445: Priority, UseCandidate, IceControlled, IceControlling
//   RFC 8656: ChannelNumber, Lifetime, XorPeerAddress, Data, XorRelayedAddress,
//             RequestedAddressFamily, EvenPort, RequestedTransport, DontFragment,
//             ReservationToken, AdditionalAddressFamily, AddressErrorCode, Icmp
#include "stun/address.hpp"
#include "stun/error_code.hpp"
#include "stun/ice_attributes.hpp"
#include "stun/integrity_attributes.hpp"
#include "stun/password_algorithm.hpp"
#include "stun/text_attributes.hpp"
#include "stun/turn_attributes.hpp"
#include "stun/unknown_attributes.hpp"

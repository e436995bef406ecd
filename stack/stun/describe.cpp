#include "stun/describe.hpp"

#include <cstdio>
#include <string_view>

#include "common/hex.hpp"
#include "stun/attributes.hpp"
#include "stun/fingerprint.hpp"
#include "stun/nonce.hpp"

namespace tern::stun {
namespace {

std::string hex_prefix(std::span<const uint8_t> bytes, size_t limit = 64) {
  std::string out = to_hex(bytes.first(std::min(bytes.size(), limit)));
  if (bytes.size() > limit) out += "...";
  return out;
}

std::string quoted(std::string_view s) {
  std::string out = "\"";
  for (char c : s) {
    const auto u = static_cast<unsigned char>(c);
    if (c == '"' || c == '\\') {
      out += '\\';
      out += c;
    } else if (u < 0x20 || u == 0x7F) {
      char buf[8];
      std::snprintf(buf, sizeof buf, "\\x%02x", u);
      out += buf;
    } else {
      out += c;  // UTF-8 passes through
    }
  }
  out += '"';
  return out;
}

std::string hex16(uint16_t v) {
  char buf[8];
  std::snprintf(buf, sizeof buf, "0x%04x", v);
  return buf;
}

std::string type_label(uint16_t type) {
  const char* name = attribute_name_cstr(static_cast<AttributeType>(type));
  return std::string(name ? name : "unknown") + " (" + hex16(type) + ")";
}

std::string error_code_text(uint16_t code, std::string_view reason) {
  std::string out = std::to_string(code) + " " + quoted(reason);
  const auto registered = default_reason_phrase(code);
  if (!registered.empty() && registered != reason) out += " [" + std::string(registered) + "]";
  return out;
}

std::string password_entry_text(const PasswordAlgorithmEntry& e) {
  const auto name = password_algorithm_name(e.algorithm);
  std::string out = name.empty() ? "algorithm " + hex16(static_cast<uint16_t>(e.algorithm)) : std::string(name);
  if (!e.parameters.empty()) out += " (parameters " + to_hex(e.parameters) + ")";
  return out;
}

// Decodes one attribute with T and formats it with `fn`, or reports why it does not decode.
template <class T, class F>
std::string decoded(const Message& m, const RawAttribute& a, F fn) {
  auto r = get<T>(m, a);
  if (!r) return "<invalid: " + r.error().to_string() + "> " + hex_prefix(a.value);
  return fn(*r);
}

std::string value_text(const Message& m, const RawAttribute& a) {
  using T = AttributeType;
  auto address = [](const auto& v) {
    return v.address.to_string() + " (" + address_family_name(address_family_of(v.address.family())) + ")";
  };
  auto text = [](const auto& v) { return quoted(v.text); };
  auto hmac = [](const auto& v) { return to_hex(v.hmac); };
  switch (a.type) {
    case T::kMappedAddress: return decoded<MappedAddress>(m, a, address);
    case T::kXorMappedAddress: return decoded<XorMappedAddress>(m, a, address);
    case T::kAlternateServer: return decoded<AlternateServer>(m, a, address);
    case T::kXorPeerAddress: return decoded<XorPeerAddress>(m, a, address);
    case T::kXorRelayedAddress: return decoded<XorRelayedAddress>(m, a, address);
    case T::kUsername: return decoded<Username>(m, a, text);
    case T::kRealm: return decoded<Realm>(m, a, text);
    case T::kSoftware: return decoded<Software>(m, a, text);
    case T::kNonce:
      return decoded<Nonce>(m, a, [](const Nonce& n) {
        std::string out = quoted(n.text);
        auto cookie = parse_nonce_cookie(n.text);
        if (!cookie) return out + " (bad nonce cookie: " + cookie.error().to_string() + ")";
        if (!cookie->present) return out;
        char buf[64];
        std::snprintf(buf, sizeof buf, " (RFC 8489 cookie, features 0x%06x", cookie->features);
        out += buf;
        if (cookie->password_algorithms()) out += ", password algorithms";
        if (cookie->username_anonymity()) out += ", username anonymity";
        return out + ")";
      });
    case T::kAlternateDomain: return decoded<AlternateDomain>(m, a, [](const AlternateDomain& d) { return quoted(d.domain); });
    case T::kUserhash: return decoded<Userhash>(m, a, [](const Userhash& u) { return to_hex(u.hash); });
    case T::kMessageIntegrity: return decoded<MessageIntegrity>(m, a, hmac);
    case T::kMessageIntegritySha256:
      return decoded<MessageIntegritySha256>(m, a, [](const MessageIntegritySha256& v) { return to_hex(v.view()); });
    case T::kFingerprint:
      return decoded<Fingerprint>(m, a, [&m](const Fingerprint& f) {
        char buf[16];
        std::snprintf(buf, sizeof buf, "0x%08x", f.crc);
        auto check = verify_fingerprint(m);
        return std::string(buf) + (check ? " (matches)" : " (" + check.error().to_string() + ")");
      });
    case T::kErrorCode: return decoded<ErrorCode>(m, a, [](const ErrorCode& e) { return error_code_text(e.code, e.reason); });
    case T::kUnknownAttributes:
      return decoded<UnknownAttributes>(m, a, [](const UnknownAttributes& u) {
        std::string out;
        for (uint16_t t : u.view()) out += (out.empty() ? "" : ", ") + type_label(t);
        return out.empty() ? std::string("(none)") : out;
      });
    case T::kPasswordAlgorithm:
      return decoded<PasswordAlgorithmAttribute>(m, a, [](const PasswordAlgorithmAttribute& p) { return password_entry_text(p.entry); });
    case T::kPasswordAlgorithms:
      return decoded<PasswordAlgorithms>(m, a, [](const PasswordAlgorithms& p) {
        std::string out;
        for (const auto& e : p.view()) out += (out.empty() ? "" : ", ") + password_entry_text(e);
        return out.empty() ? std::string("(none)") : out;
      });
    case T::kPriority: return decoded<Priority>(m, a, [](const Priority& p) { return std::to_string(p.priority); });
    case T::kUseCandidate: return decoded<UseCandidate>(m, a, [](const UseCandidate&) { return std::string("(flag)"); });
    case T::kIceControlled:
    case T::kIceControlling:
      return decoded<IceControlled>(m, a, [](const IceControlled& v) {
        char buf[40];
        std::snprintf(buf, sizeof buf, "tie-breaker 0x%016llx", static_cast<unsigned long long>(v.tie_breaker));
        return std::string(buf);
      });
    case T::kChannelNumber: return decoded<ChannelNumber>(m, a, [](const ChannelNumber& c) { return hex16(c.channel); });
    case T::kLifetime: return decoded<Lifetime>(m, a, [](const Lifetime& l) { return std::to_string(l.seconds) + " s"; });
    case T::kData:
      return decoded<Data>(m, a, [](const Data& d) { return std::to_string(d.data.size()) + " bytes " + hex_prefix(d.data); });
    case T::kRequestedAddressFamily:
      return decoded<RequestedAddressFamily>(m, a, [](const RequestedAddressFamily& f) { return std::string(address_family_name(f.family)); });
    case T::kAdditionalAddressFamily:
      return decoded<AdditionalAddressFamily>(m, a, [](const AdditionalAddressFamily& f) { return std::string(address_family_name(f.family)); });
    case T::kEvenPort:
      return decoded<EvenPort>(m, a, [](const EvenPort& e) { return std::string(e.reserve_next ? "R=1 (reserve next port)" : "R=0"); });
    case T::kRequestedTransport:
      return decoded<RequestedTransport>(m, a, [](const RequestedTransport& r) {
        std::string out = "protocol " + std::to_string(r.protocol);
        if (r.protocol == RequestedTransport::kUdp) out += " (UDP)";
        if (r.protocol == RequestedTransport::kTcp) out += " (TCP)";
        return out;
      });
    case T::kDontFragment: return decoded<DontFragment>(m, a, [](const DontFragment&) { return std::string("(flag)"); });
    case T::kReservationToken: return decoded<ReservationToken>(m, a, [](const ReservationToken& r) { return to_hex(r.token); });
    case T::kAddressErrorCode:
      return decoded<AddressErrorCode>(m, a, [](const AddressErrorCode& e) {
        return std::string(address_family_name(e.family)) + " " + error_code_text(e.code, e.reason);
      });
    case T::kIcmp:
      return decoded<Icmp>(m, a, [](const Icmp& i) {
        return "type " + std::to_string(i.icmp_type) + " code " + std::to_string(i.icmp_code) + " data " +
               std::to_string(i.error_data);
      });
  }
  return hex_prefix(a.value);
}

}  // namespace

std::string describe(const Message& message) {
  std::string out = "STUN ";
  const auto method = method_name(message.method());
  out += method.empty() ? "method " + hex16(static_cast<uint16_t>(message.method())) : std::string(method);
  out += " ";
  out += class_name(message.message_class());
  out += " (type " + hex16(message.raw_type()) + ", length " + std::to_string(message.length()) + ")\n";
  out += "  transaction id: " + to_hex(message.transaction_id()) + "\n";
  for (const RawAttribute& a : message.attributes()) {
    out += "  ";
    if (a.ignored) out += "[ignored] ";
    out += type_label(static_cast<uint16_t>(a.type));
    out += ", " + std::to_string(a.value.size()) + " bytes: ";
    out += value_text(message, a);
    out += "\n";
  }
  return out;
}

std::string describe(const ChannelData& message) {
  std::string out = "TURN ChannelData channel " + hex16(message.channel) + ", " + std::to_string(message.data.size()) +
                    " bytes\n";
  out += "  data: " + hex_prefix(message.data) + "\n";
  return out;
}

}  // namespace tern::stun

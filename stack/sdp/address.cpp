#include "sdp/address.hpp"

#include "sdp/text.hpp"

namespace tern::sdp {
namespace {

bool is_hex(char c) { return text::is_digit(c) || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F'); }

// RFC 3986 h16 = 1*4HEXDIG.
bool is_h16(std::string_view s) {
  if (s.empty() || s.size() > 4) return false;
  for (char c : s) {
    if (!is_hex(c)) return false;
  }
  return true;
}

// Counts the 16-bit groups of one side of an IPv6 address ("a:b:c" or "a:b:1.2.3.4"); -1 when
// malformed. `may_end_with_ipv4` is true for the side that ends the address.
int count_h16_groups(std::string_view side, bool may_end_with_ipv4) {
  if (side.empty()) return 0;
  int groups = 0;
  text::Fields fields(side, ':');
  while (auto group = fields.next()) {
    if (fields.done() && may_end_with_ipv4 && group->find('.') != std::string_view::npos) {
      if (!is_ipv4_address(*group)) return -1;
      groups += 2;  // RFC 3986 ls32 = ( h16 ":" h16 ) / IPv4address
    } else {
      if (!is_h16(*group)) return -1;
      groups += 1;
    }
  }
  return groups;
}

}  // namespace

bool is_ipv4_address(std::string_view s) {
  int parts = 0;
  text::Fields fields(s, '.');
  while (auto part = fields.next()) {
    if (++parts > 4) return false;
    // decimal-uchar: 0-255 without leading zeros.
    if (part->empty() || part->size() > 3 || (part->size() > 1 && (*part)[0] == '0')) return false;
    if (!text::parse_uint(*part, 255)) return false;
  }
  return parts == 4;
}

bool is_ipv6_address(std::string_view s) {
  if (s.size() < 2 || s.size() > 45) return false;  // "::" up to a full form with IPv4 tail
  const size_t gap = s.find("::");
  if (gap == std::string_view::npos) return count_h16_groups(s, true) == 8;
  if (s.find("::", gap + 1) != std::string_view::npos) return false;  // at most one "::"
  const int head = count_h16_groups(s.substr(0, gap), false);
  const int tail = count_h16_groups(s.substr(gap + 2), true);
  // "::" stands for at least one group of zeros.
  return head >= 0 && tail >= 0 && head + tail <= 7;
}

bool is_fqdn(std::string_view s) {
  if (s.size() < 4 || s.size() > 255) return false;
  for (char c : s) {
    if (!text::is_alnum(c) && c != '-' && c != '.') return false;
  }
  return true;
}

bool is_mdns_name(std::string_view s) {
  constexpr std::string_view kSuffix = ".local";
  return is_fqdn(s) && s.size() > kSuffix.size() && text::iequals(s.substr(s.size() - kSuffix.size()), kSuffix);
}

std::optional<AddressKind> classify_address(std::string_view s) {
  if (s.find(':') != std::string_view::npos) {
    if (is_ipv6_address(s)) return AddressKind::kIpv6;
    return std::nullopt;
  }
  bool digits_and_dots = !s.empty();
  for (char c : s) {
    if (!text::is_digit(c) && c != '.') digits_and_dots = false;
  }
  if (digits_and_dots) {
    if (is_ipv4_address(s)) return AddressKind::kIpv4;
    return std::nullopt;
  }
  if (is_fqdn(s)) return AddressKind::kFqdn;
  return std::nullopt;
}

}  // namespace tern::sdp

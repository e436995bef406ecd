#include "stun/text_attributes.hpp"

#include "stun/utf8.hpp"

namespace tern::stun {
namespace {

// RFC 1123 §2.1 host name syntax: labels of letters, digits and hyphens, 1..63 characters, split by
// dots; a single trailing dot (absolute name) is allowed.
Status check_domain(std::string_view d) {
  if (d.empty()) return Error(StunErrc::kBadValue, "ALTERNATE-DOMAIN is empty", 0);
  // RFC 8489 §14.16: 255 or fewer ASCII characters.
  if (d.size() > 255) return Error(StunErrc::kValueTooLong, "ALTERNATE-DOMAIN longer than 255", 0);
  size_t label = 0;
  for (size_t i = 0; i < d.size(); ++i) {
    const char c = d[i];
    if (c == '.') {
      if (label == 0) return Error(StunErrc::kBadValue, "ALTERNATE-DOMAIN: empty label", static_cast<uint32_t>(i));
      label = 0;
      continue;
    }
    const bool ldh = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-';
    if (!ldh) return Error(StunErrc::kBadValue, "ALTERNATE-DOMAIN: not a DNS name character", static_cast<uint32_t>(i));
    if (++label > 63) return Error(StunErrc::kBadValue, "ALTERNATE-DOMAIN: label longer than 63", static_cast<uint32_t>(i));
  }
  return {};
}

}  // namespace

Status check_text(std::span<const uint8_t> text, size_t max_bytes, size_t max_chars, const char* name) {
  if (text.size() > max_bytes) return Error(StunErrc::kValueTooLong, name, 0);
  size_t bad_at = 0;
  auto chars = utf8_length(text, &bad_at);
  // RFC 8489 §14.3-§14.14: the text attributes are UTF-8 (RFC 3629).
  if (!chars) return Error(StunErrc::kBadUtf8, name, static_cast<uint32_t>(bad_at));
  // RFC 8489 §14.9/§14.10/§14.14/§14.8: "fewer than 128 characters".
  if (max_chars != 0 && *chars > max_chars) return Error(StunErrc::kValueTooLong, name, 0);
  return {};
}

Result<AlternateDomain> AlternateDomain::parse(std::span<const uint8_t> value, const TransactionId&) {
  std::string_view d(reinterpret_cast<const char*>(value.data()), value.size());
  if (auto s = check_domain(d); !s) return s.error();
  return AlternateDomain{d};
}

Status AlternateDomain::validate() const { return check_domain(domain); }

void AlternateDomain::serialize(std::span<uint8_t> out, const TransactionId&) const {
  for (size_t i = 0; i < domain.size(); ++i) out[i] = static_cast<uint8_t>(domain[i]);
}

}  // namespace tern::stun

#include "stun/password_algorithm.hpp"

#include <algorithm>
#include <cstring>

#include "common/byte_reader.hpp"

namespace tern::stun {
namespace {

// Reads one entry at `pos`, advancing past its parameters and their padding. The last entry's
// padding may be cut by the end of the value (accepted: the padding carries nothing).
Status read_entry(std::span<const uint8_t> value, size_t& pos, PasswordAlgorithmEntry& out) {
  if (value.size() - pos < 4) {
    return Error(StunErrc::kBadAttributeLength, "password algorithm entry shorter than 4 bytes",
                 static_cast<uint32_t>(pos));
  }
  out.algorithm = static_cast<PasswordAlgorithm>(load_be16(value.data() + pos));
  const size_t length = load_be16(value.data() + pos + 2);
  if (value.size() - pos - 4 < length) {
    return Error(StunErrc::kBadAttributeLength, "password algorithm parameters overrun the value",
                 static_cast<uint32_t>(pos + 2));
  }
  out.parameters = value.subspan(pos + 4, length);
  // RFC 8489 §14.12: parameters are padded to a 32-bit boundary; padding is ignored.
  pos = std::min(value.size(), pos + 4 + pad4(length));
  return {};
}

size_t write_entry(const PasswordAlgorithmEntry& e, uint8_t* out) {
  store_be16(out, static_cast<uint16_t>(e.algorithm));
  store_be16(out + 2, static_cast<uint16_t>(e.parameters.size()));
  if (!e.parameters.empty()) std::memcpy(out + 4, e.parameters.data(), e.parameters.size());
  // RFC 8489 §14.12: padding bits MUST be set to zero on sending.
  std::memset(out + 4 + e.parameters.size(), 0, pad4(e.parameters.size()) - e.parameters.size());
  return e.wire_size();
}

Status check_entry(const PasswordAlgorithmEntry& e) {
  if (e.parameters.size() > 0xFFFF) return Error(StunErrc::kValueTooLong, "password algorithm parameters", 0);
  return {};
}

}  // namespace

std::string_view password_algorithm_name(PasswordAlgorithm algorithm) {
  switch (algorithm) {
    case PasswordAlgorithm::kMd5: return "MD5";
    case PasswordAlgorithm::kSha256: return "SHA-256";
  }
  return {};
}

bool PasswordAlgorithmEntry::operator==(const PasswordAlgorithmEntry& o) const {
  return algorithm == o.algorithm && std::equal(parameters.begin(), parameters.end(), o.parameters.begin(),
                                                o.parameters.end());
}

Result<PasswordAlgorithmAttribute> PasswordAlgorithmAttribute::parse(std::span<const uint8_t> value,
                                                                     const TransactionId&) {
  PasswordAlgorithmAttribute a;
  size_t pos = 0;
  if (auto s = read_entry(value, pos, a.entry); !s) return s.error();
  // RFC 8489 §14.12: the attribute contains one algorithm.
  if (pos != value.size()) {
    return Error(StunErrc::kBadAttributeLength, "bytes after the PASSWORD-ALGORITHM entry", static_cast<uint32_t>(pos));
  }
  return a;
}

Status PasswordAlgorithmAttribute::validate() const { return check_entry(entry); }

void PasswordAlgorithmAttribute::serialize(std::span<uint8_t> out, const TransactionId&) const {
  write_entry(entry, out.data());
}

bool PasswordAlgorithms::push(PasswordAlgorithmEntry entry) {
  if (count == kMaxEntries) return false;
  entries[count++] = entry;
  return true;
}

Result<PasswordAlgorithms> PasswordAlgorithms::parse(std::span<const uint8_t> value, const TransactionId&) {
  PasswordAlgorithms list;
  size_t pos = 0;
  while (pos < value.size()) {
    PasswordAlgorithmEntry e;
    const size_t at = pos;
    if (auto s = read_entry(value, pos, e); !s) return s.error();
    if (!list.push(e)) return Error(StunErrc::kValueTooLong, "more than 8 password algorithms", static_cast<uint32_t>(at));
  }
  return list;
}

size_t PasswordAlgorithms::value_size() const {
  size_t n = 0;
  for (const auto& e : view()) n += e.wire_size();
  return n;
}

Status PasswordAlgorithms::validate() const {
  for (const auto& e : view()) {
    if (auto s = check_entry(e); !s) return s;
  }
  return {};
}

void PasswordAlgorithms::serialize(std::span<uint8_t> out, const TransactionId&) const {
  size_t pos = 0;
  for (const auto& e : view()) pos += write_entry(e, out.data() + pos);
}

bool PasswordAlgorithms::operator==(const PasswordAlgorithms& o) const {
  return std::equal(view().begin(), view().end(), o.view().begin(), o.view().end());
}

}  // namespace tern::stun

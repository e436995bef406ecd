#include "sdp/fingerprint.hpp"

#include "sdp/text.hpp"

namespace tern::sdp {
namespace {

struct HashInfo {
  FingerprintHash hash;
  std::string_view name;
  size_t size;
};

// IANA "Hash Function Textual Names" with the FIPS 180-4 digest sizes.
constexpr HashInfo kHashes[] = {
    {FingerprintHash::kSha1, "sha-1", 20},     {FingerprintHash::kSha224, "sha-224", 28},
    {FingerprintHash::kSha256, "sha-256", 32}, {FingerprintHash::kSha384, "sha-384", 48},
    {FingerprintHash::kSha512, "sha-512", 64},
};

int hex_value(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  return -1;
}

}  // namespace

std::string_view fingerprint_hash_name(FingerprintHash hash) {
  for (const auto& info : kHashes) {
    if (info.hash == hash) return info.name;
  }
  return "sha-256";
}

std::optional<FingerprintHash> fingerprint_hash_from_name(std::string_view name) {
  for (const auto& info : kHashes) {
    if (text::iequals(info.name, name)) return info.hash;
  }
  return std::nullopt;
}

size_t fingerprint_hash_size(FingerprintHash hash) {
  for (const auto& info : kHashes) {
    if (info.hash == hash) return info.size;
  }
  return 0;
}

Result<Fingerprint> parse_fingerprint(std::string_view value) {
  const size_t sp = value.find(' ');
  if (sp == std::string_view::npos) return Error(SdpErrc::kBadFingerprint, "fingerprint has no SP after the hash name");
  auto hash = fingerprint_hash_from_name(value.substr(0, sp));
  if (!hash) return Error(SdpErrc::kBadFingerprint, "fingerprint hash is not sha-1/224/256/384/512");
  Fingerprint fp;
  fp.hash = *hash;
  const size_t expected = fingerprint_hash_size(*hash);
  std::string_view hex = value.substr(sp + 1);
  // RFC 8122 §5: fingerprint = 2UHEX *(":" 2UHEX). Each byte is 2 digits plus one ':' between.
  if (hex.size() != expected * 3 - 1) {
    // Tell a wrong length apart from garbage: count well-formed pairs first.
    bool shape_ok = (hex.size() + 1) % 3 == 0;
    for (size_t i = 0; shape_ok && i < hex.size(); ++i) {
      shape_ok = (i % 3 == 2) ? hex[i] == ':' : hex_value(hex[i]) >= 0;
    }
    if (shape_ok) return Error(SdpErrc::kBadFingerprint, "fingerprint length does not match the hash function");
    return Error(SdpErrc::kBadFingerprint, "fingerprint is not hex pairs separated by ':'");
  }
  fp.digest.reserve(expected);
  for (size_t i = 0; i < hex.size(); i += 3) {
    const int hi = hex_value(hex[i]);
    const int lo = hex_value(hex[i + 1]);
    if (hi < 0 || lo < 0 || (i + 2 < hex.size() && hex[i + 2] != ':')) {
      return Error(SdpErrc::kBadFingerprint, "fingerprint is not hex pairs separated by ':'");
    }
    fp.digest.push_back(static_cast<uint8_t>(hi << 4 | lo));
  }
  return fp;
}

std::string serialize(const Fingerprint& fingerprint) {
  static constexpr char kDigits[] = "0123456789ABCDEF";
  std::string out(fingerprint_hash_name(fingerprint.hash));
  out.reserve(out.size() + 1 + fingerprint.digest.size() * 3);
  out += ' ';
  for (size_t i = 0; i < fingerprint.digest.size(); ++i) {
    if (i != 0) out += ':';
    out += kDigits[fingerprint.digest[i] >> 4];
    out += kDigits[fingerprint.digest[i] & 15];
  }
  return out;
}

}  // namespace tern::sdp

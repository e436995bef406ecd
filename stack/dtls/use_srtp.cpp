#include "dtls/use_srtp.hpp"

namespace tern::dtls {
namespace {
constexpr SrtpProfileInfo kProfiles[] = {
    // RFC 5764 §4.1.2: AES-128 counter mode: 128-bit key, 112-bit salt.
    {SrtpProfile::kAes128CmHmacSha1_80, "SRTP_AES128_CM_HMAC_SHA1_80", 16, 14},
    {SrtpProfile::kAes128CmHmacSha1_32, "SRTP_AES128_CM_HMAC_SHA1_32", 16, 14},
    // RFC 7714 §14.2: AEAD profiles use a 96-bit salt.
    {SrtpProfile::kAeadAes128Gcm, "SRTP_AEAD_AES_128_GCM", 16, 12},
    {SrtpProfile::kAeadAes256Gcm, "SRTP_AEAD_AES_256_GCM", 32, 12},
};
}  // namespace

const SrtpProfileInfo* find_srtp_profile(uint16_t id) {
  for (const auto& p : kProfiles)
    if (static_cast<uint16_t>(p.profile) == id) return &p;
  return nullptr;
}

const char* srtp_profile_name(uint16_t id) {
  const SrtpProfileInfo* p = find_srtp_profile(id);
  return p ? p->name : "unknown";
}

Result<UseSrtp> parse_use_srtp(std::span<const uint8_t> data) {
  ByteReader r(data);
  // RFC 5764 §4.1.1: SRTPProtectionProfiles is <2..2^16-1>, two bytes per profile.
  auto profiles = read_vector(r, 2, 2, 0xffff, "use_srtp profile list");
  if (!profiles) return profiles.error();
  if (profiles->size() % 2 != 0) return Error(DtlsErrc::kBadLength, "use_srtp profile list odd length", 0);
  UseSrtp value;
  while (!profiles->empty()) value.profiles.push_back(static_cast<SrtpProfile>(profiles->u16()));
  auto mki = read_vector(r, 1, 0, 255, "use_srtp mki");
  if (!mki) return mki.error();
  auto mki_bytes = mki->rest();
  value.mki.assign(mki_bytes.begin(), mki_bytes.end());
  if (!r.empty()) return Error(DtlsErrc::kTrailingData, "bytes after use_srtp mki", static_cast<uint32_t>(r.position()));
  return value;
}

void serialize_use_srtp(const UseSrtp& value, WireBuilder& out) {
  size_t list = out.begin_vector(2);
  for (SrtpProfile p : value.profiles) out.u16(static_cast<uint16_t>(p));
  out.end_vector(list);
  out.opaque(1, value.mki);
}

size_t srtp_keying_material_size(const SrtpProfileInfo& profile) {
  return 2 * (profile.master_key_size + profile.master_salt_size);
}

SrtpKeyingMaterial split_srtp_keying_material(const SrtpProfileInfo& profile, std::span<const uint8_t> exported) {
  TERN_ASSERT(exported.size() == srtp_keying_material_size(profile), "SRTP exporter output of the wrong size");
  SrtpKeyingMaterial m;
  m.profile = profile.profile;
  size_t k = profile.master_key_size;
  size_t s = profile.master_salt_size;
  auto take = [&](size_t offset, size_t n) {
    return std::vector<uint8_t>(exported.begin() + static_cast<std::ptrdiff_t>(offset),
                                exported.begin() + static_cast<std::ptrdiff_t>(offset + n));
  };
  m.client_write_key = take(0, k);
  m.server_write_key = take(k, k);
  m.client_write_salt = take(2 * k, s);
  m.server_write_salt = take(2 * k + s, s);
  return m;
}

}  // namespace tern::dtls

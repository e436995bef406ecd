#include "sctp/state_cookie.hpp"

#include "common/byte_reader.hpp"
#include "common/byte_writer.hpp"
#include "sctp/errc.hpp"

namespace tern::sctp {
namespace {

constexpr size_t kMaxMac = 64;

bool equal_constant_time(std::span<const uint8_t> a, std::span<const uint8_t> b) {
  if (a.size() != b.size()) return false;
  uint8_t diff = 0;
  for (size_t i = 0; i < a.size(); ++i) diff = static_cast<uint8_t>(diff | (a[i] ^ b[i]));
  return diff == 0;
}

}  // namespace

std::vector<uint8_t> serialize_signed(const StateCookie& c, CookieSigner& signer) {
  const size_t mac = signer.mac_size();
  TERN_ASSERT(mac >= 16 && mac <= kMaxMac, "CookieSigner::mac_size out of range");
  std::vector<uint8_t> out(StateCookie::kBodySize + mac);
  ByteWriter w(out);
  w.u32(StateCookie::kMagic);
  w.u64(static_cast<uint64_t>(c.created_at.as_micros()));
  w.u64(static_cast<uint64_t>(c.expires_at.as_micros()));
  w.u32(c.local_tag);
  w.u32(c.peer_tag);
  w.u32(c.local_tie_tag);
  w.u32(c.peer_tie_tag);
  w.u32(c.local_initial_tsn.value);
  w.u32(c.peer_initial_tsn.value);
  w.u32(c.peer_a_rwnd);
  w.u16(c.outbound_streams);
  w.u16(c.inbound_streams);
  w.u32(c.capabilities);
  TERN_ASSERT(w.ok() && w.position() == StateCookie::kBodySize, "state cookie layout");
  signer.sign(std::span<const uint8_t>(out).first(StateCookie::kBodySize),
              std::span<uint8_t>(out).subspan(StateCookie::kBodySize));
  return out;
}

Result<StateCookie> parse_signed(std::span<const uint8_t> bytes, CookieSigner& signer) {
  const size_t mac = signer.mac_size();
  if (bytes.size() != StateCookie::kBodySize + mac) {
    return Error(SctpErrc::kBadLength, "State Cookie has the wrong size");
  }
  // RFC 9260 §5.1.5 step 1-2: recompute the MAC over the cookie and compare.
  uint8_t expected[kMaxMac];
  signer.sign(bytes.first(StateCookie::kBodySize), std::span<uint8_t>(expected, mac));
  if (!equal_constant_time(bytes.subspan(StateCookie::kBodySize), std::span<const uint8_t>(expected, mac))) {
    return Error(SctpErrc::kBadValue, "State Cookie MAC mismatch");
  }
  ByteReader r(bytes);
  if (r.u32() != StateCookie::kMagic) return Error(SctpErrc::kBadValue, "State Cookie magic");
  StateCookie c;
  c.created_at = Timestamp::from_micros(static_cast<int64_t>(r.u64()));
  c.expires_at = Timestamp::from_micros(static_cast<int64_t>(r.u64()));
  c.local_tag = r.u32();
  c.peer_tag = r.u32();
  c.local_tie_tag = r.u32();
  c.peer_tie_tag = r.u32();
  c.local_initial_tsn = Tsn(r.u32());
  c.peer_initial_tsn = Tsn(r.u32());
  c.peer_a_rwnd = r.u32();
  c.outbound_streams = r.u16();
  c.inbound_streams = r.u16();
  c.capabilities = r.u32();
  return c;
}

}  // namespace tern::sctp

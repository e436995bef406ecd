#include "dtls/server_key_exchange.hpp"

#include <cstdio>

#include "common/hex.hpp"
#include "dtls/wire.hpp"

namespace tern::dtls {
namespace {
void write_params(const ServerKeyExchange& m, WireBuilder& out) {
  out.u8(kCurveTypeNamedCurve);
  out.u16(static_cast<uint16_t>(m.named_curve));
  out.opaque(1, m.public_key);
}
}  // namespace

Result<ServerKeyExchange> parse_server_key_exchange(std::span<const uint8_t> body) {
  ByteReader r(body);
  ServerKeyExchange m;
  uint8_t curve_type = r.u8();
  uint16_t curve = r.u16();
  if (!r.ok()) return Error(DtlsErrc::kTruncated, "ServerECDHParams curve", 0);
  // RFC 8422 §5.4: explicit_prime / explicit_char2 curves are deprecated; only named_curve.
  if (curve_type != kCurveTypeNamedCurve) return Error(DtlsErrc::kBadValue, "curve_type not named_curve", 0);
  m.named_curve = static_cast<NamedGroup>(curve);
  auto point = read_vector(r, 1, 1, 255, "ECPoint");
  if (!point) return point.error();
  m.public_key.assign(point->rest().begin(), point->rest().end());
  size_t at = r.position();
  m.signature_scheme = static_cast<SignatureScheme>(r.u16());
  if (!r.ok()) return Error(DtlsErrc::kTruncated, "signature algorithm", static_cast<uint32_t>(at));
  auto sig = read_vector(r, 2, 0, 0xffff, "signature");
  if (!sig) return sig.error();
  m.signature.assign(sig->rest().begin(), sig->rest().end());
  if (!r.empty()) return Error(DtlsErrc::kTrailingData, "bytes after signature", static_cast<uint32_t>(r.position()));
  return m;
}

std::vector<uint8_t> serialize(const ServerKeyExchange& m) {
  WireBuilder out;
  write_params(m, out);
  out.u16(static_cast<uint16_t>(m.signature_scheme));
  out.opaque(2, m.signature);
  return out.take();
}

std::vector<uint8_t> server_key_exchange_signed_data(const ServerKeyExchange& m,
                                                     std::span<const uint8_t, kRandomSize> client_random,
                                                     std::span<const uint8_t, kRandomSize> server_random) {
  WireBuilder out;
  out.bytes(client_random);
  out.bytes(server_random);
  write_params(m, out);
  return out.take();
}

std::string describe(const ServerKeyExchange& m) {
  char buf[160];
  std::snprintf(buf, sizeof(buf),
                "ServerKeyExchange\n  named_curve: %s (%u)\n  signature_algorithm: %s (0x%04x)\n  signature: %zu bytes\n",
                named_group_name(m.named_curve), static_cast<unsigned>(m.named_curve),
                signature_scheme_name(m.signature_scheme), static_cast<unsigned>(m.signature_scheme), m.signature.size());
  return std::string(buf) + "  public_key: " + to_hex(m.public_key) + "\n";
}

}  // namespace tern::dtls

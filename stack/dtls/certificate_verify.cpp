#include "dtls/certificate_verify.hpp"

#include <cstdio>

#include "dtls/wire.hpp"

namespace tern::dtls {

Result<CertificateVerify> parse_certificate_verify(std::span<const uint8_t> body) {
  ByteReader r(body);
  CertificateVerify m;
  m.signature_scheme = static_cast<SignatureScheme>(r.u16());
  if (!r.ok()) return Error(DtlsErrc::kTruncated, "signature algorithm", 0);
  auto sig = read_vector(r, 2, 0, 0xffff, "signature");
  if (!sig) return sig.error();
  m.signature.assign(sig->rest().begin(), sig->rest().end());
  if (!r.empty()) return Error(DtlsErrc::kTrailingData, "bytes after signature", static_cast<uint32_t>(r.position()));
  return m;
}

std::vector<uint8_t> serialize(const CertificateVerify& m) {
  WireBuilder out;
  out.u16(static_cast<uint16_t>(m.signature_scheme));
  out.opaque(2, m.signature);
  return out.take();
}

std::string describe(const CertificateVerify& m) {
  char buf[128];
  std::snprintf(buf, sizeof(buf), "CertificateVerify\n  signature_algorithm: %s (0x%04x)\n  signature: %zu bytes\n",
                signature_scheme_name(m.signature_scheme), static_cast<unsigned>(m.signature_scheme), m.signature.size());
  return buf;
}

}  // namespace tern::dtls

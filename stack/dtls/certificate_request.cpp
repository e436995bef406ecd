#include "dtls/certificate_request.hpp"

#include <cstdio>

#include "dtls/wire.hpp"

namespace tern::dtls {

Result<CertificateRequest> parse_certificate_request(std::span<const uint8_t> body) {
  ByteReader r(body);
  CertificateRequest m;
  auto types = read_vector(r, 1, 1, 255, "certificate_types");
  if (!types) return types.error();
  while (!types->empty()) m.certificate_types.push_back(static_cast<ClientCertificateType>(types->u8()));
  size_t algs_at = r.position();
  auto algs = read_vector(r, 2, 2, 0xfffe, "supported_signature_algorithms");
  if (!algs) return algs.error();
  if (algs->size() % 2 != 0)
    return Error(DtlsErrc::kBadLength, "supported_signature_algorithms odd length", static_cast<uint32_t>(algs_at));
  while (!algs->empty()) m.signature_algorithms.push_back(static_cast<SignatureScheme>(algs->u16()));
  size_t cas_at = r.position();
  auto cas = read_vector(r, 2, 0, 0xffff, "certificate_authorities");
  if (!cas) return cas.error();
  while (!cas->empty()) {
    auto dn = read_vector(*cas, 2, 1, 0xffff, "DistinguishedName");
    if (!dn) return dn.error().with_position(static_cast<uint32_t>(cas_at));
    m.certificate_authorities.emplace_back(dn->rest().begin(), dn->rest().end());
  }
  if (!r.empty()) return Error(DtlsErrc::kTrailingData, "bytes after certificate_authorities", static_cast<uint32_t>(r.position()));
  return m;
}

std::vector<uint8_t> serialize(const CertificateRequest& m) {
  WireBuilder out;
  size_t types = out.begin_vector(1);
  for (auto t : m.certificate_types) out.u8(static_cast<uint8_t>(t));
  out.end_vector(types);
  size_t algs = out.begin_vector(2);
  for (auto s : m.signature_algorithms) out.u16(static_cast<uint16_t>(s));
  out.end_vector(algs);
  size_t cas = out.begin_vector(2);
  for (const auto& dn : m.certificate_authorities) out.opaque(2, dn);
  out.end_vector(cas);
  return out.take();
}

std::string describe(const CertificateRequest& m) {
  char buf[96];
  std::string out = "CertificateRequest\n  certificate_types:";
  for (auto t : m.certificate_types) out += " " + std::to_string(static_cast<unsigned>(t));
  out += "\n  signature_algorithms:";
  for (auto s : m.signature_algorithms) {
    std::snprintf(buf, sizeof(buf), " %s(0x%04x)", signature_scheme_name(s), static_cast<unsigned>(s));
    out += buf;
  }
  out += "\n  certificate_authorities: " + std::to_string(m.certificate_authorities.size()) + "\n";
  return out;
}

}  // namespace tern::dtls

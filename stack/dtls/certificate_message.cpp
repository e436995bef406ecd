#include "dtls/certificate_message.hpp"

#include "crypto/certificate.hpp"
#include "dtls/wire.hpp"

namespace tern::dtls {

Result<CertificateMessage> parse_certificate_message(std::span<const uint8_t> body) {
  ByteReader r(body);
  auto list = read_vector(r, 3, 0, 0xffffff, "certificate_list");
  if (!list) return list.error();
  if (!r.empty()) return Error(DtlsErrc::kTrailingData, "bytes after certificate_list", static_cast<uint32_t>(r.position()));
  CertificateMessage m;
  while (!list->empty()) {
    size_t at = 3 + list->position();
    if (m.certificates.size() == kMaxCertificates)
      return Error(DtlsErrc::kTooLarge, "more certificates than tern accepts", static_cast<uint32_t>(at));
    auto cert = read_vector(*list, 3, 1, 0xffffff, "ASN.1Cert");
    if (!cert) return cert.error().with_position(static_cast<uint32_t>(at));
    m.certificates.emplace_back(cert->rest().begin(), cert->rest().end());
  }
  return m;
}

std::vector<uint8_t> serialize(const CertificateMessage& m) {
  WireBuilder out;
  size_t list = out.begin_vector(3);
  for (const auto& cert : m.certificates) out.opaque(3, cert);
  out.end_vector(list);
  return out.take();
}

std::string describe(const CertificateMessage& m) {
  std::string out = "Certificate (" + std::to_string(m.certificates.size()) + ")\n";
  for (const auto& der : m.certificates) {
    auto cert = crypto::Certificate::parse(der);
    out += "  cert " + std::to_string(der.size()) + " bytes";
    if (cert) {
      out += " subject=" + cert->subject() + " key=" + crypto::key_type_name(cert->public_key().type()) + " " +
             crypto::Fingerprint::of(*cert, crypto::HashAlgorithm::kSha256).to_string();
    } else {
      out += " (does not parse)";
    }
    out += "\n";
  }
  return out;
}

}  // namespace tern::dtls

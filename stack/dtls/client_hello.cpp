#include "dtls/client_hello.hpp"

#include <cstdio>

#include "common/hex.hpp"
#include "dtls/cipher_suite.hpp"

namespace tern::dtls {

Result<ClientHello> parse_client_hello(std::span<const uint8_t> body) {
  ByteReader r(body);
  ClientHello h;
  h.client_version = r.u16();
  auto random = r.bytes(kRandomSize);
  if (!r.ok()) return Error(DtlsErrc::kTruncated, "client_version/random", 0);
  std::copy(random.begin(), random.end(), h.random.begin());
  auto session_id = read_vector(r, 1, 0, kMaxSessionIdSize, "session_id");
  if (!session_id) return session_id.error();
  h.session_id.assign(session_id->rest().begin(), session_id->rest().end());
  // RFC 6347 §4.2.1: opaque cookie<0..2^8-1>.
  auto cookie = read_vector(r, 1, 0, kMaxCookieSize, "cookie");
  if (!cookie) return cookie.error();
  h.cookie.assign(cookie->rest().begin(), cookie->rest().end());
  size_t suites_at = r.position();
  auto suites = read_vector(r, 2, 2, 0xfffe, "cipher_suites");
  if (!suites) return suites.error();
  if (suites->size() % 2 != 0) return Error(DtlsErrc::kBadLength, "cipher_suites odd length", static_cast<uint32_t>(suites_at));
  while (!suites->empty()) h.cipher_suites.push_back(suites->u16());
  auto compression = read_vector(r, 1, 1, 255, "compression_methods");
  if (!compression) return compression.error();
  h.compression_methods.assign(compression->rest().begin(), compression->rest().end());
  auto ext = parse_extensions(r, 0);
  if (!ext) return ext.error();
  h.extensions = std::move(*ext);
  return h;
}

std::vector<uint8_t> serialize(const ClientHello& h) {
  WireBuilder out;
  out.u16(h.client_version);
  out.bytes(h.random);
  out.opaque(1, h.session_id);
  out.opaque(1, h.cookie);
  size_t suites = out.begin_vector(2);
  for (uint16_t s : h.cipher_suites) out.u16(s);
  out.end_vector(suites);
  out.opaque(1, h.compression_methods);
  serialize_extensions(h.extensions, out);
  return out.take();
}

std::string describe(const ClientHello& h) {
  char buf[128];
  std::string out = "ClientHello\n";
  std::snprintf(buf, sizeof(buf), "  client_version: %04x\n", h.client_version);
  out += buf;
  out += "  random: " + to_hex(h.random) + "\n";
  out += "  session_id: " + to_hex(h.session_id) + "\n";
  out += "  cookie: " + to_hex(h.cookie) + "\n";
  out += "  cipher_suites:\n";
  for (uint16_t s : h.cipher_suites) {
    std::snprintf(buf, sizeof(buf), "    0x%04x %s\n", s, cipher_suite_name(s));
    out += buf;
  }
  out += "  compression_methods: " + to_hex(h.compression_methods) + "\n";
  out += "  extensions:\n" + describe(h.extensions, "    ");
  return out;
}

}  // namespace tern::dtls

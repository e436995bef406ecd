#include "dtls/server_hello.hpp"

#include <cstdio>

#include "common/hex.hpp"
#include "dtls/cipher_suite.hpp"

namespace tern::dtls {

Result<ServerHello> parse_server_hello(std::span<const uint8_t> body) {
  ByteReader r(body);
  ServerHello h;
  h.server_version = r.u16();
  auto random = r.bytes(kRandomSize);
  if (!r.ok()) return Error(DtlsErrc::kTruncated, "server_version/random", 0);
  std::copy(random.begin(), random.end(), h.random.begin());
  auto session_id = read_vector(r, 1, 0, kMaxSessionIdSize, "session_id");
  if (!session_id) return session_id.error();
  h.session_id.assign(session_id->rest().begin(), session_id->rest().end());
  size_t at = r.position();
  h.cipher_suite = r.u16();
  h.compression_method = r.u8();
  if (!r.ok()) return Error(DtlsErrc::kTruncated, "cipher_suite/compression_method", static_cast<uint32_t>(at));
  auto ext = parse_extensions(r, 0);
  if (!ext) return ext.error();
  h.extensions = std::move(*ext);
  return h;
}

std::vector<uint8_t> serialize(const ServerHello& h) {
  WireBuilder out;
  out.u16(h.server_version);
  out.bytes(h.random);
  out.opaque(1, h.session_id);
  out.u16(h.cipher_suite);
  out.u8(h.compression_method);
  serialize_extensions(h.extensions, out);
  return out.take();
}

std::string describe(const ServerHello& h) {
  char buf[128];
  std::string out = "ServerHello\n";
  std::snprintf(buf, sizeof(buf), "  server_version: %04x\n", h.server_version);
  out += buf;
  out += "  random: " + to_hex(h.random) + "\n";
  out += "  session_id: " + to_hex(h.session_id) + "\n";
  std::snprintf(buf, sizeof(buf), "  cipher_suite: 0x%04x %s\n  compression_method: %u\n", h.cipher_suite,
                cipher_suite_name(h.cipher_suite), static_cast<unsigned>(h.compression_method));
  out += buf;
  out += "  extensions:\n" + describe(h.extensions, "    ");
  return out;
}

}  // namespace tern::dtls

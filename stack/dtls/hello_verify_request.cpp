#include "dtls/hello_verify_request.hpp"

#include <cstdio>

#include "common/hex.hpp"
#include "dtls/wire.hpp"

namespace tern::dtls {

Result<HelloVerifyRequest> parse_hello_verify_request(std::span<const uint8_t> body) {
  ByteReader r(body);
  HelloVerifyRequest h;
  h.server_version = r.u16();
  if (!r.ok()) return Error(DtlsErrc::kTruncated, "server_version", 0);
  auto cookie = read_vector(r, 1, 0, 255, "cookie");
  if (!cookie) return cookie.error();
  h.cookie.assign(cookie->rest().begin(), cookie->rest().end());
  if (!r.empty()) return Error(DtlsErrc::kTrailingData, "bytes after cookie", static_cast<uint32_t>(r.position()));
  return h;
}

std::vector<uint8_t> serialize(const HelloVerifyRequest& h) {
  WireBuilder out;
  out.u16(h.server_version);
  out.opaque(1, h.cookie);
  return out.take();
}

std::string describe(const HelloVerifyRequest& h) {
  char buf[64];
  std::snprintf(buf, sizeof(buf), "  server_version: %04x\n", h.server_version);
  return std::string("HelloVerifyRequest\n") + buf + "  cookie: " + to_hex(h.cookie) + "\n";
}

}  // namespace tern::dtls

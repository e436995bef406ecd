#include "dtls/client_key_exchange.hpp"

#include "common/hex.hpp"
#include "dtls/wire.hpp"

namespace tern::dtls {

Result<ClientKeyExchange> parse_client_key_exchange(std::span<const uint8_t> body) {
  ByteReader r(body);
  auto point = read_vector(r, 1, 1, 255, "ecdh_Yc");
  if (!point) return point.error();
  if (!r.empty()) return Error(DtlsErrc::kTrailingData, "bytes after ecdh_Yc", static_cast<uint32_t>(r.position()));
  ClientKeyExchange m;
  m.public_key.assign(point->rest().begin(), point->rest().end());
  return m;
}

std::vector<uint8_t> serialize(const ClientKeyExchange& m) {
  WireBuilder out;
  out.opaque(1, m.public_key);
  return out.take();
}

std::string describe(const ClientKeyExchange& m) {
  return "ClientKeyExchange\n  public_key: " + to_hex(m.public_key) + "\n";
}

}  // namespace tern::dtls

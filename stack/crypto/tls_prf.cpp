#include "crypto/tls_prf.hpp"

#include <algorithm>

#include "crypto/hmac.hpp"

namespace tern::crypto {
namespace {
std::span<const uint8_t> as_bytes(std::string_view s) {
  return {reinterpret_cast<const uint8_t*>(s.data()), s.size()};
}
}  // namespace

void tls12_prf(HashAlgorithm hash, std::span<const uint8_t> secret, std::string_view label,
               std::span<const uint8_t> seed, std::span<uint8_t> out) {
  tls12_prf(hash, secret, label, seed, {}, out);
}

void tls12_prf(HashAlgorithm hash, std::span<const uint8_t> secret, std::string_view label,
               std::span<const uint8_t> seed_a, std::span<const uint8_t> seed_b, std::span<uint8_t> out) {
  // RFC 5246 §5:
  //   P_hash(secret, seed) = HMAC_hash(secret, A(1) + seed) + HMAC_hash(secret, A(2) + seed) + ...
  //   A(0) = seed, A(i) = HMAC_hash(secret, A(i-1)); here "seed" is label + seed.
  Hmac mac(hash, secret);
  mac.update(as_bytes(label));
  mac.update(seed_a);
  mac.update(seed_b);
  Digest a = mac.finish();  // A(1)
  size_t written = 0;
  while (written < out.size()) {
    mac.update(a.view());
    mac.update(as_bytes(label));
    mac.update(seed_a);
    mac.update(seed_b);
    Digest block = mac.finish();
    size_t n = std::min(block.size, out.size() - written);
    std::copy_n(block.bytes.begin(), n, out.begin() + static_cast<std::ptrdiff_t>(written));
    written += n;
    a = mac.compute(a.view());  // A(i+1)
  }
}

}  // namespace tern::crypto

#include "crypto/hmac.hpp"

#include <openssl/core_names.h>
#include <openssl/crypto.h>
#include <openssl/evp.h>
#include <openssl/params.h>

#include "crypto/openssl_util.hpp"

namespace tern::crypto {

// One keyed context: EVP_MAC_init with a null key restarts it with the key it already holds, so a
// MAC costs no allocation.
struct Hmac::State {
  EVP_MAC* mac = nullptr;
  EVP_MAC_CTX* ctx = nullptr;
  ~State() {
    EVP_MAC_CTX_free(ctx);
    EVP_MAC_free(mac);
  }
};

Hmac::Hmac(HashAlgorithm algorithm, std::span<const uint8_t> key) : state_(std::make_unique<State>()) {
  state_->mac = EVP_MAC_fetch(nullptr, "HMAC", nullptr);
  TERN_ASSERT(state_->mac != nullptr, "OpenSSL has no HMAC");
  state_->ctx = EVP_MAC_CTX_new(state_->mac);
  TERN_ASSERT(state_->ctx != nullptr, "EVP_MAC_CTX_new failed");
  OSSL_PARAM params[2];
  params[0] = OSSL_PARAM_construct_utf8_string(OSSL_MAC_PARAM_DIGEST,
                                               const_cast<char*>(EVP_MD_get0_name(evp_md(algorithm))), 0);
  params[1] = OSSL_PARAM_construct_end();
  // An empty key is legal for HMAC; OpenSSL wants a non-null pointer.
  static const uint8_t kEmpty = 0;
  int ok = EVP_MAC_init(state_->ctx, key.empty() ? &kEmpty : key.data(), key.size(), params);
  TERN_ASSERT(ok == 1, "EVP_MAC_init failed");
  size_ = EVP_MAC_CTX_get_mac_size(state_->ctx);
}

Hmac::~Hmac() = default;
Hmac::Hmac(Hmac&&) noexcept = default;
Hmac& Hmac::operator=(Hmac&&) noexcept = default;

void Hmac::reset() {
  int ok = EVP_MAC_init(state_->ctx, nullptr, 0, nullptr);
  TERN_ASSERT(ok == 1, "EVP_MAC_init (restart) failed");
}

void Hmac::update(std::span<const uint8_t> data) {
  if (data.empty()) return;
  int ok = EVP_MAC_update(state_->ctx, data.data(), data.size());
  TERN_ASSERT(ok == 1, "EVP_MAC_update failed");
}

Digest Hmac::finish() {
  Digest d;
  size_t len = 0;
  int ok = EVP_MAC_final(state_->ctx, d.bytes.data(), &len, d.bytes.size());
  TERN_ASSERT(ok == 1, "EVP_MAC_final failed");
  d.size = len;
  reset();
  return d;
}

Digest Hmac::compute(std::span<const uint8_t> data) {
  update(data);
  return finish();
}

Digest hmac(HashAlgorithm algorithm, std::span<const uint8_t> key, std::span<const uint8_t> data) {
  return Hmac(algorithm, key).compute(data);
}

bool constant_time_equal(std::span<const uint8_t> a, std::span<const uint8_t> b) {
  return a.size() == b.size() && CRYPTO_memcmp(a.data(), b.data(), a.size()) == 0;
}

}  // namespace tern::crypto

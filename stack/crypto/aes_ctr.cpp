#include "crypto/aes_ctr.hpp"

#include <openssl/evp.h>

#include <algorithm>
#include <climits>

#include "common/assert.hpp"

namespace tern::crypto {
namespace {
const EVP_CIPHER* ctr_cipher(size_t key_size) {
  switch (key_size) {
    case 16: return EVP_aes_128_ctr();
    case 24: return EVP_aes_192_ctr();
    case 32: return EVP_aes_256_ctr();
    default: return nullptr;
  }
}
}  // namespace

// One EVP context, keyed once. Re-initialising with a null cipher and key only reloads the
// counter block, so the expanded key schedule is reused for every packet.
struct AesCtr::State {
  EVP_CIPHER_CTX* ctx = nullptr;
  ~State() { EVP_CIPHER_CTX_free(ctx); }
};

AesCtr::AesCtr(std::span<const uint8_t> key) : state_(std::make_unique<State>()) {
  const EVP_CIPHER* cipher = ctr_cipher(key.size());
  TERN_ASSERT(cipher != nullptr, "AES key must be 16, 24 or 32 bytes");
  state_->ctx = EVP_CIPHER_CTX_new();
  TERN_ASSERT(state_->ctx != nullptr, "EVP_CIPHER_CTX_new failed");
  int ok = EVP_EncryptInit_ex(state_->ctx, cipher, nullptr, key.data(), nullptr);
  TERN_ASSERT(ok == 1, "AES-CTR key setup failed");
}

AesCtr::~AesCtr() = default;
AesCtr::AesCtr(AesCtr&&) noexcept = default;
AesCtr& AesCtr::operator=(AesCtr&&) noexcept = default;

void AesCtr::apply(std::span<const uint8_t, kAesBlockSize> iv, std::span<uint8_t> in_out) {
  TERN_ASSERT(in_out.size() <= INT_MAX, "AES-CTR input larger than INT_MAX");
  int ok = EVP_EncryptInit_ex(state_->ctx, nullptr, nullptr, nullptr, iv.data());
  int len = 0;
  if (ok && !in_out.empty())
    ok = EVP_EncryptUpdate(state_->ctx, in_out.data(), &len, in_out.data(), static_cast<int>(in_out.size()));
  TERN_ASSERT(ok == 1, "AES-CTR failed");
}

void AesCtr::keystream(std::span<const uint8_t, kAesBlockSize> iv, std::span<uint8_t> out) {
  std::fill(out.begin(), out.end(), uint8_t{0});
  apply(iv, out);
}

}  // namespace tern::crypto

#include "crypto/aead.hpp"

#include <openssl/evp.h>

#include <climits>

#include "common/assert.hpp"

namespace tern::crypto {
namespace {
const EVP_CIPHER* evp_cipher(AeadAlgorithm algorithm) {
  switch (algorithm) {
    case AeadAlgorithm::kAes128Gcm: return EVP_aes_128_gcm();
    case AeadAlgorithm::kAes256Gcm: return EVP_aes_256_gcm();
    case AeadAlgorithm::kChaCha20Poly1305: return EVP_chacha20_poly1305();
  }
  return EVP_aes_128_gcm();
}
int int_size(size_t n) {
  TERN_ASSERT(n <= INT_MAX, "AEAD input larger than INT_MAX");
  return static_cast<int>(n);
}
}  // namespace

size_t aead_key_size(AeadAlgorithm algorithm) { return algorithm == AeadAlgorithm::kAes128Gcm ? 16 : 32; }

// Two contexts keyed once; each operation only resets the nonce (EVP_*Init_ex with a null cipher
// and key keeps the expanded key schedule).
struct Aead::State {
  EVP_CIPHER_CTX* seal = nullptr;
  EVP_CIPHER_CTX* open = nullptr;
  ~State() {
    EVP_CIPHER_CTX_free(seal);
    EVP_CIPHER_CTX_free(open);
  }
};

Aead::Aead(AeadAlgorithm algorithm, std::span<const uint8_t> key)
    : state_(std::make_unique<State>()), algorithm_(algorithm) {
  TERN_ASSERT(key.size() == aead_key_size(algorithm), "AEAD key of the wrong size");
  state_->seal = EVP_CIPHER_CTX_new();
  state_->open = EVP_CIPHER_CTX_new();
  TERN_ASSERT(state_->seal && state_->open, "EVP_CIPHER_CTX_new failed");
  const EVP_CIPHER* cipher = evp_cipher(algorithm);
  int ok = EVP_EncryptInit_ex(state_->seal, cipher, nullptr, nullptr, nullptr) &&
           EVP_CIPHER_CTX_ctrl(state_->seal, EVP_CTRL_AEAD_SET_IVLEN, kAeadNonceSize, nullptr) &&
           EVP_EncryptInit_ex(state_->seal, nullptr, nullptr, key.data(), nullptr) &&
           EVP_DecryptInit_ex(state_->open, cipher, nullptr, nullptr, nullptr) &&
           EVP_CIPHER_CTX_ctrl(state_->open, EVP_CTRL_AEAD_SET_IVLEN, kAeadNonceSize, nullptr) &&
           EVP_DecryptInit_ex(state_->open, nullptr, nullptr, key.data(), nullptr);
  TERN_ASSERT(ok == 1, "AEAD key setup failed");
}

Aead::~Aead() = default;
Aead::Aead(Aead&&) noexcept = default;
Aead& Aead::operator=(Aead&&) noexcept = default;

void Aead::seal(std::span<const uint8_t> nonce, std::span<const uint8_t> aad, std::span<uint8_t> in_out,
                std::span<uint8_t, kAeadTagSize> tag) {
  TERN_ASSERT(nonce.size() == kAeadNonceSize, "AEAD nonce must be 12 bytes");
  EVP_CIPHER_CTX* ctx = state_->seal;
  int len = 0;
  int ok = EVP_EncryptInit_ex(ctx, nullptr, nullptr, nullptr, nonce.data());
  if (ok && !aad.empty()) ok = EVP_EncryptUpdate(ctx, nullptr, &len, aad.data(), int_size(aad.size()));
  if (ok && !in_out.empty())
    ok = EVP_EncryptUpdate(ctx, in_out.data(), &len, in_out.data(), int_size(in_out.size()));
  if (ok) ok = EVP_EncryptFinal_ex(ctx, in_out.data() + in_out.size(), &len);
  if (ok) ok = EVP_CIPHER_CTX_ctrl(ctx, EVP_CTRL_AEAD_GET_TAG, kAeadTagSize, tag.data());
  TERN_ASSERT(ok == 1, "AEAD seal failed");
}

bool Aead::open(std::span<const uint8_t> nonce, std::span<const uint8_t> aad, std::span<uint8_t> in_out,
                std::span<const uint8_t, kAeadTagSize> tag) {
  TERN_ASSERT(nonce.size() == kAeadNonceSize, "AEAD nonce must be 12 bytes");
  EVP_CIPHER_CTX* ctx = state_->open;
  int len = 0;
  int ok = EVP_DecryptInit_ex(ctx, nullptr, nullptr, nullptr, nonce.data());
  if (ok && !aad.empty()) ok = EVP_DecryptUpdate(ctx, nullptr, &len, aad.data(), int_size(aad.size()));
  if (ok && !in_out.empty())
    ok = EVP_DecryptUpdate(ctx, in_out.data(), &len, in_out.data(), int_size(in_out.size()));
  if (ok)
    ok = EVP_CIPHER_CTX_ctrl(ctx, EVP_CTRL_AEAD_SET_TAG, kAeadTagSize,
                             const_cast<uint8_t*>(tag.data()));  // OpenSSL only reads the tag
  // Final fails exactly when the tag does not verify (remote input: not an assertion).
  return ok == 1 && EVP_DecryptFinal_ex(ctx, in_out.data() + in_out.size(), &len) == 1;
}

}  // namespace tern::crypto

#include "crypto/ecdh.hpp"

#include <openssl/bn.h>
#include <openssl/core_names.h>
#include <openssl/crypto.h>
#include <openssl/ec.h>
#include <openssl/evp.h>
#include <openssl/obj_mac.h>
#include <openssl/param_build.h>

#include <array>

#include "common/assert.hpp"

namespace tern::crypto {
namespace {

constexpr size_t kX25519Size = 32;
constexpr size_t kP256PointSize = 65;
constexpr size_t kP256ScalarSize = 32;

// Builds an EC EVP_PKEY on prime256v1 from a public point and, optionally, a private scalar.
EVP_PKEY* p256_from_parts(const BIGNUM* priv, std::span<const uint8_t> pub) {
  OSSL_PARAM_BLD* bld = OSSL_PARAM_BLD_new();
  if (bld == nullptr) return nullptr;
  EVP_PKEY* pkey = nullptr;
  OSSL_PARAM* params = nullptr;
  EVP_PKEY_CTX* ctx = nullptr;
  bool ok = OSSL_PARAM_BLD_push_utf8_string(bld, OSSL_PKEY_PARAM_GROUP_NAME, "prime256v1", 0) == 1 &&
            OSSL_PARAM_BLD_push_octet_string(bld, OSSL_PKEY_PARAM_PUB_KEY, pub.data(), pub.size()) == 1 &&
            (priv == nullptr || OSSL_PARAM_BLD_push_BN(bld, OSSL_PKEY_PARAM_PRIV_KEY, priv) == 1);
  if (ok) params = OSSL_PARAM_BLD_to_param(bld);
  if (params != nullptr) ctx = EVP_PKEY_CTX_new_from_name(nullptr, "EC", nullptr);
  if (ctx != nullptr && EVP_PKEY_fromdata_init(ctx) == 1) {
    // Importing decodes the point, which rejects points that are not on the curve.
    if (EVP_PKEY_fromdata(ctx, &pkey, priv ? EVP_PKEY_KEYPAIR : EVP_PKEY_PUBLIC_KEY, params) != 1)
      pkey = nullptr;
  }
  EVP_PKEY_CTX_free(ctx);
  OSSL_PARAM_free(params);
  OSSL_PARAM_BLD_free(bld);
  return pkey;
}

}  // namespace

size_t ecdh_public_key_size(EcdhGroup group) { return group == EcdhGroup::kX25519 ? kX25519Size : kP256PointSize; }
size_t ecdh_shared_secret_size(EcdhGroup) { return 32; }
const char* ecdh_group_name(EcdhGroup group) { return group == EcdhGroup::kX25519 ? "x25519" : "secp256r1"; }

namespace detail {

std::shared_ptr<evp_pkey_st> adopt_pkey(evp_pkey_st* pkey) {
  return std::shared_ptr<evp_pkey_st>(pkey, [](evp_pkey_st* p) { EVP_PKEY_free(p); });
}

std::shared_ptr<evp_pkey_st> generate_p256_pkey(Rng& rng) {
  EC_GROUP* group = EC_GROUP_new_by_curve_name(NID_X9_62_prime256v1);
  TERN_ASSERT(group != nullptr, "OpenSSL has no P-256");
  BIGNUM* d = BN_new();
  EC_POINT* point = EC_POINT_new(group);
  TERN_ASSERT(d != nullptr && point != nullptr, "OpenSSL allocation failed");
  // FIPS 186-4 B.4.2 style rejection sampling: draw 256 bits until 1 <= d < n. The chance of a
  // retry is about 2^-32, so a bounded loop only trips with a broken Rng.
  std::array<uint8_t, kP256ScalarSize> scalar{};
  bool found = false;
  for (int attempt = 0; attempt < 64 && !found; ++attempt) {
    rng.fill(scalar);
    BN_bin2bn(scalar.data(), static_cast<int>(scalar.size()), d);
    found = !BN_is_zero(d) && BN_cmp(d, EC_GROUP_get0_order(group)) < 0;
  }
  OPENSSL_cleanse(scalar.data(), scalar.size());
  TERN_ASSERT(found, "Rng produced no valid P-256 scalar in 64 draws");
  std::array<uint8_t, kP256PointSize> pub{};
  int ok = EC_POINT_mul(group, point, d, nullptr, nullptr, nullptr);
  size_t n = ok == 1 ? EC_POINT_point2oct(group, point, POINT_CONVERSION_UNCOMPRESSED, pub.data(),
                                          pub.size(), nullptr)
                     : 0;
  TERN_ASSERT(n == kP256PointSize, "P-256 public key computation failed");
  EVP_PKEY* pkey = p256_from_parts(d, pub);
  TERN_ASSERT(pkey != nullptr, "P-256 key import failed");
  BN_clear_free(d);
  EC_POINT_free(point);
  EC_GROUP_free(group);
  return adopt_pkey(pkey);
}

}  // namespace detail

EcdhPrivateKey EcdhPrivateKey::generate(EcdhGroup group, Rng& rng) {
  EcdhPrivateKey key;
  key.group_ = group;
  if (group == EcdhGroup::kX25519) {
    std::array<uint8_t, kX25519Size> priv{};
    rng.fill(priv);  // RFC 7748 §5: any 32 bytes; clamping happens inside X25519
    EVP_PKEY* pkey = EVP_PKEY_new_raw_private_key(EVP_PKEY_X25519, nullptr, priv.data(), priv.size());
    OPENSSL_cleanse(priv.data(), priv.size());
    TERN_ASSERT(pkey != nullptr, "X25519 key import failed");
    key.pkey_ = detail::adopt_pkey(pkey);
    key.public_.resize(kX25519Size);
    size_t len = key.public_.size();
    int ok = EVP_PKEY_get_raw_public_key(pkey, key.public_.data(), &len);
    TERN_ASSERT(ok == 1 && len == kX25519Size, "X25519 public key computation failed");
  } else {
    key.pkey_ = detail::generate_p256_pkey(rng);
    key.public_.resize(kP256PointSize);
    size_t len = 0;
    int ok = EVP_PKEY_get_octet_string_param(key.pkey_.get(), OSSL_PKEY_PARAM_PUB_KEY, key.public_.data(),
                                             key.public_.size(), &len);
    TERN_ASSERT(ok == 1 && len == kP256PointSize, "P-256 public key export failed");
  }
  return key;
}

Result<std::vector<uint8_t>> EcdhPrivateKey::derive(std::span<const uint8_t> peer_public) const {
  EVP_PKEY* peer = nullptr;
  if (group_ == EcdhGroup::kX25519) {
    if (peer_public.size() != kX25519Size)
      return Error(CryptoErrc::kBadKeyLength, "X25519 public key is not 32 bytes");
    peer = EVP_PKEY_new_raw_public_key(EVP_PKEY_X25519, nullptr, peer_public.data(), peer_public.size());
  } else {
    // RFC 8422 §5.4.1: only the uncompressed point format is used.
    if (peer_public.size() != kP256PointSize || peer_public[0] != 0x04)
      return Error(CryptoErrc::kBadKeyLength, "P-256 public key is not a 65-byte uncompressed point");
    peer = p256_from_parts(nullptr, peer_public);
  }
  if (peer == nullptr) return Error(CryptoErrc::kOpenSsl, "peer public key is not a valid curve point");
  std::vector<uint8_t> secret(ecdh_shared_secret_size(group_));
  EVP_PKEY_CTX* ctx = EVP_PKEY_CTX_new_from_pkey(nullptr, pkey_.get(), nullptr);
  size_t len = secret.size();
  bool ok = ctx != nullptr && EVP_PKEY_derive_init(ctx) == 1 && EVP_PKEY_derive_set_peer(ctx, peer) == 1 &&
            EVP_PKEY_derive(ctx, secret.data(), &len) == 1 && len == secret.size();
  EVP_PKEY_CTX_free(ctx);
  EVP_PKEY_free(peer);
  if (!ok) return Error(CryptoErrc::kOpenSsl, "ECDH derivation failed");
  // RFC 7748 §6.1: an all-zero X25519 output means a small-order peer key; abort.
  uint8_t any = 0;
  for (uint8_t b : secret) any |= b;
  if (any == 0) return Error(CryptoErrc::kOpenSsl, "ECDH shared secret is all zero");
  return secret;
}

}  // namespace tern::crypto

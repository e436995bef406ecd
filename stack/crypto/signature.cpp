#include "crypto/signature.hpp"

#include <openssl/evp.h>
#include <openssl/rsa.h>
#include <openssl/x509.h>

#include <cstring>

#include "crypto/ecdh.hpp"
#include "crypto/openssl_util.hpp"

namespace tern::crypto {
namespace {

KeyType classify(EVP_PKEY* pkey) {
  if (pkey == nullptr) return KeyType::kNone;
  if (EVP_PKEY_is_a(pkey, "RSA")) return KeyType::kRsa;
  if (EVP_PKEY_is_a(pkey, "EC")) {
    char name[64] = {};
    size_t len = 0;
    if (EVP_PKEY_get_group_name(pkey, name, sizeof(name), &len) != 1) return KeyType::kOther;
    if (std::strcmp(name, "prime256v1") == 0 || std::strcmp(name, "P-256") == 0) return KeyType::kEcdsaP256;
    if (std::strcmp(name, "secp384r1") == 0 || std::strcmp(name, "P-384") == 0) return KeyType::kEcdsaP384;
  }
  return KeyType::kOther;
}

// Applies the RSA padding mode of `algorithm` to a DigestSign/DigestVerify context.
bool set_padding(EVP_PKEY_CTX* pctx, SignatureAlgorithm algorithm) {
  if (algorithm.kind == SignatureKind::kRsaPkcs1) return EVP_PKEY_CTX_set_rsa_padding(pctx, RSA_PKCS1_PADDING) == 1;
  if (algorithm.kind == SignatureKind::kRsaPss) {
    // RFC 8446 §4.2.3: rsa_pss_rsae_* uses MGF1 with the same hash and a salt as long as the digest.
    return EVP_PKEY_CTX_set_rsa_padding(pctx, RSA_PKCS1_PSS_PADDING) == 1 &&
           EVP_PKEY_CTX_set_rsa_pss_saltlen(pctx, RSA_PSS_SALTLEN_DIGEST) == 1 &&
           EVP_PKEY_CTX_set_rsa_mgf1_md(pctx, evp_md(algorithm.hash)) == 1;
  }
  return true;
}

}  // namespace

const char* key_type_name(KeyType type) {
  switch (type) {
    case KeyType::kNone: return "none";
    case KeyType::kEcdsaP256: return "ecdsa-p256";
    case KeyType::kEcdsaP384: return "ecdsa-p384";
    case KeyType::kRsa: return "rsa";
    case KeyType::kOther: return "other";
  }
  return "other";
}

bool key_supports(KeyType type, SignatureAlgorithm algorithm) {
  switch (algorithm.kind) {
    case SignatureKind::kEcdsa: return type == KeyType::kEcdsaP256 || type == KeyType::kEcdsaP384;
    case SignatureKind::kRsaPkcs1:
    case SignatureKind::kRsaPss: return type == KeyType::kRsa;
  }
  return false;
}

// ---- PublicKey

PublicKey PublicKey::adopt(std::shared_ptr<evp_pkey_st> pkey) {
  PublicKey key;
  key.type_ = classify(pkey.get());
  key.pkey_ = std::move(pkey);
  return key;
}

Result<PublicKey> PublicKey::parse_spki(std::span<const uint8_t> der) {
  const unsigned char* p = der.data();
  EVP_PKEY* pkey = d2i_PUBKEY(nullptr, &p, static_cast<long>(der.size()));
  if (pkey == nullptr) return Error(CryptoErrc::kOpenSsl, "SubjectPublicKeyInfo does not decode");
  if (p != der.data() + der.size()) {
    EVP_PKEY_free(pkey);
    return Error(CryptoErrc::kOpenSsl, "trailing bytes after SubjectPublicKeyInfo");
  }
  return adopt(detail::adopt_pkey(pkey));
}

int PublicKey::bits() const { return pkey_ ? EVP_PKEY_get_bits(pkey_.get()) : 0; }

std::vector<uint8_t> PublicKey::spki_der() const {
  if (!pkey_) return {};
  int len = i2d_PUBKEY(pkey_.get(), nullptr);
  if (len <= 0) return {};
  std::vector<uint8_t> out(static_cast<size_t>(len));
  unsigned char* p = out.data();
  i2d_PUBKEY(pkey_.get(), &p);
  return out;
}

bool PublicKey::verify(SignatureAlgorithm algorithm, std::span<const uint8_t> data,
                       std::span<const uint8_t> signature) const {
  if (!pkey_ || !key_supports(type_, algorithm)) return false;
  EVP_MD_CTX* ctx = EVP_MD_CTX_new();
  if (ctx == nullptr) return false;
  EVP_PKEY_CTX* pctx = nullptr;
  bool ok = EVP_DigestVerifyInit(ctx, &pctx, evp_md(algorithm.hash), nullptr, pkey_.get()) == 1 &&
            set_padding(pctx, algorithm) &&
            EVP_DigestVerify(ctx, signature.data(), signature.size(), data.data(), data.size()) == 1;
  EVP_MD_CTX_free(ctx);
  return ok;
}

// ---- PrivateKey

PrivateKey PrivateKey::generate_ecdsa_p256(Rng& rng) {
  PrivateKey key;
  key.pkey_ = detail::generate_p256_pkey(rng);
  key.type_ = KeyType::kEcdsaP256;
  return key;
}

PrivateKey PrivateKey::generate_rsa(int bits) {
  EVP_PKEY* pkey = EVP_RSA_gen(static_cast<unsigned int>(bits));
  TERN_ASSERT(pkey != nullptr, "RSA key generation failed");
  PrivateKey key;
  key.pkey_ = detail::adopt_pkey(pkey);
  key.type_ = KeyType::kRsa;
  return key;
}

Result<PrivateKey> PrivateKey::parse_der(std::span<const uint8_t> der) {
  const unsigned char* p = der.data();
  EVP_PKEY* pkey = d2i_AutoPrivateKey(nullptr, &p, static_cast<long>(der.size()));
  if (pkey == nullptr) return Error(CryptoErrc::kOpenSsl, "private key DER does not decode");
  PrivateKey key;
  key.pkey_ = detail::adopt_pkey(pkey);
  key.type_ = classify(pkey);
  return key;
}

std::vector<uint8_t> PrivateKey::serialize_der() const {
  if (!pkey_) return {};
  PKCS8_PRIV_KEY_INFO* info = EVP_PKEY2PKCS8(pkey_.get());
  if (info == nullptr) return {};
  int len = i2d_PKCS8_PRIV_KEY_INFO(info, nullptr);
  std::vector<uint8_t> out(len > 0 ? static_cast<size_t>(len) : 0);
  unsigned char* p = out.data();
  if (len > 0) i2d_PKCS8_PRIV_KEY_INFO(info, &p);
  PKCS8_PRIV_KEY_INFO_free(info);
  return out;
}

PublicKey PrivateKey::public_key() const {
  if (!pkey_) return {};
  // Round-trip through SubjectPublicKeyInfo so the PublicKey holds no private material.
  int len = i2d_PUBKEY(pkey_.get(), nullptr);
  std::vector<uint8_t> der(len > 0 ? static_cast<size_t>(len) : 0);
  unsigned char* p = der.data();
  if (len > 0) i2d_PUBKEY(pkey_.get(), &p);
  auto key = PublicKey::parse_spki(der);
  TERN_ASSERT(key.ok(), "own public key does not round-trip");
  return std::move(key).value();
}

Result<std::vector<uint8_t>> PrivateKey::sign(SignatureAlgorithm algorithm, std::span<const uint8_t> data) const {
  if (!pkey_ || !key_supports(type_, algorithm))
    return Error(CryptoErrc::kUnsupported, "key cannot make this kind of signature");
  EVP_MD_CTX* ctx = EVP_MD_CTX_new();
  if (ctx == nullptr) return Error(CryptoErrc::kOpenSsl, "EVP_MD_CTX_new failed");
  EVP_PKEY_CTX* pctx = nullptr;
  std::vector<uint8_t> sig;
  size_t len = 0;
  bool ok = EVP_DigestSignInit(ctx, &pctx, evp_md(algorithm.hash), nullptr, pkey_.get()) == 1 &&
            set_padding(pctx, algorithm) && EVP_DigestSign(ctx, nullptr, &len, data.data(), data.size()) == 1;
  if (ok) {
    sig.resize(len);
    ok = EVP_DigestSign(ctx, sig.data(), &len, data.data(), data.size()) == 1;
    sig.resize(len);
  }
  EVP_MD_CTX_free(ctx);
  if (!ok) return Error(CryptoErrc::kOpenSsl, "signing failed");
  return sig;
}

}  // namespace tern::crypto

#include "crypto/certificate.hpp"

#include <openssl/asn1.h>
#include <openssl/bn.h>
#include <openssl/evp.h>
#include <openssl/x509.h>

#include <array>
#include <ctime>

#include "common/hex.hpp"
#include "crypto/ecdh.hpp"
#include "crypto/hmac.hpp"

namespace tern::crypto {
namespace {

std::vector<uint8_t> to_der(X509* x) {
  int len = i2d_X509(x, nullptr);
  if (len <= 0) return {};
  std::vector<uint8_t> out(static_cast<size_t>(len));
  unsigned char* p = out.data();
  i2d_X509(x, &p);
  return out;
}

std::string subject_text(X509* x) {
  std::string out;
  BIO* bio = BIO_new(BIO_s_mem());
  if (bio == nullptr) return out;
  if (X509_NAME_print_ex(bio, X509_get_subject_name(x), 0, XN_FLAG_RFC2253) >= 0) {
    char* data = nullptr;
    long len = BIO_get_mem_data(bio, &data);
    if (len > 0 && data != nullptr) out.assign(data, static_cast<size_t>(len));
  }
  BIO_free(bio);
  return out;
}

}  // namespace

Result<Certificate> Certificate::generate_self_signed(const PrivateKey& key, std::string_view common_name, Rng& rng,
                                                      int64_t not_before_unix, int64_t not_after_unix) {
  if (key.empty() || (key.type() != KeyType::kEcdsaP256 && key.type() != KeyType::kEcdsaP384 &&
                      key.type() != KeyType::kRsa))
    return Error(CryptoErrc::kUnsupported, "certificate key must be ECDSA or RSA");
  X509* x = X509_new();
  if (x == nullptr) return Error(CryptoErrc::kOpenSsl, "X509_new failed");
  // A random positive serial (RFC 5280 §4.1.2.2: positive, at most 20 octets).
  std::array<uint8_t, 8> serial_bytes{};
  rng.fill(serial_bytes);
  serial_bytes[0] &= 0x7f;
  serial_bytes[0] |= 0x01;  // never zero
  BIGNUM* serial = BN_bin2bn(serial_bytes.data(), static_cast<int>(serial_bytes.size()), nullptr);
  X509_NAME* name = X509_NAME_new();
  std::string cn(common_name);
  bool ok = serial != nullptr && name != nullptr && X509_set_version(x, X509_VERSION_3) == 1 &&
            BN_to_ASN1_INTEGER(serial, X509_get_serialNumber(x)) != nullptr &&
            X509_NAME_add_entry_by_txt(name, "CN", MBSTRING_UTF8, reinterpret_cast<const unsigned char*>(cn.c_str()),
                                       -1, -1, 0) == 1 &&
            X509_set_subject_name(x, name) == 1 && X509_set_issuer_name(x, name) == 1 &&
            ASN1_TIME_set(X509_getm_notBefore(x), static_cast<time_t>(not_before_unix)) != nullptr &&
            ASN1_TIME_set(X509_getm_notAfter(x), static_cast<time_t>(not_after_unix)) != nullptr &&
            X509_set_pubkey(x, key.native()) == 1 && X509_sign(x, key.native(), EVP_sha256()) > 0;
  BN_free(serial);
  X509_NAME_free(name);
  if (!ok) {
    X509_free(x);
    return Error(CryptoErrc::kOpenSsl, "certificate construction or signing failed");
  }
  std::vector<uint8_t> der = to_der(x);
  auto cert = from_native(x, std::move(der));
  X509_free(x);
  return cert;
}

Result<Certificate> Certificate::parse(std::span<const uint8_t> der) {
  if (der.empty()) return Error(CryptoErrc::kOpenSsl, "empty certificate");
  const unsigned char* p = der.data();
  X509* x = d2i_X509(nullptr, &p, static_cast<long>(der.size()));
  if (x == nullptr) return Error(CryptoErrc::kOpenSsl, "certificate DER does not decode");
  if (p != der.data() + der.size()) {
    X509_free(x);
    return Error(CryptoErrc::kOpenSsl, "trailing bytes after certificate");
  }
  auto cert = from_native(x, std::vector<uint8_t>(der.begin(), der.end()));
  X509_free(x);
  return cert;
}

Result<Certificate> Certificate::from_native(X509* x, std::vector<uint8_t> der) {
  if (der.empty()) return Error(CryptoErrc::kOpenSsl, "certificate does not encode");
  EVP_PKEY* pkey = X509_get_pubkey(x);  // a new reference, owned by the PublicKey below
  if (pkey == nullptr) return Error(CryptoErrc::kOpenSsl, "certificate public key does not decode");
  Certificate cert;
  cert.der_ = std::move(der);
  cert.public_key_ = PublicKey::adopt(detail::adopt_pkey(pkey));
  cert.subject_ = subject_text(x);
  return cert;
}

Digest Certificate::fingerprint(HashAlgorithm algorithm) const { return hash(algorithm, der_); }

Fingerprint Fingerprint::of(const Certificate& certificate, HashAlgorithm algorithm) {
  return Fingerprint{algorithm, certificate.fingerprint(algorithm)};
}

Result<Fingerprint> Fingerprint::parse(std::string_view hash_name, std::string_view hex) {
  auto algorithm = hash_from_name(hash_name);
  if (!algorithm) return Error(CryptoErrc::kUnsupported, "unknown fingerprint hash function");
  auto bytes = from_hex(hex);
  if (!bytes) return bytes.error();
  if (bytes->size() != digest_size(*algorithm))
    return Error(CryptoErrc::kBadKeyLength, "fingerprint length does not match the hash function");
  Fingerprint fp;
  fp.algorithm = *algorithm;
  std::copy(bytes->begin(), bytes->end(), fp.value.bytes.begin());
  fp.value.size = bytes->size();
  return fp;
}

bool Fingerprint::matches(const Certificate& certificate) const {
  Digest actual = certificate.fingerprint(algorithm);
  return constant_time_equal(actual.view(), value.view());
}

std::string Fingerprint::to_string() const {
  static constexpr char kDigits[] = "0123456789ABCDEF";
  std::string out(hash_name(algorithm));
  out.push_back(' ');
  for (size_t i = 0; i < value.size; ++i) {
    if (i) out.push_back(':');
    out.push_back(kDigits[value.bytes[i] >> 4]);
    out.push_back(kDigits[value.bytes[i] & 15]);
  }
  return out;
}

}  // namespace tern::crypto

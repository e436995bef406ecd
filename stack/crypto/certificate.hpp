#pragma once
// X.509 certificates for DTLS-SRTP (RFC 5763 / RFC 8827): WebRTC endpoints use self-signed
// certificates whose identity is pinned by the SDP a=fingerprint attribute (RFC 8122 §5), so
// this type generates self-signed certificates, parses DER, and computes fingerprints. No chain
// validation happens here: the fingerprint is the trust anchor.
#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "common/error.hpp"
#include "common/rng.hpp"
#include "crypto/hash.hpp"
#include "crypto/signature.hpp"

struct x509_st;  // OpenSSL's X509, opaque outside crypto/*.cpp

namespace tern::crypto {

class Certificate {
 public:
  Certificate() = default;

  // A self-signed X.509 v3 certificate for `key` with subject = issuer = CN=`common_name`, a
  // random positive 63-bit serial from `rng`, validity [not_before, not_after] (Unix seconds),
  // signed with ECDSA-SHA256 (EC keys) or RSA-PKCS1-SHA256 (RSA keys).
  // Errors: CryptoErrc::kOpenSsl, CryptoErrc::kUnsupported (key type).
  static Result<Certificate> generate_self_signed(const PrivateKey& key, std::string_view common_name, Rng& rng,
                                                  int64_t not_before_unix, int64_t not_after_unix);

  // Parses one DER-encoded certificate (all of `der`, no trailing bytes).
  // Errors: CryptoErrc::kOpenSsl naming what does not decode.
  static Result<Certificate> parse(std::span<const uint8_t> der);

  bool empty() const { return der_.empty(); }
  // The DER encoding (what goes on the wire and what the fingerprint hashes).
  std::span<const uint8_t> der() const { return der_; }
  const PublicKey& public_key() const { return public_key_; }
  // The subject in RFC 2253 text form (for logs and describe()).
  const std::string& subject() const { return subject_; }

  // The hash of the DER encoding (RFC 8122 §5).
  Digest fingerprint(HashAlgorithm algorithm) const;

 private:
  // Builds the value from a decoded OpenSSL X509 (crypto/ internal; x stays owned by the caller).
  static Result<Certificate> from_native(x509_st* x, std::vector<uint8_t> der);

  std::vector<uint8_t> der_;
  PublicKey public_key_;
  std::string subject_;
};

// An SDP certificate fingerprint (RFC 8122 §5: a=fingerprint:<hash-func> <hex:pairs>).
struct Fingerprint {
  HashAlgorithm algorithm = HashAlgorithm::kSha256;
  Digest value;

  // The fingerprint of `certificate` under `algorithm`.
  static Fingerprint of(const Certificate& certificate, HashAlgorithm algorithm);
  // Parses the two SDP tokens, e.g. ("sha-256", "AB:CD:..."). Errors: CryptoErrc::kUnsupported
  // (unknown hash name), HexErrc (bad hex), CryptoErrc::kBadKeyLength (wrong number of bytes).
  static Result<Fingerprint> parse(std::string_view hash_name, std::string_view hex);

  // True when `certificate` hashes to this value (constant-time comparison).
  bool matches(const Certificate& certificate) const;
  // "sha-256 AB:CD:..." (upper-case, colon-separated, as RFC 8122 writes it).
  std::string to_string() const;

  bool operator==(const Fingerprint&) const = default;
};

}  // namespace tern::crypto

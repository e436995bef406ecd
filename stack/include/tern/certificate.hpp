#pragma once
// tern/certificate.hpp: the DTLS certificate a PeerConnection presents (W3C RTCCertificate,
// webrtc-pc §4.10). WebRTC certificates are self-signed; the peer trusts the one whose hash
// matches the a=fingerprint in our SDP (RFC 8122 §5, RFC 8827 §6.5).
//
// Generate one per application run (or per user, stored as PEM) and pass it in
// Configuration::certificates to keep the fingerprint stable across connections; without one,
// each PeerConnection generates its own ECDSA P-256 certificate.
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "tern/error.hpp"

namespace tern {

// W3C RTCCertificateExpiration keygen algorithm choices.
enum class KeyType : uint8_t {
  kEcdsaP256,  // ECDSA over P-256 with SHA-256, what browsers use by default
  kRsa2048,    // RSASSA-PKCS1-v1_5, 2048-bit modulus, SHA-256
};

// W3C RTCDtlsFingerprint.
struct CertificateFingerprint {
  std::string algorithm;  // "sha-256"
  std::string value;      // "AB:CD:..." (upper-case hex pairs, RFC 8122 §5)
  bool operator==(const CertificateFingerprint&) const = default;
};

class Certificate {
 public:
  class Impl;

  // Generates a key pair and a self-signed certificate valid for `expires_seconds` from now
  // (W3C default: 30 days). Errors: kOperation when the crypto library fails.
  static RtcResult<std::shared_ptr<Certificate>> generate(KeyType key_type = KeyType::kEcdsaP256,
                                                          uint64_t expires_seconds = 30ull * 24 * 3600);
  // Loads a certificate and its private key from PEM text. Errors: kSyntax when either does not
  // decode, kInvalidParameter when the key does not match the certificate.
  static RtcResult<std::shared_ptr<Certificate>> from_pem(std::string_view certificate_pem,
                                                          std::string_view private_key_pem);

  explicit Certificate(std::shared_ptr<Impl> impl);
  ~Certificate();

  // Expiry, in ms since the Unix epoch (W3C RTCCertificate.expires).
  double expires() const;
  // The sha-256 fingerprint (and any others tern advertises).
  std::vector<CertificateFingerprint> fingerprints() const;
  // PEM of the certificate and of its private key, to store and reload with from_pem().
  std::string certificate_pem() const;
  std::string private_key_pem() const;

  // For the implementation (tern::peer) only.
  Impl& impl() const { return *impl_; }

 private:
  std::shared_ptr<Impl> impl_;
};

}  // namespace tern

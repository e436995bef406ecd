#pragma once
// TLS 1.2 key derivation as DTLS 1.2 uses it: master secret (RFC 5246 §8.1) or extended master
// secret (RFC 7627 §4), key block (RFC 5246 §6.3), Finished verify_data (§7.4.9) and the
// keying-material exporter (RFC 5705 §4) that DTLS-SRTP keys come from (RFC 5764 §4.2).
#include <array>
#include <cstdint>
#include <optional>
#include <span>
#include <string_view>
#include <vector>

#include "common/error.hpp"
#include "crypto/hash.hpp"
#include "dtls/cipher_suite.hpp"
#include "dtls/client_hello.hpp"
#include "dtls/finished.hpp"

namespace tern::dtls {

inline constexpr size_t kMasterSecretSize = 48;
using MasterSecret = std::array<uint8_t, kMasterSecretSize>;
using Random = std::array<uint8_t, kRandomSize>;

// RFC 5246 §8.1: PRF(pre_master_secret, "master secret", ClientHello.random + ServerHello.random).
MasterSecret compute_master_secret(crypto::HashAlgorithm prf_hash, std::span<const uint8_t> pre_master_secret,
                                   const Random& client_random, const Random& server_random);
// RFC 7627 §4: PRF(pre_master_secret, "extended master secret", session_hash), where session_hash
// is the handshake hash up to and including ClientKeyExchange.
MasterSecret compute_extended_master_secret(crypto::HashAlgorithm prf_hash, std::span<const uint8_t> pre_master_secret,
                                            const crypto::Digest& session_hash);

// The AEAD parts of the key block (RFC 5246 §6.3: no MAC keys for AEAD suites).
struct KeyBlock {
  std::vector<uint8_t> client_write_key;
  std::vector<uint8_t> server_write_key;
  std::vector<uint8_t> client_write_iv;
  std::vector<uint8_t> server_write_iv;
};

// RFC 5246 §6.3: key_block = PRF(master_secret, "key expansion", server_random + client_random).
KeyBlock derive_key_block(const CipherSuiteInfo& suite, const MasterSecret& master_secret, const Random& client_random,
                          const Random& server_random);

// RFC 5246 §7.4.9: PRF(master_secret, "client finished" | "server finished", handshake_hash)[0..11].
std::array<uint8_t, kVerifyDataSize> compute_verify_data(crypto::HashAlgorithm prf_hash, const MasterSecret& master_secret,
                                                         bool client, const crypto::Digest& handshake_hash);

// tern's cap on exporter output (far above any SRTP profile's need).
inline constexpr size_t kMaxExportLength = 1024;

// RFC 5705 §4: PRF(master_secret, label, client_random + server_random [+ context_length +
// context]). Errors: kBadValue (a label reserved by RFC 5705 §4: "client finished", "server
// finished", "master secret", "key expansion"), kTooLarge (length above kMaxExportLength or a
// context of 2^16 bytes or more).
Result<std::vector<uint8_t>> export_keying_material(crypto::HashAlgorithm prf_hash, const MasterSecret& master_secret,
                                                    const Random& client_random, const Random& server_random,
                                                    std::string_view label,
                                                    std::optional<std::span<const uint8_t>> context, size_t length);

// The exporter label for DTLS-SRTP (RFC 5764 §4.2).
inline constexpr std::string_view kSrtpExporterLabel = "EXTRACTOR-dtls_srtp";

// The concatenation of handshake messages that Finished, CertificateVerify and the extended master
// secret cover. RFC 6347 §4.2.6: each message is hashed with its 12-byte DTLS header as if it had
// been sent in one fragment (fragment_offset 0, fragment_length = length).
class Transcript {
 public:
  // tern's cap: a full WebRTC handshake is a few kilobytes.
  static constexpr size_t kMaxSize = 256 * 1024;

  // Appends one message. Returns false (and appends nothing) past kMaxSize.
  [[nodiscard]] bool append(uint8_t type, uint16_t message_seq, std::span<const uint8_t> body);
  void clear() { bytes_.clear(); }
  std::span<const uint8_t> bytes() const { return bytes_; }
  crypto::Digest hash(crypto::HashAlgorithm algorithm) const { return crypto::hash(algorithm, bytes_); }

 private:
  std::vector<uint8_t> bytes_;
};

}  // namespace tern::dtls

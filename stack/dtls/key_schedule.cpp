#include "dtls/key_schedule.hpp"

#include "common/byte_reader.hpp"
#include "crypto/tls_prf.hpp"
#include "dtls/handshake_header.hpp"

namespace tern::dtls {

MasterSecret compute_master_secret(crypto::HashAlgorithm prf_hash, std::span<const uint8_t> pre_master_secret,
                                   const Random& client_random, const Random& server_random) {
  MasterSecret out{};
  crypto::tls12_prf(prf_hash, pre_master_secret, "master secret", client_random, server_random, out);
  return out;
}

MasterSecret compute_extended_master_secret(crypto::HashAlgorithm prf_hash, std::span<const uint8_t> pre_master_secret,
                                            const crypto::Digest& session_hash) {
  MasterSecret out{};
  crypto::tls12_prf(prf_hash, pre_master_secret, "extended master secret", session_hash.view(), out);
  return out;
}

KeyBlock derive_key_block(const CipherSuiteInfo& suite, const MasterSecret& master_secret, const Random& client_random,
                          const Random& server_random) {
  size_t k = suite.key_size;
  size_t iv = suite.fixed_iv_size;
  std::vector<uint8_t> block(2 * k + 2 * iv);
  // RFC 5246 §6.3: note the seed order, server_random first.
  crypto::tls12_prf(suite.prf_hash, master_secret, "key expansion", server_random, client_random, block);
  KeyBlock kb;
  auto take = [&](size_t offset, size_t n) {
    return std::vector<uint8_t>(block.begin() + static_cast<std::ptrdiff_t>(offset),
                                block.begin() + static_cast<std::ptrdiff_t>(offset + n));
  };
  // RFC 5246 §6.3 order: client MAC, server MAC (absent for AEAD), client key, server key,
  // client IV, server IV.
  kb.client_write_key = take(0, k);
  kb.server_write_key = take(k, k);
  kb.client_write_iv = take(2 * k, iv);
  kb.server_write_iv = take(2 * k + iv, iv);
  return kb;
}

std::array<uint8_t, kVerifyDataSize> compute_verify_data(crypto::HashAlgorithm prf_hash, const MasterSecret& master_secret,
                                                         bool client, const crypto::Digest& handshake_hash) {
  std::array<uint8_t, kVerifyDataSize> out{};
  crypto::tls12_prf(prf_hash, master_secret, client ? "client finished" : "server finished", handshake_hash.view(), out);
  return out;
}

Result<std::vector<uint8_t>> export_keying_material(crypto::HashAlgorithm prf_hash, const MasterSecret& master_secret,
                                                    const Random& client_random, const Random& server_random,
                                                    std::string_view label,
                                                    std::optional<std::span<const uint8_t>> context, size_t length) {
  // RFC 5705 §4: labels that collide with the TLS key schedule are forbidden.
  for (std::string_view reserved : {"client finished", "server finished", "master secret", "key expansion"})
    if (label == reserved) return Error(DtlsErrc::kBadValue, "exporter label reserved by RFC 5705");
  if (length > kMaxExportLength) return Error(DtlsErrc::kTooLarge, "exporter length above tern's cap");
  if (context && context->size() > 0xffff) return Error(DtlsErrc::kTooLarge, "exporter context of 2^16 bytes or more");
  std::vector<uint8_t> seed(client_random.begin(), client_random.end());
  seed.insert(seed.end(), server_random.begin(), server_random.end());
  if (context) {
    // RFC 5705 §4: the context is included with a 2-byte length only when one is provided.
    seed.push_back(static_cast<uint8_t>(context->size() >> 8));
    seed.push_back(static_cast<uint8_t>(context->size()));
    seed.insert(seed.end(), context->begin(), context->end());
  }
  std::vector<uint8_t> out(length);
  crypto::tls12_prf(prf_hash, master_secret, label, seed, out);
  return out;
}

bool Transcript::append(uint8_t type, uint16_t message_seq, std::span<const uint8_t> body) {
  if (bytes_.size() + kHandshakeHeaderSize + body.size() > kMaxSize) return false;
  HandshakeHeader h;
  h.type = static_cast<HandshakeType>(type);
  h.length = static_cast<uint32_t>(body.size());
  h.message_seq = message_seq;
  h.fragment_offset = 0;
  h.fragment_length = h.length;
  size_t at = bytes_.size();
  bytes_.resize(at + kHandshakeHeaderSize);
  serialize_handshake_header(h, std::span<uint8_t, kHandshakeHeaderSize>(bytes_.data() + at, kHandshakeHeaderSize));
  bytes_.insert(bytes_.end(), body.begin(), body.end());
  return true;
}

}  // namespace tern::dtls

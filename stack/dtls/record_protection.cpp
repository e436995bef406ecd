#include "dtls/record_protection.hpp"

#include <algorithm>

#include "common/byte_reader.hpp"
#include "dtls/errc.hpp"

namespace tern::dtls {

std::array<uint8_t, 13> record_additional_data(const RecordHeader& header, size_t plaintext_length) {
  std::array<uint8_t, 13> ad{};
  // RFC 6347 §4.1.2.1: seq_num is the 16-bit epoch followed by the 48-bit sequence number.
  store_be16(&ad[0], header.epoch);
  store_be16(&ad[2], static_cast<uint16_t>(header.sequence >> 32));
  store_be32(&ad[4], static_cast<uint32_t>(header.sequence));
  ad[8] = static_cast<uint8_t>(header.type);
  store_be16(&ad[9], header.version);
  store_be16(&ad[11], static_cast<uint16_t>(plaintext_length));
  return ad;
}

RecordProtection::RecordProtection(const CipherSuiteInfo& suite, std::span<const uint8_t> key,
                                   std::span<const uint8_t> iv)
    : aead_(suite.aead, key), explicit_nonce_size_(suite.explicit_nonce_size) {
  TERN_ASSERT(iv.size() == suite.fixed_iv_size, "record IV of the wrong size");
  std::copy(iv.begin(), iv.end(), iv_.begin());
}

std::array<uint8_t, crypto::kAeadNonceSize> RecordProtection::nonce(uint16_t epoch, uint64_t sequence,
                                                                   std::span<const uint8_t> explicit_nonce) const {
  std::array<uint8_t, crypto::kAeadNonceSize> n{};
  if (explicit_nonce_size_ == 8) {
    // RFC 5288 §3: GCMNonce = salt (client/server_write_IV, 4 bytes) || nonce_explicit (8 bytes).
    std::copy_n(iv_.begin(), 4, n.begin());
    std::copy_n(explicit_nonce.begin(), 8, n.begin() + 4);
  } else {
    // RFC 7905 §2: the 64-bit record sequence number (epoch || seq in DTLS), left-padded with
    // zeros to 12 bytes, XORed with the 12-byte IV.
    n = iv_;
    uint64_t seq_num = (uint64_t{epoch} << 48) | sequence;
    for (int i = 0; i < 8; ++i) n[11 - i] ^= static_cast<uint8_t>(seq_num >> (8 * i));
  }
  return n;
}

void RecordProtection::seal(const RecordHeader& header, std::span<const uint8_t> plaintext, std::span<uint8_t> out) {
  TERN_ASSERT(out.size() >= plaintext.size() + overhead(), "record output buffer too small");
  std::array<uint8_t, 8> explicit_nonce{};
  // RFC 6347 §4.1.2.1 / RFC 5288 §3: the explicit nonce is the 64-bit seq_num (epoch || seq),
  // unique per key because sequence numbers never repeat within an epoch.
  store_be16(&explicit_nonce[0], header.epoch);
  store_be16(&explicit_nonce[2], static_cast<uint16_t>(header.sequence >> 32));
  store_be32(&explicit_nonce[4], static_cast<uint32_t>(header.sequence));
  auto n = nonce(header.epoch, header.sequence, explicit_nonce);
  auto ad = record_additional_data(header, plaintext.size());
  std::copy_n(explicit_nonce.begin(), explicit_nonce_size_, out.begin());
  std::span<uint8_t> body = out.subspan(explicit_nonce_size_, plaintext.size());
  std::copy(plaintext.begin(), plaintext.end(), body.begin());
  aead_.seal(n, ad, body, std::span<uint8_t, crypto::kAeadTagSize>(out.data() + explicit_nonce_size_ + plaintext.size(),
                                                                   crypto::kAeadTagSize));
}

Result<std::span<uint8_t>> RecordProtection::open(const RecordHeader& header, std::span<uint8_t> fragment) {
  if (fragment.size() < overhead()) return Error(DtlsErrc::kTruncated, "protected record shorter than nonce + tag");
  size_t plaintext_length = fragment.size() - overhead();
  if (plaintext_length > kMaxPlaintextLength)
    return Error(DtlsErrc::kTooLarge, "record plaintext above 2^14");  // RFC 5246 §6.2.3: record_overflow
  auto n = nonce(header.epoch, header.sequence, fragment.first(explicit_nonce_size_));
  auto ad = record_additional_data(header, plaintext_length);
  std::span<uint8_t> body = fragment.subspan(explicit_nonce_size_, plaintext_length);
  std::span<const uint8_t, crypto::kAeadTagSize> tag(fragment.data() + explicit_nonce_size_ + plaintext_length,
                                                    crypto::kAeadTagSize);
  if (!aead_.open(n, ad, body, tag)) return Error(DtlsErrc::kDecryptFailed, "record authentication tag");
  return body;
}

}  // namespace tern::dtls

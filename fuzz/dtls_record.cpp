// Fuzz target: the DTLS record layer (RFC 6347 §4.1). The input is one datagram: every record is
// parsed, its header re-serialized and compared with the input bytes, its fragment run through
// AEAD record protection (AES-GCM and ChaCha20-Poly1305) and an anti-replay window, and the whole
// datagram through describe_datagram().
#include <cstddef>
#include <cstdint>
#include <span>
#include <vector>

#include "dtls/cipher_suite.hpp"
#include "dtls/describe.hpp"
#include "dtls/record.hpp"
#include "dtls/record_protection.hpp"
#include "dtls/replay_window.hpp"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace tern::dtls;
  static const std::vector<uint8_t> kKey(32, 0x11);
  static const std::vector<uint8_t> kIv(12, 0x22);
  static const CipherSuiteInfo* kGcm = find_cipher_suite(0xc02b);
  static const CipherSuiteInfo* kChaCha = find_cipher_suite(0xcca9);
  static RecordProtection gcm(*kGcm, std::span(kKey).first(kGcm->key_size), std::span(kIv).first(kGcm->fixed_iv_size));
  static RecordProtection chacha(*kChaCha, kKey, kIv);

  std::span<const uint8_t> datagram(data, size);
  ReplayWindow window;
  size_t offset = 0;
  while (offset < datagram.size()) {
    auto record = parse_record(datagram.subspan(offset));
    if (!record) break;
    // Round trip: the serialized header equals the 13 input bytes it came from.
    std::array<uint8_t, kRecordHeaderSize> header{};
    serialize_record_header(record->header, header);
    for (size_t i = 0; i < kRecordHeaderSize; ++i)
      if (header[i] != datagram[offset + i]) __builtin_trap();
    if (record->size() != kRecordHeaderSize + record->header.length) __builtin_trap();
    std::vector<uint8_t> fragment(record->fragment.begin(), record->fragment.end());
    auto plain = (record->header.epoch & 1) ? chacha.open(record->header, fragment) : gcm.open(record->header, fragment);
    if (plain && plain->size() + (record->header.epoch & 1 ? 16u : 24u) != fragment.size()) __builtin_trap();
    if (window.check(record->header.sequence)) window.mark(record->header.sequence);
    if (window.check(record->header.sequence)) __builtin_trap();  // a marked number is never new again
    offset += record->size();
  }
  (void)describe_datagram(datagram);
  return 0;
}

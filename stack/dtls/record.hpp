#pragma once
// DTLS record header (RFC 6347 §4.1). Every datagram carries one or more records back to back.
//
//    0                   1                   2                   3
//    0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
//   +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
//   |  ContentType  |   ProtocolVersion (major,minor)|    epoch ...  |
//   +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
//   |... epoch      |            sequence_number (48 bits) ...       |
//   +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
//   |            ... sequence_number             |    length ...    |
//   +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
//   | ... length    |  fragment (length bytes) ...
//   +-+-+-+-+-+-+-+-+
#include <cstddef>
#include <cstdint>
#include <span>
#include <string>

#include "common/error.hpp"

namespace tern::dtls {

enum class ContentType : uint8_t {
  kChangeCipherSpec = 20,
  kAlert = 21,
  kHandshake = 22,
  kApplicationData = 23,
};

// Wire versions are the one's complement of the TLS version: DTLS 1.0 = {254,255}, 1.2 = {254,253}.
inline constexpr uint16_t kDtls10 = 0xfeff;
inline constexpr uint16_t kDtls12 = 0xfefd;

inline constexpr size_t kRecordHeaderSize = 13;
inline constexpr uint64_t kMaxSequenceNumber = (uint64_t{1} << 48) - 1;
// RFC 5246 §6.2.1-6.2.3 (inherited by RFC 6347 §4.1): plaintext at most 2^14, ciphertext at most
// 2^14 + 2048.
inline constexpr size_t kMaxPlaintextLength = 16384;
inline constexpr size_t kMaxCiphertextLength = 16384 + 2048;

struct RecordHeader {
  ContentType type = ContentType::kHandshake;
  uint16_t version = kDtls12;
  uint16_t epoch = 0;
  uint64_t sequence = 0;  // 48 bits
  uint16_t length = 0;    // of the fragment that follows
  bool operator==(const RecordHeader&) const = default;
};

// A record parsed out of a datagram: its header and a view of its (still protected) fragment.
struct RecordView {
  RecordHeader header;
  std::span<const uint8_t> fragment;
  // Bytes this record occupies in the datagram (header + fragment).
  size_t size() const { return kRecordHeaderSize + fragment.size(); }
};

const char* content_type_name(ContentType type);

// Parses the record at the front of `data` (which may hold further records after it).
// Errors: kTruncated (header or fragment cut short), kBadContentType, kBadVersion (major not 254
// or minor not 253/255), kTooLarge (length > 2^14 + 2048).
Result<RecordView> parse_record(std::span<const uint8_t> data);

// Writes the 13-byte header.
void serialize_record_header(const RecordHeader& header, std::span<uint8_t, kRecordHeaderSize> out);

// Multi-line dump of every record in a datagram (stops at the first malformed one, naming it).
std::string describe_records(std::span<const uint8_t> datagram);
// One line: "record handshake v=fefd epoch=0 seq=3 len=120".
std::string describe(const RecordHeader& header);

}  // namespace tern::dtls

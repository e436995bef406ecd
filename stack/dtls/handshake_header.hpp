#pragma once
// DTLS handshake message header (RFC 6347 §4.2.2): the TLS header plus message_seq and the
// fragment fields that let one message span several records.
//
//    0                   1                   2                   3
//    0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
//   +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
//   |   msg_type    |                 length (24 bits)              |
//   +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
//   |          message_seq          |  fragment_offset (24 bits) ...|
//   +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
//   |...            |             fragment_length (24 bits)         |
//   +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
//   |  fragment (fragment_length bytes) ...
//   +-+-+-+-+-+-+-+-+
#include <cstdint>
#include <span>
#include <string>

#include "common/error.hpp"

namespace tern::dtls {

enum class HandshakeType : uint8_t {
  kHelloRequest = 0,
  kClientHello = 1,
  kServerHello = 2,
  kHelloVerifyRequest = 3,
  kNewSessionTicket = 4,
  kCertificate = 11,
  kServerKeyExchange = 12,
  kCertificateRequest = 13,
  kServerHelloDone = 14,
  kCertificateVerify = 15,
  kClientKeyExchange = 16,
  kFinished = 20,
};

inline constexpr size_t kHandshakeHeaderSize = 12;

struct HandshakeHeader {
  HandshakeType type = HandshakeType::kClientHello;
  uint32_t length = 0;  // of the whole message body (24 bits)
  uint16_t message_seq = 0;
  uint32_t fragment_offset = 0;  // 24 bits
  uint32_t fragment_length = 0;  // 24 bits
  bool operator==(const HandshakeHeader&) const = default;
  // True when this fragment carries the whole message.
  bool is_complete() const { return fragment_offset == 0 && fragment_length == length; }
};

// One fragment parsed from a handshake record: its header and body bytes.
struct HandshakeFragment {
  HandshakeHeader header;
  std::span<const uint8_t> body;
  size_t size() const { return kHandshakeHeaderSize + body.size(); }
};

// "client_hello", ... or "unknown".
const char* handshake_type_name(HandshakeType type);

// Parses the fragment at the front of `data` (a record may hold several).
// Errors: kTruncated (header or body cut short), kBadLength (fragment_offset + fragment_length
// beyond length).
Result<HandshakeFragment> parse_handshake_fragment(std::span<const uint8_t> data);

// Writes the 12-byte header.
void serialize_handshake_header(const HandshakeHeader& header, std::span<uint8_t, kHandshakeHeaderSize> out);

// One line: "handshake client_hello len=120 seq=0 frag=0+120".
std::string describe(const HandshakeHeader& header);

}  // namespace tern::dtls

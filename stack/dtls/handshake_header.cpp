#include "dtls/handshake_header.hpp"

#include <cstdio>

#include "common/byte_reader.hpp"
#include "dtls/errc.hpp"

namespace tern::dtls {

const char* handshake_type_name(HandshakeType type) {
  switch (type) {
    case HandshakeType::kHelloRequest: return "hello_request";
    case HandshakeType::kClientHello: return "client_hello";
    case HandshakeType::kServerHello: return "server_hello";
    case HandshakeType::kHelloVerifyRequest: return "hello_verify_request";
    case HandshakeType::kNewSessionTicket: return "new_session_ticket";
    case HandshakeType::kCertificate: return "certificate";
    case HandshakeType::kServerKeyExchange: return "server_key_exchange";
    case HandshakeType::kCertificateRequest: return "certificate_request";
    case HandshakeType::kServerHelloDone: return "server_hello_done";
    case HandshakeType::kCertificateVerify: return "certificate_verify";
    case HandshakeType::kClientKeyExchange: return "client_key_exchange";
    case HandshakeType::kFinished: return "finished";
  }
  return "unknown";
}

Result<HandshakeFragment> parse_handshake_fragment(std::span<const uint8_t> data) {
  if (data.size() < kHandshakeHeaderSize) return Error(DtlsErrc::kTruncated, "handshake header", 0);
  ByteReader r(data);
  HandshakeFragment f;
  f.header.type = static_cast<HandshakeType>(r.u8());
  f.header.length = r.u24();
  f.header.message_seq = r.u16();
  f.header.fragment_offset = r.u24();
  f.header.fragment_length = r.u24();
  // RFC 6347 §4.2.3: a fragment covers [fragment_offset, fragment_offset + fragment_length) of
  // a message of `length` bytes.
  if (uint64_t{f.header.fragment_offset} + f.header.fragment_length > f.header.length)
    return Error(DtlsErrc::kBadLength, "fragment extends past message length", 6);
  f.body = r.bytes(f.header.fragment_length);
  if (!r.ok()) return Error(DtlsErrc::kTruncated, "handshake fragment shorter than fragment_length", 9);
  return f;
}

void serialize_handshake_header(const HandshakeHeader& header, std::span<uint8_t, kHandshakeHeaderSize> out) {
  out[0] = static_cast<uint8_t>(header.type);
  store_be24(&out[1], header.length);
  store_be16(&out[4], header.message_seq);
  store_be24(&out[6], header.fragment_offset);
  store_be24(&out[9], header.fragment_length);
}

std::string describe(const HandshakeHeader& header) {
  char line[160];
  std::snprintf(line, sizeof(line), "handshake %s (%u) len=%u seq=%u frag=%u+%u", handshake_type_name(header.type),
                static_cast<unsigned>(header.type), header.length, static_cast<unsigned>(header.message_seq),
                header.fragment_offset, header.fragment_length);
  return line;
}

}  // namespace tern::dtls

#include "dtls/describe.hpp"

#include "dtls/alert.hpp"
#include "dtls/certificate_message.hpp"
#include "dtls/certificate_request.hpp"
#include "dtls/certificate_verify.hpp"
#include "dtls/client_hello.hpp"
#include "dtls/client_key_exchange.hpp"
#include "dtls/finished.hpp"
#include "dtls/hello_verify_request.hpp"
#include "dtls/record.hpp"
#include "dtls/server_hello.hpp"
#include "dtls/server_hello_done.hpp"
#include "dtls/server_key_exchange.hpp"

namespace tern::dtls {
namespace {

template <class T>
std::string show(const Result<T>& r) {
  return r ? describe(*r) : "malformed: " + r.error().to_string() + "\n";
}

std::string indent(const std::string& text, const char* prefix) {
  std::string out;
  size_t start = 0;
  while (start < text.size()) {
    size_t end = text.find('\n', start);
    if (end == std::string::npos) end = text.size();
    out += prefix + text.substr(start, end - start) + "\n";
    start = end + 1;
  }
  return out;
}

}  // namespace

std::string describe_handshake_message(HandshakeType type, std::span<const uint8_t> body) {
  switch (type) {
    case HandshakeType::kClientHello: return show(parse_client_hello(body));
    case HandshakeType::kServerHello: return show(parse_server_hello(body));
    case HandshakeType::kHelloVerifyRequest: return show(parse_hello_verify_request(body));
    case HandshakeType::kCertificate: return show(parse_certificate_message(body));
    case HandshakeType::kServerKeyExchange: return show(parse_server_key_exchange(body));
    case HandshakeType::kCertificateRequest: return show(parse_certificate_request(body));
    case HandshakeType::kClientKeyExchange: return show(parse_client_key_exchange(body));
    case HandshakeType::kCertificateVerify: return show(parse_certificate_verify(body));
    case HandshakeType::kFinished: return show(parse_finished(body));
    case HandshakeType::kServerHelloDone: {
      auto s = parse_server_hello_done(body);
      return s ? "ServerHelloDone\n" : "malformed: " + s.error().to_string() + "\n";
    }
    default: return std::string(handshake_type_name(type)) + " (" + std::to_string(body.size()) + " bytes)\n";
  }
}

std::string describe_datagram(std::span<const uint8_t> datagram) {
  std::string out;
  size_t offset = 0;
  while (offset < datagram.size()) {
    auto record = parse_record(datagram.subspan(offset));
    if (!record) {
      out += "malformed record at offset " + std::to_string(offset) + ": " + record.error().to_string() + "\n";
      break;
    }
    out += describe(record->header) + "\n";
    offset += record->size();
    if (record->header.epoch != 0) {
      out += "  (protected, " + std::to_string(record->fragment.size()) + " bytes)\n";
      continue;
    }
    switch (record->header.type) {
      case ContentType::kHandshake: {
        auto payload = record->fragment;
        while (!payload.empty()) {
          auto fragment = parse_handshake_fragment(payload);
          if (!fragment) {
            out += "  malformed handshake fragment: " + fragment.error().to_string() + "\n";
            break;
          }
          out += "  " + describe(fragment->header) + "\n";
          if (fragment->header.is_complete())
            out += indent(describe_handshake_message(fragment->header.type, fragment->body), "    ");
          payload = payload.subspan(fragment->size());
        }
        break;
      }
      case ContentType::kAlert: {
        auto alert = parse_alert(record->fragment);
        out += "  " + (alert ? describe(*alert) : "malformed alert: " + alert.error().to_string()) + "\n";
        break;
      }
      case ContentType::kChangeCipherSpec: out += "  ChangeCipherSpec\n"; break;
      case ContentType::kApplicationData: out += "  application data in epoch 0 (invalid)\n"; break;
    }
  }
  return out;
}

}  // namespace tern::dtls

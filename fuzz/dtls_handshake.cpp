// Fuzz target: DTLS handshake parsing (RFC 6347 §4.2) and the handshake state machines.
//
// data[0] % 12 selects:
//   0      a handshake record payload: fragments parsed, complete messages decoded by type
//   1..9   one message body of a fixed type, with the round-trip property
//          parse -> serialize -> parse gives an equal value
//   10     a tern server fed datagrams (each prefixed by a 2-byte length)
//   11     a tern client, after its ClientHello, fed datagrams the same way
#include <cstddef>
#include <cstdint>
#include <span>
#include <vector>

#include "common/rng.hpp"
#include "crypto/certificate.hpp"
#include "dtls/certificate_message.hpp"
#include "dtls/certificate_request.hpp"
#include "dtls/certificate_verify.hpp"
#include "dtls/client_hello.hpp"
#include "dtls/client_key_exchange.hpp"
#include "dtls/connection.hpp"
#include "dtls/describe.hpp"
#include "dtls/finished.hpp"
#include "dtls/handshake_header.hpp"
#include "dtls/hello_verify_request.hpp"
#include "dtls/server_hello.hpp"
#include "dtls/server_key_exchange.hpp"

namespace {
using namespace tern;
using namespace tern::dtls;

template <class T, class Parse>
void round_trip(std::span<const uint8_t> body, Parse parse) {
  auto first = parse(body);
  if (!first) return;
  std::vector<uint8_t> bytes = serialize(*first);
  auto second = parse(bytes);
  if (!second || !(*second == *first)) __builtin_trap();
  (void)describe(*first);
}

void parse_typed(uint8_t selector, std::span<const uint8_t> body) {
  switch (selector) {
    case 1: round_trip<ClientHello>(body, parse_client_hello); break;
    case 2: round_trip<ServerHello>(body, parse_server_hello); break;
    case 3: round_trip<HelloVerifyRequest>(body, parse_hello_verify_request); break;
    case 4: round_trip<CertificateMessage>(body, parse_certificate_message); break;
    case 5: round_trip<ServerKeyExchange>(body, parse_server_key_exchange); break;
    case 6: round_trip<CertificateRequest>(body, parse_certificate_request); break;
    case 7: round_trip<ClientKeyExchange>(body, parse_client_key_exchange); break;
    case 8: round_trip<CertificateVerify>(body, parse_certificate_verify); break;
    case 9: round_trip<Finished>(body, parse_finished); break;
    default: break;
  }
}

struct Identity {
  SeededRng rng{7};
  crypto::PrivateKey key = crypto::PrivateKey::generate_ecdsa_p256(rng);
  crypto::Certificate cert = crypto::Certificate::generate_self_signed(key, "fuzz", rng, 0, 2000000000).value();
};

void run_machine(Role role, std::span<const uint8_t> input) {
  static Identity identity;
  SeededRng rng(1234);
  Config config;
  config.role = role;
  config.certificate = identity.cert;
  config.private_key = identity.key;
  config.require_cookie = false;  // let fuzzed ClientHellos reach the negotiation code
  auto created = Connection::create(config, rng);
  if (!created) __builtin_trap();
  Connection conn = std::move(created).value();
  Timestamp now = Timestamp::from_millis(0);
  conn.start(now);
  size_t offset = 0;
  for (int i = 0; i < 64 && offset + 2 <= input.size(); ++i) {
    size_t len = (size_t{input[offset]} << 8) | input[offset + 1];
    offset += 2;
    len = std::min(len, input.size() - offset);
    conn.handle_input(now, input.subspan(offset, len));
    offset += len;
    now += Duration::millis(10);
    if (auto t = conn.poll_timeout(); t && *t <= now) conn.handle_timeout(now);
    while (conn.poll_transmit()) {
    }
    while (conn.poll_event()) {
    }
  }
  (void)conn.stats();
}
}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size == 0) return 0;
  uint8_t selector = data[0] % 12;
  std::span<const uint8_t> rest(data + 1, size - 1);
  if (selector == 0) {
    while (!rest.empty()) {
      auto fragment = parse_handshake_fragment(rest);
      if (!fragment) break;
      if (fragment->header.is_complete()) (void)describe_handshake_message(fragment->header.type, fragment->body);
      rest = rest.subspan(fragment->size());
    }
  } else if (selector <= 9) {
    parse_typed(selector, rest);
  } else {
    run_machine(selector == 10 ? Role::kServer : Role::kClient, rest);
  }
  return 0;
}

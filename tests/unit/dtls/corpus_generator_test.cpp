// Writes the fuzz seed corpora (fuzz/corpus/dtls_record, fuzz/corpus/dtls_handshake) from real
// in-memory handshakes. Hidden: run explicitly with `tern_unit_dtls "[.corpus]"`.
#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>

#include "dtls/handshake_header.hpp"
#include "dtls/record.hpp"
#include "dtls_test_util.hpp"

using namespace tern;
using namespace tern::dtls;
using namespace tern::dtls::test;

namespace {
void write_file(const std::filesystem::path& path, std::span<const uint8_t> bytes) {
  std::ofstream out(path, std::ios::binary);
  out.write(reinterpret_cast<const char*>(bytes.data()), static_cast<std::streamsize>(bytes.size()));
}

// Selector byte of fuzz/dtls_handshake.cpp for a message type.
int selector_for(HandshakeType type) {
  switch (type) {
    case HandshakeType::kClientHello: return 1;
    case HandshakeType::kServerHello: return 2;
    case HandshakeType::kHelloVerifyRequest: return 3;
    case HandshakeType::kCertificate: return 4;
    case HandshakeType::kServerKeyExchange: return 5;
    case HandshakeType::kCertificateRequest: return 6;
    case HandshakeType::kClientKeyExchange: return 7;
    case HandshakeType::kCertificateVerify: return 8;
    case HandshakeType::kFinished: return 9;
    default: return -1;
  }
}
}  // namespace

TEST_CASE("write the DTLS fuzz seed corpora", "[.corpus]") {
  std::filesystem::path root = std::filesystem::path(TERN_TEST_DATA_DIR) / ".." / ".." / "fuzz" / "corpus";
  auto record_dir = root / "dtls_record";
  auto handshake_dir = root / "dtls_handshake";
  std::filesystem::create_directories(record_dir);
  std::filesystem::create_directories(handshake_dir);
  int n = 0;
  for (bool cookie : {true, false}) {
    SeededRng crng(1), srng(2);
    Identity cid = make_identity(crng), sid = make_identity(srng);
    Config cc = make_config(Role::kClient, cid), sc = make_config(Role::kServer, sid);
    sc.require_cookie = cookie;
    cc.mtu = cookie ? 1200 : 300;
    sc.mtu = cc.mtu;
    Pair p(cc, sc, crng, srng);
    p.run();
    REQUIRE(p.connected());
    REQUIRE(p.client.send(std::vector<uint8_t>{'d', 'a', 't', 'a'}).ok());
    p.client.close();
    p.run();
    std::vector<uint8_t> server_machine_input{10}, client_machine_input{11};
    auto add_framed = [](std::vector<uint8_t>& out, const std::vector<uint8_t>& d) {
      out.push_back(static_cast<uint8_t>(d.size() >> 8));
      out.push_back(static_cast<uint8_t>(d.size()));
      out.insert(out.end(), d.begin(), d.end());
    };
    for (const auto* log : {&p.client_sent, &p.server_sent}) {
      for (const auto& d : *log) {
        write_file(record_dir / ("handshake_" + std::to_string(n++)), d);
        add_framed(log == &p.client_sent ? server_machine_input : client_machine_input, d);
        // Unprotected handshake records: each payload, and each complete message body.
        size_t offset = 0;
        while (offset < d.size()) {
          auto record = parse_record(std::span(d).subspan(offset));
          if (!record) break;
          offset += record->size();
          if (record->header.epoch != 0 || record->header.type != ContentType::kHandshake) continue;
          std::vector<uint8_t> payload{0};
          payload.insert(payload.end(), record->fragment.begin(), record->fragment.end());
          write_file(handshake_dir / ("fragments_" + std::to_string(n++)), payload);
          auto rest = record->fragment;
          while (!rest.empty()) {
            auto f = parse_handshake_fragment(rest);
            if (!f) break;
            int sel = selector_for(f->header.type);
            if (sel > 0 && f->header.is_complete()) {
              std::vector<uint8_t> body{static_cast<uint8_t>(sel)};
              body.insert(body.end(), f->body.begin(), f->body.end());
              write_file(handshake_dir / ("message_" + std::to_string(n++)), body);
            }
            rest = rest.subspan(f->size());
          }
        }
      }
    }
    write_file(handshake_dir / ("server_machine_" + std::to_string(n++)), server_machine_input);
    write_file(handshake_dir / ("client_machine_" + std::to_string(n++)), client_machine_input);
  }
  CHECK(n > 20);
}

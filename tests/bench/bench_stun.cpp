// STUN hot paths on a typical ICE connectivity check (RFC 8445 §7.1.2: USERNAME, PRIORITY,
// ICE-CONTROLLING, USE-CANDIDATE, MESSAGE-INTEGRITY, FINGERPRINT), against memcpy of the same bytes.
#include <array>
#include <cstdio>
#include <cstring>
#include <vector>

#include "bench_util.hpp"
#include "crypto/hmac.hpp"
#include "stun/attributes.hpp"
#include "stun/builder.hpp"
#include "stun/fingerprint.hpp"
#include "stun/integrity.hpp"

using namespace tern;
using namespace tern::stun;

namespace {

constexpr std::string_view kUsername = "Xa1SkLmN:3rwpQ9zT";  // remote ufrag ":" local ufrag
constexpr std::string_view kPassword = "Wd3vZr2pX9mQ4tLk8sN1bY6c";  // 24-character ICE password
const TransactionId kTxid = {0x5a, 0x1b, 0x2c, 0x3d, 0x4e, 0x5f, 0x60, 0x71, 0x82, 0x93, 0xa4, 0xb5};

size_t build(crypto::Hmac& hmac, std::span<uint8_t> out) {
  MessageBuilder b(out, {Method::kBinding, MessageClass::kRequest}, kTxid);
  b.add(Username{kUsername});
  b.add(Priority{0x6e7f1eff});
  b.add(IceControlling{0x0123456789abcdefULL});
  b.add(UseCandidate{});
  b.add_message_integrity(hmac);
  b.add_fingerprint();
  auto r = b.finish();
  return r ? r->size() : 0;
}

}  // namespace

int main() {
  crypto::Hmac hmac(crypto::HashAlgorithm::kSha1, short_term_key(kPassword));
  std::array<uint8_t, 256> wire{};
  const size_t size = build(hmac, wire);
  const std::span<const uint8_t> message(wire.data(), size);
  {
    Message m;
    if (size == 0 || !parse(message, m) || !verify_message_integrity(m, hmac) || !verify_fingerprint(m)) {
      std::fprintf(stderr, "bench_stun: the sample message does not verify\n");
      return 1;
    }
  }
  std::printf("ICE binding request: %zu bytes\n", size);

  std::array<uint8_t, 256> copy{};
  const auto baseline = bench::measure(
      [&] {
        std::memcpy(copy.data(), message.data(), size);
        bench::do_not_optimize(copy);
      },
      static_cast<double>(size));

  Message m;
  const auto parse_only = bench::measure([&] {
    bool ok = parse(message, m).ok();
    bench::do_not_optimize(ok);
  });
  const auto parse_verify = bench::measure([&] {
    bool ok = parse(message, m).ok() && verify_message_integrity(m, hmac).ok() && verify_fingerprint(m).ok();
    bench::do_not_optimize(ok);
  });
  std::array<uint8_t, 256> out{};
  const auto building = bench::measure([&] {
    size_t n = build(hmac, out);
    bench::do_not_optimize(n);
    bench::do_not_optimize(out);
  });

  bench::report("stun parse (view, no verification)", parse_only, "memcpy", baseline);
  bench::report("stun parse + MESSAGE-INTEGRITY + FINGERPRINT", parse_verify, "memcpy", baseline);
  bench::report("stun build + MESSAGE-INTEGRITY + FINGERPRINT", building, "memcpy", baseline);
  return 0;
}

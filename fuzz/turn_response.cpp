// Fuzz target: the TURN client (RFC 8656) fed arbitrary server bytes in every state.
//
// Input layout: byte 0 picks the setup (bits 0-1: the state to reach first — allocating without
// credentials, allocating with credentials, allocated with a permission and a bound channel,
// deallocating; bit 2: a TCP stream instead of UDP). The rest is a sequence of records:
//   [op][len16][len bytes]
// op bits 0-1: 0 = deliver the bytes as they are, 1 = deliver them as a response to the client's
// latest request (its transaction ID patched in), 2 = the same re-signed with the right key and a
// FINGERPRINT (so success and error handling run past the integrity check), 3 = advance the clock
// by len * 100 ms and run the timers. For streams the bytes are fed in chunks of (op >> 2) + 1.
//
// Properties (__builtin_trap on violation): the client never crashes; a finished client (failed or
// closed) has no deadline; a deadline never stays in the past after handle_timeout (no stall).
#include <cstddef>
#include <cstdint>
#include <memory>
#include <optional>
#include <span>
#include <vector>

#include "common/rng.hpp"
#include "stun/attributes.hpp"
#include "stun/builder.hpp"
#include "stun/integrity.hpp"
#include "turn/client.hpp"
#include "turn/describe.hpp"

using namespace tern;
using namespace tern::turn;

namespace {

const SocketAddress kServer(IpAddress::v4(192, 0, 2, 1), 3478);
const SocketAddress kLocal(IpAddress::v4(10, 0, 0, 1), 5000);
const SocketAddress kRelayed(IpAddress::v4(192, 0, 2, 1), 49152);
const SocketAddress kPeer(IpAddress::v4(203, 0, 113, 5), 6000);

void require(bool condition) {
  if (!condition) __builtin_trap();
}

struct Harness {
  explicit Harness(bool stream) : rng(1), client(config(stream), rng) {
    auto k = stun::long_term_key("fuzz", "realm", "pw");
    key.assign(k->view().begin(), k->view().end());
  }

  static ClientConfig config(bool stream) {
    ClientConfig c;
    c.server = kServer;
    c.local = kLocal;
    c.transport = stream ? ServerTransport::kTcp : ServerTransport::kUdp;
    c.username = "fuzz";
    c.password = "pw";
    return c;
  }

  // Drains transmits (remembering the last request's transaction ID) and events.
  void drain() {
    while (auto t = client.poll_transmit()) {
      stun::Message m;
      if (stun::parse(t->payload, m) && m.message_class() == stun::MessageClass::kRequest) {
        last_request = m.transaction_id();
        last_method = m.method();
      }
    }
    while (client.poll_event()) {
    }
    if (client.state() == Client::State::kFailed || client.state() == Client::State::kClosed) {
      require(!client.poll_timeout());
    }
  }

  void feed(std::span<const uint8_t> bytes, size_t chunk) {
    if (client.config().transport == ServerTransport::kUdp) {
      Datagram d;
      d.source = kServer;
      d.destination = kLocal;
      d.payload = bytes;
      client.handle_input(now, d);
    } else {
      for (size_t at = 0; at < bytes.size(); at += chunk) {
        (void)client.handle_stream_data(now, bytes.subspan(at, std::min(chunk, bytes.size() - at)));
      }
    }
    drain();
  }

  // A scripted response to the latest request.
  void answer(uint16_t code, bool challenge, bool success_attrs) {
    std::vector<uint8_t> out;
    const auto c = code ? stun::MessageClass::kErrorResponse : stun::MessageClass::kSuccessResponse;
    stun::MessageBuilder b(out, {last_method, c}, last_request);
    if (code) b.add(stun::ErrorCode{code, "x"});
    if (challenge) {
      b.add(stun::Realm{"realm"});
      b.add(stun::Nonce{"nonce"});
    }
    if (success_attrs) {
      b.add(stun::XorRelayedAddress{kRelayed});
      b.add(stun::Lifetime{600});
      b.add(stun::XorMappedAddress{kLocal});
    }
    if (!challenge) b.add_message_integrity(key);
    b.add_fingerprint();
    if (!b.finish()) __builtin_trap();
    feed(out, out.size());
  }

  // Runs the timers up to `until`, checking that deadlines advance.
  void advance(Timestamp until) {
    for (int i = 0; i < 10000; ++i) {
      auto next = client.poll_timeout();
      if (!next || *next > until) break;
      const Timestamp at = std::max(*next, now);
      now = at;
      client.handle_timeout(now);
      drain();
      auto after = client.poll_timeout();
      if (after && *after <= now) {
        // Allowed once (a new transaction due at once is drained above); never twice in a row.
        client.handle_timeout(now);
        drain();
        after = client.poll_timeout();
        require(!after || *after > now);
      }
    }
    now = std::max(now, until);
  }

  SeededRng rng;
  Client client;
  std::vector<uint8_t> key;
  Timestamp now = Timestamp::from_millis(1000);
  stun::TransactionId last_request{};
  stun::Method last_method = stun::Method::kAllocate;
};

// Re-signs `bytes` (when they parse) as a response to the latest request: the significant
// attributes other than the integrity/fingerprint ones are copied, then MESSAGE-INTEGRITY and
// FINGERPRINT are added.
std::vector<uint8_t> resign(Harness& h, std::span<const uint8_t> bytes) {
  std::vector<uint8_t> patched(bytes.begin(), bytes.end());
  if (patched.size() >= 20) std::copy(h.last_request.begin(), h.last_request.end(), patched.begin() + 8);
  stun::Message m;
  if (!stun::parse(patched, m)) return patched;
  std::vector<uint8_t> out;
  stun::MessageBuilder b(out, {h.last_method, m.message_class()}, h.last_request);
  for (const stun::RawAttribute& a : m.attributes()) {
    if (a.ignored || a.type == stun::AttributeType::kMessageIntegrity ||
        a.type == stun::AttributeType::kMessageIntegritySha256 || a.type == stun::AttributeType::kFingerprint) {
      continue;
    }
    b.add_raw(a.type, a.value);
  }
  b.add_message_integrity(h.key);
  b.add_fingerprint();
  if (!b.finish()) return patched;
  return out;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size < 1) return 0;
  const uint8_t setup = data[0];
  Harness h((setup & 4) != 0);
  if (!h.client.allocate(h.now).ok()) __builtin_trap();
  h.drain();
  const int stage = setup & 3;
  if (stage >= 1) h.answer(401, true, false);
  if (stage >= 2) {
    h.answer(0, false, true);
    require(h.client.state() == Client::State::kAllocated);
    require(h.client.create_permission(h.now, kPeer.ip()).ok());
    h.drain();
    h.answer(0, false, false);
    require(h.client.bind_channel(h.now, kPeer).ok());
    h.drain();
    h.answer(0, false, false);
    require(h.client.channel_of(kPeer).has_value());
  }
  if (stage == 3) {
    require(h.client.deallocate(h.now).ok());
    h.drain();
  }

  std::span<const uint8_t> rest(data + 1, size - 1);
  while (rest.size() >= 3) {
    const uint8_t op = rest[0];
    const size_t len = std::min<size_t>(static_cast<size_t>(rest[1]) << 8 | rest[2], rest.size() - 3);
    const std::span<const uint8_t> body = rest.subspan(3, len);
    rest = rest.subspan(3 + len);
    const size_t chunk = (op >> 2) + 1u;
    switch (op & 3) {
      case 0:
        h.feed(body, chunk);
        break;
      case 1: {
        std::vector<uint8_t> patched(body.begin(), body.end());
        if (patched.size() >= 20) std::copy(h.last_request.begin(), h.last_request.end(), patched.begin() + 8);
        h.feed(patched, chunk);
        break;
      }
      case 2: {
        const std::vector<uint8_t> signed_bytes = resign(h, body);
        h.feed(signed_bytes, chunk);
        break;
      }
      case 3:
        h.advance(h.now + Duration::millis(100) * static_cast<int64_t>(len + 1));
        break;
    }
    // The API keeps working (or refusing cleanly) whatever happened.
    const std::vector<uint8_t> payload = {1, 2, 3};
    (void)h.client.send_to(kPeer, payload);
    h.drain();
  }
  (void)describe(h.client, h.now);
  return 0;
}

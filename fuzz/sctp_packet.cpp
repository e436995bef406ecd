// Fuzz target for the SCTP packet codec (RFC 9260) and the association state machine.
//
// Input byte 0 selects the mode:
//   even: the rest is a whole SCTP packet. It is parsed (checksum not required), every chunk is
//         decoded, and decoded chunks must round-trip: serialize(parse(x)) re-parses to a chunk
//         that serializes to the same bytes. describe_packet() must not crash.
//   odd:  the rest is a chunk area, sent with a valid header (tag, ports, checksum) into an
//         established association, which must survive anything and keep its invariants.
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <span>
#include <vector>

#include "common/rng.hpp"
#include "sctp/association.hpp"
#include "sctp/chunks/any_chunk.hpp"
#include "sctp/describe.hpp"
#include "sctp/packet.hpp"

namespace {

using namespace tern;
using namespace tern::sctp;

// Fuzzing only: a keyed checksum standing in for HMAC (sctp/ never links crypto/).
class FuzzSigner final : public CookieSigner {
 public:
  size_t mac_size() const override { return 16; }
  void sign(std::span<const uint8_t> data, std::span<uint8_t> mac) override {
    uint64_t h1 = 0x9e3779b97f4a7c15ull, h2 = 0xc2b2ae3d27d4eb4full;
    for (uint8_t b : data) {
      h1 = (h1 ^ b) * 0x100000001b3ull;
      h2 = (h2 + b) * 0xff51afd7ed558ccdull;
    }
    std::memcpy(mac.data(), &h1, 8);
    std::memcpy(mac.data() + 8, &h2, 8);
  }
};

void check_round_trip(const RawChunk& raw) {
  auto chunk = parse_any_chunk(raw);
  if (!chunk) return;
  std::vector<uint8_t> first(serialized_size(*chunk));
  ByteWriter w1(first);
  serialize(*chunk, w1);
  if (!w1.ok() || w1.position() != first.size()) __builtin_trap();
  auto again = parse_chunks(first);
  if (!again || again->size() != 1) __builtin_trap();
  auto reparsed = parse_any_chunk((*again)[0]);
  if (!reparsed) __builtin_trap();
  std::vector<uint8_t> second(serialized_size(*reparsed));
  ByteWriter w2(second);
  serialize(*reparsed, w2);
  if (first != second) __builtin_trap();
}

void fuzz_codec(std::span<const uint8_t> packet) {
  auto view = parse_packet(packet, /*verify_checksum=*/false);
  if (view) {
    for (const RawChunk& raw : view->chunks) check_round_trip(raw);
  }
  (void)describe_packet(packet);
}

void pump(Association& a, Association& b, Timestamp now) {
  for (int round = 0; round < 50; ++round) {
    bool moved = false;
    while (auto p = a.poll_transmit()) {
      b.handle_input(now, *p);
      moved = true;
    }
    while (auto p = b.poll_transmit()) {
      a.handle_input(now, *p);
      moved = true;
    }
    if (!moved) return;
  }
}

void fuzz_association(std::span<const uint8_t> chunks) {
  SeededRng rng_a(1), rng_b(2);
  FuzzSigner signer_a, signer_b;
  Config config;
  config.cookie_signer = &signer_a;
  auto a = Association::create(config, rng_a);
  config.cookie_signer = &signer_b;
  auto b = Association::create(config, rng_b);
  if (!a || !b) __builtin_trap();
  Timestamp now = Timestamp::from_millis(1000);
  if (!a->connect(now)) __builtin_trap();
  pump(*a, *b, now);
  if (a->state() != AssociationState::kEstablished) __builtin_trap();
  const std::vector<uint8_t> hello(3000, 0x42);
  if (!a->send(now, StreamId(1), 51, hello)) __builtin_trap();
  pump(*a, *b, now);

  PacketBuilder builder({5000, 5000, b->local_verification_tag(), 0}, kMaxPacketSize);
  if (!chunks.empty()) builder.add_serialized(chunks);
  b->handle_input(now, builder.finish());
  // Let timers run for a while: whatever the packet did, the association must stay consistent.
  for (int i = 0; i < 20; ++i) {
    while (auto p = b->poll_transmit()) {
      if (p->size() > kMaxPacketSize) __builtin_trap();
      a->handle_input(now, *p);
    }
    while (auto p = a->poll_transmit()) b->handle_input(now, *p);
    while (b->poll_event()) {
    }
    while (a->poll_event()) {
    }
    auto t = b->poll_timeout();
    auto ta = a->poll_timeout();
    if (ta && (!t || *ta < *t)) t = ta;
    if (!t) break;
    now = std::max(now, *t);
    b->handle_timeout(now);
    a->handle_timeout(now);
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size == 0) return 0;
  std::span<const uint8_t> input(data + 1, size - 1);
  if ((data[0] & 1) == 0) {
    fuzz_codec(input);
  } else {
    fuzz_association(input);
  }
  return 0;
}

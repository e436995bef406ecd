// SCTP throughput: one-way reliable ordered 64 KiB messages between two in-memory associations
// (packets handed over directly, no loss, virtual time), compared with memcpy of the same bytes.
// Also the packet codec alone: building and parsing a full DATA packet (CRC-32c included).
#include <cstdio>
#include <cstring>
#include <vector>

#include "bench_util.hpp"
#include "common/crc32.hpp"
#include "common/rng.hpp"
#include "sctp/association.hpp"
#include "sctp/chunks/data_chunk.hpp"
#include "sctp/packet.hpp"

namespace {

using namespace tern;
using namespace tern::sctp;

// Benchmarks only: a fast keyed checksum in place of HMAC (sctp/ never links crypto/).
class BenchSigner final : public CookieSigner {
 public:
  size_t mac_size() const override { return 16; }
  void sign(std::span<const uint8_t> data, std::span<uint8_t> mac) override {
    uint64_t h = 0xcbf29ce484222325ull;
    for (uint8_t b : data) h = (h ^ b) * 0x100000001b3ull;
    std::memcpy(mac.data(), &h, 8);
    std::memcpy(mac.data() + 8, &h, 8);
  }
};

class InMemoryPair {
 public:
  InMemoryPair() {
    Config config;
    config.receive_window = 4 * 1024 * 1024;
    config.max_message_size = 1024 * 1024;
    config.max_outgoing_message_size = 1024 * 1024;
    config.cookie_signer = &signer_a_;
    a_.emplace(Association::create(config, rng_a_).value());
    config.cookie_signer = &signer_b_;
    b_.emplace(Association::create(config, rng_b_).value());
    (void)a_->connect(now_);
    while (a_->state() != AssociationState::kEstablished) step();
  }

  Association& a() { return *a_; }
  Timestamp now() const { return now_; }
  uint64_t delivered() const { return delivered_; }
  uint64_t delivered_bytes() const { return delivered_bytes_; }

  // Moves every pending packet once in each direction; when nothing moves, advances the virtual
  // clock to the next deadline (the delayed SACK) so the transfer never stalls.
  void step() {
    bool moved = false;
    while (auto p = a_->poll_transmit()) {
      b_->handle_input(now_, *p);
      moved = true;
    }
    while (auto p = b_->poll_transmit()) {
      a_->handle_input(now_, *p);
      moved = true;
    }
    while (auto e = b_->poll_event()) {
      if (const auto* m = std::get_if<MessageReceived>(&*e)) {
        ++delivered_;
        delivered_bytes_ += m->payload.size();
      }
    }
    while (a_->poll_event()) {
    }
    if (moved) return;
    std::optional<Timestamp> t = a_->poll_timeout();
    if (auto tb = b_->poll_timeout(); tb && (!t || *tb < *t)) t = tb;
    if (!t) return;
    now_ = std::max(now_, *t);
    a_->handle_timeout(now_);
    b_->handle_timeout(now_);
  }

 private:
  SeededRng rng_a_{1};
  SeededRng rng_b_{2};
  BenchSigner signer_a_;
  BenchSigner signer_b_;
  std::optional<Association> a_;
  std::optional<Association> b_;
  Timestamp now_ = Timestamp::from_millis(1);
  uint64_t delivered_ = 0;
  uint64_t delivered_bytes_ = 0;
};

}  // namespace

int main() {
  std::printf("crc32c: %s\n", crc32c_implementation());
  constexpr size_t kMessage = 64 * 1024;
  constexpr uint64_t kPipeline = 8;  // messages kept queued ahead of the receiver
  const std::vector<uint8_t> payload(kMessage, 0xa5);

  InMemoryPair pair;
  uint64_t sent = 0;
  const bench::Rate sctp = bench::measure(
      [&] {
        if (!pair.a().send(pair.now(), StreamId(1), 53, std::span<const uint8_t>(payload)).ok()) std::abort();
        ++sent;
        while (pair.delivered() + kPipeline < sent) pair.step();
      },
      kMessage);

  std::vector<uint8_t> destination(kMessage);
  const bench::Rate copy = bench::measure(
      [&] {
        std::memcpy(destination.data(), payload.data(), kMessage);
        bench::do_not_optimize(destination.data()[kMessage / 2]);
      },
      kMessage);

  bench::report("sctp ordered reliable 64 KiB messages", sctp, "memcpy 64 KiB", copy, /*bytes=*/true);
  std::printf("  %.1f MB/s; %llu messages delivered, %llu DATA chunks, %llu retransmitted, cwnd %zu\n",
              sctp.bytes_per_second / 1e6, static_cast<unsigned long long>(pair.delivered()),
              static_cast<unsigned long long>(pair.a().stats().data_chunks_sent),
              static_cast<unsigned long long>(pair.a().stats().data_chunks_retransmitted), pair.a().cwnd());

  // Codec alone: one full-size DATA packet built (with its checksum) and parsed (verifying it).
  const std::vector<uint8_t> chunk_payload(1172, 0x3c);
  DataChunk d;
  d.tsn = Tsn(1);
  d.stream = StreamId(1);
  d.ppid = 53;
  d.beginning = d.ending = true;
  d.payload = chunk_payload;
  const bench::Rate build = bench::measure(
      [&] {
        PacketBuilder b({5000, 5000, 0x01020304, 0}, 1200);
        b.add(d);
        auto packet = b.finish();
        bench::do_not_optimize(packet[20]);
      },
      1200);
  PacketBuilder b({5000, 5000, 0x01020304, 0}, 1200);
  b.add(d);
  const std::vector<uint8_t> packet = b.finish();
  const bench::Rate parse = bench::measure(
      [&] {
        auto view = parse_packet(packet);
        auto data = DataChunk::parse(view->chunks[0]);
        bench::do_not_optimize(data->payload.size());
      },
      1200);
  const std::vector<uint8_t> source(1200, 0x3c);
  std::vector<uint8_t> target(1200);
  const bench::Rate copy_packet = bench::measure(
      [&] {
        std::memcpy(target.data(), source.data(), source.size());
        bench::do_not_optimize(target[600]);
      },
      1200);
  bench::report("sctp build DATA packet (1200 B, CRC-32c)", build, "memcpy 1200 B", copy_packet, true);
  bench::report("sctp parse+verify DATA packet (1200 B)", parse, "memcpy 1200 B", copy_packet, true);
  return 0;
}

// RTP parse and build rates for a 1200-byte packet with a one-byte extension block of 3 elements
// (audio level, abs-send-time, transport-wide sequence number), each against memcpy of the same
// bytes measured in the same run.
#include <cstdint>
#include <cstring>
#include <vector>

#include "bench_util.hpp"
#include "rtp/common_extensions.hpp"
#include "rtp/packet.hpp"
#include "rtp/packet_builder.hpp"

using namespace tern;
using namespace tern::rtp;

int main() {
  std::vector<uint8_t> payload(1200 - 12 - 4 - 12);
  for (size_t i = 0; i < payload.size(); ++i) payload[i] = static_cast<uint8_t>(i * 31 + 7);
  const uint8_t level[] = {0x9e};
  const auto send_time = serialize_abs_send_time(0x123456);
  const auto twcc = serialize_transport_sequence_number(4242);
  const ExtensionElement elements[] = {{1, level}, {2, send_time}, {3, twcc}};

  RtpPacketBuilder builder;
  builder.set_marker(true)
      .set_payload_type(PayloadType(96))
      .set_sequence_number(SeqNo(1000))
      .set_timestamp(90000)
      .set_ssrc(Ssrc(0x12345678))
      .set_extensions(elements)
      .set_payload(payload);
  std::vector<uint8_t> packet(1500);
  auto n = builder.serialize(packet);
  if (!n || *n != 1200) {
    std::printf("unexpected packet size\n");
    return 1;
  }
  packet.resize(*n);
  std::vector<uint8_t> copy(packet.size());

  const double bytes = static_cast<double>(packet.size());
  const auto memcpy_rate = bench::measure(
      [&] {
        std::memcpy(copy.data(), packet.data(), packet.size());
        bench::do_not_optimize(copy.data());
      },
      bytes);

  // Parse: validate the header and find the three elements (what a receiver does per packet).
  const auto parse_rate = bench::measure(
      [&] {
        bench::do_not_optimize(packet.data());
        auto p = RtpPacket::parse(packet);
        uint32_t sum = p->sequence_number().value + p->ssrc().value;
        ExtensionReader r = p->extensions();
        ExtensionElement e;
        while (r.next(e)) sum += e.data[0];
        bench::do_not_optimize(sum);
      },
      bytes);
  bench::report("rtp parse 1200 B + 3 ext elements", parse_rate, "memcpy 1200 B", memcpy_rate);

  const auto parse_only_rate = bench::measure(
      [&] {
        bench::do_not_optimize(packet.data());
        auto p = RtpPacket::parse(packet);
        bench::do_not_optimize(p->payload().size());
      },
      bytes);
  bench::report("rtp parse 1200 B (header only)", parse_only_rate, "memcpy 1200 B", memcpy_rate);

  uint16_t seq = 0;
  const auto build_rate = bench::measure(
      [&] {
        builder.set_sequence_number(SeqNo(seq++));
        auto written = builder.serialize(copy);
        bench::do_not_optimize(*written);
        bench::do_not_optimize(copy.data());
      },
      bytes);
  bench::report("rtp build 1200 B + 3 ext elements", build_rate, "memcpy 1200 B", memcpy_rate);

  auto mutable_packet = MutableRtpPacket::parse(copy);
  const auto rewrite_rate = bench::measure(
      [&] {
        mutable_packet->set_sequence_number(SeqNo(seq++));
        mutable_packet->set_timestamp(seq * 3000u);
        bench::do_not_optimize(copy.data());
      },
      bytes);
  bench::report("rtp in-place seq + timestamp rewrite", rewrite_rate, "memcpy 1200 B", memcpy_rate);
  return 0;
}

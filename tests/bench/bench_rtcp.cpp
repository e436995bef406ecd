// RTCP parse rates against memcpy of the same bytes (the floor for touching them at all):
//  - a typical compound: SR with one report block + SDES CNAME;
//  - a transport-cc feedback for about 100 packets;
//  - the allocation-free header walk (CompoundReader) over the typical compound.
#include <cstring>
#include <vector>

#include "bench_util.hpp"
#include "rtcp/compound.hpp"

using namespace tern;
using namespace tern::rtcp;

namespace {

std::vector<uint8_t> typical_compound() {
  SenderReport sr{Ssrc(0x12345678), 0xe12b3c4d5e6f7081, 123456, 100, 20000, {}, {}};
  sr.report_blocks.push_back(ReportBlock{Ssrc(0x9abcdef0), 12, 345, 0x00012345, 30, 0x3c4d5e6f, 0x00018000});
  std::vector<uint8_t> buf(256);
  CompoundBuilder b(buf);
  if (!b.add(sr).ok() || !b.add(Sdes::cname(Ssrc(0x12345678), "Qk2r8Zx1mN0pLs4T")).ok()) std::abort();
  buf.resize(b.size());
  return buf;
}

std::vector<uint8_t> twcc_feedback() {
  std::vector<TwccArrival> arrivals;
  int64_t t = 5'000'000;
  for (uint16_t i = 0; i < 100; ++i) {
    if (i % 17 == 3) {
      arrivals.push_back({SeqNo(static_cast<uint16_t>(4000 + i)), std::nullopt});
      continue;
    }
    t += (i % 23 == 0) ? 80'000 : 1'250;
    arrivals.push_back({SeqNo(static_cast<uint16_t>(4000 + i)), Timestamp::from_micros(t)});
  }
  Result<TransportCc> fb = TransportCc::build(Ssrc(1), Ssrc(2), 9, arrivals);
  if (!fb) std::abort();
  std::vector<uint8_t> buf(serialized_size(*fb));
  if (!serialize(*fb, std::span<uint8_t>(buf)).ok()) std::abort();
  return buf;
}

}  // namespace

int main() {
  std::printf("rtcp parse (bench budget %.2f s per measurement)\n", bench::budget_seconds());
  struct Input {
    const char* name;
    std::vector<uint8_t> bytes;
  };
  const Input inputs[] = {{"SR(1 RB)+SDES CNAME", typical_compound()}, {"TWCC ~100 packets", twcc_feedback()}};
  for (const Input& in : inputs) {
    std::vector<uint8_t> copy(in.bytes.size());
    const bench::Rate memcpy_rate = bench::measure(
        [&] {
          std::memcpy(copy.data(), in.bytes.data(), in.bytes.size());
          bench::do_not_optimize(copy.data());
        },
        static_cast<double>(in.bytes.size()));
    const bench::Rate parse_rate = bench::measure(
        [&] {
          Result<std::vector<Packet>> r = parse_compound(in.bytes);
          bench::do_not_optimize(r.ok());
        },
        static_cast<double>(in.bytes.size()));
    char what[96];
    std::snprintf(what, sizeof what, "parse_compound %s (%zu B)", in.name, in.bytes.size());
    bench::report(what, parse_rate, "memcpy", memcpy_rate);

    const bench::Rate walk_rate = bench::measure(
        [&] {
          CompoundReader reader(in.bytes);
          size_t n = 0;
          while (!reader.done()) n += reader.next().ok();
          bench::do_not_optimize(n);
        },
        static_cast<double>(in.bytes.size()));
    std::snprintf(what, sizeof what, "CompoundReader walk %s", in.name);
    bench::report(what, walk_rate, "memcpy", memcpy_rate);
  }
  return 0;
}

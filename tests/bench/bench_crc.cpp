// CRC throughput: CRC-32c (SCTP) and CRC-32 (STUN FINGERPRINT) over a small packet, a typical
// datagram and a large buffer; the SIMD kernels against the scalar slicing-by-8 path, slicing-by-8
// against the bytewise reference, and memcpy over the same bytes as the speed-of-memory yardstick.
#include <cstdio>
#include <cstring>
#include <string>
#include <vector>

#include "bench_util.hpp"
#include "common/crc32.hpp"
#include "common/rng.hpp"

namespace {

using tern::bench::measure;
using tern::bench::Rate;
using tern::bench::report;
using CrcFn = uint32_t (*)(std::span<const uint8_t>, uint32_t);

Rate crc_rate(CrcFn fn, std::span<const uint8_t> data) {
  uint32_t acc = 0;
  Rate r = measure(
      [&] {
        acc = fn(data, acc);  // chained, so no call can be hoisted out of the loop
        tern::bench::do_not_optimize(acc);
      },
      static_cast<double>(data.size()));
  return r;
}

void bench_size(size_t size, const std::vector<uint8_t>& source) {
  const std::span<const uint8_t> data(source.data(), size);
  const std::string tag = " " + std::to_string(size) + " B";
  std::vector<uint8_t> dst(size);

  const Rate copy = measure(
      [&] {
        std::memcpy(dst.data(), data.data(), size);
        tern::bench::do_not_optimize(dst.data());
      },
      static_cast<double>(size));
  std::printf("%-44s %10.2f GB/s\n", ("memcpy" + tag).c_str(), copy.bytes_per_second / 1e9);

  const Rate c_scalar = crc_rate(&tern::crc32c_scalar, data);
  const Rate c_bytewise = crc_rate(&tern::crc32c_bytewise, data);
  if (tern::crc32c_sse42_supported()) {
    report("crc32c sse4.2" + tag, crc_rate(&tern::crc32c_sse42, data), "crc32c slice-by-8", c_scalar, true);
  }
  report("crc32c slice-by-8" + tag, c_scalar, "crc32c bytewise", c_bytewise, true);
  report("crc32c dispatched (" + std::string(tern::crc32c_implementation()) + ")" + tag,
         crc_rate(&tern::crc32c, data), "memcpy", copy, true);

  const Rate s_scalar = crc_rate(&tern::crc32_scalar, data);
  const Rate s_bytewise = crc_rate(&tern::crc32_bytewise, data);
  if (tern::crc32_pclmul_supported()) {
    report("crc32 pclmul" + tag, crc_rate(&tern::crc32_pclmul, data), "crc32 slice-by-8", s_scalar, true);
  }
  report("crc32 slice-by-8" + tag, s_scalar, "crc32 bytewise", s_bytewise, true);
  report("crc32 dispatched (" + std::string(tern::crc32_implementation()) + ")" + tag,
         crc_rate(&tern::crc32, data), "memcpy", copy, true);
  std::printf("\n");
}

}  // namespace

int main() {
  std::printf("crc32c implementation: %s, crc32 implementation: %s%s\n\n", tern::crc32c_implementation(),
              tern::crc32_implementation(),
              tern::crc32c_sse42_supported() ? "" : " (no SSE4.2/PCLMULQDQ: SIMD rows skipped)");
  std::vector<uint8_t> source(64 * 1024);
  tern::SeededRng rng(42);
  rng.fill(source);
  for (size_t size : {size_t{64}, size_t{1200}, size_t{64 * 1024}}) bench_size(size, source);
  return 0;
}

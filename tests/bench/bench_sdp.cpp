// SDP parse and serialize rates (descriptions per second) for a Chromium and a libdatachannel
// offer, each against memcpy of the same bytes measured in the same run; plus trickle candidate
// parsing against the same baseline.
#include <cstring>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "bench_util.hpp"
#include "sdp/session_description.hpp"

namespace {

std::string read_sample(const std::string& name) {
  std::ifstream in(std::string(TERN_TEST_DATA_DIR) + "/sdp/" + name, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

tern::bench::Rate memcpy_rate(const std::string& bytes) {
  std::vector<char> buffer(bytes.size());
  return tern::bench::measure(
      [&] {
        std::memcpy(buffer.data(), bytes.data(), bytes.size());
        tern::bench::do_not_optimize(buffer.data());
      },
      static_cast<double>(bytes.size()));
}

void bench_description(const std::string& label, const std::string& file) {
  using namespace tern;
  const std::string text = read_sample(file);
  if (text.empty() || !sdp::parse(text)) {
    std::printf("%s: cannot read or parse %s\n", label.c_str(), file.c_str());
    return;
  }
  const auto baseline = memcpy_rate(text);
  const std::string size = " (" + std::to_string(text.size()) + " B)";

  const auto parse_rate = bench::measure(
      [&] {
        auto r = sdp::parse(text);
        bench::do_not_optimize(r.ok());
      },
      static_cast<double>(text.size()));
  bench::report("sdp parse " + label + size, parse_rate, "memcpy same bytes", baseline);

  const sdp::SessionDescription parsed = *sdp::parse(text);
  const auto serialize_rate = bench::measure(
      [&] {
        std::string out = sdp::serialize(parsed);
        bench::do_not_optimize(out.data());
      },
      static_cast<double>(text.size()));
  bench::report("sdp serialize " + label + size, serialize_rate, "memcpy same bytes", baseline);

  const auto typed_rate = bench::measure([&] {
    size_t n = 0;
    for (const auto& m : parsed.media) n += m.candidates().size() + m.rtpmaps().size() + m.fmtps().size();
    bench::do_not_optimize(n);
  });
  bench::report("sdp typed views " + label, typed_rate, "memcpy same bytes", baseline);
}

}  // namespace

int main() {
  bench_description("chromium offer", "chromium_offer_audio_video_dc.sdp");
  bench_description("libdatachannel offer", "libdatachannel_offer_audio_video_dc.sdp");

  const std::string candidate =
      "candidate:842163049 1 udp 1677729535 203.0.113.7 61665 typ srflx raddr 192.168.1.10 rport 54400 "
      "generation 0 ufrag EsAw network-id 1 network-cost 10";
  const auto baseline = memcpy_rate(candidate);
  const auto rate = tern::bench::measure([&] {
    auto r = tern::sdp::parse_candidate(candidate);
    tern::bench::do_not_optimize(r.ok());
  });
  tern::bench::report("sdp parse trickle candidate", rate, "memcpy same bytes", baseline);
  return 0;
}

// Fuzz target: TURN ChannelData framing (RFC 8656 §12.4).
//
// Properties (__builtin_trap on violation): a message that parses re-serializes (same framing) to a
// message that parses to the same channel and data; with stream framing the re-serialization equals
// the input frame whenever the input's padding was zero; consecutive stream frames always advance.
#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <span>
#include <vector>

#include "stun/channel_data.hpp"
#include "stun/describe.hpp"

using namespace tern::stun;

namespace {

void require(bool condition) {
  if (!condition) __builtin_trap();
}

void round_trip(std::span<const uint8_t> input, ChannelDataFraming framing) {
  auto m = parse_channel_data(input, framing);
  if (!m) return;
  require(looks_like_channel_data(input));
  require(m->frame_size >= kChannelDataHeaderSize + m->data.size() && m->frame_size <= input.size());
  std::vector<uint8_t> out(channel_data_size(m->data.size(), framing));
  auto n = serialize_channel_data(*m, out, framing);
  require(n.ok() && *n == out.size());
  auto again = parse_channel_data(out, framing);
  require(again.ok() && again->channel == m->channel &&
          std::equal(again->data.begin(), again->data.end(), m->data.begin(), m->data.end()));
  if (framing == ChannelDataFraming::kStream) {
    const auto frame = input.first(m->frame_size);
    const bool zero_padding =
        std::all_of(frame.begin() + static_cast<long>(kChannelDataHeaderSize + m->data.size()), frame.end(),
                    [](uint8_t b) { return b == 0; });
    if (zero_padding) require(std::equal(frame.begin(), frame.end(), out.begin(), out.end()));
  }
  (void)describe(*m);
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::span<const uint8_t> input(data, size);
  round_trip(input, ChannelDataFraming::kDatagram);
  // Walk the input as a TCP stream of frames.
  std::span<const uint8_t> rest = input;
  while (!rest.empty()) {
    round_trip(rest, ChannelDataFraming::kStream);
    auto m = parse_channel_data(rest, ChannelDataFraming::kStream);
    if (!m) break;
    require(m->frame_size >= kChannelDataHeaderSize);
    rest = rest.subspan(m->frame_size);
  }
  return 0;
}

// StreamFramer: RFC 8656 §12.5 / RFC 8489 §6.2.2 framing of a TCP/TLS stream into STUN messages
// and padded ChannelData, whatever the chunk boundaries.
#include <catch2/catch.hpp>

#include <vector>

#include "common/rng.hpp"
#include "stun/builder.hpp"
#include "stun/channel_data.hpp"
#include "turn/stream_framer.hpp"

namespace tern::turn {
namespace {

std::vector<uint8_t> stun_message(uint8_t tag, size_t software_length) {
  std::vector<uint8_t> out;
  stun::TransactionId id{};
  id.fill(tag);
  stun::MessageBuilder b(out, {stun::Method::kBinding, stun::MessageClass::kSuccessResponse}, id);
  const std::string software(software_length, static_cast<char>('a' + tag % 26));
  if (software_length) b.add_raw(stun::AttributeType::kSoftware, {reinterpret_cast<const uint8_t*>(software.data()), software.size()});
  REQUIRE(b.finish().ok());
  return out;
}

std::vector<uint8_t> channel_data(uint16_t channel, size_t length) {
  std::vector<uint8_t> data(length);
  for (size_t i = 0; i < length; ++i) data[i] = static_cast<uint8_t>(i * 7 + channel);
  std::vector<uint8_t> out(stun::channel_data_size(length, stun::ChannelDataFraming::kStream));
  REQUIRE(stun::serialize_channel_data({channel, data, 0}, out, stun::ChannelDataFraming::kStream).ok());
  return out;
}

// Feeds `stream` in chunks whose sizes come from `sizes` (cycled) and returns the frames.
std::vector<std::vector<uint8_t>> run(const std::vector<uint8_t>& stream, const std::vector<size_t>& sizes) {
  StreamFramer framer;
  std::vector<std::vector<uint8_t>> frames;
  size_t at = 0;
  size_t i = 0;
  while (at < stream.size()) {
    const size_t n = std::min(sizes[i++ % sizes.size()], stream.size() - at);
    // A copy per chunk, released after draining: frames must not outlive their chunk.
    std::vector<uint8_t> chunk(stream.begin() + static_cast<std::ptrdiff_t>(at),
                               stream.begin() + static_cast<std::ptrdiff_t>(at + n));
    framer.push(chunk);
    at += n;
    while (true) {
      auto f = framer.next();
      REQUIRE(f.ok());
      if (!*f) break;
      const Frame& frame = **f;
      CHECK(frame.kind == (frame.bytes[0] < 0x40 ? FrameKind::kStun : FrameKind::kChannelData));
      frames.emplace_back(frame.bytes.begin(), frame.bytes.end());
    }
  }
  CHECK(framer.buffered() == 0);
  CHECK(framer.offset() == stream.size());
  return frames;
}

TEST_CASE("frames STUN and padded ChannelData back to back at any chunking", "[turn][framer]") {
  const std::vector<std::vector<uint8_t>> messages = {
      stun_message(1, 0),          // a bare 20-byte header
      channel_data(0x4000, 5),     // 4 + 5 + 3 padding
      channel_data(0x4FFF, 0),     // empty data, no padding
      stun_message(2, 13),         // SOFTWARE with 3 bytes of attribute padding
      channel_data(0x4001, 8),     // already aligned
      channel_data(0x4002, 1),
      stun_message(3, 200),
  };
  std::vector<uint8_t> stream;
  for (const auto& m : messages) stream.insert(stream.end(), m.begin(), m.end());

  struct Row {
    const char* name;
    std::vector<size_t> sizes;
  };
  const Row rows[] = {
      {"whole stream at once", {stream.size()}},
      {"one byte at a time", {1}},
      {"two bytes", {2}},
      {"three bytes", {3}},
      {"odd sizes", {5, 1, 19, 2, 21, 4}},
      {"header-splitting sizes", {19, 3, 1, 20, 7}},
  };
  for (const Row& row : rows) {
    INFO(row.name);
    CHECK(run(stream, row.sizes) == messages);
  }
  // Every single split point.
  for (size_t split = 1; split < stream.size(); ++split) {
    INFO("split at " << split);
    CHECK(run(stream, {split, stream.size()}) == messages);
  }
  // Random chunkings.
  SeededRng rng(7);
  for (int round = 0; round < 50; ++round) {
    std::vector<size_t> sizes;
    for (int i = 0; i < 20; ++i) sizes.push_back(1 + rng.uniform(40));
    CHECK(run(stream, sizes) == messages);
  }
}

TEST_CASE("a chunk pushed before the previous one was drained is kept in order", "[turn][framer]") {
  const auto a = stun_message(4, 4);
  const auto b = channel_data(0x4003, 6);
  std::vector<uint8_t> both = a;
  both.insert(both.end(), b.begin(), b.end());
  StreamFramer framer;
  framer.push(std::span<const uint8_t>(both).first(10));
  framer.push(std::span<const uint8_t>(both).subspan(10));  // nothing drained in between
  auto f1 = framer.next();
  REQUIRE(f1.ok());
  REQUIRE(*f1);
  CHECK(std::vector<uint8_t>((*f1)->bytes.begin(), (*f1)->bytes.end()) == a);
  auto f2 = framer.next();
  REQUIRE(f2.ok());
  REQUIRE(*f2);
  CHECK(std::vector<uint8_t>((*f2)->bytes.begin(), (*f2)->bytes.end()) == b);
  auto f3 = framer.next();
  REQUIRE(f3.ok());
  CHECK_FALSE(*f3);
}

TEST_CASE("the largest frames fit; incomplete ones wait", "[turn][framer]") {
  const auto big = channel_data(0x4000, 0xFFFF);  // 4 + 65535 + 1 padding
  CHECK(big.size() <= StreamFramer::kMaxFrameSize);
  CHECK(run(big, {1000}) == std::vector<std::vector<uint8_t>>{big});
  const auto stun = stun_message(9, 0xFFFC - 4);  // SOFTWARE filling the 16-bit length
  REQUIRE(stun.size() == StreamFramer::kMaxFrameSize);
  CHECK(run(stun, {4096}) == std::vector<std::vector<uint8_t>>{stun});

  StreamFramer framer;
  framer.push(std::span<const uint8_t>(big).first(100));
  auto f = framer.next();
  REQUIRE(f.ok());
  CHECK_FALSE(*f);
  CHECK(framer.buffered() == 100);
}

TEST_CASE("bytes that are neither STUN nor ChannelData desynchronize the stream for good", "[turn][framer]") {
  struct Row {
    const char* name;
    std::vector<uint8_t> bytes;
    uint32_t position;
  };
  auto good = stun_message(5, 0);
  std::vector<uint8_t> after_good = good;
  after_good.push_back(0x80);
  const Row rows[] = {
      {"first bits 10", {0x80, 0x01, 0x00, 0x00}, 0},
      {"first bits 11 (e.g. a TLS record)", {0xC0}, 0},
      {"reserved channel 0x5000", {0x50, 0x00, 0x00, 0x04}, 0},
      {"STUN without the magic cookie", {0x00, 0x01, 0x00, 0x00, 0xDE, 0xAD, 0xBE, 0xEF}, 0},
      {"STUN length not a multiple of 4",
       {0x00, 0x01, 0x00, 0x03, 0x21, 0x12, 0xA4, 0x42, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0}, 0},
      {"garbage after a good frame", after_good, 20},
  };
  for (const Row& row : rows) {
    INFO(row.name);
    StreamFramer framer;
    framer.push(row.bytes);
    Result<std::optional<Frame>> f = framer.next();
    if (row.position > 0) {
      REQUIRE(f.ok());
      REQUIRE(*f);
      f = framer.next();
    }
    REQUIRE_FALSE(f.ok());
    CHECK(f.error().is(TurnErrc::kStreamDesync));
    CHECK(f.error().position() == row.position);
    CHECK(framer.failed());
    // Sticky: more bytes do not revive it.
    framer.push(good);
    CHECK_FALSE(framer.next().ok());
  }
}

}  // namespace
}  // namespace tern::turn

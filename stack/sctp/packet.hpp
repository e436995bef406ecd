#pragma once
// An SCTP packet (RFC 9260 §3): the common header followed by one or more chunks. In WebRTC each
// packet is the payload of one DTLS application-data record (RFC 8261 §5).
//
//   0                   1                   2                   3
//   0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
//  +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
//  |                         Common Header                         |
//  +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
//  |                            Chunk #1                           |
//  +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
//  |                              ...                              |
//  +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
//  |                            Chunk #n                           |
//  +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
#include <cstddef>
#include <cstdint>
#include <span>
#include <vector>

#include "common/byte_writer.hpp"
#include "common/error.hpp"
#include "sctp/chunk.hpp"
#include "sctp/common_header.hpp"

namespace tern::sctp {

// The largest packet tern parses or builds (a DTLS record carries at most 2^14 bytes, but the
// association may be fed reassembled data; 64 KiB bounds every length field anyway).
inline constexpr size_t kMaxPacketSize = 65535;

// A parsed packet: views into the input bytes, valid while they live.
struct PacketView {
  CommonHeader header;
  std::vector<RawChunk> chunks;
};

// Parses the header and splits the chunks (each chunk's value is decoded separately with its
// type's parse()). With `verify_checksum`, a CRC-32c mismatch is kBadChecksum (RFC 9260 §6.8).
// Errors: kTruncated (shorter than 12 bytes or a chunk runs past the end), kBadChecksum,
// kBadLength (no chunk, or a Chunk Length below 4), kTooLarge (above kMaxPacketSize or too many
// chunks).
Result<PacketView> parse_packet(std::span<const uint8_t> packet, bool verify_checksum = true);

// Builds one packet in a fresh buffer of at most `max_size` bytes: header, chunks, checksum.
//
//   PacketBuilder b({5000, 5000, peer_tag}, 1200);
//   b.add(sack); b.add(data);          // false when the chunk does not fit (nothing written)
//   std::vector<uint8_t> bytes = b.finish();
class PacketBuilder {
 public:
  PacketBuilder(const CommonHeader& header, size_t max_size);

  // Bytes written so far (header included).
  size_t size() const { return size_; }
  // Room left for chunks.
  size_t remaining() const { return max_size_ - size_; }
  size_t chunk_count() const { return chunks_; }

  // Appends a chunk (any type with serialized_size() and serialize(ByteWriter&)). Returns false
  // and writes nothing when it does not fit. The first chunk of a packet is always accepted up to
  // kMaxPacketSize, so an oversized control chunk can still be sent alone.
  template <class C>
  bool add(const C& chunk) {
    const size_t n = chunk.serialized_size();
    if (!make_room(n)) return false;
    ByteWriter w(std::span<uint8_t>(buffer_).subspan(size_, n));
    chunk.serialize(w);
    TERN_ASSERT(w.ok() && w.position() == n, "chunk serialized_size() disagrees with serialize()");
    size_ += n;
    ++chunks_;
    return true;
  }
  // Appends an already serialized (padded) chunk.
  bool add_serialized(std::span<const uint8_t> chunk);

  // Sets the checksum and returns the packet. The builder is empty afterwards.
  std::vector<uint8_t> finish();

 private:
  bool make_room(size_t n);

  std::vector<uint8_t> buffer_;
  size_t max_size_;
  size_t size_ = 0;
  size_t chunks_ = 0;
};

// Serializes `chunk` alone into a padded byte vector (for control chunks queued before packing).
template <class C>
std::vector<uint8_t> serialize_chunk(const C& chunk) {
  std::vector<uint8_t> out(chunk.serialized_size());
  ByteWriter w(out);
  chunk.serialize(w);
  TERN_ASSERT(w.ok() && w.position() == out.size(), "chunk serialized_size() disagrees with serialize()");
  return out;
}

}  // namespace tern::sctp

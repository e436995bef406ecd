#include "sctp/packet.hpp"

#include <cstring>

#include "sctp/errc.hpp"

namespace tern::sctp {

Result<PacketView> parse_packet(std::span<const uint8_t> packet, bool verify_checksum) {
  auto header = parse_common_header(packet);
  if (!header) return header.error();
  if (packet.size() > kMaxPacketSize) {
    return Error(SctpErrc::kTooLarge, "packet larger than 65535 bytes", static_cast<uint32_t>(kMaxPacketSize));
  }
  // RFC 9260 §6.8: a packet whose CRC-32c does not match is silently discarded.
  if (verify_checksum && !verify_packet_checksum(packet)) {
    return Error(SctpErrc::kBadChecksum, "CRC-32c checksum mismatch", 8);
  }
  auto chunks = parse_chunks(packet.subspan(kCommonHeaderSize), static_cast<uint32_t>(kCommonHeaderSize));
  if (!chunks) return chunks.error();
  // RFC 9260 §3: a packet carries one or more chunks.
  if (chunks->empty()) {
    return Error(SctpErrc::kBadLength, "packet carries no chunk", static_cast<uint32_t>(kCommonHeaderSize));
  }
  return PacketView{*header, std::move(*chunks)};
}

PacketBuilder::PacketBuilder(const CommonHeader& header, size_t max_size)
    : buffer_(max_size < kCommonHeaderSize ? kCommonHeaderSize : max_size),
      max_size_(max_size < kCommonHeaderSize ? kCommonHeaderSize : max_size) {
  ByteWriter w(buffer_);
  serialize(header, w);
  size_ = kCommonHeaderSize;
}

bool PacketBuilder::make_room(size_t n) {
  if (n <= max_size_ - size_) return true;
  if (chunks_ != 0 || size_ + n > kMaxPacketSize) return false;
  buffer_.resize(size_ + n);
  max_size_ = size_ + n;
  return true;
}

bool PacketBuilder::add_serialized(std::span<const uint8_t> chunk) {
  if (!make_room(chunk.size())) return false;
  std::memcpy(buffer_.data() + size_, chunk.data(), chunk.size());
  size_ += chunk.size();
  ++chunks_;
  return true;
}

std::vector<uint8_t> PacketBuilder::finish() {
  buffer_.resize(size_);
  set_packet_checksum(buffer_);
  std::vector<uint8_t> out = std::move(buffer_);
  buffer_.clear();
  size_ = 0;
  chunks_ = 0;
  return out;
}

}  // namespace tern::sctp

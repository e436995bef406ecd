#pragma once
// RtpPacket: a zero-copy, validated view of an RTP packet (RFC 3550 §5.1), and MutableRtpPacket,
// the same view with in-place setters for the send path.
//
//    0                   1                   2                   3
//    0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
//   +---+-+-+-------+-+-------------+-------------------------------+
//   | V |P|X|  CC   |M|     PT      |        sequence number        |
//   +---+-+-+-------+-+-------------+-------------------------------+
//   |                           timestamp                           |
//   +---------------------------------------------------------------+
//   |                 synchronization source (SSRC)                 |
//   +===============================================================+
//   |         contributing sources (CSRC), CC entries (0..15)       |
//   |                              ...                              |
//   +---------------------------------------------------------------+
//   |  if X: defined by profile     |     length (32-bit words)     |
//   |        extension data (see rtp/header_extension.hpp)          |
//   +---------------------------------------------------------------+
//   |                            payload                            |
//   |                               +---------------+---------------+
//   |                               | if P: padding | padding count |
//   +-------------------------------+---------------+---------------+
//
// V must be 2. The padding count (last byte) includes itself, so it is at least 1.
#include <cstddef>
#include <cstdint>
#include <iterator>
#include <optional>
#include <span>
#include <string>

#include "common/byte_reader.hpp"
#include "common/error.hpp"
#include "common/ids.hpp"
#include "rtp/errc.hpp"
#include "rtp/header_extension.hpp"

namespace tern::rtp {

inline constexpr size_t kFixedHeaderSize = 12;  // RFC 3550 §5.1
inline constexpr size_t kMaxCsrcs = 15;         // RFC 3550 §5.1: CC is 4 bits
inline constexpr uint8_t kRtpVersion = 2;

// The CSRC list of a parsed packet, read in place (iterable, indexable).
class CsrcList {
 public:
  class Iterator {
   public:
    using iterator_category = std::forward_iterator_tag;
    using value_type = Ssrc;
    using difference_type = std::ptrdiff_t;
    using pointer = void;
    using reference = Ssrc;
    Iterator() = default;
    explicit Iterator(const uint8_t* p) : p_(p) {}
    Ssrc operator*() const { return Ssrc(load_be32(p_)); }
    Iterator& operator++() {
      p_ += 4;
      return *this;
    }
    Iterator operator++(int) {
      Iterator old = *this;
      p_ += 4;
      return old;
    }
    bool operator==(const Iterator&) const = default;

   private:
    const uint8_t* p_ = nullptr;
  };

  CsrcList() = default;
  CsrcList(const uint8_t* p, size_t count) : p_(p), count_(count) {}
  // Number of CSRCs (0..15).
  size_t size() const { return count_; }
  bool empty() const { return count_ == 0; }
  // i must be < size() (internal invariant).
  Ssrc operator[](size_t i) const {
    TERN_ASSERT(i < count_, "CSRC index out of range");
    return Ssrc(load_be32(p_ + 4 * i));
  }
  Iterator begin() const { return Iterator(p_); }
  Iterator end() const { return Iterator(p_ + 4 * count_); }

 private:
  const uint8_t* p_ = nullptr;
  size_t count_ = 0;
};

// A validated RTP packet. Holds a pointer into the caller's bytes, which must outlive it.
// Every accessor reads within the validated bounds; parse() never allocates.
class RtpPacket {
 public:
  // Validates `packet` and returns a view of it. Errors (position = byte offset): kTruncatedHeader,
  // kBadVersion, kCsrcOverrun, kExtensionHeaderOverrun, kExtensionOverrun, kBadPaddingCount,
  // kPaddingOverrun. Extension elements are not checked here; see extensions().
  static Result<RtpPacket> parse(std::span<const uint8_t> packet);

  // RFC 3550 §5.1 fixed-header fields.
  bool marker() const { return (data_[1] & 0x80) != 0; }
  PayloadType payload_type() const { return PayloadType(data_[1] & 0x7F); }
  SeqNo sequence_number() const { return SeqNo(load_be16(data_ + 2)); }
  uint32_t timestamp() const { return load_be32(data_ + 4); }
  Ssrc ssrc() const { return Ssrc(load_be32(data_ + 8)); }

  // The P bit: the packet ends in padding_size() padding bytes.
  bool has_padding() const { return (data_[0] & 0x20) != 0; }
  // The X bit: a header extension block follows the CSRCs.
  bool has_extension() const { return (data_[0] & 0x10) != 0; }
  size_t csrc_count() const { return data_[0] & 0x0F; }
  CsrcList csrcs() const { return CsrcList(data_ + kFixedHeaderSize, csrc_count()); }

  // "Defined by profile" of the extension block (0 when there is none).
  uint16_t extension_profile() const {
    return has_extension() ? load_be16(data_ + kFixedHeaderSize + 4 * csrc_count()) : 0;
  }
  // The extension data after its 4-byte header (empty when there is none).
  std::span<const uint8_t> extension_data() const {
    return {data_ + kFixedHeaderSize + 4 * csrc_count() + 4, extension_size_};
  }
  // A reader over the RFC 8285 elements: empty without the X bit, an error status for a
  // non-RFC 8285 profile.
  ExtensionReader extensions() const {
    return has_extension() ? ExtensionReader(extension_profile(), extension_data()) : ExtensionReader();
  }
  // The data of the first extension element with `id` (nullopt if absent or malformed).
  std::optional<std::span<const uint8_t>> find_extension(uint8_t id) const {
    if (!has_extension()) return std::nullopt;
    return rtp::find_extension(extension_profile(), extension_data(), id);
  }

  // Fixed header + CSRCs + extension block.
  size_t header_size() const { return header_size_; }
  std::span<const uint8_t> payload() const {
    return {data_ + header_size_, size_ - header_size_ - padding_size_};
  }
  // Padding bytes at the end, count byte included (0 without the P bit).
  size_t padding_size() const { return padding_size_; }
  // The whole packet.
  std::span<const uint8_t> bytes() const { return {data_, size_}; }
  size_t size() const { return size_; }

 private:
  RtpPacket(const uint8_t* data, size_t size, size_t header_size, size_t extension_size, size_t padding)
      : data_(data),
        size_(size),
        header_size_(header_size),
        extension_size_(extension_size),
        padding_size_(static_cast<uint8_t>(padding)) {}

  const uint8_t* data_;
  size_t size_;
  size_t header_size_;
  size_t extension_size_;
  uint8_t padding_size_;
};

// A validated RTP packet in a writable buffer: the view plus in-place header setters. Setters
// change only fixed-header bits, so the validated layout stays valid.
class MutableRtpPacket {
 public:
  // Same validation and errors as RtpPacket::parse.
  static Result<MutableRtpPacket> parse(std::span<uint8_t> packet);

  // The read-only view (reflects the setters).
  const RtpPacket& view() const { return view_; }

  // RFC 3550 §5.1 fixed-header fields, rewritten in place.
  void set_marker(bool marker) {
    data_[1] = static_cast<uint8_t>((data_[1] & 0x7F) | (marker ? 0x80 : 0));
  }
  // Errors: kBadPayloadType (over 127; RFC 3550 §5.1: PT is 7 bits). The packet is unchanged then.
  Status set_payload_type(PayloadType pt) {
    if (pt.value > 0x7F) return Error(RtpErrc::kBadPayloadType, "payload type over 127");
    data_[1] = static_cast<uint8_t>((data_[1] & 0x80) | pt.value);
    return {};
  }
  void set_sequence_number(SeqNo seq) { store_be16(data_ + 2, seq.value); }
  void set_timestamp(uint32_t timestamp) { store_be32(data_ + 4, timestamp); }
  void set_ssrc(Ssrc ssrc) { store_be32(data_ + 8, ssrc.value); }
  // The payload, writable (for in-place encryption or rewriting).
  std::span<uint8_t> payload() {
    return {data_ + view_.header_size(), view_.payload().size()};
  }
  std::span<uint8_t> bytes() { return {data_, view_.size()}; }

 private:
  MutableRtpPacket(uint8_t* data, const RtpPacket& view) : data_(data), view_(view) {}

  uint8_t* data_;
  RtpPacket view_;
};

// A multi-line dump for the inspector: every header field, the CSRCs, each RFC 8285 element
// (ID, length, hex) or the raw extension data, and the payload and padding sizes.
std::string describe(const RtpPacket& packet);

}  // namespace tern::rtp

#pragma once
// RtpPacketBuilder: writes an RTP packet (RFC 3550 §5.1; layout in rtp/packet.hpp) into a caller
// buffer without allocating.
//
// The builder holds the header fields and CSRCs by value and the extension elements, raw extension
// data and payload as spans: those must stay alive until serialize() returns.
//
//   uint8_t buf[1500];
//   auto n = RtpPacketBuilder()
//                .set_payload_type(PayloadType(96)).set_sequence_number(SeqNo(7))
//                .set_timestamp(3000).set_ssrc(Ssrc(0x1234)).set_payload(frame)
//                .serialize(buf);
#include <array>
#include <cstddef>
#include <cstdint>
#include <span>

#include "common/error.hpp"
#include "common/ids.hpp"
#include "rtp/header_extension.hpp"
#include "rtp/packet.hpp"

namespace tern::rtp {

class RtpPacketBuilder {
 public:
  RtpPacketBuilder() = default;
  // Copies every field of `packet` (CSRCs, extension block as raw profile + data, payload, padding
  // size) so that serialize() reproduces it; padding bytes other than the count are written as 0.
  static RtpPacketBuilder from_packet(const RtpPacket& packet);

  RtpPacketBuilder& set_marker(bool marker) {
    marker_ = marker;
    return *this;
  }
  // 0..127 (checked by serialize: kBadPayloadType).
  RtpPacketBuilder& set_payload_type(PayloadType pt) {
    payload_type_ = pt;
    return *this;
  }
  RtpPacketBuilder& set_sequence_number(SeqNo seq) {
    sequence_number_ = seq;
    return *this;
  }
  RtpPacketBuilder& set_timestamp(uint32_t timestamp) {
    timestamp_ = timestamp;
    return *this;
  }
  RtpPacketBuilder& set_ssrc(Ssrc ssrc) {
    ssrc_ = ssrc;
    return *this;
  }
  // Up to 15 CSRCs (more: serialize fails with kTooManyCsrcs).
  RtpPacketBuilder& set_csrcs(std::span<const Ssrc> csrcs);
  // RFC 8285 elements; the form follows options.policy (see choose_extension_form). An empty list
  // writes no extension block.
  RtpPacketBuilder& set_extensions(std::span<const ExtensionElement> elements,
                                   ExtensionWriteOptions options = {}) {
    extension_mode_ = elements.empty() ? ExtensionMode::kNone : ExtensionMode::kElements;
    elements_ = elements;
    extension_options_ = options;
    return *this;
  }
  // An extension block with any profile and opaque data (length a multiple of 4, else
  // kBadExtensionLength); sets the X bit even when `data` is empty.
  RtpPacketBuilder& set_raw_extension(uint16_t profile, std::span<const uint8_t> data) {
    extension_mode_ = ExtensionMode::kRaw;
    raw_profile_ = profile;
    raw_extension_ = data;
    return *this;
  }
  RtpPacketBuilder& clear_extension() {
    extension_mode_ = ExtensionMode::kNone;
    return *this;
  }
  RtpPacketBuilder& set_payload(std::span<const uint8_t> payload) {
    payload_ = payload;
    return *this;
  }
  // Padding bytes to append, count byte included (RFC 3550 §5.1); 0 = no padding and no P bit.
  RtpPacketBuilder& set_padding(uint8_t padding_size) {
    padding_ = padding_size;
    return *this;
  }

  // The packet size serialize() will write. Errors as serialize(), except kBufferTooSmall.
  Result<size_t> serialized_size() const;
  // Writes the packet at the start of `out`; returns the bytes written. Errors: kBadPayloadType,
  // kTooManyCsrcs, kBadExtensionLength, kExtensionTooLarge, the errors of choose_extension_form,
  // kBufferTooSmall. Nothing useful is left in `out` on error.
  Result<size_t> serialize(std::span<uint8_t> out) const;

 private:
  enum class ExtensionMode : uint8_t { kNone, kElements, kRaw };
  struct Layout {
    size_t extension_size;  // extension block including its 4-byte header (0 without X)
    size_t total;
    ExtensionPlan plan;     // for ExtensionMode::kElements
  };
  Result<Layout> layout() const;

  bool marker_ = false;
  PayloadType payload_type_{0};
  SeqNo sequence_number_{0};
  uint32_t timestamp_ = 0;
  Ssrc ssrc_{0};
  std::array<Ssrc, kMaxCsrcs> csrcs_{};
  size_t csrc_count_ = 0;
  bool too_many_csrcs_ = false;
  ExtensionMode extension_mode_ = ExtensionMode::kNone;
  std::span<const ExtensionElement> elements_;
  ExtensionWriteOptions extension_options_;
  uint16_t raw_profile_ = 0;
  std::span<const uint8_t> raw_extension_;
  std::span<const uint8_t> payload_;
  uint8_t padding_ = 0;
};

}  // namespace tern::rtp

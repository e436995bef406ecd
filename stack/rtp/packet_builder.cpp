#include "rtp/packet_builder.hpp"

#include <cstring>

#include "common/byte_reader.hpp"

namespace tern::rtp {

RtpPacketBuilder RtpPacketBuilder::from_packet(const RtpPacket& packet) {
  RtpPacketBuilder b;
  b.set_marker(packet.marker())
      .set_payload_type(packet.payload_type())
      .set_sequence_number(packet.sequence_number())
      .set_timestamp(packet.timestamp())
      .set_ssrc(packet.ssrc())
      .set_payload(packet.payload())
      .set_padding(static_cast<uint8_t>(packet.padding_size()));
  for (Ssrc csrc : packet.csrcs()) b.csrcs_[b.csrc_count_++] = csrc;
  if (packet.has_extension()) b.set_raw_extension(packet.extension_profile(), packet.extension_data());
  return b;
}

RtpPacketBuilder& RtpPacketBuilder::set_csrcs(std::span<const Ssrc> csrcs) {
  // RFC 3550 §5.1: CC is 4 bits; the error surfaces from serialize().
  too_many_csrcs_ = csrcs.size() > kMaxCsrcs;
  csrc_count_ = too_many_csrcs_ ? 0 : csrcs.size();
  for (size_t i = 0; i < csrc_count_; ++i) csrcs_[i] = csrcs[i];
  return *this;
}

Result<RtpPacketBuilder::Layout> RtpPacketBuilder::layout() const {
  // RFC 3550 §5.1: PT is 7 bits, CC 4 bits.
  if (payload_type_.value > 0x7F) return Error(RtpErrc::kBadPayloadType, "payload type over 127");
  if (too_many_csrcs_) return Error(RtpErrc::kTooManyCsrcs, "more than 15 CSRCs");
  Layout l{0, 0, ExtensionPlan{ExtensionForm::kOneByte, 0}};
  switch (extension_mode_) {
    case ExtensionMode::kNone:
      break;
    case ExtensionMode::kElements: {
      auto plan = plan_extension_block(elements_, extension_options_.policy);
      if (!plan) return plan.error();
      l.plan = *plan;
      l.extension_size = 4 + plan->data_size;
      break;
    }
    case ExtensionMode::kRaw:
      // RFC 3550 §5.3.1: the length field counts whole 32-bit words.
      if (raw_extension_.size() % 4 != 0) {
        return Error(RtpErrc::kBadExtensionLength, "raw extension data not a multiple of 4 bytes");
      }
      if (raw_extension_.size() > kMaxExtensionDataSize) {
        return Error(RtpErrc::kExtensionTooLarge, "extension block over 65535 words");
      }
      l.extension_size = 4 + raw_extension_.size();
      break;
  }
  l.total = kFixedHeaderSize + 4 * csrc_count_ + l.extension_size + payload_.size() + padding_;
  return l;
}

Result<size_t> RtpPacketBuilder::serialized_size() const {
  auto l = layout();
  if (!l) return l.error();
  return l->total;
}

Result<size_t> RtpPacketBuilder::serialize(std::span<uint8_t> out) const {
  auto l = layout();
  if (!l) return l.error();
  if (out.size() < l->total) return Error(RtpErrc::kBufferTooSmall, "buffer too small for the packet");

  uint8_t* p = out.data();
  // RFC 3550 §5.1: V=2 | P | X | CC, then M | PT.
  p[0] = static_cast<uint8_t>(kRtpVersion << 6 | (padding_ ? 0x20 : 0) | (l->extension_size ? 0x10 : 0) |
                              csrc_count_);
  p[1] = static_cast<uint8_t>((marker_ ? 0x80 : 0) | payload_type_.value);
  store_be16(p + 2, sequence_number_.value);
  store_be32(p + 4, timestamp_);
  store_be32(p + 8, ssrc_.value);
  size_t pos = kFixedHeaderSize;
  for (size_t i = 0; i < csrc_count_; ++i, pos += 4) store_be32(p + pos, csrcs_[i].value);

  if (extension_mode_ == ExtensionMode::kElements) {
    detail::write_extension_block(elements_, l->plan, extension_options_.appbits, p + pos);
    pos += l->extension_size;
  } else if (extension_mode_ == ExtensionMode::kRaw) {
    store_be16(p + pos, raw_profile_);
    store_be16(p + pos + 2, static_cast<uint16_t>(raw_extension_.size() / 4));
    if (!raw_extension_.empty()) std::memcpy(p + pos + 4, raw_extension_.data(), raw_extension_.size());
    pos += l->extension_size;
  }

  if (!payload_.empty()) std::memcpy(p + pos, payload_.data(), payload_.size());
  pos += payload_.size();
  if (padding_) {
    // RFC 3550 §5.1: padding octets, the last one counting them all (itself included).
    std::memset(p + pos, 0, padding_ - 1u);
    p[pos + padding_ - 1] = padding_;
    pos += padding_;
  }
  return pos;
}

}  // namespace tern::rtp

#include "rtp/packet.hpp"

#include <cstdio>

#include "common/hex.hpp"

namespace tern::rtp {

Result<RtpPacket> RtpPacket::parse(std::span<const uint8_t> packet) {
  const uint8_t* p = packet.data();
  const size_t size = packet.size();
  // RFC 3550 §5.1: the fixed header is 12 bytes.
  if (size < kFixedHeaderSize) return Error(RtpErrc::kTruncatedHeader, "shorter than the 12-byte fixed header");
  // RFC 3550 §5.1: V (2 bits) is 2.
  if ((p[0] >> 6) != kRtpVersion) return Error(RtpErrc::kBadVersion, "version is not 2", 0);

  // RFC 3550 §5.1: CC counts the 32-bit CSRC identifiers after the fixed header.
  size_t header_size = kFixedHeaderSize + 4 * size_t{p[0] & 0x0Fu};
  if (size < header_size) return Error(RtpErrc::kCsrcOverrun, "CSRC list runs past the packet", 0);

  size_t extension_size = 0;
  if (p[0] & 0x10) {
    // RFC 3550 §5.3.1: a 4-byte header (profile, length in words) then length * 4 bytes.
    if (size - header_size < 4) {
      return Error(RtpErrc::kExtensionHeaderOverrun, "extension header runs past the packet",
                   static_cast<uint32_t>(header_size));
    }
    extension_size = size_t{load_be16(p + header_size + 2)} * 4;
    if (size - header_size - 4 < extension_size) {
      return Error(RtpErrc::kExtensionOverrun, "extension length runs past the packet",
                   static_cast<uint32_t>(header_size + 2));
    }
    header_size += 4 + extension_size;
  }

  size_t padding = 0;
  if (p[0] & 0x20) {
    // RFC 3550 §5.1: the last octet counts the padding octets, itself included.
    if (size == header_size) {
      return Error(RtpErrc::kPaddingOverrun, "P bit set but nothing follows the header",
                   static_cast<uint32_t>(size));
    }
    padding = p[size - 1];
    if (padding == 0) {
      return Error(RtpErrc::kBadPaddingCount, "padding count is 0", static_cast<uint32_t>(size - 1));
    }
    if (padding > size - header_size) {
      return Error(RtpErrc::kPaddingOverrun, "padding count exceeds payload and padding",
                   static_cast<uint32_t>(size - 1));
    }
  }
  return RtpPacket(p, size, header_size, extension_size, padding);
}

Result<MutableRtpPacket> MutableRtpPacket::parse(std::span<uint8_t> packet) {
  auto view = RtpPacket::parse(packet);
  if (!view) return view.error();
  return MutableRtpPacket(packet.data(), *view);
}

namespace {
// "0x" and `digits` lower-case hex digits.
std::string hex_value(uint32_t value, int digits) {
  char text[16];
  std::snprintf(text, sizeof text, "0x%0*x", digits, value);
  return text;
}
}  // namespace

std::string describe(const RtpPacket& packet) {
  using std::to_string;
  std::string out = "RTP packet (" + to_string(packet.size()) + " bytes)\n";
  out += "  version: 2\n";
  out += packet.has_padding() ? "  padding: yes\n" : "  padding: no\n";
  out += packet.has_extension() ? "  extension: yes\n" : "  extension: no\n";
  out += "  csrc count: " + to_string(packet.csrc_count()) + "\n";
  out += packet.marker() ? "  marker: 1\n" : "  marker: 0\n";
  out += "  payload type: " + to_string(packet.payload_type().value) + "\n";
  out += "  sequence number: " + to_string(packet.sequence_number().value) + "\n";
  out += "  timestamp: " + to_string(packet.timestamp()) + "\n";
  out += "  ssrc: " + hex_value(packet.ssrc().value, 8) + "\n";
  for (Ssrc csrc : packet.csrcs()) out += "  csrc: " + hex_value(csrc.value, 8) + "\n";
  if (packet.has_extension()) {
    const uint16_t profile = packet.extension_profile();
    const auto form = extension_form(profile);
    out += "  extension profile: " + hex_value(profile, 4);
    if (!form) {
      out += " (not RFC 8285)\n";
    } else if (*form == ExtensionForm::kOneByte) {
      out += " (RFC 8285 one-byte)\n";
    } else {
      out += " (RFC 8285 two-byte, appbits " + to_string(profile & 0x0Fu) + ")\n";
    }
    out += "  extension length: " + to_string(packet.extension_data().size()) + " bytes\n";
    if (!form) {
      out += "    data: " + to_hex(packet.extension_data()) + "\n";
    } else {
      ExtensionReader reader = packet.extensions();
      ExtensionElement element;
      while (reader.next(element)) {
        out += "    element id " + to_string(element.id) + ", " + to_string(element.data.size()) +
               " bytes: " + to_hex(element.data) + "\n";
      }
      if (!reader.status()) out += "    malformed: " + reader.status().error().to_string() + "\n";
    }
  }
  out += "  payload size: " + to_string(packet.payload().size()) + "\n";
  out += "  padding size: " + to_string(packet.padding_size()) + "\n";
  return out;
}

}  // namespace tern::rtp

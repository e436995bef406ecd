#include "rtp/common_extensions.hpp"

#include "common/byte_reader.hpp"

namespace tern::rtp {
namespace {

// The text before any trailing zero bytes; false when a zero byte is followed by a non-zero one.
bool strip_trailing_zeros(std::span<const uint8_t> data, std::string_view& text) {
  size_t n = 0;
  while (n < data.size() && data[n] != 0) ++n;
  for (size_t i = n; i < data.size(); ++i) {
    if (data[i] != 0) return false;
  }
  text = std::string_view(reinterpret_cast<const char*>(data.data()), n);
  return true;
}

bool is_alnum(char c) { return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }

// RFC 8866 §9 token-char: visible ASCII except the separators it lists.
bool is_token_char(char c) {
  if (is_alnum(c)) return true;
  switch (c) {
    case '!': case '#': case '$': case '%': case '&': case '\'': case '*': case '+': case '-':
    case '.': case '^': case '_': case '`': case '{': case '|': case '}': case '~':
      return true;
    default:
      return false;
  }
}

}  // namespace

Result<std::string_view> parse_mid(std::span<const uint8_t> data) {
  std::string_view text;
  if (!strip_trailing_zeros(data, text)) return Error(RtpErrc::kBadExtensionValue, "mid has an embedded zero byte");
  // RFC 9143 §15 (a=mid value): identification-tag = token.
  if (text.empty()) return Error(RtpErrc::kBadExtensionValue, "mid is empty");
  for (size_t i = 0; i < text.size(); ++i) {
    if (!is_token_char(text[i])) {
      return Error(RtpErrc::kBadExtensionValue, "mid has a non-token character", static_cast<uint32_t>(i));
    }
  }
  return text;
}

Result<std::string_view> parse_rid(std::span<const uint8_t> data) {
  std::string_view text;
  if (!strip_trailing_zeros(data, text)) return Error(RtpErrc::kBadExtensionValue, "rid has an embedded zero byte");
  // RFC 8851 §10: rid-id = 1*(alpha-numeric / "-" / "_").
  if (text.empty()) return Error(RtpErrc::kBadExtensionValue, "rid is empty");
  for (size_t i = 0; i < text.size(); ++i) {
    if (!is_alnum(text[i]) && text[i] != '-' && text[i] != '_') {
      return Error(RtpErrc::kBadExtensionValue, "rid has a character outside rid-id", static_cast<uint32_t>(i));
    }
  }
  return text;
}

ExtensionElement sdes_element(uint8_t id, std::string_view text) {
  return ExtensionElement{id, {reinterpret_cast<const uint8_t*>(text.data()), text.size()}};
}

Result<uint32_t> parse_abs_send_time(std::span<const uint8_t> data) {
  if (data.size() != 3) return Error(RtpErrc::kBadExtensionValue, "abs-send-time is not 3 bytes");
  return load_be24(data.data());
}

std::array<uint8_t, 3> serialize_abs_send_time(uint32_t value) {
  std::array<uint8_t, 3> out;
  store_be24(out.data(), value & 0xFFFFFF);
  return out;
}

uint32_t abs_send_time_from(Timestamp now) {
  // 24 bits of 6.18 fixed point cover 64 s; reduce first so the shift cannot overflow.
  constexpr int64_t kWrapMicros = int64_t{64} * 1000000;
  int64_t us = now.as_micros() % kWrapMicros;
  if (us < 0) us += kWrapMicros;
  return static_cast<uint32_t>((static_cast<uint64_t>(us) << 18) / 1000000) & 0xFFFFFF;
}

Result<uint16_t> parse_transport_sequence_number(std::span<const uint8_t> data) {
  if (data.size() != 2) return Error(RtpErrc::kBadExtensionValue, "transport-wide sequence number is not 2 bytes");
  return load_be16(data.data());
}

std::array<uint8_t, 2> serialize_transport_sequence_number(uint16_t seq) {
  std::array<uint8_t, 2> out;
  store_be16(out.data(), seq);
  return out;
}

Result<AudioLevel> parse_audio_level(std::span<const uint8_t> data) {
  // RFC 6464 §3: one byte, V in the top bit and the level (0..127 -dBov) below it.
  if (data.size() != 1) return Error(RtpErrc::kBadExtensionValue, "audio level is not 1 byte");
  return AudioLevel{(data[0] & 0x80) != 0, static_cast<uint8_t>(data[0] & 0x7F)};
}

Result<std::array<uint8_t, 1>> serialize_audio_level(AudioLevel value) {
  if (value.level > 127) return Error(RtpErrc::kBadExtensionValue, "audio level over 127 -dBov");
  return std::array<uint8_t, 1>{static_cast<uint8_t>((value.voice_activity ? 0x80 : 0) | value.level)};
}

}  // namespace tern::rtp

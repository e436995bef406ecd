#include "datachannel/utf8.hpp"

#include <cstdint>

namespace tern::datachannel {

std::optional<size_t> find_invalid_utf8(std::string_view text) {
  size_t i = 0;
  const size_t n = text.size();
  auto byte = [&](size_t k) { return static_cast<uint8_t>(text[k]); };
  auto continuation = [&](size_t k) { return k < n && (byte(k) & 0xc0) == 0x80; };
  while (i < n) {
    const uint8_t b = byte(i);
    if (b < 0x80) {
      ++i;
      continue;
    }
    // RFC 3629 §4 (UTF8-2/3/4): the second byte's range depends on the first, which rules out
    // overlong forms, surrogates and code points above U+10FFFF.
    uint8_t lo = 0x80, hi = 0xbf;
    size_t length = 0;
    if (b >= 0xc2 && b <= 0xdf) {
      length = 2;
    } else if (b >= 0xe0 && b <= 0xef) {
      length = 3;
      if (b == 0xe0) lo = 0xa0;
      if (b == 0xed) hi = 0x9f;
    } else if (b >= 0xf0 && b <= 0xf4) {
      length = 4;
      if (b == 0xf0) lo = 0x90;
      if (b == 0xf4) hi = 0x8f;
    } else {
      return i;  // 0x80..0xc1 (continuation or overlong lead) or 0xf5..0xff
    }
    if (i + 1 >= n || byte(i + 1) < lo || byte(i + 1) > hi) return i;
    for (size_t k = 2; k < length; ++k) {
      if (!continuation(i + k)) return i;
    }
    i += length;
  }
  return std::nullopt;
}

}  // namespace tern::datachannel

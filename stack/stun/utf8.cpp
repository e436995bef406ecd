#include "stun/utf8.hpp"

namespace tern::stun {

std::optional<size_t> utf8_length(std::span<const uint8_t> text, size_t* bad_at) {
  size_t chars = 0;
  size_t i = 0;
  const size_t n = text.size();
  auto fail = [&](size_t at) -> std::optional<size_t> {
    if (bad_at) *bad_at = at;
    return std::nullopt;
  };
  while (i < n) {
    const uint8_t b = text[i];
    size_t extra = 0;
    uint32_t cp = 0;
    if (b < 0x80) {
      ++i;
      ++chars;
      continue;
    } else if (b >= 0xC2 && b <= 0xDF) {
      extra = 1;
      cp = b & 0x1F;
    } else if (b >= 0xE0 && b <= 0xEF) {
      extra = 2;
      cp = b & 0x0F;
    } else if (b >= 0xF0 && b <= 0xF4) {
      extra = 3;
      cp = b & 0x07;
    } else {
      return fail(i);  // continuation byte, overlong lead (C0/C1) or F5..FF
    }
    if (n - i <= extra) return fail(i);
    for (size_t k = 1; k <= extra; ++k) {
      const uint8_t c = text[i + k];
      if ((c & 0xC0) != 0x80) return fail(i + k);
      cp = (cp << 6) | (c & 0x3F);
    }
    // RFC 3629 §3: reject overlong forms, UTF-16 surrogates and values above U+10FFFF.
    if ((extra == 2 && cp < 0x800) || (extra == 3 && (cp < 0x10000 || cp > 0x10FFFF)) ||
        (cp >= 0xD800 && cp <= 0xDFFF)) {
      return fail(i);
    }
    i += extra + 1;
    ++chars;
  }
  return chars;
}

}  // namespace tern::stun

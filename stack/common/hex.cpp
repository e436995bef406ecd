#include "common/hex.hpp"

namespace tern {
namespace {
const char* hex_errc_name(uint16_t code) {
  switch (static_cast<HexErrc>(code)) {
    case HexErrc::kOddLength: return "kOddLength";
    case HexErrc::kBadDigit: return "kBadDigit";
  }
  return "unknown";
}
int digit_value(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}
}  // namespace

std::string to_hex(std::span<const uint8_t> data) {
  static constexpr char kDigits[] = "0123456789abcdef";
  std::string out;
  out.reserve(data.size() * 2);
  for (uint8_t b : data) {
    out.push_back(kDigits[b >> 4]);
    out.push_back(kDigits[b & 15]);
  }
  return out;
}

Result<std::vector<uint8_t>> from_hex(std::string_view text) {
  std::vector<uint8_t> out;
  int high = -1;
  for (size_t i = 0; i < text.size(); ++i) {
    char c = text[i];
    if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == ':') continue;
    if (c == '0' && i + 1 < text.size() && (text[i + 1] == 'x' || text[i + 1] == 'X') && high < 0) {
      ++i;
      continue;
    }
    int v = digit_value(c);
    if (v < 0) return Error(HexErrc::kBadDigit, "not a hex digit", static_cast<uint32_t>(i));
    if (high < 0) {
      high = v;
    } else {
      out.push_back(static_cast<uint8_t>(high << 4 | v));
      high = -1;
    }
  }
  if (high >= 0) return Error(HexErrc::kOddLength, "odd number of hex digits");
  return out;
}

}  // namespace tern

TERN_DEFINE_ERRC(tern::HexErrc, "hex", tern::hex_errc_name)

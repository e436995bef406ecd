#include "sdp/text.hpp"

namespace tern::sdp::text {

bool is_token(std::string_view s) {
  if (s.empty()) return false;
  for (char c : s) {
    if (!is_token_char(c)) return false;
  }
  return true;
}

bool is_non_ws_string(std::string_view s) {
  if (s.empty()) return false;
  for (char c : s) {
    const auto u = static_cast<unsigned char>(c);
    if (u <= 0x20 || u == 0x7F) return false;  // VCHAR is %x21-7E; %x80-FF allowed
  }
  return true;
}

bool all_digits(std::string_view s) {
  if (s.empty()) return false;
  for (char c : s) {
    if (!is_digit(c)) return false;
  }
  return true;
}

bool iequals(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (size_t i = 0; i < a.size(); ++i) {
    char x = a[i];
    char y = b[i];
    if (x >= 'A' && x <= 'Z') x = static_cast<char>(x - 'A' + 'a');
    if (y >= 'A' && y <= 'Z') y = static_cast<char>(y - 'A' + 'a');
    if (x != y) return false;
  }
  return true;
}

std::optional<uint64_t> parse_uint(std::string_view s, uint64_t max) {
  if (!all_digits(s)) return std::nullopt;
  uint64_t v = 0;
  auto [end, ec] = std::from_chars(s.data(), s.data() + s.size(), v);
  if (ec != std::errc() || end != s.data() + s.size() || v > max) return std::nullopt;
  return v;
}

std::optional<std::string_view> Fields::next() {
  if (done_) return std::nullopt;
  const size_t at = s_.find(sep_, pos_);
  if (at == std::string_view::npos) {
    done_ = true;
    return s_.substr(pos_);
  }
  std::string_view field = s_.substr(pos_, at - pos_);
  pos_ = at + 1;
  return field;
}

void append_uint(std::string& out, uint64_t v) {
  char buf[24];
  auto [end, ec] = std::to_chars(buf, buf + sizeof(buf), v);
  (void)ec;  // 24 bytes always hold a uint64_t
  out.append(buf, end);
}

}  // namespace tern::sdp::text

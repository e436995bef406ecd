#pragma once
// Small lexical helpers shared by the SDP parsers (RFC 8866 §9 core rules). Internal to sdp/: none
// of these allocate, and all take and return views into the caller's text.
#include <charconv>
#include <cstdint>
#include <limits>
#include <optional>
#include <string>
#include <string_view>

namespace tern::sdp::text {

namespace detail {
// Character classes as a 256-entry table (the parsers test every byte of every line).
enum : uint8_t { kDigit = 1, kAlpha = 2, kTokenPunct = 4, kIcePunct = 8 };
struct CharTable {
  uint8_t bits[256] = {};
  constexpr CharTable() {
    for (int c = '0'; c <= '9'; ++c) bits[c] = kDigit;
    for (int c = 'a'; c <= 'z'; ++c) bits[c] = kAlpha;
    for (int c = 'A'; c <= 'Z'; ++c) bits[c] = kAlpha;
    for (char c : std::string_view("!#$%&'*+-.^_`{|}~")) bits[static_cast<unsigned char>(c)] |= kTokenPunct;
    bits[static_cast<unsigned char>('+')] |= kIcePunct;
    bits[static_cast<unsigned char>('/')] |= kIcePunct;
  }
};
inline constexpr CharTable kChars{};
inline uint8_t char_class(char c) { return kChars.bits[static_cast<unsigned char>(c)]; }
}  // namespace detail

// RFC 8866 §9 token-char: ALPHA / DIGIT / "!" "#" "$" "%" "&" "'" "*" "+" "-" "." "^" "_" "`" "{" "|" "}" "~".
inline bool is_token_char(char c) {
  return (detail::char_class(c) & (detail::kDigit | detail::kAlpha | detail::kTokenPunct)) != 0;
}
// RFC 8866 §9 token = 1*token-char.
bool is_token(std::string_view s);
// RFC 8866 §9 non-ws-string = 1*(VCHAR / %x80-FF).
bool is_non_ws_string(std::string_view s);
// RFC 8839 §5.1 ice-char = ALPHA / DIGIT / "+" / "/".
inline bool is_ice_char(char c) {
  return (detail::char_class(c) & (detail::kDigit | detail::kAlpha | detail::kIcePunct)) != 0;
}
inline bool is_alnum(char c) { return (detail::char_class(c) & (detail::kDigit | detail::kAlpha)) != 0; }
inline bool is_digit(char c) { return c >= '0' && c <= '9'; }
bool all_digits(std::string_view s);  // 1*DIGIT
// ASCII case-insensitive equality.
bool iequals(std::string_view a, std::string_view b);

// Decimal 1*DIGIT with no sign and no leading '+', at most `max`. nullopt on anything else.
std::optional<uint64_t> parse_uint(std::string_view s, uint64_t max);

template <class T>
bool parse_uint_to(std::string_view s, T& out, uint64_t max = std::numeric_limits<T>::max()) {
  auto v = parse_uint(s, max);
  if (!v) return false;
  out = static_cast<T>(*v);
  return true;
}

// Walks the `sep`-separated fields of a string, empty fields included: "a  b " yields "a", "",
// "b", "" so that callers see doubled or trailing separators (SDP fields are separated by exactly
// one SP, RFC 8866 §9).
class Fields {
 public:
  Fields(std::string_view s, char sep) : s_(s), sep_(sep) {}
  // The next field, or nullopt once every field was returned.
  std::optional<std::string_view> next();
  // True when next() would return nullopt.
  bool done() const { return done_; }
  // Everything not yet returned (without the separator before it); empty when done().
  std::string_view rest() const { return done_ ? std::string_view() : s_.substr(pos_); }

 private:
  std::string_view s_;
  char sep_;
  size_t pos_ = 0;
  bool done_ = false;
};

// Appends the decimal form of `v`.
void append_uint(std::string& out, uint64_t v);

}  // namespace tern::sdp::text

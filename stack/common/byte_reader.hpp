#pragma once
// ByteReader: bounds-checked big-endian (network order) reads from untrusted bytes.
//
// Reads past the end never touch memory outside the span: they return zero (or an empty span) and
// make the reader "failed" for good, so a parser can read a whole header and check ok() once.
#include <cstddef>
#include <cstdint>
#include <span>
#include <string_view>

namespace tern {

class ByteReader {
 public:
  ByteReader() = default;
  explicit ByteReader(std::span<const uint8_t> data) : data_(data) {}

  bool ok() const { return ok_; }
  size_t position() const { return pos_; }
  size_t remaining() const { return ok_ ? data_.size() - pos_ : 0; }
  bool empty() const { return remaining() == 0; }
  size_t size() const { return data_.size(); }
  std::span<const uint8_t> data() const { return data_; }
  // The unread bytes (empty after a failure).
  std::span<const uint8_t> rest() const { return ok_ ? data_.subspan(pos_) : std::span<const uint8_t>{}; }

  // True when n more bytes can be read; does not fail the reader.
  bool has(size_t n) const { return ok_ && data_.size() - pos_ >= n; }

  uint8_t u8() { return static_cast<uint8_t>(read_be(1)); }
  uint16_t u16() { return static_cast<uint16_t>(read_be(2)); }
  uint32_t u24() { return static_cast<uint32_t>(read_be(3)); }
  uint32_t u32() { return static_cast<uint32_t>(read_be(4)); }
  uint64_t u48() { return read_be(6); }
  uint64_t u64() { return read_be(8); }

  // The next n bytes as a view into the input (no copy).
  std::span<const uint8_t> bytes(size_t n) {
    if (!take(n)) return {};
    return data_.subspan(pos_ - n, n);
  }
  std::string_view chars(size_t n) {
    auto b = bytes(n);
    return {reinterpret_cast<const char*>(b.data()), b.size()};
  }
  // A reader over the next n bytes; this reader moves past them.
  ByteReader sub(size_t n) {
    auto b = bytes(n);
    ByteReader r(b);
    r.ok_ = ok_;
    return r;
  }
  void skip(size_t n) { take(n); }
  // Marks the reader failed (a parser found a semantic error mid-read).
  void fail() { ok_ = false; }

  // Peeks without consuming; returns 0 if not available (does not fail the reader).
  uint8_t peek_u8(size_t offset = 0) const { return has(offset + 1) ? data_[pos_ + offset] : 0; }

 private:
  bool take(size_t n) {
    if (!ok_ || data_.size() - pos_ < n) {
      ok_ = false;
      return false;
    }
    pos_ += n;
    return true;
  }
  uint64_t read_be(size_t n) {
    if (!take(n)) return 0;
    uint64_t v = 0;
    for (size_t i = pos_ - n; i < pos_; ++i) v = (v << 8) | data_[i];
    return v;
  }

  std::span<const uint8_t> data_;
  size_t pos_ = 0;
  bool ok_ = true;
};

// Loads and stores for code that has already checked bounds (hot paths, fixed headers).
inline uint16_t load_be16(const uint8_t* p) { return static_cast<uint16_t>((p[0] << 8) | p[1]); }
inline uint32_t load_be24(const uint8_t* p) {
  return (uint32_t{p[0]} << 16) | (uint32_t{p[1]} << 8) | p[2];
}
inline uint32_t load_be32(const uint8_t* p) {
  return (uint32_t{p[0]} << 24) | (uint32_t{p[1]} << 16) | (uint32_t{p[2]} << 8) | p[3];
}
inline uint64_t load_be64(const uint8_t* p) {
  return (uint64_t{load_be32(p)} << 32) | load_be32(p + 4);
}
inline void store_be16(uint8_t* p, uint16_t v) {
  p[0] = static_cast<uint8_t>(v >> 8);
  p[1] = static_cast<uint8_t>(v);
}
inline void store_be24(uint8_t* p, uint32_t v) {
  p[0] = static_cast<uint8_t>(v >> 16);
  p[1] = static_cast<uint8_t>(v >> 8);
  p[2] = static_cast<uint8_t>(v);
}
inline void store_be32(uint8_t* p, uint32_t v) {
  p[0] = static_cast<uint8_t>(v >> 24);
  p[1] = static_cast<uint8_t>(v >> 16);
  p[2] = static_cast<uint8_t>(v >> 8);
  p[3] = static_cast<uint8_t>(v);
}
inline void store_be64(uint8_t* p, uint64_t v) {
  store_be32(p, static_cast<uint32_t>(v >> 32));
  store_be32(p + 4, static_cast<uint32_t>(v));
}

}  // namespace tern

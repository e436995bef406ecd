#pragma once
// ByteWriter: big-endian writes into a caller-owned buffer (no allocation).
//
// A write that does not fit writes nothing and fails the writer for good; check ok() once at the
// end. Serializers pair it with a size function (`serialized_size()`), so callers size the buffer
// first and a failed writer means an internal bug or a too-small caller buffer.
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <span>
#include <string_view>
#include <vector>

#include "common/byte_reader.hpp"

namespace tern {

class ByteWriter {
 public:
  explicit ByteWriter(std::span<uint8_t> buffer) : buf_(buffer) {}

  bool ok() const { return ok_; }
  size_t position() const { return pos_; }
  size_t remaining() const { return ok_ ? buf_.size() - pos_ : 0; }
  // The bytes written so far.
  std::span<uint8_t> written() const { return buf_.first(pos_); }

  void u8(uint8_t v) {
    if (uint8_t* p = take(1)) *p = v;
  }
  void u16(uint16_t v) {
    if (uint8_t* p = take(2)) store_be16(p, v);
  }
  void u24(uint32_t v) {
    if (uint8_t* p = take(3)) store_be24(p, v);
  }
  void u32(uint32_t v) {
    if (uint8_t* p = take(4)) store_be32(p, v);
  }
  void u64(uint64_t v) {
    if (uint8_t* p = take(8)) store_be64(p, v);
  }
  void bytes(std::span<const uint8_t> b) {
    if (b.empty()) return;
    if (uint8_t* p = take(b.size())) std::memcpy(p, b.data(), b.size());
  }
  void chars(std::string_view s) {
    bytes({reinterpret_cast<const uint8_t*>(s.data()), s.size()});
  }
  void zeros(size_t n) {
    if (uint8_t* p = take(n)) std::memset(p, 0, n);
  }
  // Reserves n bytes to fill in later (e.g. a length field); returns their offset.
  size_t reserve(size_t n) {
    size_t at = pos_;
    zeros(n);
    return at;
  }
  // Patches already-written bytes (for lengths known only at the end).
  void patch_u16(size_t offset, uint16_t v) {
    if (ok_ && offset + 2 <= pos_) store_be16(buf_.data() + offset, v); else ok_ = false;
  }
  void patch_u32(size_t offset, uint32_t v) {
    if (ok_ && offset + 4 <= pos_) store_be32(buf_.data() + offset, v); else ok_ = false;
  }

 private:
  uint8_t* take(size_t n) {
    if (!ok_ || buf_.size() - pos_ < n) {
      ok_ = false;
      return nullptr;
    }
    uint8_t* p = buf_.data() + pos_;
    pos_ += n;
    return p;
  }

  std::span<uint8_t> buf_;
  size_t pos_ = 0;
  bool ok_ = true;
};

}  // namespace tern

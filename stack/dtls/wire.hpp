#pragma once
// Helpers shared by the handshake message codecs: a growable writer with TLS-style length
// prefixes (RFC 5246 §4.3 vectors: <floor..ceiling> with a 1-, 2- or 3-byte length), and the
// matching bounds-checked reader.
#include <cstdint>
#include <span>
#include <vector>

#include "common/byte_reader.hpp"
#include "common/error.hpp"
#include "dtls/errc.hpp"

namespace tern::dtls {

// Appends big-endian fields to an owned vector (handshake messages are built once per flight,
// off the packet hot path).
class WireBuilder {
 public:
  void u8(uint8_t v) { out_.push_back(v); }
  void u16(uint16_t v) {
    u8(static_cast<uint8_t>(v >> 8));
    u8(static_cast<uint8_t>(v));
  }
  void u24(uint32_t v) {
    u8(static_cast<uint8_t>(v >> 16));
    u16(static_cast<uint16_t>(v));
  }
  void bytes(std::span<const uint8_t> b) { out_.insert(out_.end(), b.begin(), b.end()); }
  // Starts a vector with a `width`-byte length prefix; returns a mark for end_vector().
  size_t begin_vector(size_t width) {
    size_t mark = out_.size();
    out_.insert(out_.end(), width, 0);
    return mark | (width << 56);
  }
  // Patches the length of the vector started at `mark`.
  void end_vector(size_t mark) {
    size_t width = mark >> 56;
    size_t at = mark & ((size_t{1} << 56) - 1);
    size_t len = out_.size() - at - width;
    for (size_t i = 0; i < width; ++i) out_[at + width - 1 - i] = static_cast<uint8_t>(len >> (8 * i));
  }
  // Writes a whole length-prefixed opaque vector.
  void opaque(size_t width, std::span<const uint8_t> b) {
    size_t mark = begin_vector(width);
    bytes(b);
    end_vector(mark);
  }
  size_t size() const { return out_.size(); }
  std::vector<uint8_t> take() { return std::move(out_); }

 private:
  std::vector<uint8_t> out_;
};

// Reads a `width`-byte length prefix and returns a reader over that many bytes, checking
// floor <= length <= ceiling. On failure returns an error naming `what` at the prefix position.
inline Result<ByteReader> read_vector(ByteReader& r, size_t width, size_t floor, size_t ceiling, const char* what) {
  size_t at = r.position();
  size_t len = width == 1 ? r.u8() : width == 2 ? r.u16() : r.u24();
  if (!r.ok()) return Error(DtlsErrc::kTruncated, what, static_cast<uint32_t>(at));
  if (len < floor || len > ceiling) return Error(DtlsErrc::kBadLength, what, static_cast<uint32_t>(at));
  if (!r.has(len)) return Error(DtlsErrc::kTruncated, what, static_cast<uint32_t>(at));
  return r.sub(len);
}

}  // namespace tern::dtls

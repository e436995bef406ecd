#pragma once
// HMAC-SHA1 (RFC 2104) specialised for per-packet authentication (SRTP/SRTCP auth tags, RFC 3711
// §4.2.1): the inner and outer padded-key hash states are computed once per key, and each MAC
// starts from a plain copy of them, so a MAC costs the message's compression rounds plus one
// outer block and never allocates. (The general-purpose `Hmac` in hmac.hpp re-keys through
// EVP_MAC, which costs about 25% more per 1200-byte packet; see tests/bench/bench_srtp.cpp.)
#include <cstddef>
#include <cstdint>
#include <memory>
#include <span>

namespace tern::crypto {

inline constexpr size_t kSha1DigestSize = 20;

class HmacSha1 {
 public:
  // Keys of any length are accepted (RFC 2104 §2: keys longer than 64 bytes are hashed first).
  explicit HmacSha1(std::span<const uint8_t> key);
  ~HmacSha1();
  HmacSha1(HmacSha1&&) noexcept;
  HmacSha1& operator=(HmacSha1&&) noexcept;
  HmacSha1(const HmacSha1&) = delete;
  HmacSha1& operator=(const HmacSha1&) = delete;

  // HMAC-SHA1(key, first || second) into `out`; `second` may be empty. Two parts let SRTP
  // authenticate "packet || ROC" without copying the packet.
  void compute(std::span<const uint8_t> first, std::span<const uint8_t> second,
               std::span<uint8_t, kSha1DigestSize> out) const;

 private:
  struct State;
  std::unique_ptr<State> state_;
};

}  // namespace tern::crypto

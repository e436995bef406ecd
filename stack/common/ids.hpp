#pragma once
// Strong ID types: an Ssrc is not a Tsn is not a PayloadType, even though all are integers.
// Plus RFC 1982 serial-number comparison for the wrapping counters (RTP sequence numbers, TSNs).
#include <compare>
#include <cstdint>
#include <functional>
#include <string>
#include <type_traits>

namespace tern {

template <class Tag, class Rep>
struct StrongId {
  using rep_type = Rep;
  Rep value{};

  constexpr StrongId() = default;
  constexpr explicit StrongId(Rep v) : value(v) {}
  constexpr auto operator<=>(const StrongId&) const = default;
};

struct SsrcTag {};
struct SeqNoTag {};
struct TsnTag {};
struct StreamIdTag {};
struct PayloadTypeTag {};

using Ssrc = StrongId<SsrcTag, uint32_t>;            // RFC 3550 §5.1 synchronization source
using SeqNo = StrongId<SeqNoTag, uint16_t>;          // RFC 3550 §5.1 sequence number (wraps)
using Tsn = StrongId<TsnTag, uint32_t>;              // RFC 9260 §3.3.1 transmission sequence number
using StreamId = StrongId<StreamIdTag, uint16_t>;    // RFC 9260 stream identifier
using PayloadType = StrongId<PayloadTypeTag, uint8_t>;  // RFC 3550 §5.1, 7 bits

// A media identification tag (RFC 9143 a=mid): a short token, compared as a string.
struct Mid {
  std::string value;
  auto operator<=>(const Mid&) const = default;
};

// RFC 1982 serial-number arithmetic: a is "newer" than b when it is ahead by less than half the
// number space. Works for uint16_t and uint32_t counters.
template <class U>
constexpr bool serial_newer(U a, U b) {
  static_assert(std::is_unsigned_v<U>);
  using S = std::make_signed_t<U>;
  return a != b && static_cast<S>(static_cast<U>(a - b)) > 0;
}
template <class U>
constexpr bool serial_newer_or_equal(U a, U b) {
  return a == b || serial_newer(a, b);
}

}  // namespace tern

template <class Tag, class Rep>
struct std::hash<tern::StrongId<Tag, Rep>> {
  size_t operator()(const tern::StrongId<Tag, Rep>& id) const noexcept { return std::hash<Rep>{}(id.value); }
};

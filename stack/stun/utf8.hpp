#pragma once
// UTF-8 checks for the text attributes (RFC 3629), without allocation.
#include <cstddef>
#include <cstdint>
#include <optional>
#include <span>

namespace tern::stun {

// The number of characters in `text` when it is well-formed UTF-8 (RFC 3629 §4: no overlongs, no
// surrogates, nothing above U+10FFFF); nullopt otherwise, with the offset of the first bad byte
// stored in `*bad_at` when `bad_at` is given.
std::optional<size_t> utf8_length(std::span<const uint8_t> text, size_t* bad_at = nullptr);

}  // namespace tern::stun

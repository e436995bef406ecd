#pragma once
// Hex encoding for tests, logs and the inspector (not used on packet paths).
#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "common/error.hpp"

namespace tern {

enum class HexErrc : uint16_t { kOddLength = 1, kBadDigit };

// Lower-case hex, no separators.
std::string to_hex(std::span<const uint8_t> data);
// Accepts upper/lower case; ignores whitespace, ':' separators and a leading "0x" per token, so
// RFC vectors and Wireshark dumps can be pasted as they are.
Result<std::vector<uint8_t>> from_hex(std::string_view text);

}  // namespace tern

TERN_DECLARE_ERRC(tern::HexErrc);

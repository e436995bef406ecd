#pragma once
// UTF-8 validation (RFC 3629 §4) for the DCEP Label and Protocol fields.
#include <cstddef>
#include <optional>
#include <string_view>

namespace tern::datachannel {

// The offset of the first byte that does not start a well-formed UTF-8 sequence (overlong forms,
// surrogates U+D800..U+DFFF and code points above U+10FFFF are ill-formed, RFC 3629 §3), or
// nullopt when `text` is valid.
std::optional<size_t> find_invalid_utf8(std::string_view text);

}  // namespace tern::datachannel

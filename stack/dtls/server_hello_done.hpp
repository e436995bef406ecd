#pragma once
// ServerHelloDone (RFC 5246 §7.4.5): an empty body that ends the server's hello flight.
#include <cstdint>
#include <span>

#include "common/error.hpp"

namespace tern::dtls {

// Errors: kTrailingData when the body is not empty.
Status parse_server_hello_done(std::span<const uint8_t> body);

}  // namespace tern::dtls

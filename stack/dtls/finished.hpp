#pragma once
// Finished (RFC 5246 §7.4.9): verify_data = PRF(master_secret, finished_label,
// Hash(handshake_messages))[0..11]. All tern cipher suites use the default 12-byte length.
//
//   +------------------------------------------------+
//   | verify_data (12)                               |
//   +------------------------------------------------+
#include <array>
#include <cstdint>
#include <span>
#include <string>
#include <vector>

#include "common/error.hpp"

namespace tern::dtls {

inline constexpr size_t kVerifyDataSize = 12;

struct Finished {
  std::array<uint8_t, kVerifyDataSize> verify_data{};
  bool operator==(const Finished&) const = default;
};

// Errors: kBadLength when the body is not exactly 12 bytes.
Result<Finished> parse_finished(std::span<const uint8_t> body);
std::vector<uint8_t> serialize(const Finished& message);
std::string describe(const Finished& message);

}  // namespace tern::dtls

#pragma once
// HelloVerifyRequest (RFC 6347 §4.2.1): the server's stateless cookie challenge.
//
//   +-------------------------------+---------------+---------------------+
//   | server_version (2)            | cookie len (1)| cookie <0..2^8-1>   |
//   +-------------------------------+---------------+---------------------+
#include <cstdint>
#include <span>
#include <string>
#include <vector>

#include "common/error.hpp"
#include "dtls/record.hpp"

namespace tern::dtls {

struct HelloVerifyRequest {
  // RFC 6347 §4.2.1: DTLS 1.2 servers SHOULD send DTLS 1.0 here whatever they will negotiate.
  uint16_t server_version = kDtls10;
  std::vector<uint8_t> cookie;
  bool operator==(const HelloVerifyRequest&) const = default;
};

// Errors: kTruncated, kTrailingData.
Result<HelloVerifyRequest> parse_hello_verify_request(std::span<const uint8_t> body);
std::vector<uint8_t> serialize(const HelloVerifyRequest& request);
std::string describe(const HelloVerifyRequest& request);

}  // namespace tern::dtls

#include "dtls/server_hello_done.hpp"

#include "dtls/errc.hpp"

namespace tern::dtls {

Status parse_server_hello_done(std::span<const uint8_t> body) {
  if (!body.empty()) return Error(DtlsErrc::kTrailingData, "ServerHelloDone body not empty", 0);
  return {};
}

}  // namespace tern::dtls

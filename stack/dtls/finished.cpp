#include "dtls/finished.hpp"

#include <algorithm>

#include "common/hex.hpp"
#include "dtls/errc.hpp"

namespace tern::dtls {

Result<Finished> parse_finished(std::span<const uint8_t> body) {
  if (body.size() != kVerifyDataSize) return Error(DtlsErrc::kBadLength, "verify_data not 12 bytes", 0);
  Finished m;
  std::copy(body.begin(), body.end(), m.verify_data.begin());
  return m;
}

std::vector<uint8_t> serialize(const Finished& m) { return {m.verify_data.begin(), m.verify_data.end()}; }

std::string describe(const Finished& m) { return "Finished\n  verify_data: " + to_hex(m.verify_data) + "\n"; }

}  // namespace tern::dtls

#include "crypto/random.hpp"

#include <openssl/rand.h>

#include <climits>

#include "common/assert.hpp"

namespace tern::crypto {

void SystemRng::fill(std::span<uint8_t> out) {
  while (!out.empty()) {
    size_t n = out.size() > INT_MAX ? INT_MAX : out.size();
    int ok = RAND_bytes(out.data(), static_cast<int>(n));
    // Without entropy nothing secure can be built; this is an environment failure, not input.
    TERN_ASSERT(ok == 1, "RAND_bytes failed");
    out = out.subspan(n);
  }
}

}  // namespace tern::crypto

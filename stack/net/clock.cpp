#include "net/clock.hpp"

#include <time.h>

namespace tern::net {

Timestamp monotonic_now() {
  timespec ts;
  ::clock_gettime(CLOCK_MONOTONIC, &ts);
  return Timestamp::from_micros(static_cast<int64_t>(ts.tv_sec) * 1000000 + ts.tv_nsec / 1000);
}

}  // namespace tern::net

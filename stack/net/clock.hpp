#pragma once
// The wall side of Timestamp: the monotonic clock event loops hand to sans-IO machines.
#include "common/time.hpp"

namespace tern::net {

// CLOCK_MONOTONIC as a Timestamp (microseconds since boot); never goes backwards.
Timestamp monotonic_now();

}  // namespace tern::net

#pragma once
// Human-readable dumps for the inspector and for test failures.
#include <string>

#include "ice/agent.hpp"

namespace tern::ice {

// The agent's state, one line per field: role, states, credentials' ufrags, candidates, pairs
// (state, priority, flags), the selected pair and the non-zero counters.
std::string describe(const Agent& agent);

}  // namespace tern::ice

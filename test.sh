#!/usr/bin/env bash
# The test command: installs what is missing, builds everything (g++, warnings are errors) and runs
# every test: unit tests, simulated-network tests and conformance. Usage: ./test.sh [ctest args...]
set -euo pipefail
cd "$(dirname "$0")"
source ./deps.sh
tern_install_deps

build=${TERN_BUILD_DIR:-build}
cmake -S . -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo -DTERN_WERROR=ON
cmake --build "$build" -j2
ctest --test-dir "$build" --output-on-failure -j2 "$@"

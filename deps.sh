#!/usr/bin/env bash
# Installs tern's build and test dependencies from Debian's packages when any is missing.
# Sourced by run.sh and test.sh; safe to run on its own. Needs root (or sudo) only when installing.
set -euo pipefail

tern_packages=(
  cmake ninja-build g++ clang libclang-rt-14-dev pkg-config
  libssl-dev libsrtp2-dev libusrsctp-dev libopus-dev libvpx-dev catch2 coturn
)

tern_install_deps() {
  local missing=()
  local pkg
  for pkg in "${tern_packages[@]}"; do
    dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed" || missing+=("$pkg")
  done
  if [ ${#missing[@]} -eq 0 ]; then
    return 0
  fi
  echo "tern: installing missing packages: ${missing[*]}"
  local sudo=""
  if [ "$(id -u)" -ne 0 ]; then sudo="sudo"; fi
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}"
}

if [ "${BASH_SOURCE[0]}" = "$0" ]; then
  tern_install_deps
fi

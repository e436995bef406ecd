#!/usr/bin/env bash
# Real-peer conformance: pairs stdio peers (PROTOCOL.md) through harness.js and prints one PASS/FAIL
# line per check, then benchmark lines. Installs what is missing first (npm ci; Debian's chromium).
# Runs inside a fresh network namespace that has only loopback when it can (unshare), so no packet
# can leave the machine. Exit status: non-zero if any check failed.
#
#   conformance/peers/run.sh                  # every pair that exists today
#   TERN_CLI=/path/to/tern-cli run.sh         # adds the tern pairs
#   TERN_PEERS_NETNS=off run.sh               # host loopback instead of a namespace
set -euo pipefail
cd "$(dirname "$0")"
here=$(pwd)

# ---- dependencies (before entering the namespace: they need the package registries) -----------------
if [ -z "${TERN_PEERS_IN_NETNS:-}" ]; then
  if ! command -v node >/dev/null || ! command -v npm >/dev/null; then
    echo "FAIL peers/setup node and npm are required"; exit 1
  fi
  if [ ! -f node_modules/node-datachannel/package.json ] || [ ! -f node_modules/playwright-core/package.json ]; then
    echo "peers: npm ci"
    npm ci --no-audit --no-fund --loglevel=error
  fi
  if [ ! -x "${TERN_CHROMIUM:-/usr/bin/chromium}" ]; then
    echo "peers: installing Debian's chromium"
    sudo=""; if [ "$(id -u)" -ne 0 ]; then sudo="sudo"; fi
    $sudo apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq chromium
  fi
fi

# ---- isolation: a network namespace with only loopback -------------------------------------------------
if [ -z "${TERN_PEERS_IN_NETNS:-}" ] && [ "${TERN_PEERS_NETNS:-auto}" != off ] && command -v unshare >/dev/null \
   && command -v ip >/dev/null; then
  ns=""
  if unshare -n true 2>/dev/null; then ns="unshare -n"
  elif unshare -rn true 2>/dev/null; then ns="unshare -rn"
  fi
  if [ -n "$ns" ]; then
    echo "peers: running in a network namespace with only loopback ($ns)"
    exec $ns env TERN_PEERS_IN_NETNS=1 bash "$here/run.sh" "$@"
  fi
fi
if [ -n "${TERN_PEERS_IN_NETNS:-}" ]; then
  ip link set lo up
else
  echo "peers: no network namespace; running on the host loopback (peers bind and announce 127.0.0.1 only)"
fi

# ---- the pairs -----------------------------------------------------------------------------------------
rc=0
limit=${TERN_PEERS_PAIR_TIMEOUT:-300}
ldc="node $here/ldc-peer.js"
chromium="node $here/chromium-peer.js"
logs=$(mktemp -d "${TMPDIR:-/tmp}/tern-peers-XXXXXX")

# pair NAME OFFERER_CMD ANSWERER_CMD [harness args...]
pair() {
  local name=$1 offer=$2 answer=$3; shift 3
  local lenient=()
  # libdatachannel may crash at exit (INTEROP.md): judge it by its result lines.
  case "$offer|$answer" in
    *ldc-peer*"|"*ldc-peer*) lenient=(--lenient-exit both) ;;
    *ldc-peer*"|"*) lenient=(--lenient-exit offer) ;;
    *"|"*ldc-peer*) lenient=(--lenient-exit answer) ;;
  esac
  timeout --kill-after=15 "$limit" node "$here/harness.js" --name "$name" --offer "$offer" --answer "$answer" \
    --log-dir "$logs/$name" "${lenient[@]}" "$@" || rc=1
}

start=$(date +%s)
pair ldc-ldc "$ldc" "$ldc"
pair ldc-chromium "$ldc" "$chromium"
pair chromium-ldc "$chromium" "$ldc"
pair chromium-chromium "$chromium" "$chromium"
if [ -n "${TERN_CLI:-}" ]; then
  tern="$TERN_CLI --signal stdio"
  pair tern-ldc "$tern" "$ldc"
  pair ldc-tern "$ldc" "$tern"
  pair tern-chromium "$tern" "$chromium"
  pair chromium-tern "$chromium" "$tern"
  pair tern-tern "$tern" "$tern"
fi

# ---- benchmarks: the baseline the C++ stack must beat (printed, never judged) ----------------------------
pair ldc-ldc "$ldc" "$ldc" --bench --bench-runs 5 --bulk-bytes 32MiB --chunk 64KiB
pair ldc-chromium "$ldc" "$chromium" --bench --bench-runs 3 --bulk-bytes 32MiB --chunk 64KiB
if [ -n "${TERN_CLI:-}" ]; then
  pair tern-tern "$tern" "$tern" --bench --bench-runs 5 --bulk-bytes 32MiB --chunk 64KiB
  pair tern-chromium "$tern" "$chromium" --bench --bench-runs 3 --bulk-bytes 32MiB --chunk 64KiB
fi

echo "peers: done in $(( $(date +%s) - start )) s; transcripts and peer stderr in $logs"
exit $rc

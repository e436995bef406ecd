#!/usr/bin/env bash
# The main job: installs what is missing, builds, and runs tern-inspect on real captures — a
# Chromium SDP offer, the RFC 5769 STUN request and an RTP packet — printing what each decodes to.
# Until the two-peer demo lands (M5), the inspector is the most useful program tern has.
set -euo pipefail
cd "$(dirname "$0")"
source ./deps.sh
tern_install_deps

build=${TERN_BUILD_DIR:-build}
cmake -S . -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo -DTERN_WERROR=ON
cmake --build "$build" -j2 --target tern-inspect
inspect="$build/apps/tern-inspect/tern-inspect"

echo "== tern-inspect sdp tests/data/sdp/chromium_offer_audio_video_dc.sdp"
"$inspect" sdp tests/data/sdp/chromium_offer_audio_video_dc.sdp
echo
echo "== tern-inspect packet <RFC 5769 §2.1 sample request>"
"$inspect" packet @apps/tern-inspect/examples/rfc5769_request.hex
echo
echo "== tern-inspect packet <RTP with a one-byte header extension>"
"$inspect" packet @apps/tern-inspect/examples/rtp_with_extension.hex
echo
echo "== tern-inspect packet <RTCP SR + SDES compound>"
"$inspect" packet @apps/tern-inspect/examples/rtcp_sr_sdes.hex
echo
echo "== tern-inspect sdp <an SDP with a mistake>"
"$inspect" sdp apps/tern-inspect/examples/broken.sdp || echo "(exit code $?: the error above names the line)"

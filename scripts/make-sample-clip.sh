#!/usr/bin/env bash
# Regenerates the tiny clip the simulator's CDN serves (electron/core/simulator/assets/sample.mp4).
# It is committed so tests never need ffmpeg; run this only to change the clip.
# Choices: H.264 main profile + yuv420p + AAC play in Chromium/Electron's <video> everywhere;
# +faststart puts the moov atom first so a partial download can already be probed; the moving
# test pattern and a tone make it obvious in the UI that playback (and audio) really works.
set -euo pipefail

FFMPEG="${FFMPEG:-/usr/bin/ffmpeg}"
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
OUT="$ROOT/electron/core/simulator/assets/sample.mp4"
TMP="$OUT.tmp.mp4"

mkdir -p "$(dirname "$OUT")"
"$FFMPEG" -hide_banner -loglevel error -y \
  -f lavfi -i "testsrc2=size=320x180:rate=24:duration=2.5" \
  -f lavfi -i "sine=frequency=440:sample_rate=44100:duration=2.5" \
  -map 0:v -map 1:a \
  -c:v libx264 -profile:v main -pix_fmt yuv420p -preset veryslow -crf 30 -g 48 \
  -c:a aac -b:a 48k -ac 1 \
  -shortest -movflags +faststart -map_metadata -1 -fflags +bitexact -flags:v +bitexact -flags:a +bitexact \
  "$TMP"
# Write-then-rename: never leave a half-written clip where the simulator would serve it.
mv "$TMP" "$OUT"
echo "wrote $OUT ($(stat -c %s "$OUT") bytes)"
